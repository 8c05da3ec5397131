/**
 * Scores story detection against a labelled folder.
 *
 *   npx tsx src/cli/eval.ts [folder...] [--family template|teaser|late|front] [--json]
 *
 * A folder holds labels.json: [{ "file": "pos/x.html", "label": "pos" | "neg", "lang": "en",
 * "url"?: ... }], or cases.json (test/fixtures/templates: pages built from real site templates,
 * see template-pages.ts). Without a folder, every labelled set is scored. The label's `url` is NOT
 * given to detection (the content must decide); the page's canonical link or file:// URL is.
 * A folder may hold story.json ({ "story": "<pack id>" }): its positives then count only when
 * detected as that story, so one story's page taken for another's is a miss and a false alarm.
 * Prints precision, recall and F1 overall, per language and per family, the prefilter's recall,
 * how much of the inserted article text the extractor recovered per template, and names every
 * miss and false alarm. Exits 1 when there is any.
 *
 * Late-text pages are judged as the content script judges them: the prefilter on the page as
 * served (before its script renders the article), detection once the text has arrived, and the
 * page as served must be one the late-text watch waits on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { bundledPacks } from '../packs/bundled';
import { prefilterIndex } from '../packs/prefilter-index';
import { candidatePacks } from '../detection/candidates';
import { detectStory } from '../detection/detect';
import { prefilter, readPrefilterInput } from '../detection/prefilter';
import { extractPage } from '../detection/extract';
import { awaitsText } from '../detection/late-text';
import { buildAll, FIXTURES } from './template-pages';

interface Label {
  file: string;
  label: 'pos' | 'neg';
  lang?: string | null;
  /** The pack id a positive must be detected as; any story when absent. */
  story?: string;
}

interface Page extends Label {
  family: string;
  template?: string;
  html: string;
  /** Late text: the page as served. */
  shell?: string;
  paragraphs?: string[];
  /** Used as the page URL when the page has no http(s) canonical link. */
  path: string;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const args = process.argv.slice(2);
const familyArg = args.includes('--family') ? args[args.indexOf('--family') + 1] : undefined;
const folders = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--family');
if (folders.length === 0) {
  folders.push(join(FIXTURES, 'corpus/pages'));
  const stories = join(FIXTURES, 'stories');
  if (existsSync(stories)) for (const id of readdirSync(stories).sort()) folders.push(join(stories, id, 'corpus/pages'));
  folders.push(join(FIXTURES, 'realpages/pages'), join(FIXTURES, 'templates'));
}

function loadFolder(folder: string): Page[] {
  if (existsSync(join(folder, 'cases.json'))) {
    return buildAll((c) => !familyArg || c.family === familyArg).map((c) => ({
      file: c.file,
      label: c.label,
      lang: c.lang,
      family: c.family,
      template: c.template,
      html: c.html,
      ...(c.shell === undefined ? {} : { shell: c.shell }),
      paragraphs: c.paragraphs,
      path: join(folder, c.file),
    }));
  }
  if (familyArg) return [];
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Label[];
  const story = existsSync(join(folder, 'story.json')) ? (JSON.parse(readFileSync(join(folder, 'story.json'), 'utf8')) as { story: string }).story : undefined;
  const parts = folder.replace(/\/+$/, '').split('/');
  // A story's corpus is named by its story; the other folders by their last two parts.
  const family = parts.includes('stories') ? parts[parts.lastIndexOf('stories') + 1]! : parts.slice(-2).join('/');
  return labels.map((l) => ({ ...l, ...(story ? { story } : {}), family, html: readFileSync(join(folder, l.file), 'utf8'), path: join(folder, l.file) }));
}

const pages = folders.flatMap(loadFolder);
const overall: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
const byLang = new Map<string, Tally>();
const byFamily = new Map<string, Tally>();
const misses: string[] = [];
const falseAlarms: string[] = [];
let prefilterKept = 0;
let prefilterKeptPositives = 0;
let positives = 0;
const prefilterMisses: string[] = [];
const lateUnwatched: string[] = [];
/** Per template: share of the inserted text's characters found in the extracted main text. */
const recovery = new Map<string, number[]>();

function shareRecovered(paragraphs: readonly string[], mainText: string): number {
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  if (total === 0) return 1;
  const flat = mainText.replace(/\s+/g, ' ');
  let found = 0;
  for (const p of paragraphs) if (flat.includes(p.replace(/\s+/g, ' ').trim())) found += p.length;
  return found / total;
}

for (const item of pages) {
  const { document } = parseHTML(item.html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const url = /^https?:\/\//.test(canonical) ? canonical : pathToFileURL(resolve(item.path)).href;
  const served = item.shell === undefined ? document : parseHTML(item.shell).document;
  const candidates = prefilter(readPrefilterInput(served, url), prefilterIndex);
  const kept = candidates.length > 0;
  // Scored as the content script scores it: against the packs the first stage named.
  const packs = candidatePacks(bundledPacks, candidates);
  let result = detectStory(document, url, packs);
  if (item.shell !== undefined) {
    // What the content script sees at document_end decides, unless the watch waits for more.
    const first = detectStory(served, url, packs);
    if (first.storyId !== null) result = first;
    else if (!awaitsText(first)) {
      result = first;
      if (item.label === 'pos') lateUnwatched.push(item.file);
    }
  }
  if (item.template && item.paragraphs && item.family === 'template') {
    const list = recovery.get(item.template) ?? [];
    list.push(shareRecovered(item.paragraphs, extractPage(document).mainText));
    recovery.set(item.template, list);
  }
  // The content script never runs the detector on a page the prefilter dismissed.
  const actual = item.label === 'pos';
  // A positive of a named story counts only as that story; any story on a negative is a false alarm.
  const predicted = result.storyId !== null && kept && (!actual || item.story === undefined || result.storyId === item.story);
  const lang = (item.lang ?? 'und').toLowerCase().split(/[-_]/)[0] || 'und';
  const tally = byLang.get(lang) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  byLang.set(lang, tally);
  const fam = byFamily.get(item.family) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  byFamily.set(item.family, fam);
  const key = predicted ? (actual ? 'tp' : 'fp') : actual ? 'fn' : 'tn';
  overall[key]++;
  tally[key]++;
  fam[key]++;
  if (kept) prefilterKept++;
  if (actual) {
    positives++;
    if (kept) prefilterKeptPositives++;
    else prefilterMisses.push(item.file);
  }
  const why = `score ${result.score}/${result.threshold}${result.requirementsMet ? '' : ' (co-occurrence not met)'}${kept ? '' : ' (prefilter dismissed)'}; ${result.extraction}; ${result.signals
    .map((s) => `${s.id}@${s.where}:"${s.text}"`)
    .join(', ')}`;
  if (key === 'fn') misses.push(`${item.file} [${lang}] ${why}`);
  if (key === 'fp') falseAlarms.push(`${item.file} [${lang}] ${why}`);
}
const labels = pages;
const folder = folders.join(', ');

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
        byFamily: Object.fromEntries([...byFamily].map(([f, t]) => [f, { ...t, ...metrics(t) }])),
        prefilter: { kept: prefilterKept, total: labels.length, positivesKept: prefilterKeptPositives, positives, misses: prefilterMisses },
        recovery: Object.fromEntries([...recovery].map(([t, v]) => [t, Math.min(...v)])),
        lateUnwatched,
        misses,
        falseAlarms,
      },
      null,
      2,
    )}\n`,
  );
} else {
  const rows = [
    ['overall', overall] as const,
    ...[...byLang].sort(([a], [b]) => a.localeCompare(b)),
    ...[...byFamily].sort(([a], [b]) => a.localeCompare(b)),
  ];
  const out: string[] = [];
  out.push(`${labels.length} pages in ${folder}`);
  out.push('lang / family     pages  tp  fp  fn  tn  precision  recall     F1');
  for (const [name, t] of rows) {
    const m = metrics(t);
    const n = t.tp + t.fp + t.fn + t.tn;
    out.push(
      `${name.padEnd(16)} ${String(n).padStart(6)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)} ${String(t.tn).padStart(3)}      ${fmt(m.precision)}   ${fmt(m.recall)}  ${fmt(m.f1)}`,
    );
  }
  out.push(`prefilter kept ${prefilterKept}/${labels.length} pages; ${prefilterKeptPositives}/${positives} positives`);
  for (const file of prefilterMisses) out.push(`  prefilter miss: ${file}`);
  if (recovery.size > 0) {
    out.push('article text recovered by the extractor, worst page per template:');
    for (const [t, v] of [...recovery].sort(([a], [b]) => a.localeCompare(b))) out.push(`  ${t.padEnd(20)} ${(Math.min(...v) * 100).toFixed(0).padStart(3)}%  (${v.length} pages)`);
  }
  for (const file of lateUnwatched) out.push(`  late-text page the watch would not wait on: ${file}`);
  out.push(`misses (${misses.length}):`);
  for (const line of misses) out.push(`  ${line}`);
  out.push(`false alarms (${falseAlarms.length}):`);
  for (const line of falseAlarms) out.push(`  ${line}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exit(misses.length + falseAlarms.length + lateUnwatched.length > 0 ? 1 : 0);
