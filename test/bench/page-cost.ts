// What the extension costs a page: main-thread script time with and without it (Chromium's
// CDP Performance metrics), page-load wall-clock (Firefox, which has no such metrics over
// WebDriver BiDi), the time from DOMContentLoaded until the sidebar shows its content, and the
// sidebar frame's JavaScript heap.
import type { Browser, CDPSession, Frame, Page } from 'puppeteer-core';
import { openExtensionPage, type Session } from '../e2e/harness/browsers';
import type { PlainSession } from './plain-browsers';
import type { BenchPage, BenchSite } from './site';

export const VIEWPORT = { width: 1280, height: 900 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Tab {
  page: Page;
  cdp: CDPSession | null;
}

/**
 * Installs, inside the sidebar document only, an observer that stamps (as epoch ms) the moment
 * the sidebar's content is in its DOM and the next animation frame, so the figure does not
 * depend on when the benchmark looks. Returns null in any other document, else whether the
 * content was already there when it was installed (then the stamp is an upper bound).
 * Kept as source text: tsx's keepNames would wrap its inner functions in a helper the page lacks.
 */
const SIDEBAR_WATCH_FN = `() => {
  if (!/\\/sidebar\\.html$/.test(location.pathname)) return null;
  const w = window;
  if (w.__scBench) return { late: w.__scBench.late };
  const bench = { ready: 0, frame: 0, late: false };
  w.__scBench = bench;
  const stamp = () => performance.timeOrigin + performance.now();
  const check = () => {
    if (bench.ready || !document.querySelector('[data-ready]')) return false;
    bench.ready = stamp();
    requestAnimationFrame(() => { bench.frame = stamp(); });
    return true;
  };
  if (check()) { bench.late = true; return { late: true }; }
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  return { late: false };
}`;

/**
 * Chromium runs this in every new document of a tab, the sidebar's out-of-process frame
 * included, so the observer is there before the sidebar renders. Firefox does not run preload
 * scripts in extension frames; there the observer is installed the moment the frame is found.
 * Both browsers of a pair get it; elsewhere it returns at once, so its cost cancels out.
 */
export const SIDEBAR_WATCH = `(${SIDEBAR_WATCH_FN})();`;

export async function openTab(browser: Browser, opts: { cdp: boolean; preload?: string }): Promise<Tab> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  if (opts.preload) await page.evaluateOnNewDocument(opts.preload);
  let cdp: CDPSession | null = null;
  if (opts.cdp) {
    cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
  }
  return { page, cdp };
}

export interface MainThread {
  scriptMs: number;
  taskMs: number;
}

/** The current document's totals (Chromium resets them per document). */
export async function mainThread(tab: Tab): Promise<MainThread> {
  const { metrics } = await tab.cdp!.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { scriptMs: get('ScriptDuration'), taskMs: get('TaskDuration') };
}

// ---- heavy page selection ---------------------------------------------------------------

export interface NodeCount {
  page: BenchPage;
  nodes: number;
}

/** Every node of the parsed document (elements, text, comments), counted in the browser. */
export async function countNodes(browser: Browser, site: BenchSite, pages: BenchPage[]): Promise<NodeCount[]> {
  const page = await browser.newPage();
  const out: NodeCount[] = [];
  for (const p of pages) {
    await page.goto(site.server.url(p.path), { waitUntil: 'domcontentloaded' });
    const nodes = await page.evaluate(() => {
      let n = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    });
    out.push({ page: p, nodes });
  }
  await page.close();
  return out;
}

/** A load that fails (time-out, no sidebar) is recorded and skipped; the rest still measures. */
async function tolerant(failures: string[], label: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    failures.push(`${label}: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
  }
}

/** Alternates which browser loads first, page by page and round by round. */
function extFirst(rep: number, index: number): boolean {
  return (rep + index) % 2 === 0;
}

// ---- 2. story pages -----------------------------------------------------------------------

export interface SidebarTiming {
  /** From the page's DOMContentLoaded (start) to the animation frame after the sidebar's content was in its DOM. */
  visibleMs: number;
  /** From DOMContentLoaded to the content being in the sidebar's DOM. */
  readyMs: number;
  /** From DOMContentLoaded to the sidebar frame's navigation start. */
  frameStartMs: number;
  /** The content was already there when the observer was installed: visibleMs is an upper bound. */
  late: boolean;
}

interface BenchWindow {
  __scBench?: { ready: number; frame: number; late: boolean };
}

/** Finds the sidebar frame and makes sure the observer runs in it. */
async function watchedSidebarFrame(s: Session, page: Page, timeoutMs: number): Promise<{ frame: Frame; late: boolean }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (f === page.mainFrame() || f.detached) continue;
      // Firefox over BiDi reports an extension frame's URL as about:blank: the frame is asked.
      if (s.name === 'chromium' && !f.url().startsWith(s.base + 'sidebar.html')) continue;
      const r = (await f.evaluate(SIDEBAR_WATCH).catch(() => null)) as { late: boolean } | null;
      if (r) return { frame: f, late: r.late };
    }
    await sleep(5);
  }
  throw new Error(`no sidebar frame in ${page.url()} after ${timeoutMs} ms`);
}

async function sidebarStamps(frame: Frame, timeoutMs: number): Promise<{ frame: number; ready: number; origin: number }> {
  const handle = await frame.waitForFunction(
    () => {
      const b = (window as unknown as BenchWindow).__scBench;
      return b && b.frame ? { frame: b.frame, ready: b.ready, origin: performance.timeOrigin } : null;
    },
    { polling: 20, timeout: timeoutMs },
  );
  return (await handle.jsonValue())!;
}

async function dclEpoch(page: Page): Promise<number> {
  return page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance.timeOrigin + n.domContentLoadedEventStart;
  });
}

/** Loads a story page and waits for the sidebar's content; the page must open the sidebar. */
async function loadStoryPage(s: Session, tab: Tab, url: string): Promise<SidebarTiming> {
  await tab.page.goto('about:blank');
  const nav = tab.page.goto(url).then(
    () => null,
    (e: unknown) => e,
  );
  const { frame, late } = await watchedSidebarFrame(s, tab.page, 15_000);
  const stamps = await sidebarStamps(frame, 15_000);
  const navError = await nav;
  if (navError) throw navError;
  const dcl = await dclEpoch(tab.page);
  return { visibleMs: stamps.frame - dcl, readyMs: stamps.ready - dcl, frameStartMs: stamps.origin - dcl, late };
}

export interface StorySample {
  page: string;
  group: string;
  rep: number;
  sidebar: SidebarTiming;
  /** Chromium only. */
  extFirst?: boolean;
  with?: MainThread;
  without?: MainThread;
}

export async function storyChromium(
  ext: Session,
  plain: PlainSession,
  site: BenchSite,
  pages: BenchPage[],
  repeats: number,
  settleMs: number,
  progress: (msg: string) => void,
  failures: string[],
): Promise<StorySample[]> {
  const withTab = await openTab(ext.browser, { cdp: true, preload: SIDEBAR_WATCH });
  const withoutTab = await openTab(plain.browser, { cdp: true, preload: SIDEBAR_WATCH });
  const withLoad = async (path: string) => {
    const sidebar = await loadStoryPage(ext, withTab, site.server.url(path));
    await sleep(settleMs);
    return { sidebar, main: await mainThread(withTab) };
  };
  const withoutLoad = async (path: string) => {
    await withoutTab.page.goto('about:blank');
    await withoutTab.page.goto(site.server.url(path));
    await sleep(settleMs);
    return mainThread(withoutTab);
  };
  await withLoad(pages[0]!.path);
  await withoutLoad(pages[0]!.path);
  const samples: StorySample[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    for (const [i, p] of pages.entries()) {
      await tolerant(failures, `chromium ${p.name} (round ${rep + 1})`, async () => {
        const first = extFirst(rep, i);
        let w: Awaited<ReturnType<typeof withLoad>>;
        let wo: MainThread;
        if (first) {
          w = await withLoad(p.path);
          wo = await withoutLoad(p.path);
        } else {
          wo = await withoutLoad(p.path);
          w = await withLoad(p.path);
        }
        samples.push({ page: p.name, group: p.group, rep, extFirst: first, sidebar: w.sidebar, with: w.main, without: wo });
      });
    }
    progress(`chromium story pages: round ${rep + 1}/${repeats}`);
  }
  await withTab.page.close();
  await withoutTab.page.close();
  return samples;
}

export async function storyFirefox(
  s: Session,
  site: BenchSite,
  pages: BenchPage[],
  repeats: number,
  progress: (msg: string) => void,
  failures: string[],
): Promise<StorySample[]> {
  const tab = await openTab(s.browser, { cdp: false });
  await loadStoryPage(s, tab, site.server.url(pages[0]!.path));
  const samples: StorySample[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    for (const p of pages) {
      await tolerant(failures, `firefox ${p.name} (round ${rep + 1})`, async () => {
        const sidebar = await loadStoryPage(s, tab, site.server.url(p.path));
        samples.push({ page: p.name, group: p.group, rep, sidebar });
      });
      await sleep(150);
    }
    progress(`firefox story pages: round ${rep + 1}/${repeats}`);
  }
  await tab.page.close();
  return samples;
}

// ---- sidebar mode -------------------------------------------------------------------------

/** Chromium: the settings message from an extension page. */
export async function alwaysOpenChromium(s: Session): Promise<void> {
  const page = await s.browser.newPage();
  await page.goto(s.base + 'manifest.json');
  const reply = await page.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage({ type: 'settings/update', patch: { sidebarMode: 'always-open' } });
  });
  await page.close();
  if (!(reply as { ok?: boolean } | undefined)?.ok) throw new Error(`settings/update refused: ${JSON.stringify(reply)}`);
}

/**
 * Firefox: extension APIs cannot be called from evaluated code over BiDi, so the reader's own
 * control is used: the options page's "always open" choice (the sidebar inside a page only
 * links there: settings are not changed from a page a site embeds).
 */
export async function alwaysOpenFirefox(s: Session): Promise<void> {
  const options = await openExtensionPage(s, 'options.html', '#op-mode-always-open');
  await options.evaluate(() => (document.getElementById('op-mode-always-open') as HTMLInputElement).click());
  await options.waitForFunction(() => (document.getElementById('op-mode-always-open') as HTMLInputElement).checked, { timeout: 10_000 });
  await options.close();
}

// ---- 5. memory of the sidebar frame -------------------------------------------------------

export interface HeapSample {
  usedBytes: number;
  totalBytes: number;
  /** Other extension documents alive at the time (they may share the frame's process). */
  otherExtensionDocuments: string[];
}

export async function sidebarHeapChromium(s: Session, site: BenchSite, path: string, repeats: number): Promise<HeapSample[]> {
  const tab = await openTab(s.browser, { cdp: false, preload: SIDEBAR_WATCH });
  const out: HeapSample[] = [];
  for (let i = 0; i < repeats; i++) {
    await loadStoryPage(s, tab, site.server.url(path));
    await sleep(500);
    const targets = s.browser.targets();
    const target = targets.find((t) => t.url().includes('sidebar.html?embedded=1'));
    if (!target) throw new Error('no target for the sidebar frame');
    const others = targets.filter((t) => t !== target && t.url().startsWith(s.base) && t.type() !== 'service_worker').map((t) => t.url().slice(s.base.length));
    const session = await target.createCDPSession();
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send('Runtime.getHeapUsage');
    await session.detach();
    out.push({ usedBytes: heap.usedSize, totalBytes: heap.totalSize, otherExtensionDocuments: others });
  }
  await tab.page.close();
  return out;
}
