// One page, one saved item: the sidebar's "Saved" and what a save stores agree on which links
// are the same article, in both browsers. A click id and an AMP copy are the saved article; a
// ?source= link may be a page of its own, so it is offered and saved as one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, launch, openExtensionPage, openSidebarFromTab, sidebarFrame, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';

const STORY = { body: seedPageHtml('000_22b88a4c825870c9.txt') };

type ArticleState = 'save' | 'saved';

/** What the sidebar offers for the page being read. Items arrive with the frame's ready mark. */
async function articleState(frame: Frame): Promise<ArticleState> {
  const handle = await frame.waitForFunction(
    () => {
      const section = document.querySelector('[data-testid=this-page]');
      if (section?.querySelector('[data-testid=save-article]')) return 'save';
      if ((section?.querySelector('.saved-label')?.textContent ?? '').includes('Saved')) return 'saved';
      return null;
    },
    { timeout: 10_000, polling: 100 },
  );
  return (await handle.jsonValue()) as ArticleState;
}

async function popupLinks(popup: Page, n: number): Promise<string[]> {
  await popup.waitForFunction((n: number) => document.querySelectorAll('[data-testid=item]').length === n, { timeout: 15_000, polling: 100 }, n);
  return popup.$$eval('[data-testid=item] a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
}

describe.each(BROWSERS)('one URL identity in %s', (name) => {
  let server: TestServer;
  let s: Session;

  beforeAll(async () => {
    server = await startServer({ '/a': STORY, '/news/a': STORY, '/amp/news/a': STORY });
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  async function read(path: string): Promise<{ page: Page; frame: Frame; state: ArticleState }> {
    const page = await s.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url(path));
    const frame = await sidebarFrame(s, page);
    return { page, frame, state: await articleState(frame) };
  }

  async function saveHere(page: Page, frame: Frame): Promise<void> {
    // Only the first story page of a session opens the sidebar; later ones show its tab.
    await openSidebarFromTab(page);
    const button = await frame.waitForSelector('[data-testid=this-page] [data-testid=save-article]', { timeout: 10_000 });
    // Headless Chromium paints no frame of a background tab, and a click waits for one.
    await page.bringToFront();
    await button!.click();
    await frame.waitForSelector('[data-testid=this-page] .saved-label', { timeout: 10_000 });
  }

  it('shows Saved on the article reached through a click id, and offers a feed link as a page of its own', async () => {
    const first = await read('/a');
    expect(first.state).toBe('save');
    await saveHere(first.page, first.frame);
    await first.page.close();

    const clicked = await read('/a?gclsrc=aw.ds');
    expect(clicked.state).toBe('saved');
    await clicked.page.close();

    // ?source= is a generic word a site may use to pick content: never taken for tracking.
    const feed = await read('/a?source=rss');
    expect(feed.state).toBe('save');
    await saveHere(feed.page, feed.frame);
    await feed.page.close();

    const popup = await openExtensionPage(s, 'popup.html');
    const links = await popupLinks(popup, 2);
    expect(links.sort()).toEqual([server.url('/a'), server.url('/a?source=rss')]);
    await popup.close();
  });

  it('shows Saved on the AMP copy of a saved article and keeps one item for both', async () => {
    const regular = await read('/news/a');
    expect(regular.state).toBe('save');
    await saveHere(regular.page, regular.frame);
    await regular.page.close();

    for (const amp of ['/amp/news/a', '/news/a?amp=1']) {
      const copy = await read(amp);
      expect(copy.state, amp).toBe('saved');
      await copy.page.close();
    }

    const popup = await openExtensionPage(s, 'popup.html');
    const links = await popupLinks(popup, 3);
    expect(links.filter((href) => new URL(href).pathname.endsWith('/news/a'))).toEqual([server.url('/news/a')]);
    await popup.close();
  });
});
