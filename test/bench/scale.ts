// How the cost grows with the number of stories (src/cli/bench-scale.ts, in node, CPU time):
// the same rows `npm run bench:scale` prints, as rows of the benchmark's one table, with the
// issue's targets for a hundred packs judged on the median.
import { growth, measureScale, type ScaleRow } from '../../src/cli/bench-scale';
import { fmtKiB, msRow, type Row, type TargetResult } from './report';
import type { Summary } from './stats';

export const SCALE_TARGETS = { firstStageMs: 1, detectMs: 5, nearMissMs: 2 } as const;
/** The set the targets are about. */
const JUDGED = 100;

const summary = (s: { median: number; p95: number }, n: number): Summary => ({ n, median: s.median, p95: s.p95, min: NaN, max: NaN });

export function runScale(counts: readonly number[], runs: number): { rows: ScaleRow[]; growth: string[] } {
  const rows = measureScale(counts, runs);
  return { rows, growth: growth(rows) };
}

export function scaleTableRows(rows: readonly ScaleRow[], targets: TargetResult[]): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const judged = r.packs === JUDGED;
    const opts = (limit: number, id: string) => (judged ? { limit, targets, id: `scale-${r.packs}-${id}` } : {});
    out.push({ measure: `Scale, ${r.packs} ${r.packs === 1 ? 'pack' : 'packs'}: prefilter index, ${r.prefilterTerms} terms (gzip)`, browser: 'node', median: fmtKiB(r.indexBytes), p95: `(${fmtKiB(r.indexGzip)})`, n: '', target: '', status: '' });
    out.push(msRow('  first stage per non-story page, fresh tab (index read, compiled, matched)', 'node', summary(r.firstStageMs, r.realPages), opts(SCALE_TARGETS.firstStageMs, 'first-stage')));
    out.push(msRow('  detection, story pages, a new page (first stage + its candidate packs, compiled there)', 'node', summary(r.storyDetectMs, r.storyPages), opts(SCALE_TARGETS.detectMs, 'detect')));
    out.push(msRow(`  detection, near misses that pass the prefilter, a new page`, 'node', summary(r.nearMissDetectMs, r.nearMisses), opts(SCALE_TARGETS.nearMissMs, 'near-miss')));
    out.push(msRow(`    the same, packs already compiled (a second check on one page)`, 'node', summary(r.nearMissWarmMs, r.nearMisses)));
    out.push(msRow('  for comparison: every pack scored, story pages', 'node', summary(r.storyAllPacksMs, r.storyPages)));
    out.push(msRow('  install a pack update (validate, compile, rebuild the index)', 'node', { n: 5, median: r.installUpdateMs, p95: r.installUpdateMs, min: NaN, max: NaN }));
  }
  return out;
}
