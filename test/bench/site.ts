// The pages the benchmark loads, served from 127.0.0.1 like the e2e suite serves them
// (test/e2e/sidebar.e2e.ts): the development-set pages as files, the seed articles as news
// pages, and Readability's saved real pages under a policy that keeps their own scripts and
// subresources from running or leaving the machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, seedPageHtml } from '../e2e/harness/pages';
import { startServer, type TestServer } from '../e2e/harness/server';
import { parseHTML } from 'linkedom';
import { prefilter, readPrefilterInput } from '../../src/detection/prefilter';
import { prefilterIndex } from '../../src/packs/prefilter-index';

export const REAL_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
export const SEEDS = ['000_22b88a4c825870c9.txt', '002_070c77320a5da855.txt'];

interface Label {
  file: string;
  label: 'pos' | 'neg';
}

export interface BenchPage {
  /** Path on the test server. */
  path: string;
  /** Short name for tables. */
  name: string;
  group: 'corpus-neg' | 'real-heavy' | 'real' | 'seed' | 'corpus-pos';
}

export interface BenchSite {
  server: TestServer;
  corpusNeg: BenchPage[];
  /** Every saved real page; the heavy ones are picked in the browser. */
  real: BenchPage[];
  story: BenchPage[];
}

function labels(dir: string): Label[] {
  return JSON.parse(readFileSync(join(FIXTURES, dir, 'labels.json'), 'utf8')) as Label[];
}

const base = (file: string) => file.replace(/^.*\//, '').replace(/\.html$/, '');

export async function startSite(): Promise<BenchSite> {
  const server = await startServer();
  const corpus = labels('corpus/pages');
  const real = labels('realpages/pages').filter((l) => l.label === 'neg');
  const corpusNeg: BenchPage[] = [];
  const story: BenchPage[] = [];
  SEEDS.forEach((seed, i) => {
    server.route(`/seed/${i}.html`, { body: seedPageHtml(seed) });
    story.push({ path: `/seed/${i}.html`, name: `seed ${seed.slice(0, 3)}`, group: 'seed' });
  });
  for (const l of corpus) {
    server.route(`/corpus/${l.file}`, { file: join(FIXTURES, 'corpus/pages', l.file) });
    const page: BenchPage = { path: `/corpus/${l.file}`, name: base(l.file), group: l.label === 'pos' ? 'corpus-pos' : 'corpus-neg' };
    (l.label === 'pos' ? story : corpusNeg).push(page);
  }
  const realPages = real.map((l): BenchPage => {
    server.route(`/real/${l.file}`, { file: join(FIXTURES, 'realpages/pages', l.file), headers: { 'content-security-policy': REAL_PAGE_POLICY } });
    return { path: `/real/${l.file}`, name: base(l.file), group: 'real' };
  });
  return { server, corpusNeg, real: realPages, story };
}

/** Whether the content script's first stage passes this page on to the detector (read in node). */
export function passesPrefilter(page: BenchPage): boolean {
  const file = page.path.replace(/^\/corpus\//, '');
  const { document } = parseHTML(readFileSync(join(FIXTURES, 'corpus/pages', file), 'utf8'));
  return prefilter(readPrefilterInput(document as unknown as Document, `http://127.0.0.1${page.path}`), prefilterIndex).length > 0;
}
