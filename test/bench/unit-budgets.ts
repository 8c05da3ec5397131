/**
 * The wall-clock budgets that used to sit in the unit suite, measured here instead, in node:
 * the popup's in-memory search over 10,000 items (per keystroke), the database's warm query
 * over 10,000 items, and detection on a page of 100,000 elements. Prints each figure beside its
 * target; it always exits 0 (figures are for reading, not a verdict).
 *
 *   npm run bench:budgets
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { detectStory } from '../../src/detection/detect';
import { parseImport } from '../../src/formats/import-json';
import { bundledPacks } from '../../src/packs/bundled';
import { DEFAULT_FILTERS, makeView, refreshView, visibleItems } from '../../src/ui/popup/model';
import { validDoc, validItem } from '../unit/formats/malformed-exports';
import { destroy, freshStore } from '../unit/storage/helpers/db';
import { makeItem } from '../unit/ui/popup/fake-api';

const WORDS = 'alibaba memo pla white house intelligence denial embassy reuters financial times cloud military contracts verification sources washington beijing'.split(' ');

function text(n: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(n * 7 + i * 13) % WORDS.length]!);
  return out.join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** `target` null: a figure to read, with no budget of its own. */
const rows: { measure: string; ms: number; target: number | null }[] = [];
const report = (measure: string, ms: number, target: number | null) => rows.push({ measure, ms, target });

function popupSearch(): void {
  const items = Array.from({ length: 10_000 }, (_, n) =>
    makeItem(n, {
      title: `${text(n, 10)} ${n}`,
      note: n % 3 === 0 ? text(n + 1, 25) : '',
      quote: n % 4 === 2 ? text(n + 2, 50) : '',
      tags: n % 5 === 0 ? ['china', `batch-${n % 40}`] : [],
      storyId: n % 7 === 0 ? null : 'alibaba-pla-memo',
    }),
  );
  let view = makeView(items);
  report('popup, 10,000 items: index build (median of 3)', median([0, 1, 2].map(() => time(() => (view = makeView(items)))[1])), 1000);
  // The first render sorts by date; keystrokes then reuse that order.
  visibleItems(view, DEFAULT_FILTERS, new Set());
  const typed = 'alibaba denial emb';
  const keystrokes: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 1; i <= typed.length; i++) keystrokes.push(time(() => visibleItems(view, { ...DEFAULT_FILTERS, text: typed.slice(0, i) }, new Set()))[1]);
  }
  report('popup, 10,000 items: one search keystroke (median)', median(keystrokes), 50);
  report('popup, 10,000 items: one search keystroke (max)', Math.max(...keystrokes), null);
  const edited = items.map((item, n) => (n === 5000 ? { ...item, note: 'edited' } : item));
  report('popup, 10,000 items: refresh after one edit', time(() => (view = refreshView(view, edited)))[1], null);
  report('popup, 10,000 items: first sort by title', time(() => visibleItems(view, { ...DEFAULT_FILTERS, text: 'alibaba', sort: 'title' }, new Set()))[1], null);
}

async function storageQuery(): Promise<void> {
  const store = freshStore();
  const doc = validDoc(0);
  doc.items = Array.from({ length: 10_000 }, (_, n) => ({
    ...validItem(n),
    note: n % 100 === 0 ? `needle ${n} Österreich` : `note number ${n} about the memo`,
    tags: [`tag${n % 50}`],
  }));
  const parsed = parseImport(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(parsed.error);
  await store.repo.importData(parsed.data, 'apply');
  const runs: number[] = [];
  for (let n = 0; n < 5; n++) {
    const start = performance.now();
    await store.repo.listItems({ text: 'osterreich needle', tag: 'TAG0', sort: 'title', order: 'asc' });
    runs.push(performance.now() - start);
  }
  report('database, 10,000 items: warm query (fastest of 5, fake IndexedDB)', Math.min(...runs), 50);
  await destroy(store);
}

function hugePage(): void {
  const spans = '<span>word </span>'.repeat(100_000);
  const doc = parseHTML(`<html><body><div>${spans}</div><p>${'Alibaba '.repeat(20)}</p></body></html>`).document as unknown as Document;
  report('detection, a page of 100,000 elements (linkedom)', time(() => detectStory(doc, 'https://news.example/a', bundledPacks))[1], 15_000);
}

popupSearch();
await storageQuery();
hugePage();
const width = Math.max(...rows.map((r) => r.measure.length));
for (const r of rows) {
  const verdict = r.target === null ? '' : `  target ≤ ${r.target} ms  ${r.ms <= r.target ? 'met' : 'not met'}`;
  console.log(`${r.measure.padEnd(width)}  ${r.ms.toFixed(2).padStart(9)} ms${verdict}`);
}
