// `npm run bench:reach`: how many of the project's labelled story pages get the sidebar when a
// reader opens them at their original https addresses, in a default install (the production
// build, the reader answered "only the listed news sites") and with access to any site; and
// that every labelled negative stays untouched in both. Pages come from
// test/fixtures/corpus/pages (labels.json gives each page's original address) and are served
// through the harness's proxy and test certificate; nothing leaves the machine.
//
// Environment: BENCH_SKIP_BUILD=1 reuses the production build in .tmp/dist-reach.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, sidebarFrame, type BrowserName } from '../e2e/harness/browsers';
import { FIXTURES } from '../e2e/harness/pages';
import { answerWelcome, StandInSite, untouched } from '../e2e/harness/stand-ins';
import { bundledPackData } from '../../src/packs/bundled-data';
import { listedSites, matchPatternsFor } from '../../src/packs/listed-sites';
import { matchesPattern } from '../../src/ui/popup/site-access';

interface Labelled {
  file: string;
  label: 'pos' | 'neg';
  url: string;
}

type Mode = 'listed' | 'any';

interface Outcome {
  browser: BrowserName;
  mode: Mode;
  url: string;
  label: 'pos' | 'neg';
  /** Served at an unlisted outlet's address instead of its own. */
  relocated: boolean;
  /** Story pages: the sidebar's content showed. Negatives: the page was left exactly as served. */
  ok: boolean;
}

/** A story page that has not shown the sidebar by then is counted as missed. */
const STORY_WAIT_MS = 8_000;
/** A negative page is read within milliseconds of load; this leaves the detector ample time. */
const NEGATIVE_SETTLE_MS = 1_500;

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Real outlets that no pack names and the curated list leaves out: the story pages are served
 * again at these hosts (same paths), to show what a reader gets on a site the extension does
 * not list.
 */
const UNLISTED_HOSTS = ['www.thestar.com.my', 'www.manilatimes.net', 'www.dawn.com', 'www.thehindu.com', 'www.straitstimes.com'];

function labelledPages(): Array<Labelled & { html: string; relocated?: true }> {
  const dir = join(FIXTURES, 'corpus', 'pages');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labelled[];
  const original = labels.filter((l) => /^https:\/\//.test(l.url)).map((l) => ({ ...l, html: readFileSync(join(dir, l.file), 'utf8') }));
  const relocated = original
    .filter((p) => p.label === 'pos')
    .map((p, i) => {
      const u = new URL(p.url);
      u.hostname = UNLISTED_HOSTS[i % UNLISTED_HOSTS.length]!;
      u.pathname = `/${i}${u.pathname}`;
      return { ...p, url: u.href, relocated: true as const };
    });
  return [...original, ...relocated];
}

async function outcomeOf(s: Parameters<typeof sidebarFrame>[0], page: Page, p: Labelled & { html: string }): Promise<boolean> {
  if (p.label === 'pos') {
    try {
      await sidebarFrame(s, page, STORY_WAIT_MS);
      return true;
    } catch {
      return false;
    }
  }
  await new Promise((r) => setTimeout(r, NEGATIVE_SETTLE_MS));
  return untouched(page, p.html);
}

async function measure(browser: BrowserName, mode: Mode, distRoot: string, pages: ReturnType<typeof labelledPages>): Promise<Outcome[]> {
  const extensionDir = join(distRoot, browser === 'chromium' ? 'chrome' : 'firefox');
  const s = await launch(browser, { extensionDir });
  const out: Outcome[] = [];
  try {
    const site = new StandInSite(s);
    for (const p of pages) site.serve(p.url, p.html);
    // The welcome tab stays open: closing a browser's last tab would close the browser.
    await answerWelcome(s, mode);
    for (const p of pages) {
      // A tab per page: what one page's sidebar does must not decide the next page's outcome.
      const page = await s.browser.newPage();
      await page.goto(p.url).catch(() => undefined);
      const ok = await outcomeOf(s, page, p);
      out.push({ browser, mode, url: p.url, label: p.label, relocated: p.relocated === true, ok });
      if (process.env['BENCH_REACH_VERBOSE']) console.error(`  ${ok ? 'ok  ' : 'MISS'} ${p.label} ${p.url}`);
      await page.close().catch(() => undefined);
      if (process.env['BENCH_REACH_VERBOSE']) console.error('  tab closed');
    }
  } finally {
    if (process.env['BENCH_REACH_VERBOSE']) console.error('  closing');
    await s.close();
    if (process.env['BENCH_REACH_VERBOSE']) console.error('  closed');
  }
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(0)}%`);

export function reachReport(outcomes: Outcome[]): string {
  const lines: string[] = [];
  const patterns = matchPatternsFor(listedSites(bundledPackData));
  const coverage = bundledPackData.flatMap((p) => p.coverage.map((c) => c.url));
  const coveredHosts = new Set(coverage.filter((u) => patterns.some((m) => matchesPattern(m, u))).map((u) => new URL(u).hostname));
  const allHosts = new Set(coverage.map((u) => new URL(u).hostname));
  lines.push('Reach: labelled story pages that get the sidebar, at their original https addresses');
  lines.push(`  pack coverage hosts in a default install's matches: ${coveredHosts.size}/${allHosts.size}`);
  lines.push('  | install | browser | story pages with the sidebar | the same pages on unlisted outlets | negatives untouched |');
  lines.push('  | --- | --- | --- | --- | --- |');
  const share = (rows: Outcome[]) => `${rows.filter((o) => o.ok).length}/${rows.length} (${pct(rows.filter((o) => o.ok).length, rows.length)})`;
  for (const mode of ['listed', 'any'] as const) {
    for (const browser of BROWSERS) {
      const rows = outcomes.filter((o) => o.mode === mode && o.browser === browser);
      if (rows.length === 0) continue;
      const pos = rows.filter((o) => o.label === 'pos' && !o.relocated);
      const moved = rows.filter((o) => o.label === 'pos' && o.relocated);
      const neg = rows.filter((o) => o.label === 'neg');
      const label = mode === 'listed' ? 'default (listed sites)' : 'any site';
      lines.push(`  | ${label} | ${browser} | ${share(pos)} | ${share(moved)} | ${neg.filter((o) => o.ok).length}/${neg.length} |`);
      for (const o of pos.filter((o) => !o.ok)) lines.push(`      missed: ${o.url}`);
      if (mode === 'any') for (const o of moved.filter((o) => !o.ok)) lines.push(`      missed: ${o.url}`);
      for (const o of neg.filter((o) => !o.ok)) lines.push(`      touched: ${o.url}`);
    }
  }
  lines.push('  (Unlisted outlets in a default install are reached through the popup\'s "Check this page"; not counted here.)');
  return lines.join('\n');
}

/** Measures both installs in both browsers from the production builds under `distRoot`, and prints the table. */
export async function runReach(distRoot: string): Promise<Outcome[]> {
  // BENCH_REACH_LIMIT: the first n pages only, for a quick look.
  const limit = Number(process.env['BENCH_REACH_LIMIT'] ?? 0);
  const from = Number(process.env['BENCH_REACH_FROM'] ?? 0);
  const all = labelledPages().slice(from);
  const pages = limit > 0 ? all.slice(0, limit) : all;
  const outcomes: Outcome[] = [];
  const only = process.env['BENCH_REACH_BROWSERS']?.split(',') ?? BROWSERS;
  for (const mode of ['listed', 'any'] as const) {
    for (const browser of BROWSERS.filter((b) => only.includes(b))) {
      console.error(`reach: ${browser}, ${mode === 'listed' ? 'default install' : 'any site'}, ${pages.length} pages…`);
      outcomes.push(...(await measure(browser, mode, distRoot, pages)));
      console.error(`reach: ${browser} ${mode} done`);
    }
  }
  console.log(reachReport(outcomes));
  return outcomes;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.chdir(ROOT);
  const distRoot = resolve('.tmp/dist-reach');
  if (!(process.env['BENCH_SKIP_BUILD'] === '1' && existsSync(join(distRoot, 'chrome/manifest.json')))) {
    const r = spawnSync('npx', ['tsx', 'scripts/build.ts'], { env: { ...process.env, SC_DIST_ROOT: distRoot }, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) process.exit(1);
  }
  // The harness appends each session's network log under ./.tmp; keep the bench's apart from
  // the e2e suite's audit.
  const workDir = resolve('.tmp/reach-run');
  mkdirSync(workDir, { recursive: true });
  process.chdir(workDir);
  // A negative the extension touched fails the run: that is a bug, not a figure.
  const outcomes = await runReach(distRoot);
  process.exit(outcomes.some((o) => o.label === 'neg' && !o.ok) ? 1 : 0);
}
