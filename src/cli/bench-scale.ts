/**
 * How the cost grows with the number of stories, in node (linkedom documents). Synthetic sets
 * of 1, 10 and 100 packs are made from the bundled packs, copies with relabelled terms (every
 * word gets a two-letter prefix of its own per copy, so no copy matches what the original
 * matches and the copies' names are as unlike each other as different stories' are). For each:
 *
 * - the prefilter index: terms and size (JSON, gzip);
 * - the first stage per non-story page (the saved real pages): compiling the index's lookups
 *   (what a fresh tab pays once) and one prefilter run (median over runs);
 * - the second stage: full detection against every pack, on the story pages and on the near
 *   misses (development negatives that pass the prefilter), after the packs are compiled;
 * - the same, scored only against the packs the first stage named for the page;
 * - installing a pack update: validate + compile + rebuild the prefilter index over the set.
 *
 * Times are the process's CPU time, so other work on the machine moves them less.
 *
 *   npx tsx src/cli/bench-scale.ts [--runs N] [--counts 1,10,100] [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { bundledPackJson } from '../packs/data/index';
import { parsePack } from '../packs/load';
import type { StoryPack } from '../packs/schema';
import { compilePack } from '../detection/compile';
import { detectStory } from '../detection/detect';
import { compileFirstStage } from '../detection/first-stage';
import { prefilter, readPrefilterInput } from '../detection/prefilter';
import { buildPrefilterIndex } from '../detection/prefilter-build';
import type { PrefilterIndex } from '../detection/types';

const root = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(opt('--runs')) || 9);
const COUNTS = (opt('--counts') ?? '1,10,100').split(',').map(Number);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length / 2;
  return s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(0.95 * s.length) - 1))] ?? NaN;
}
/**
 * The process's CPU time (user + system), not the wall clock: on a shared machine the wall
 * clock also counts the time other processes had the core. Microsecond resolution.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
function timeIt(fn: () => void, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = cpuMs();
    fn();
    times.push(cpuMs() - t);
  }
  return median(times);
}

// ---- synthetic packs -------------------------------------------------------------------------

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Copy k's prefix: two letters, different for every k ≥ 1 up to 676. */
const prefixOf = (k: number) => LETTERS[Math.floor(k / 26) % 26]! + LETTERS[k % 26]!;

function relabelTerm(term: string, prefix: string): string {
  return term
    .split(' ')
    .map((w) => (w === '+' || w === '' ? w : w.startsWith('*') ? `*${prefix}${w.slice(1)}` : `${prefix}${w}`))
    .join(' ');
}

function relabelTerms(byLang: Record<string, string[]> | undefined, prefix: string): Record<string, string[]> | undefined {
  if (!byLang) return byLang;
  return Object.fromEntries(Object.entries(byLang).map(([lang, list]) => [lang, list.map((t) => relabelTerm(t, prefix))]));
}

interface RawDetection {
  prefilterTerms: Record<string, string[]>;
  signals: { terms: Record<string, string[]> }[];
  mentionKinds: { terms: Record<string, string[]>; negations?: Record<string, string[]> }[];
}

/** Copy k of a pack as JSON (k = 0 is the pack itself): another id, every term relabelled. */
export function relabelledPack(json: unknown, k: number): unknown {
  if (k === 0) return json;
  const pack = structuredClone(json) as { id: string; detection: RawDetection };
  const prefix = prefixOf(k);
  pack.id = `${pack.id}-copy-${k}`;
  const d = pack.detection;
  d.prefilterTerms = relabelTerms(d.prefilterTerms, prefix)!;
  for (const s of d.signals) s.terms = relabelTerms(s.terms, prefix)!;
  for (const m of d.mentionKinds) {
    m.terms = relabelTerms(m.terms, prefix)!;
    if (m.negations) m.negations = relabelTerms(m.negations, prefix);
  }
  return pack;
}

/** n packs: the bundled ones in turn, the first round as they are, later rounds relabelled. */
export function syntheticPackJson(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => relabelledPack(bundledPackJson[i % bundledPackJson.length], Math.floor(i / bundledPackJson.length)));
}

// ---- pages ---------------------------------------------------------------------------------

interface Labelled {
  file: string;
  label: 'pos' | 'neg';
}
const docOf = (file: string) => parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
const labels = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'labels.json'), 'utf8')) as Labelled[];
const URL_ = 'https://bench.example/page.html';

const realPages = labels('realpages/pages').map((l) => docOf(join(root, 'realpages/pages', l.file)));
const corpus = labels('corpus/pages').map((l) => ({ ...l, doc: docOf(join(root, 'corpus/pages', l.file)) }));
const storyPages = corpus.filter((c) => c.label === 'pos').map((c) => c.doc);

// ---- the run -------------------------------------------------------------------------------

interface ScaleRow {
  packs: number;
  prefilterTerms: number;
  detectionTerms: number;
  indexBytes: number;
  indexGzip: number;
  firstStageCompileMs: number;
  firstStageMs: { median: number; p95: number };
  nearMisses: number;
  storyDetectMs: { median: number; p95: number };
  nearMissDetectMs: { median: number; p95: number };
  /** Detection against the first stage's candidate packs only (first stage included). */
  storyCandidatesMs: { median: number; p95: number };
  nearMissCandidatesMs: { median: number; p95: number };
  compileAllPacksMs: number;
  installUpdateMs: number;
}

function countDetectionTerms(p: StoryPack): number {
  const c = compilePack(p);
  return c.signals.reduce((a, s) => a + s.terms.length, 0) + c.mentions.reduce((a, m) => a + m.terms.length + m.negations.length, 0);
}

function measure(n: number): ScaleRow {
  const json = syntheticPackJson(n);
  const packs = json.map(parsePack);
  const index: PrefilterIndex = buildPrefilterIndex(packs);
  const indexJson = JSON.stringify(index);
  // The near misses of the bundled stories: negatives that the first stage passes on.
  const nearMisses = corpus.filter((c) => c.label === 'neg' && prefilter(readPrefilterInput(c.doc, URL_), index).length > 0).map((c) => c.doc);

  const firstStageCompileMs = timeIt(() => compileFirstStage(JSON.parse(indexJson) as PrefilterIndex));
  for (const d of realPages.slice(0, 3)) prefilter(readPrefilterInput(d, URL_), index);
  const first = realPages.map((d) => timeIt(() => prefilter(readPrefilterInput(d, URL_), index)));

  const compileStart = cpuMs();
  for (const p of packs) compilePack(p);
  const compileAllPacksMs = cpuMs() - compileStart;
  for (const d of storyPages.slice(0, 3)) detectStory(d, URL_, packs);
  const story = storyPages.map((d) => timeIt(() => detectStory(d, URL_, packs), Math.min(RUNS, 5)));
  const near = nearMisses.map((d) => timeIt(() => detectStory(d, URL_, packs), Math.min(RUNS, 5)));
  // The same pages scored only against the packs the first stage named for them.
  const candidatesOf = (d: Document) => {
    const ids = new Set(prefilter(readPrefilterInput(d, URL_), index));
    return packs.filter((p) => ids.has(p.id));
  };
  const storyCand = storyPages.map((d) => timeIt(() => detectStory(d, URL_, candidatesOf(d)), Math.min(RUNS, 5)));
  const nearCand = nearMisses.map((d) => timeIt(() => detectStory(d, URL_, candidatesOf(d)), Math.min(RUNS, 5)));

  // An update of one pack in a set of n: validate it, compile it, rebuild the index over all.
  const updated = json[n - 1];
  const installUpdateMs = timeIt(() => {
    const p = parsePack(structuredClone(updated));
    compilePack(p);
    buildPrefilterIndex([...packs.slice(0, -1), p]);
  }, 5);

  return {
    packs: n,
    prefilterTerms: index.packs.reduce((a, p) => a + p.terms.length, 0),
    detectionTerms: packs.reduce((a, p) => a + countDetectionTerms(p), 0),
    indexBytes: Buffer.byteLength(indexJson),
    indexGzip: gzipSync(indexJson).length,
    firstStageCompileMs,
    firstStageMs: { median: median(first), p95: p95(first) },
    nearMisses: nearMisses.length,
    storyDetectMs: { median: median(story), p95: p95(story) },
    nearMissDetectMs: { median: median(near), p95: p95(near) },
    storyCandidatesMs: { median: median(storyCand), p95: p95(storyCand) },
    nearMissCandidatesMs: { median: median(nearCand), p95: p95(nearCand) },
    compileAllPacksMs,
    installUpdateMs,
  };
}

const rows = COUNTS.map(measure);
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ node: process.version, runs: RUNS, realPages: realPages.length, storyPages: storyPages.length, rows }, null, 2)}\n`);
} else {
  const f = (x: number) => x.toFixed(3).padStart(8);
  const lines = [
    `node ${process.version}; ${realPages.length} real pages (first stage), ${storyPages.length} story pages, near misses as counted per set; CPU ms, median (p95) over pages`,
    'packs  pf-terms  det-terms  index KiB (gz)   1st compile  1st per page (p95)   story detect (p95)   near misses: n, detect (p95)   candidates only: story, near   compile all   install update',
  ];
  for (const r of rows) {
    lines.push(
      `${String(r.packs).padStart(5)} ${String(r.prefilterTerms).padStart(9)} ${String(r.detectionTerms).padStart(10)}  ${(r.indexBytes / 1024).toFixed(1).padStart(6)} (${(r.indexGzip / 1024).toFixed(1).padStart(5)})  ${f(r.firstStageCompileMs)}    ${f(r.firstStageMs.median)} (${f(r.firstStageMs.p95)})  ${f(r.storyDetectMs.median)} (${f(r.storyDetectMs.p95)})   ${String(r.nearMisses).padStart(3)}, ${f(r.nearMissDetectMs.median)} (${f(r.nearMissDetectMs.p95)})   ${f(r.storyCandidatesMs.median)}, ${f(r.nearMissCandidatesMs.median)}   ${f(r.compileAllPacksMs)}   ${f(r.installUpdateMs)}`,
    );
  }
  const [a, b] = [rows[0], rows[rows.length - 1]];
  if (a && b && b.packs > a.packs) {
    const per = (x: number, y: number) => ((y - x) / (b.packs - a.packs)).toFixed(4);
    lines.push(
      `growth per added pack: first stage ${per(a.firstStageMs.median, b.firstStageMs.median)} ms per page (compile ${per(a.firstStageCompileMs, b.firstStageCompileMs)} ms), story detection ${per(a.storyDetectMs.median, b.storyDetectMs.median)} ms, near-miss detection ${per(a.nearMissDetectMs.median, b.nearMissDetectMs.median)} ms, install ${per(a.installUpdateMs, b.installUpdateMs)} ms`,
      `per term: story detection ${(((b.storyDetectMs.median - a.storyDetectMs.median) / (b.detectionTerms - a.detectionTerms)) * 1000).toFixed(2)} µs per detection term, first stage ${(((b.firstStageMs.median - a.firstStageMs.median) / (b.prefilterTerms - a.prefilterTerms)) * 1000).toFixed(3)} µs per prefilter term`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
