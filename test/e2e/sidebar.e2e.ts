// What a reader sees: the sidebar on story pages (seeds and every development-set positive),
// nothing at all on other pages, coverage links that open, single-page navigation, and the
// browser's own side panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, domUntouched, hostState, launch, openExtensionPage, openSidebarFromTab, sidebarFrame, sleep, type Session } from './harness/browsers';
import { startServer, stripResourceHints, type TestServer } from './harness/server';
import { FIXTURES, articleHtml, seedPageHtml } from './harness/pages';

interface Label {
  file: string;
  label: 'pos' | 'neg';
  lang: string;
}
const corpus = JSON.parse(readFileSync(join(FIXTURES, 'corpus/pages/labels.json'), 'utf8')) as Label[];
const realpages = JSON.parse(readFileSync(join(FIXTURES, 'realpages/pages/labels.json'), 'utf8')) as Label[];
const SEEDS = ['000_22b88a4c825870c9.txt', '002_070c77320a5da855.txt'];

// Saved real pages reference scripts and images on their own sites. The policy keeps the page's
// own requests from leaving the machine; it does not touch the extension.
const NO_SUBRESOURCES = { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" };

async function waitForPage(s: Session, url: string, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = (await s.browser.pages()).find((p) => p.url() === url);
    if (found) return found;
    await sleep(100);
  }
  throw new Error(`no tab opened at ${url}`);
}

async function sidebarSummary(frame: Frame) {
  return frame.evaluate(() => {
    const text = (sel: string) => [...document.querySelectorAll(sel)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' '));
    return {
      verification: text('[data-testid=verification]').join(' '),
      statements: text('[data-testid=statement]'),
      coverageLinks: [...document.querySelectorAll<HTMLAnchorElement>('[data-testid=coverage-item] a[href]')].map((a) => a.href),
      counts: text('[data-testid=coverage-counts]').join(' '),
    };
  });
}

function expectStoryContext(summary: Awaited<ReturnType<typeof sidebarSummary>>) {
  expect(summary.verification).toMatch(/could not independently verify/i);
  expect(summary.statements.some((s) => /Alibaba/.test(s) && /completely false|complete nonsense/.test(s))).toBe(true);
  expect(summary.statements.some((s) => /Liu Pengyu/.test(s))).toBe(true);
  expect(new Set(summary.coverageLinks).size).toBeGreaterThanOrEqual(10);
  expect(summary.coverageLinks.every((h) => /^https?:\/\//.test(h))).toBe(true);
}

describe.each(BROWSERS)('sidebar in %s', (name) => {
  let s: Session;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    SEEDS.forEach((seed, i) => server.route(`/seed/${i}.html`, { body: seedPageHtml(seed) }));
    for (const l of corpus) server.route(`/corpus/${l.file}`, { file: join(FIXTURES, 'corpus/pages', l.file) });
    for (const l of realpages) server.route(`/real/${l.file}`, { file: join(FIXTURES, 'realpages/pages', l.file), headers: NO_SUBRESOURCES, transform: stripResourceHints });
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await s.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url(path));
    return page;
  }

  it('opens beside the first story page of a session without covering the article', async () => {
    const page = await open('/seed/0.html');
    const frame = await sidebarFrame(s, page);
    expectStoryContext(await sidebarSummary(frame));
    const layout = await page.evaluate(() => ({
      margin: document.documentElement.style.marginRight,
      articleRight: document.querySelector('article')!.getBoundingClientRect().right,
      viewport: window.innerWidth,
    }));
    // The page makes room: the article ends left of the 380 px sidebar.
    expect(layout.margin).toBe('380px');
    expect(layout.articleRight).toBeLessThanOrEqual(layout.viewport - 380);
    await page.close();
  });

  it('shows the context on both seed articles and every development-set positive', async () => {
    const paths = [...SEEDS.map((_, i) => `/seed/${i}.html`), ...corpus.filter((l) => l.label === 'pos').map((l) => `/corpus/${l.file}`)];
    for (const path of paths) {
      const page = await open(path);
      const frame = await sidebarFrame(s, page).catch((e: unknown) => {
        throw new Error(`${path}: ${String(e)}`);
      });
      expectStoryContext(await sidebarSummary(frame));
      await page.close();
    }
  });

  it('adds nothing at all to negative pages and to real pages about other news', async () => {
    const paths = [...corpus.filter((l) => l.label === 'neg').map((l) => `/corpus/${l.file}`), ...realpages.map((l) => `/real/${l.file}`)];
    const touched: string[] = [];
    const pages: Page[] = [];
    for (const path of paths) pages.push(await open(path));
    // Give every content script time to run, and the detector to load if it (wrongly) would.
    await sleep(1000);
    for (const [i, page] of pages.entries()) {
      const state = await domUntouched(page);
      if (!state.same || (await hostState(page)).present) touched.push(paths[i]!);
      await page.close();
    }
    expect(touched).toEqual([]);
  });

  it('opens a coverage link in a new tab at that URL and marks the source as opened', async () => {
    const page = await open('/seed/1.html');
    const frame = await sidebarFrame(s, page);
    await openSidebarFromTab(page);
    const link = await frame.$('[data-testid=coverage-item] a[href^="https://"]');
    expect(link).not.toBeNull();
    const href = await link!.evaluate((a) => (a as HTMLAnchorElement).href);
    s.serveLocally(new URL(href).hostname);
    await link!.click();
    const tab = await waitForPage(s, href);
    await tab.waitForSelector('#stand-in', { timeout: 15_000 });
    expect(s.network.standIns.some((l) => l === `GET ${href}`)).toBe(true);
    await tab.close();
    // The sidebar marks the source as opened.
    await frame.waitForFunction(
      (h: string) => [...document.querySelectorAll('[data-testid=coverage-item][data-opened]')].some((el) => el.querySelector(`a[href="${CSS.escape(h)}"]`) || el.querySelector('a')?.href === h),
      { timeout: 10_000, polling: 100 },
      href,
    );
    await page.close();
  });

  it('removes the sidebar when a single-page site navigates to another article', async () => {
    const story = readFileSync(join(FIXTURES, 'seeds', SEEDS[0]!), 'utf8').split('\n').filter(Boolean);
    const spa = articleHtml(story[0]!, story.slice(1)).replace(
      '</body>',
      `<button id="next">Next story</button><script>
document.getElementById('next').addEventListener('click', () => {
  history.pushState({}, '', '/spa/city-budget');
  document.title = 'City council approves next year budget';
  document.querySelector('article').replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'City council approves next year budget' }),
    Object.assign(document.createElement('p'), { textContent: 'The council voted on Tuesday to approve a budget for road repairs and libraries.' }));
});
</script></body>`,
    );
    server.route('/spa/story', { body: spa });
    const page = await open('/spa/story');
    await sidebarFrame(s, page);
    expect((await hostState(page)).present).toBe(true);
    await page.click('#next');
    await page.waitForFunction(() => !document.querySelector('[data-story-context]'), { timeout: 10_000, polling: 100 });
    expect((await hostState(page)).marginRight).toBe('');
    await page.close();
  });

  it('shows the same context in the browser’s own side panel page, following the active tab', async () => {
    const page = await open('/seed/0.html');
    await sidebarFrame(s, page);
    // Only this web page remains, so "the tab the reader used last" is unambiguous.
    for (const other of await s.browser.pages()) if (other !== page) await other.close();
    await page.bringToFront();
    // The panel page is what Chrome's side_panel and Firefox's sidebar_action load. Opened in its
    // own window it follows the most recent web tab, as the panel follows the active one.
    const panel = await openExtensionPage(s, 'sidebar.html', '[data-testid=verification]');
    expectStoryContext(await sidebarSummary(panel.mainFrame()));
    expect(await panel.$('[data-testid=close]')).toBeNull();
    await panel.close();
    await page.close();
  });
});
