/**
 * Time per page of the prefilter and of full detection, in node (linkedom documents), over the
 * frozen fixtures: the labelled corpus pages, the real pages, and the pages built from real site
 * templates (whole articles, teasers, client-rendered pages once their text is in, fronts). The
 * heaviest page (most elements) is named with its own median.
 *
 *   npx tsx src/cli/bench-detect.ts [--runs N] [--json]
 *
 * Each page is parsed once (parsing is the browser's cost, not ours), then each stage runs N
 * times on it; a page's time is the median of its runs, and the table gives the median, p95 and
 * maximum over pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { bundledPacks } from '../packs/bundled';
import { prefilterIndex } from '../packs/prefilter-index';
import { detectStory } from '../detection/detect';
import { prefilter, readPrefilterInput } from '../detection/prefilter';
import { buildAll, type Family } from './template-pages';

const root = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
interface BenchSet {
  name: string;
  pages: () => { file: string; html: string }[];
}
const fromDir = (dir: string) => () => htmlFiles(dir).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
const fromTemplates = (family: Family) => () => buildAll((c) => c.family === family).map((c) => ({ file: c.file, html: c.html }));
const SETS: BenchSet[] = [
  { name: 'corpus', pages: fromDir(join(root, 'corpus/pages')) },
  { name: 'realpages', pages: fromDir(join(root, 'realpages/pages')) },
  { name: 'templates', pages: fromTemplates('template') },
  { name: 'teasers', pages: fromTemplates('teaser') },
  { name: 'late text', pages: fromTemplates('late') },
  { name: 'fronts', pages: fromTemplates('front') },
];

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 15) : 15;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path);
      return name.endsWith('.html') ? [path] : [];
    });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function timeIt(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return quantile(times, 0.5);
}

interface Row {
  set: string;
  stage: string;
  pages: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const rows: Row[] = [];
let heaviest = { file: '', elements: 0, medianMs: NaN };
for (const set of SETS) {
  const docs = set.pages().map(({ file, html }) => ({ file, doc: parseHTML(html).document as unknown as Document }));
  // A URL no pack lists, so known-coverage lookups cannot shortcut the work being timed.
  const url = pathToFileURL(join(root, 'page.html')).href;
  // Warm up the JIT and the per-pack caches, as a long-lived content script would be after its first page.
  for (const { doc } of docs.slice(0, 5)) {
    prefilter(readPrefilterInput(doc, url), prefilterIndex);
    detectStory(doc, url, bundledPacks);
  }
  const pre: number[] = [];
  const full: number[] = [];
  for (const { file, doc } of docs) {
    pre.push(timeIt(() => prefilter(readPrefilterInput(doc, url), prefilterIndex)));
    const ms = timeIt(() => detectStory(doc, url, bundledPacks));
    full.push(ms);
    const elements = doc.querySelectorAll('*').length;
    if (elements > heaviest.elements) heaviest = { file: file.replace(root, ''), elements, medianMs: ms };
  }
  for (const [stage, times] of [
    ['prefilter', pre],
    ['full detection', full],
  ] as const) {
    const sorted = [...times].sort((a, b) => a - b);
    rows.push({ set: set.name, stage, pages: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), maxMs: sorted[sorted.length - 1] ?? NaN });
  }
}

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ runsPerPage: RUNS, node: process.version, rows, heaviest }, null, 2)}\n`);
} else {
  const lines = [
    `node ${process.version}, ${RUNS} runs per page, time per page in ms`,
    'set         stage            pages   median      p95      max',
  ];
  for (const r of rows) {
    lines.push(
      `${r.set.padEnd(11)} ${r.stage.padEnd(15)} ${String(r.pages).padStart(6)} ${r.medianMs.toFixed(3).padStart(8)} ${r.p95Ms.toFixed(3).padStart(8)} ${r.maxMs.toFixed(3).padStart(8)}`,
    );
  }
  lines.push(`heaviest page: ${heaviest.file} (${heaviest.elements} elements), full detection ${heaviest.medianMs.toFixed(3)} ms median`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
