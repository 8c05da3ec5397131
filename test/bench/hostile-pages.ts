// Hostile pages, timed: the e2e suite's pages that attack the extension with work (test/e2e/
// hostile.e2e.ts: a mutation loop, a pushState loop, a 100,000-node story page, and single-page
// navigations on a 100,000-node page), loaded in Chromium and Firefox with the extension and
// with the control (an extension whose content script is empty, floor-extension.ts). Printed:
// the longest gap between the page's own 20 ms timer ticks (how long its main thread was
// blocked) and the mean interval between ticks, for each beside the control; and for the
// single-page navigations, the longest block per navigation to the story (the first one cold,
// then warm) and to another article (where the prefilter stops), beside the same navigations
// under the control. The e2e suite asserts what the content script does on these pages
// (checks and detections counted); the times are figures, here.
//
// Part of `npm run bench` (not in BENCH_QUICK: it takes a few minutes). On its own, from an
// existing e2e build: `SC_DIST_ROOT=.tmp/dist-bench npx tsx test/bench/hostile-pages.ts`
// (BENCH_HOSTILE_REPEATS rounds, default 3; BENCH_BROWSERS=chromium or firefox for one).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { BROWSERS, launch, openExtensionPage, type BrowserName, type Session } from '../e2e/harness/browsers';
import { findSidebar, probe, serveHostile } from '../e2e/harness/hostile-pages';
import { startServer, type TestServer } from '../e2e/harness/server';
import { writeFloorExtension } from './floor-extension';
import { VIEWPORT } from './page-cost';
import { msRow, markdownTable, textTable, type Row } from './report';
import { summarize } from './stats';

type Variant = 'with' | 'control';
/** The fixtures loaded and watched for a fixed window (names as in hostile-pages.ts). */
const LOADS = [
  { fixture: 'mutation-loop', path: '/hostile/mutation-loop.html', label: 'mutation loop (title every 4 ms, 200 nodes a frame)' },
  { fixture: 'pushstate-loop', path: '/hostile/pushstate-loop.html', label: 'pushState loop (a new address every 25 ms)' },
  { fixture: 'huge-dom-story', path: '/hostile/huge-dom-story.html', label: 'story page with 100,000 elements' },
] as const;
type LoadFixture = (typeof LOADS)[number]['fixture'];
/** How long each page is watched after its load event: the content script's whole work falls inside. */
const WINDOW_MS = 2_500;
/** Each single-page navigation is watched this long (longer with the extension if it has not settled by then). */
const NAV_WINDOW_MS = 1_500;
const NAVS = ['Other', 'Story', 'Other', 'Story', 'Other', 'Story'] as const;
type Nav = 'other' | 'story-cold' | 'story-warm';

export interface LoadSample {
  browser: BrowserName;
  variant: Variant;
  fixture: LoadFixture;
  round: number;
  /** Longest gap between the page's timer ticks, from DOMContentLoaded to the end of the window. */
  maxGapMs: number;
  /** The window's length over its ticks. */
  tickIntervalMs: number;
  /** With the extension: whether its content script had finished with the page within the window. */
  settled: boolean | null;
}

export interface NavSample {
  browser: BrowserName;
  variant: Variant;
  round: number;
  nav: Nav;
  maxGapMs: number;
}

export interface HostileBench {
  rows: Row[];
  notes: string[];
  summary: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * In every document of a tab, from before the page's scripts: counts the content script's
 * "settled" events (the e2e build's, src/content/settled.ts; the control sends none), and
 * restarts the page's probe at DOMContentLoaded, so the window leaves out the parsing of the
 * page (the same with or without an extension) and holds all of the content script's work
 * (document_end, then its asynchronous detection). Source text, not a function: tsx's keepNames
 * would wrap the getter the harness's countSettled defines in a helper the page lacks.
 */
const PRELOAD = `(() => {
  const c = { n: 0 };
  window.__benchSettled = c;
  EventTarget.prototype.addEventListener.call(document, 'story-context:e2e-settled', () => { c.n += 1; });
  EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', () => { if (window.__probe) window.__probe.reset(); });
})();`;

async function newTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.evaluateOnNewDocument(PRELOAD);
  return page;
}

async function settledCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __benchSettled?: { n: number } }).__benchSettled?.n ?? 0);
}

async function settled(page: Page, count: number, timeout: number): Promise<void> {
  await page.waitForFunction((n: number) => ((window as unknown as { __benchSettled?: { n: number } }).__benchSettled?.n ?? 0) >= n, { timeout, polling: 50 }, count);
}

/** The reader's "always open" choice, as the e2e suite sets it: every story page opens the panel. */
async function alwaysOpen(s: Session): Promise<void> {
  const options = await openExtensionPage(s, 'options.html', '#op-mode-always-open');
  await options.evaluate(() => (document.getElementById('op-mode-always-open') as HTMLInputElement).click());
  await options.waitForFunction(() => (document.getElementById('op-mode-always-open') as HTMLInputElement).checked, { timeout: 10_000 });
  await options.close();
}

async function loadOnce(browser: Browser, server: TestServer, path: string, variant: Variant): Promise<Omit<LoadSample, 'browser' | 'variant' | 'fixture' | 'round'>> {
  const page = await newTab(browser);
  try {
    await page.goto(server.url(path), { waitUntil: 'load', timeout: 60_000 });
    await sleep(WINDOW_MS);
    const p = (await probe(page))!;
    const settledNow = variant === 'with' ? (await settledCount(page)) > 0 : null;
    return { maxGapMs: p.maxGap, tickIntervalMs: p.ticks > 0 ? p.ms / p.ticks : NaN, settled: settledNow };
  } finally {
    await page.close();
  }
}

async function navigations(s: Session, browser: Browser, server: TestServer, variant: Variant): Promise<{ nav: Nav; maxGapMs: number }[]> {
  const page = await newTab(browser);
  const out: { nav: Nav; maxGapMs: number }[] = [];
  try {
    await page.goto(server.url('/hostile/huge-dom-spa.html'), { waitUntil: 'load', timeout: 60_000 });
    if (variant === 'with') await settled(page, 1, 30_000);
    await sleep(500);
    let stories = 0;
    for (const where of NAVS) {
      const before = await settledCount(page);
      const t0 = Date.now();
      await page.evaluate((w) => {
        (window as unknown as { __probe: { reset(): void } }).__probe.reset();
        (window as unknown as Record<string, () => void>)[`__go${w}`]!();
      }, where);
      if (variant === 'with') {
        await settled(page, before + 1, 30_000);
        if (where === 'Story' && !(await findSidebar(s, page, 15_000))) throw new Error('no sidebar after navigating to the story');
      }
      await sleep(Math.max(0, NAV_WINDOW_MS - (Date.now() - t0)));
      const nav: Nav = where === 'Other' ? 'other' : stories++ === 0 ? 'story-cold' : 'story-warm';
      out.push({ nav, maxGapMs: (await probe(page))!.maxGap });
    }
    return out;
  } finally {
    await page.close();
  }
}

/**
 * Measures the hostile pages in `browsers` (default both), `repeats` rounds, the extension's
 * browser and the control's side by side, which one loads first alternating round by round.
 */
export async function hostilePages(opts: { floorDir: string; browsers?: string | undefined; repeats?: number; progress?: (msg: string) => void }): Promise<HostileBench> {
  const repeats = opts.repeats ?? envInt('BENCH_HOSTILE_REPEATS', 3);
  const progress = opts.progress ?? ((m: string) => console.error(`[hostile] ${m}`));
  const browsers = BROWSERS.filter((b) => !opts.browsers || b === opts.browsers);
  const server = await startServer();
  serveHostile(server);
  const loads: LoadSample[] = [];
  const navs: NavSample[] = [];
  const failures: string[] = [];
  try {
    for (const name of browsers) {
      const ext = await launch(name);
      let control: Session | null = null;
      try {
        control = await launch(name, { extensionDir: opts.floorDir });
        await alwaysOpen(ext);
        const sessions: Record<Variant, Session> = { with: ext, control };
        for (let round = 0; round < repeats; round++) {
          const order: Variant[] = round % 2 ? ['control', 'with'] : ['with', 'control'];
          for (const l of LOADS) {
            for (const variant of order) {
              try {
                loads.push({ browser: name, variant, fixture: l.fixture, round, ...(await loadOnce(sessions[variant].browser, server, l.path, variant)) });
              } catch (err) {
                failures.push(`${name} ${variant} ${l.fixture} round ${round + 1}: ${String(err).split('\n')[0]}`);
              }
            }
          }
          for (const variant of order) {
            try {
              for (const n of await navigations(sessions[variant], sessions[variant].browser, server, variant)) navs.push({ browser: name, variant, round, ...n });
            } catch (err) {
              failures.push(`${name} ${variant} huge-dom-spa round ${round + 1}: ${String(err).split('\n')[0]}`);
            }
          }
          progress(`${name}: hostile pages, round ${round + 1} of ${repeats}`);
        }
      } finally {
        await control?.close();
        await ext.close();
      }
    }
  } finally {
    await server.close();
  }
  return report(loads, navs, failures, repeats);
}

function report(loads: LoadSample[], navs: NavSample[], failures: string[], repeats: number): HostileBench {
  const rows: Row[] = [];
  const summary: Record<string, unknown> = { repeats, windowMs: WINDOW_MS, navWindowMs: NAV_WINDOW_MS, loads, navs, failures };
  const browserLabel = (b: BrowserName) => (b === 'chromium' ? 'Chromium' : 'Firefox');
  for (const b of BROWSERS) {
    const B = browserLabel(b);
    for (const l of LOADS) {
      const of = (v: Variant) => loads.filter((x) => x.browser === b && x.fixture === l.fixture && x.variant === v);
      if (!of('with').length && !of('control').length) continue;
      const gap = (v: Variant) => summarize(of(v).map((x) => x.maxGapMs));
      const tick = (v: Variant) => summarize(of(v).map((x) => x.tickIntervalMs));
      rows.push(msRow(`Hostile page, ${l.label}: longest main-thread gap, DOMContentLoaded to load + ${WINDOW_MS / 1000} s`, B, gap('with')));
      rows.push(msRow('  control (empty content script)', B, gap('control')));
      rows.push(msRow('  mean interval between the page’s 20 ms timer ticks', B, tick('with')));
      rows.push(msRow('  control (empty content script)', B, tick('control')));
      const unsettled = of('with').filter((x) => x.settled === false).length;
      if (unsettled) failures.push(`${b} ${l.fixture}: in ${unsettled} load(s) the content script had not finished within the window`);
    }
    const spa = (v: Variant, nav: Nav) => summarize(navs.filter((x) => x.browser === b && x.variant === v && x.nav === nav).map((x) => x.maxGapMs));
    if (navs.some((x) => x.browser === b)) {
      rows.push(msRow('Hostile page, 100,000 elements, single-page navigation to the story: longest block, first (cold)', B, spa('with', 'story-cold')));
      rows.push(msRow('  later ones (warm)', B, spa('with', 'story-warm')));
      rows.push(msRow('  to another article (the prefilter stops there)', B, spa('with', 'other')));
      rows.push(msRow('  control (empty content script): to the story, first', B, spa('control', 'story-cold')));
      rows.push(msRow('  control: to the story, later ones', B, spa('control', 'story-warm')));
      rows.push(msRow('  control: to another article', B, spa('control', 'other')));
    }
  }
  const notes = [
    `Hostile pages: each loaded in a fresh tab, ${repeats} rounds, the extension's browser (panel always open) and the control's alternating which goes first. The page's own timer (every 20 ms) records the longest gap between ticks and their number, from DOMContentLoaded (parsing the page is left out) to ${WINDOW_MS / 1000} s after the load event. Single-page navigations: ${NAVS.length} per tab (to another article, then the story, three times), each watched for ${NAV_WINDOW_MS / 1000} s (with the extension, until it has settled if that is later).`,
    ...(failures.length ? [`Hostile pages left out or incomplete: ${failures.slice(0, 6).join('; ')}${failures.length > 6 ? '; …' : ''}.`] : []),
  ];
  return { rows, notes, summary };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..', '..');
  process.env['SC_DIST_ROOT'] = resolve(root, process.env['SC_DIST_ROOT'] ?? '.tmp/dist-bench');
  // The harness appends each session's network log under ./.tmp; keep the bench's apart from
  // the e2e suite's audit.
  const workDir = resolve(root, '.tmp/bench-run');
  mkdirSync(workDir, { recursive: true });
  process.chdir(workDir);
  const out = await hostilePages({ floorDir: writeFloorExtension(join(workDir, 'floor-extension')), browsers: process.env['BENCH_BROWSERS'] });
  console.log(textTable(out.rows));
  console.log('');
  for (const n of out.notes) console.log(`- ${n}`);
  console.log('');
  console.log(markdownTable(out.rows));
}
