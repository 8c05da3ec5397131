// Detection on real site templates, in the browser: an article whose text a script renders after
// the page has loaded gets its sidebar once the text is in; a paywalled teaser gets its sidebar
// from what it shows; a section front that lists the story's headline among others is left
// exactly as served. The pages are real templates with the story's texts put in them
// (test/fixtures/templates, built by src/cli/template-pages.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { buildAll, type BuiltCase } from '../../src/cli/template-pages';
import { BROWSERS, countSettled, domUntouched, hostState, launch, settled, sidebarFrame, type Session } from './harness/browsers';
import { startServer, stripResourceHints, type TestServer } from './harness/server';

// The saved templates reference their sites' scripts, images and fonts: none may load. Only the
// fixture's own rendering script (nonce) runs on the client-rendered pages.
const NO_SUBRESOURCES = "default-src 'none'; style-src 'unsafe-inline'";
const RENDER_ONLY = `${NO_SUBRESOURCES}; script-src 'nonce-fixture'`;

// Client-rendered pages whose served head does not settle the question, so the sidebar can only
// come from the late-text watch (eval checks the same of every late page).
const LATE_STORIES = ['late/nypost-1--p01_hurriyetdailynews_afp.html', 'late/thesun-1--p31_news_ru.html', 'late/wday-ru--p40_oe24_de.html'];
// Alibaba news that is not the story: it passes the prefilter, so the watch waits and then declines.
const LATE_OTHER_NEWS = 'late/la-nacion--n01_coincentral_alibaba_q2_cloud.html';
const TEASERS = ['teaser/aljazeera-2--p01_hurriyetdailynews_afp.html', 'teaser/webmd-1--p31_news_ru.html', 'teaser/lifehacker--p46_tradingkey_reuters_ko.html'];
const FRONTS = ['front/aljazeera-1--00.html', 'front/nypost-1--01.html', 'front/thesun-1--02.html'];

describe.each(BROWSERS)('detection on real site templates in %s', (name) => {
  let s: Session;
  let server: TestServer;
  const cases = new Map<string, BuiltCase>();

  beforeAll(async () => {
    server = await startServer();
    const wanted = new Set([...LATE_STORIES, LATE_OTHER_NEWS, ...TEASERS, ...FRONTS]);
    for (const c of buildAll((c) => wanted.has(c.file), server.origin)) {
      cases.set(c.file, c);
      const late = c.shell !== undefined;
      server.route(`/templates/${c.file}`, {
        body: stripResourceHints(late ? c.shell! : c.html),
        type: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': late ? RENDER_ONLY : NO_SUBRESOURCES },
      });
    }
    expect(cases.size).toBe(wanted.size);
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  async function open(file: string): Promise<Page> {
    const page = await s.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await countSettled(page);
    await page.goto(server.url(`/templates/${file}`));
    return page;
  }

  /** Resolves once the page's own script has rendered every paragraph of the article. */
  async function textArrived(page: Page, c: BuiltCase): Promise<void> {
    await page.waitForFunction((n: number) => (document.querySelector('[data-late-slot]')?.children.length ?? 0) >= n, { timeout: 15_000, polling: 50 }, c.paragraphs.length);
  }

  it('gives a client-rendered article its sidebar once the text arrives', async () => {
    for (const file of LATE_STORIES) {
      const page = await open(file);
      // As served, the article's container is empty.
      expect(await page.evaluate(() => document.querySelector('[data-late-slot]')?.textContent ?? null), file).toBe('');
      await textArrived(page, cases.get(file)!);
      const frame = await sidebarFrame(s, page).catch((e: unknown) => {
        throw new Error(`${file}: ${String(e)}`);
      });
      expect(await frame.$('[data-testid=verification]'), file).not.toBeNull();
      await page.close();
    }
  });

  it('leaves a client-rendered article about other news alone after its text arrives', async () => {
    const page = await open(LATE_OTHER_NEWS);
    await textArrived(page, cases.get(LATE_OTHER_NEWS)!);
    // The watch for late text has ended: it judged the article that arrived.
    await settled(page);
    expect((await hostState(page)).present).toBe(false);
    await page.close();
  });

  it('gives a paywalled teaser its sidebar from its headline, opening and standfirst', async () => {
    for (const file of TEASERS) {
      const page = await open(file);
      expect(await page.evaluate(() => document.querySelector('.paywall-gate') !== null), file).toBe(true);
      const frame = await sidebarFrame(s, page).catch((e: unknown) => {
        throw new Error(`${file}: ${String(e)}`);
      });
      expect(await frame.$('[data-testid=verification]'), file).not.toBeNull();
      await page.close();
    }
  });

  it('leaves a section front that lists the story among other headlines exactly as served', async () => {
    const touched: string[] = [];
    for (const file of FRONTS) {
      const page = await open(file);
      // This page's content script has finished: a detector that (wrongly) mounted has done so.
      await settled(page);
      const listed = await page.evaluate(() => document.body.textContent ?? '');
      expect(listed, file).toMatch(/Alibaba|阿里巴巴|アリババ|알리바바|Алибаба/i);
      const state = await domUntouched(page);
      if (!state.same || (await hostState(page)).present) touched.push(file);
      await page.close();
    }
    expect(touched).toEqual([]);
  });
});
