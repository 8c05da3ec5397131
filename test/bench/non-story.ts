// Pages that are not story pages, three browsers side by side: with the extension, without any,
// and with the control (an extension whose content script is empty). Each page is loaded in
// the three one after the other, the order rotating page by page and round by round, so the
// machine's other work falls on all three alike. Two ways to load:
// - same tab: one tab per browser, reused (a reader clicking through a site);
// - fresh tab: a new tab for every load (a reader opening links in new tabs), so the content
//   script is injected into a renderer that has never run it and pays for compiling it.
import type { Browser, Page } from 'puppeteer-core';
import { mainThread, openTab, type MainThread, type Tab } from './page-cost';
import { cpuDelta, readCpu } from './proc-cpu';
import type { BenchPage, BenchSite } from './site';

export type LoadMode = 'same-tab' | 'fresh-tab';
export const VARIANTS = ['with', 'without', 'control'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Triple<M> {
  page: string;
  group: string;
  rep: number;
  mode: LoadMode;
  /** The order the three were loaded in. */
  order: Variant[];
  with: M;
  without: M;
  control: M;
}

export interface ChromiumLoad extends MainThread {
  /**
   * CPU time of the page's renderer main thread (CDP ThreadTime): in a fresh tab, all of it
   * since that renderer started; in the same tab, over this load. Unlike ScriptDuration (wall
   * time inside scripts) it does not grow while other processes have the core.
   */
  threadMs: number;
}

export interface FirefoxLoad {
  /** Scheduler run time of every Firefox process's threads over the load and the settle. */
  cpuMs: number;
  /** utime + stime over the same window (10 ms ticks). */
  cpuTicksMs: number;
  /** loadEventEnd − startTime. */
  loadMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function threadTime(tab: Tab): Promise<number> {
  const { metrics } = await tab.cdp!.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

async function loadEnd(page: Page): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const t = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return n && n.loadEventEnd > 0 ? n.loadEventEnd - n.startTime : null;
    });
    if (t !== null) return t;
    await sleep(20);
  }
  throw new Error(`no navigation timing for ${page.url()}`);
}

/** Rotates the three: round r, page i starts at variant (r + i) mod 3. */
export function rotation(rep: number, index: number): Variant[] {
  const k = (rep + index) % VARIANTS.length;
  return [...VARIANTS.slice(k), ...VARIANTS.slice(0, k)];
}

interface Runner<M> {
  cdp: boolean;
  /** One load in `tab`, settled, measured. */
  load(browser: Browser, tab: Tab, url: string): Promise<M>;
}

export interface TripleOptions {
  site: BenchSite;
  pages: BenchPage[];
  mode: LoadMode;
  repeats: number;
  settleMs: number;
  progress: (msg: string) => void;
  failures: string[];
}

async function runTriples<M>(label: string, browsers: Record<Variant, Browser>, o: TripleOptions, runner: Runner<M>): Promise<Triple<M>[]> {
  const { site, pages, mode, repeats, progress, failures } = o;
  const kept = new Map<Variant, Tab>();
  const once = async (v: Variant, path: string): Promise<M> => {
    const browser = browsers[v];
    if (mode === 'same-tab') {
      let tab = kept.get(v);
      if (!tab) kept.set(v, (tab = await openTab(browser, { cdp: runner.cdp })));
      return runner.load(browser, tab, site.server.url(path));
    }
    const tab = await openTab(browser, { cdp: runner.cdp });
    try {
      return await runner.load(browser, tab, site.server.url(path));
    } finally {
      await tab.page.close();
    }
  };
  // Warm-up: the first loads of a browser pay for its own start (first renderer, caches).
  for (const p of pages.slice(0, 2)) for (const v of VARIANTS) await once(v, p.path);
  const out: Triple<M>[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    for (const [i, p] of pages.entries()) {
      const order = rotation(rep, i);
      try {
        const got = {} as Record<Variant, M>;
        for (const v of order) got[v] = await once(v, p.path);
        out.push({ page: p.name, group: p.group, rep, mode, order, ...got });
      } catch (err) {
        failures.push(`${label} ${mode} ${p.name} (round ${rep + 1}): ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`);
      }
    }
    progress(`${label} ${mode}: round ${rep + 1}/${repeats}`);
  }
  for (const tab of kept.values()) await tab.page.close();
  return out;
}

export function nonStoryChromium(browsers: Record<Variant, Browser>, o: TripleOptions): Promise<Triple<ChromiumLoad>[]> {
  return runTriples('chromium', browsers, o, {
    cdp: true,
    async load(_browser, tab, url) {
      const before = o.mode === 'same-tab' ? await threadTime(tab) : 0;
      await tab.page.goto(url);
      await sleep(o.settleMs);
      return { ...(await mainThread(tab)), threadMs: (await threadTime(tab)) - before };
    },
  });
}

export function nonStoryFirefox(browsers: Record<Variant, Browser>, o: TripleOptions): Promise<Triple<FirefoxLoad>[]> {
  return runTriples('firefox', browsers, o, {
    cdp: false,
    async load(browser, tab, url) {
      const pid = browser.process()?.pid;
      if (!pid) throw new Error('no Firefox process id');
      const before = readCpu(pid);
      await tab.page.goto(url);
      const loadMs = await loadEnd(tab.page);
      await sleep(o.settleMs);
      const d = cpuDelta(before, readCpu(pid));
      return { cpuMs: d.runMs, cpuTicksMs: d.ticksMs, loadMs };
    },
  });
}
