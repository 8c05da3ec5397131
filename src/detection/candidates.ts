/**
 * Which packs the second stage scores: those the first stage named for the page. Scoring every
 * pack in force made detection grow with the number of stories (72 ms with 100 packs, measured
 * by `npm run bench:scale`); a page's first stage names one or two. No names means every pack:
 * the background's "detect again" and the reader's "Check this page" ask about all stories.
 */
export function candidatePacks<P extends { id: string }>(packs: readonly P[], ids: readonly string[]): readonly P[] {
  if (ids.length === 0) return packs;
  const wanted = new Set(ids);
  return packs.filter((p) => wanted.has(p.id));
}
