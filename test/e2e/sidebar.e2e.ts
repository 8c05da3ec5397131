// What a reader sees: the sidebar on story pages (seeds and every development-set positive),
// nothing at all on other pages, coverage links that open, single-page navigation, and the
// browser's own side panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, countSettled, domUntouched, hostState, launch, openExtensionPage, openSidebarFromTab, settled, sidebarFrame, type Session } from './harness/browsers';
import { openSectionOf } from './harness/sidebar-view';
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
  const target = await s.browser.waitForTarget((t) => t.url() === url, { timeout });
  const page = await target.page();
  if (!page) throw new Error(`no tab opened at ${url}`);
  return page;
}

/** What the sidebar shows, read from its document; runs in the browser, so it closes over nothing. */
function summarize(doc: Document) {
  const text = (sel: string) => [...doc.querySelectorAll(sel)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' '));
  return {
    verification: text('[data-testid=verification]').join(' '),
    statements: text('[data-testid=statement]'),
    coverageLinks: [...doc.querySelectorAll<HTMLAnchorElement>('[data-testid=coverage-item] a[href]')].map((a) => a.href),
    counts: text('[data-testid=coverage-counts]').join(' '),
  };
}

async function sidebarSummary(frame: Frame): Promise<ReturnType<typeof summarize>> {
  return frame.evaluate(`(${summarize.toString()})(document)`) as Promise<ReturnType<typeof summarize>>;
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
    await countSettled(page);
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

  // Sixty-one page loads: more than the default two minutes on a busy machine.
  it('adds nothing at all to negative pages and to real pages about other news', { timeout: 300_000 }, async () => {
    const paths = [...corpus.filter((l) => l.label === 'neg').map((l) => `/corpus/${l.file}`), ...realpages.map((l) => `/real/${l.file}`)];
    const touched: string[] = [];
    const pages: Page[] = [];
    for (const path of paths) pages.push(await open(path));
    // Every content script has finished with its page, the detector included where it loaded.
    await Promise.all(pages.map((page) => settled(page, 1, 60_000)));
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
    await openSectionOf(frame, '[data-testid=coverage-item] a[href^="https://"]');
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

  it('opens the browser’s own side panel from the popup, with the same context, following the active tab', async () => {
    const story = await open('/seed/0.html');
    await sidebarFrame(s, story);
    // Only this web page remains, so "the tab the reader used last" is unambiguous.
    for (const other of await s.browser.pages()) if (other !== story) await other.close();
    await story.bringToFront();
    const popup = await openExtensionPage(s, 'popup.html', '[data-testid=open-side-panel]');
    const panel = await clickOpenSidePanel(popup);
    await story.bringToFront();
    await panel.waitFor('[data-testid=verification]');
    expectStoryContext(await panel.summary());
    expect(await panel.has('[data-testid=close]')).toBe(false);

    // Another tab, with no story: the panel follows it, then comes back with the story tab.
    const plain = await open(`/real/${realpages[0]!.file}`);
    await plain.bringToFront();
    await panel.waitFor('[data-testid=no-story]');
    await story.bringToFront();
    await panel.waitFor('[data-testid=verification]');
    await popup.close();
    await plain.close();
    await story.close();
  });

  /**
   * Clicks the popup's "open in side panel" button (a real click: both browsers open their
   * panel only from a user gesture) and returns a reader of what the panel shows. Chromium's
   * side panel is a page target of its own. Firefox's sidebar lives in the browser's chrome,
   * out of WebDriver BiDi's reach, so the popup, an extension page of the same add-on, reads it
   * through extension.getViews({ type: 'sidebar' }).
   */
  async function clickOpenSidePanel(popup: Page) {
    const before = new Set(s.browser.targets());
    await popup.click('[data-testid=open-side-panel]');
    if (name === 'chromium') {
      const target = await s.browser.waitForTarget((t) => !before.has(t) && /\/sidebar\.html$/.test(t.url()), { timeout: 10_000 });
      const page = await target.asPage();
      return {
        waitFor: (sel: string) => page.waitForSelector(sel, { timeout: 10_000 }).then(() => undefined),
        summary: () => sidebarSummary(page.mainFrame()),
        has: async (sel: string) => (await page.$(sel)) !== null,
      };
    }
    type Win = Window & { browser: { extension: { getViews(o: { type: string }): Window[] } } };
    // Runs `fn(sidebarDocument, arg)` in the popup; `fn` travels as source, so it takes what it
    // needs as `arg` instead of closing over it.
    const inView = <T,>(fn: (doc: Document, arg: string) => T, arg = '') =>
      popup.evaluate(`(() => {
        const view = window.browser.extension.getViews({ type: 'sidebar' })[0];
        if (!view) throw new Error('no sidebar view open');
        return (${fn.toString()})(view.document, ${JSON.stringify(arg)});
      })()`) as Promise<T>;
    return {
      waitFor: (sel: string) =>
        popup
          .waitForFunction(
            (sel: string) => (window as unknown as Win).browser.extension.getViews({ type: 'sidebar' })[0]?.document.querySelector(sel) != null,
            { timeout: 10_000, polling: 100 },
            sel,
          )
          .then(() => undefined),
      summary: () => inView(summarize),
      has: (sel: string) => inView((doc, sel) => doc.querySelector(sel) !== null, sel),
    };
  }
});
