// The popup's budget with 10,000 saved items: each search keystroke re-filters in memory, and
// must leave most of a 50 ms frame budget for rendering. Prints the measured figures.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, makeView, refreshView, visibleItems } from '../../../../src/ui/popup/model';
import { makeItem } from './fake-api';

const WORDS = 'alibaba memo pla white house intelligence denial embassy reuters financial times cloud military contracts verification sources washington beijing'.split(' ');

function text(n: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(n * 7 + i * 13) % WORDS.length]!);
  return out.join(' ');
}

function collection(size: number) {
  return Array.from({ length: size }, (_, n) =>
    makeItem(n, {
      title: `${text(n, 10)} ${n}`,
      note: n % 3 === 0 ? text(n + 1, 25) : '',
      quote: n % 4 === 2 ? text(n + 2, 50) : '',
      tags: n % 5 === 0 ? ['china', `batch-${n % 40}`] : [],
      storyId: n % 7 === 0 ? null : 'alibaba-pla-memo',
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('10,000 saved items', () => {
  it('filters within the per-keystroke budget', () => {
    const items = collection(10_000);
    const builds: number[] = [];
    let view = makeView(items);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      view = makeView(items);
      builds.push(performance.now() - t0);
    }
    const buildMs = median(builds);
    // The first render sorts by date; keystrokes then reuse that order.
    visibleItems(view, DEFAULT_FILTERS, new Set());

    const typed = 'alibaba denial emb';
    const times: number[] = [];
    const hidden = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i <= typed.length; i++) {
        const start = performance.now();
        const shown = visibleItems(view, { ...DEFAULT_FILTERS, text: typed.slice(0, i) }, hidden);
        times.push(performance.now() - start);
        expect(shown.length).toBeLessThanOrEqual(items.length);
      }
    }
    const edited = items.map((item, n) => (n === 5000 ? { ...item, note: 'edited' } : item));
    const refreshStart = performance.now();
    view = refreshView(view, edited);
    const refreshMs = performance.now() - refreshStart;
    const sortStart = performance.now();
    visibleItems(view, { ...DEFAULT_FILTERS, text: 'alibaba', sort: 'title' }, hidden);
    const firstTitleSortMs = performance.now() - sortStart;

    console.log(
      `[popup perf] index build ${buildMs.toFixed(1)} ms; keystroke filter median ${median(times).toFixed(2)} ms, ` +
        `max ${Math.max(...times).toFixed(2)} ms over ${times.length}; refresh after one edit ${refreshMs.toFixed(1)} ms; ` +
        `first title sort ${firstTitleSortMs.toFixed(1)} ms`,
    );
    expect(median(times)).toBeLessThan(50);
    expect(visibleItems(view, { ...DEFAULT_FILTERS, text: 'edited' }, new Set())).toHaveLength(1);
    expect(buildMs).toBeLessThan(1000);
  });
});
