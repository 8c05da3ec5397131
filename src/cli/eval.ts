/**
 * Scores story detection against a labelled folder.
 *
 *   npx tsx src/cli/eval.ts <folder with labels.json> [--json]
 *
 * labels.json: [{ "file": "pos/x.html", "label": "pos" | "neg", "lang": "en", "url"?: ... }].
 * The label's `url` is NOT given to detection (the content must decide); the page's canonical
 * link or file:// URL is. Prints precision, recall and F1 overall and per language, the
 * prefilter's recall, and names every miss and false alarm. Exits 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { bundledPacks } from '../packs/bundled';
import { prefilterIndex } from '../packs/prefilter-index';
import { detectStory } from '../detection/detect';
import { prefilter, readPrefilterInput } from '../detection/prefilter';

interface Label {
  file: string;
  label: 'pos' | 'neg';
  lang?: string | null;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
if (!folder) {
  process.stderr.write('usage: tsx src/cli/eval.ts <folder with labels.json> [--json]\n');
  process.exit(2);
}
const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Label[];

const overall: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
const byLang = new Map<string, Tally>();
const misses: string[] = [];
const falseAlarms: string[] = [];
let prefilterKept = 0;
let prefilterKeptPositives = 0;
let positives = 0;
const prefilterMisses: string[] = [];

for (const item of labels) {
  const path = join(folder, item.file);
  const { document } = parseHTML(readFileSync(path, 'utf8'));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const url = /^https?:\/\//.test(canonical) ? canonical : pathToFileURL(resolve(path)).href;
  const kept = prefilter(readPrefilterInput(document, url), prefilterIndex).length > 0;
  const result = detectStory(document, url, bundledPacks);
  const predicted = result.storyId !== null;
  const actual = item.label === 'pos';
  const lang = (item.lang ?? 'und').toLowerCase().split(/[-_]/)[0] || 'und';
  const tally = byLang.get(lang) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  byLang.set(lang, tally);
  const key = predicted ? (actual ? 'tp' : 'fp') : actual ? 'fn' : 'tn';
  overall[key]++;
  tally[key]++;
  if (kept) prefilterKept++;
  if (actual) {
    positives++;
    if (kept) prefilterKeptPositives++;
    else prefilterMisses.push(item.file);
  }
  const why = `score ${result.score}/${result.threshold}${result.requirementsMet ? '' : ' (co-occurrence not met)'}; ${result.signals
    .map((s) => `${s.id}@${s.where}:"${s.text}"`)
    .join(', ')}`;
  if (key === 'fn') misses.push(`${item.file} [${lang}] ${why}`);
  if (key === 'fp') falseAlarms.push(`${item.file} [${lang}] ${why}`);
}

function metrics(t: Tally) {
  const precision = t.tp + t.fp === 0 ? null : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? null : t.tp / (t.tp + t.fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const fmt = (n: number | null) => (n === null ? ' n/a ' : n.toFixed(3));

if (args.includes('--json')) {
  process.stdout.write(
    `${JSON.stringify(
      {
        overall: { ...overall, ...metrics(overall) },
        byLang: Object.fromEntries([...byLang].map(([lang, t]) => [lang, { ...t, ...metrics(t) }])),
        prefilter: { kept: prefilterKept, total: labels.length, positivesKept: prefilterKeptPositives, positives, misses: prefilterMisses },
        misses,
        falseAlarms,
      },
      null,
      2,
    )}\n`,
  );
} else {
  const rows = [['overall', overall] as const, ...[...byLang].sort(([a], [b]) => a.localeCompare(b))];
  const out: string[] = [];
  out.push(`${labels.length} pages in ${folder}`);
  out.push('lang      pages  tp  fp  fn  tn  precision  recall     F1');
  for (const [name, t] of rows) {
    const m = metrics(t);
    const pages = t.tp + t.fp + t.fn + t.tn;
    out.push(
      `${name.padEnd(8)} ${String(pages).padStart(6)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)} ${String(t.tn).padStart(3)}      ${fmt(m.precision)}   ${fmt(m.recall)}  ${fmt(m.f1)}`,
    );
  }
  out.push(`prefilter kept ${prefilterKept}/${labels.length} pages; ${prefilterKeptPositives}/${positives} positives`);
  for (const file of prefilterMisses) out.push(`  prefilter miss: ${file}`);
  out.push(`misses (${misses.length}):`);
  for (const line of misses) out.push(`  ${line}`);
  out.push(`false alarms (${falseAlarms.length}):`);
  for (const line of falseAlarms) out.push(`  ${line}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exit(misses.length + falseAlarms.length > 0 ? 1 : 0);
