// The index the content script's first stage tests pages against. It follows the packs the
// background installed from the pack feed (see packs/installed.ts); with none installed it is
// the bundled one and costs nothing more. The second stage's packs are in ./detection-packs,
// which the first stage must not import: it would carry the detector's data into every page.
import type { PrefilterIndex } from '../detection/types';
import { prefilterIndex } from '../packs/prefilter-index';

const g = globalThis as unknown as { storyContextIndex?: Promise<unknown> };

function isIndex(value: unknown): value is PrefilterIndex {
  const v = value as PrefilterIndex | null | undefined;
  return typeof v === 'object' && v !== null && v.formatVersion === 1 && typeof v.t2s === 'string' && Array.isArray(v.packs);
}

/**
 * The index for the first stage: the built-in one, or the installed packs' one when the
 * background's document_start helper (installed-index.ts) has started reading it. Synchronous
 * when nothing is installed, so the first stage takes no extra turn then.
 */
export function firstStageIndex(): PrefilterIndex | Promise<PrefilterIndex> {
  const pending = g.storyContextIndex;
  if (!pending) return prefilterIndex;
  return pending.then((value) => (isIndex(value) ? value : prefilterIndex), () => prefilterIndex);
}
