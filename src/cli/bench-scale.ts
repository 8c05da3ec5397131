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
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { bundledPackJson } from '../packs/data/index';
import { parsePack } from '../packs/load';
import type { StoryPack } from '../packs/schema';
import { compilePack, usePrecompiled } from '../detection/compile';
import { detectionSlice, readBundledEntry, type DetectionPack } from '../packs/detection-slice';
import { bundledDetectionEntries } from '../packs/detection-data';
import { useCoverageKeys } from '../detection/url';
import { candidatePacks } from '../detection/candidates';
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

/**
 * Scripts written without spaces, whose terms match anywhere in the text: a copy's prefix is two
 * letters of the term's own script, as another story's name in that language would be. (A Latin
 * prefix on a Chinese term would key every copy's terms on the same few Latin letters, a cost no
 * real set of stories has.) Bases are away from the most frequent characters; 26 letters each.
 */
const UNSPACED_SCRIPTS: readonly [from: number, to: number, base: number][] = [
  [0x3040, 0x30ff, 0x30a2], // kana: katakana ア…
  [0x3400, 0x9fff, 0x5a00], // CJK ideographs
  [0xac00, 0xd7af, 0xb000], // Hangul syllables
  [0x0600, 0x06ff, 0x0628], // Arabic letters ب…
];

function prefixFor(word: string, k: number): string {
  const c = word.codePointAt(word.startsWith('*') ? 1 : 0) ?? 0;
  const script = UNSPACED_SCRIPTS.find(([from, to]) => c >= from && c <= to);
  if (!script) return prefixOf(k);
  const base = script[2];
  return String.fromCodePoint(base + (Math.floor(k / 26) % 26), base + (k % 26));
}

function relabelTerm(term: string, k: number): string {
  return term
    .split(' ')
    .map((w) => (w === '+' || w === '' ? w : w.startsWith('*') ? `*${prefixFor(w, k)}${w.slice(1)}` : `${prefixFor(w, k)}${w}`))
    .join(' ');
}

function relabelTerms(byLang: Record<string, string[]> | undefined, k: number): Record<string, string[]> | undefined {
  if (!byLang) return byLang;
  return Object.fromEntries(Object.entries(byLang).map(([lang, list]) => [lang, list.map((t) => relabelTerm(t, k))]));
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
  pack.id = `${pack.id}-copy-${k}`;
  const d = pack.detection;
  d.prefilterTerms = relabelTerms(d.prefilterTerms, k)!;
  for (const s of d.signals) s.terms = relabelTerms(s.terms, k)!;
  for (const m of d.mentionKinds) {
    m.terms = relabelTerms(m.terms, k)!;
    if (m.negations) m.negations = relabelTerms(m.negations, k);
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
/** Every bundled story's labelled pages: the first story's at the top, later ones by pack id. */
const CORPORA = ['corpus/pages', ...bundledPackJson.map((p) => `stories/${(p as { id: string }).id}/corpus/pages`)].filter((dir) => existsSync(join(root, dir, 'labels.json')));

interface Pages {
  realPages: Document[];
  corpus: (Labelled & { doc: Document })[];
  storyPages: Document[];
}
let pagesRead: Pages | null = null;
/** Parsed once, on first use: importing this module (npm run bench does) costs nothing. */
function pages(): Pages {
  if (pagesRead) return pagesRead;
  const realPages = labels('realpages/pages').map((l) => docOf(join(root, 'realpages/pages', l.file)));
  const corpus = CORPORA.flatMap((dir) => labels(dir).map((l) => ({ ...l, doc: docOf(join(root, dir, l.file)) })));
  return (pagesRead = { realPages, corpus, storyPages: corpus.filter((c) => c.label === 'pos').map((c) => c.doc) });
}

// ---- the run -------------------------------------------------------------------------------

export interface ScaleRow {
  packs: number;
  prefilterTerms: number;
  detectionTerms: number;
  indexBytes: number;
  indexGzip: number;
  firstStageCompileMs: number;
  /** Fresh tab: the index read back and compiled, then matched. */
  firstStageMs: { median: number; p95: number };
  /** The index already compiled (a second check in the same page). */
  firstStageWarmMs: { median: number; p95: number };
  realPages: number;
  storyPages: number;
  nearMisses: number;
  /**
   * Detection as a new page runs it: the first stage's candidate packs (first stage included),
   * compiled on the page, or for the bundled packs read back from what the build compiled.
   */
  storyDetectMs: { median: number; p95: number };
  nearMissDetectMs: { median: number; p95: number };
  /** The same with the candidate packs already compiled (a second check on one page). */
  storyWarmMs: { median: number; p95: number };
  nearMissWarmMs: { median: number; p95: number };
  /** Every pack in force scored, as before candidates were used: the comparison. */
  storyAllPacksMs: { median: number; p95: number };
  nearMissAllPacksMs: { median: number; p95: number };
  compileAllPacksMs: number;
  installUpdateMs: number;
}

function countDetectionTerms(p: StoryPack): number {
  const c = compilePack(p);
  return c.signals.reduce((a, s) => a + s.terms.length, 0) + c.mentions.reduce((a, m) => a + m.terms.length + m.negations.length, 0);
}

function measure(n: number, runs: number): ScaleRow {
  const { realPages, corpus, storyPages } = pages();
  const time = (fn: () => void, r = runs) => timeIt(fn, r);
  const json = syntheticPackJson(n);
  const packs = json.map(parsePack);
  const index: PrefilterIndex = buildPrefilterIndex(packs);
  const indexJson = JSON.stringify(index);
  // The near misses of the bundled stories: negatives that the first stage passes on.
  const nearMisses = corpus.filter((c) => c.label === 'neg' && prefilter(readPrefilterInput(c.doc, URL_), index).length > 0).map((c) => c.doc);

  const firstStageCompileMs = time(() => compileFirstStage(JSON.parse(indexJson) as PrefilterIndex));
  // The page's fields are read by the browser's DOM, not linkedom's: only the matching is timed
  // here, with what a fresh tab pays first (the index read back, its lookups compiled).
  const inputs = realPages.map((d) => readPrefilterInput(d, URL_));
  for (const input of inputs.slice(0, 3)) prefilter(input, index);
  const first = inputs.map((input) => time(() => prefilter(input, JSON.parse(indexJson) as PrefilterIndex)));
  const firstWarm = inputs.map((input) => time(() => prefilter(input, index)));

  const compileStart = cpuMs();
  for (const p of packs) compilePack(p);
  const compileAllPacksMs = cpuMs() - compileStart;
  const detectRuns = Math.min(runs, 5);
  for (const d of storyPages.slice(0, 3)) detectStory(d, URL_, packs);
  const story = storyPages.map((d) => time(() => detectStory(d, URL_, packs), detectRuns));
  const near = nearMisses.map((d) => time(() => detectStory(d, URL_, packs), detectRuns));
  // What the content script does (content/story-page.ts): the first stage's names, then those packs.
  const candidatesOf = (d: Document) => candidatePacks(packs, prefilter(readPrefilterInput(d, URL_), index));
  const storyCand = storyPages.map((d) => time(() => detectStory(d, URL_, candidatesOf(d)), detectRuns));
  const nearCand = nearMisses.map((d) => time(() => detectStory(d, URL_, candidatesOf(d)), detectRuns));
  // A new page has compiled nothing: each run gets the packs as new objects, as the content
  // script's second stage holds them: the bundled ones with the build's compiled terms and
  // coverage keys (content/bundled-detection.ts), the others to be compiled on the page.
  const asOnANewPage = (p: DetectionPack): DetectionPack => {
    const fresh = detectionSlice(structuredClone(p));
    const entry = bundledDetectionEntries.find((b) => b.id === p.id);
    const built = entry ? readBundledEntry(entry) : null;
    if (built && JSON.stringify(fresh) === JSON.stringify(built.pack)) {
      usePrecompiled(fresh, built.terms);
      useCoverageKeys(fresh, built.coverage);
    }
    return fresh;
  };
  const onANewPage = (d: Document) => {
    const fresh = Array.from({ length: detectRuns }, () => candidatesOf(d).map(asOnANewPage));
    let run = 0;
    return time(() => detectStory(d, URL_, candidatePacks(fresh[run++]!, prefilter(readPrefilterInput(d, URL_), index))), detectRuns);
  };
  const storyNew = storyPages.map(onANewPage);
  const nearNew = nearMisses.map(onANewPage);

  // An update of one pack in a set of n: validate it, compile it, rebuild the index over all.
  const updated = json[n - 1];
  const installUpdateMs = time(() => {
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
    firstStageWarmMs: { median: median(firstWarm), p95: p95(firstWarm) },
    realPages: realPages.length,
    storyPages: storyPages.length,
    nearMisses: nearMisses.length,
    storyDetectMs: { median: median(storyNew), p95: p95(storyNew) },
    nearMissDetectMs: { median: median(nearNew), p95: p95(nearNew) },
    storyWarmMs: { median: median(storyCand), p95: p95(storyCand) },
    nearMissWarmMs: { median: median(nearCand), p95: p95(nearCand) },
    storyAllPacksMs: { median: median(story), p95: p95(story) },
    nearMissAllPacksMs: { median: median(near), p95: p95(near) },
    compileAllPacksMs,
    installUpdateMs,
  };
}

/** The rows for sets of `counts` packs. */
export function measureScale(counts: readonly number[] = COUNTS, runs = RUNS): ScaleRow[] {
  return counts.map((n) => measure(n, runs));
}

/** How the cost grows from the smallest set to the largest: per pack and per term. */
export function growth(rows: readonly ScaleRow[]): string[] {
  const [a, b] = [rows[0], rows[rows.length - 1]];
  if (!a || !b || b.packs <= a.packs) return [];
  const per = (x: number, y: number) => ((y - x) / (b.packs - a.packs)).toFixed(4);
  const perTerm = (x: number, y: number, tx: number, ty: number) => (((y - x) / (ty - tx)) * 1000).toFixed(3);
  return [
    `growth per added pack: first stage ${per(a.firstStageMs.median, b.firstStageMs.median)} ms per page in a fresh tab (index compile ${per(a.firstStageCompileMs, b.firstStageCompileMs)} ms), story detection on a new page ${per(a.storyDetectMs.median, b.storyDetectMs.median)} ms, near-miss detection on a new page ${per(a.nearMissDetectMs.median, b.nearMissDetectMs.median)} ms, scoring every pack instead ${per(a.storyAllPacksMs.median, b.storyAllPacksMs.median)} ms, install ${per(a.installUpdateMs, b.installUpdateMs)} ms`,
    `per term: first stage ${perTerm(a.firstStageMs.median, b.firstStageMs.median, a.prefilterTerms, b.prefilterTerms)} µs per prefilter term, scoring every pack ${perTerm(a.storyAllPacksMs.median, b.storyAllPacksMs.median, a.detectionTerms, b.detectionTerms)} µs per detection term`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = measureScale();
  const { realPages, storyPages } = pages();
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ node: process.version, runs: RUNS, realPages: realPages.length, storyPages: storyPages.length, rows }, null, 2)}\n`);
  } else {
    const f = (x: number) => x.toFixed(3).padStart(8);
    const lines = [
      `node ${process.version}; ${realPages.length} real pages (first stage), ${storyPages.length} story pages of both stories, near misses as counted per set; CPU ms, median (p95) over pages`,
      'packs  pf-terms  det-terms  index KiB (gz)   compile  1st stage, fresh (p95)   warm    story detect, new page (p95)   near misses: n, detect, new page (p95)   every pack scored: story, near   install update',
    ];
    for (const r of rows) {
      lines.push(
        `${String(r.packs).padStart(5)} ${String(r.prefilterTerms).padStart(9)} ${String(r.detectionTerms).padStart(10)}  ${(r.indexBytes / 1024).toFixed(1).padStart(6)} (${(r.indexGzip / 1024).toFixed(1).padStart(5)})  ${f(r.firstStageCompileMs)}  ${f(r.firstStageMs.median)} (${f(r.firstStageMs.p95)})  ${f(r.firstStageWarmMs.median)}  ${f(r.storyDetectMs.median)} (${f(r.storyDetectMs.p95)})   ${String(r.nearMisses).padStart(3)}, ${f(r.nearMissDetectMs.median)} (${f(r.nearMissDetectMs.p95)})   ${f(r.storyAllPacksMs.median)}, ${f(r.nearMissAllPacksMs.median)}   ${f(r.installUpdateMs)}`,
      );
    }
    lines.push(...growth(rows));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
