// Reach: a fresh install asks the reader, once, where the extension may look; with "any site"
// an article on an unlisted https site gets the sidebar; with "listed sites only" a host from
// the pack's coverage gets it, an unlisted host gets nothing until the reader asks the popup to
// check the page; the toolbar badge marks the story tab alone; the options page's changes
// reach open tabs without a reload. Pages are served at real-looking https addresses through
// the harness's proxy and test certificate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  BROWSERS,
  firefoxChromeEval,
  GECKO_ID,
  hostState,
  launch,
  openExtensionPage,
  sidebarFrame,
  type Session,
} from './harness/browsers';
import { FIXTURES } from './harness/pages';
import { answerWelcome, StandInSite, untouched, welcomePage } from './harness/stand-ins';

const storyHtml = readFileSync(join(FIXTURES, 'corpus/pages/pos/p07_firstpost.html'), 'utf8');
const nearMissHtml = readFileSync(join(FIXTURES, 'corpus/pages/neg/n01_coincentral_alibaba_q2_cloud.html'), 'utf8');

/** A host the bundled pack lists as coverage (Firstpost), at the article's own address. */
const COVERAGE_URL =
  'https://www.firstpost.com/world/alibaba-enabled-chinese-military-cyber-activity-provided-data-access-us-memo-alleges-reports-13950848.html';
/** Real-looking outlets that no pack names and the curated list leaves out. */
const UNLISTED_STORY_URL = 'https://www.thestar.com.my/tech/tech-news/2025/11/16/alibaba-denies-us-memo-claims';
const UNLISTED_OTHER_URL = 'https://www.thestar.com.my/business/2025/08/29/alibaba-cloud-revenue-grows';
const OTHER_UNLISTED_STORY_URL = 'https://www.manilatimes.net/2025/11/16/world/alibaba-pla-memo/2222222';
const THIRD_UNLISTED_STORY_URL = 'https://www.dawn.com/news/1955555/alibaba-rejects-white-house-memo';

async function open(s: Session, url: string): Promise<Page> {
  const page = await s.browser.newPage();
  await page.goto(url);
  return page;
}

async function expectSidebar(s: Session, page: Page): Promise<void> {
  await sidebarFrame(s, page);
  expect((await hostState(page)).present).toBe(true);
}

/**
 * The popup as the reader gets it from the toolbar button on `page`, with the activeTab grant
 * that click gives. Chromium: puppeteer presses the action itself. Firefox: the grant its
 * toolbar click makes, through the add-on's own tab manager, then the popup in a tab (it speaks
 * about the tab the reader used last).
 */
async function popupFromToolbar(s: Session, page: Page): Promise<Page> {
  await page.bringToFront();
  if (s.name === 'chromium') {
    const ext = [...(await s.browser.extensions()).values()].find((e) => s.base.includes(e.id));
    if (!ext) throw new Error('the extension is not installed');
    await page.triggerExtensionAction(ext);
    const target = await s.browser.waitForTarget((t) => t.url().startsWith(s.base + 'popup.html'), { timeout: 10_000 });
    const popup = await target.asPage();
    await popup.waitForSelector('[data-ready]', { timeout: 10_000 });
    return popup;
  }
  await firefoxChromeEval(
    s.browser,
    `const win = Services.wm.getMostRecentWindow('navigator:browser');
    WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.tabManager.addActiveTabPermission(win.gBrowser.selectedTab);`,
  );
  return openExtensionPage(s, 'popup.html');
}

interface TabBadge {
  url: string | null;
  badge: string;
  title: string;
}

/** Every tab's toolbar badge and title, with the story address the background holds for it. */
async function badges(s: Session): Promise<TabBadge[]> {
  const page = await openExtensionPage(s, 'options.html');
  try {
    return await page.evaluate(async () => {
      type Api = {
        tabs: { query(q: object): Promise<Array<{ id?: number }>> };
        storage: { session: { get(k: null): Promise<Record<string, { url?: string }>> } };
        action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
      };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const state = await api.storage.session.get(null);
      const tabs = await api.tabs.query({});
      return Promise.all(
        tabs
          .filter((t) => t.id !== undefined)
          .map(async (t) => ({
            url: state[`tab:${t.id}`]?.url ?? null,
            badge: await api.action.getBadgeText({ tabId: t.id! }),
            title: await api.action.getTitle({ tabId: t.id! }),
          })),
      );
    });
  } finally {
    await page.close();
  }
}

describe.each(BROWSERS)('reach in %s', (name) => {
  describe('with the listed news sites only', () => {
    let s: Session;
    let story: Page;
    beforeAll(async () => {
      s = await launch(name);
      const site = new StandInSite(s);
      site.serve(COVERAGE_URL, storyHtml);
      site.serve(UNLISTED_STORY_URL, storyHtml);
      site.serve(UNLISTED_OTHER_URL, nearMissHtml);
    });
    afterAll(async () => {
      await s?.close();
    });

    it('opens the welcome page at install, which says what it reads and asks once', async () => {
      const welcome = await welcomePage(s);
      const text = await welcome.$eval('main', (m) => (m as HTMLElement).innerText);
      expect(text).toMatch(/reads the page you are on/);
      expect(text).toMatch(/Nothing about the pages you read leaves your browser/);
      expect(await welcome.$$eval('button[data-choice]', (b) => b.map((x) => x.textContent))).toEqual([
        'Show context on any site',
        'Only on the listed news sites',
      ]);
      await answerWelcome(s, 'listed');
      expect(await welcome.$eval('[data-testid=welcome-done]', (e) => e.textContent)).toMatch(/listed news sites/);
      // Asked once: the answer is remembered, and the page shows it when opened again.
      await welcome.close();
      const again = await openExtensionPage(s, 'welcome.html', '[data-choice=listed][data-ready]');
      await again.close();
    });

    it('shows the sidebar on a host from the pack coverage, with the badge on that tab alone', async () => {
      const other = await open(s, 'https://www.firstpost.com/');
      story = await open(s, COVERAGE_URL);
      await expectSidebar(s, story);
      const all = await badges(s);
      const storyTab = all.filter((b) => b.url === COVERAGE_URL);
      expect(storyTab).toHaveLength(1);
      expect(storyTab[0]!.badge).not.toBe('');
      expect(storyTab[0]!.title).toMatch(/^Context available: .*Alibaba/);
      // Every other tab (the stand-in front page on the same site, the extension's pages): none.
      expect(all.filter((b) => b.url !== COVERAGE_URL).map((b) => b.badge)).toEqual(all.filter((b) => b.url !== COVERAGE_URL).map(() => ''));
      // A tab that goes elsewhere loses its badge.
      await other.goto(COVERAGE_URL + '?read-again');
      await expectSidebar(s, other);
      expect((await badges(s)).filter((b) => b.badge !== '')).toHaveLength(2);
      await other.goto('https://www.firstpost.com/');
      await other.waitForSelector('#stand-in');
      await expect.poll(async () => (await badges(s)).filter((b) => b.badge !== '').map((b) => b.url), { timeout: 10_000, interval: 250 }).toEqual([COVERAGE_URL]);
      await other.close();
    });

    it('leaves an unlisted host alone until "Check this page" shows the sidebar there', async () => {
      const page = await open(s, UNLISTED_STORY_URL);
      const popup = await popupFromToolbar(s, page);
      await popup.waitForSelector('[data-testid=tab-status][data-state=unlisted]', { timeout: 10_000 });
      // The popup has seen the tab and offers the check: by then the page would have been read.
      expect(await untouched(page, storyHtml)).toBe(true);
      await popup.click('[data-testid=check-page]');
      await popup.waitForSelector('[data-testid=check-result][data-found=true]', { timeout: 20_000 });
      expect(await popup.$eval('[data-testid=check-result]', (e) => e.textContent)).toMatch(/about a tracked story/);
      await popup.close().catch(() => undefined);
      await expectSidebar(s, page);
      expect((await badges(s)).filter((b) => b.url === UNLISTED_STORY_URL).map((b) => b.badge)).not.toEqual(['']);

      // A near miss (Alibaba news, not this story) on the same site: the popup says so in words.
      const nearMiss = await open(s, UNLISTED_OTHER_URL);
      const popup2 = await popupFromToolbar(s, nearMiss);
      await popup2.waitForSelector('[data-testid=tab-status][data-state=unlisted]', { timeout: 10_000 });
      await popup2.click('[data-testid=check-page]');
      await popup2.waitForSelector('[data-testid=check-result][data-found=false]', { timeout: 20_000 });
      expect(await popup2.$eval('[data-testid=check-result]', (e) => e.textContent)).toMatch(/not about a story/);
      await popup2.close().catch(() => undefined);
      expect((await hostState(nearMiss)).present).toBe(false);
      await nearMiss.close();
      await page.close();
    });

    it('turns a site off and on from the options page, reaching the open tab without a reload', async () => {
      const site = 'firstpost.com';
      const options = await openExtensionPage(s, `options.html#confirm-disable=${encodeURIComponent(site)}`);
      const confirm = await options.waitForSelector(`[data-confirm-disable="${site}"]`);
      expect(await confirm!.evaluate((e) => e.textContent)).toMatch(`Turn off Story Context on ${site}?`);
      // The question has the focus; the keyboard reaches the answer.
      expect(await options.evaluate(() => document.activeElement?.hasAttribute('data-confirm-disable'))).toBe(true);
      await options.keyboard.press('Tab');
      expect(await options.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('confirm');
      await options.keyboard.press('Enter');
      await options.waitForSelector(`[data-testid=disabled-sites] li[data-site="${site}"]`);
      // The story tab, never reloaded, loses its sidebar and its badge.
      await story.waitForFunction(() => document.querySelector('[data-story-context]') === null, { timeout: 10_000, polling: 100 });
      expect((await badges(s)).filter((b) => b.url === COVERAGE_URL)).toEqual([]);

      await options.click(`[data-testid=disabled-sites] li[data-site="${site}"] button`);
      await options.waitForFunction((site: string) => !document.querySelector(`[data-testid=disabled-sites] li[data-site="${site}"]`), {}, site);
      await story.bringToFront();
      await expectSidebar(s, story);

      await options.close();

      // "Keep it on" changes nothing.
      const again = await openExtensionPage(s, `options.html#confirm-disable=${encodeURIComponent(site)}`);
      await again.waitForSelector('[data-action=cancel]');
      await again.click('[data-action=cancel]');
      await again.waitForFunction(() => document.querySelector('[data-confirm-disable]') === null);
      expect(await again.$eval('[data-testid=notice]', (e) => e.textContent)).toMatch(/stays on/);
      expect(await again.$$('[data-testid=disabled-sites] li')).toHaveLength(0);
      await again.close();
      expect((await hostState(story)).present).toBe(true);
    });
  });

  describe('with any site', () => {
    let s: Session;
    beforeAll(async () => {
      s = await launch(name);
      const site = new StandInSite(s);
      site.serve(COVERAGE_URL, storyHtml);
      site.serve(UNLISTED_STORY_URL, storyHtml);
      site.serve(UNLISTED_OTHER_URL, nearMissHtml);
      site.serve(OTHER_UNLISTED_STORY_URL, storyHtml);
      site.serve(THIRD_UNLISTED_STORY_URL, storyHtml);
    });
    afterAll(async () => {
      await s?.close();
    });

    it('shows the sidebar on an unlisted https site, open tabs included, and leaves other pages untouched', async () => {
      // Open before the answer: a listed story tab (the content script already runs there) and
      // an unlisted one (nothing runs there yet).
      const listed = await open(s, COVERAGE_URL);
      await expectSidebar(s, listed);
      const early = await open(s, OTHER_UNLISTED_STORY_URL);
      expect(await untouched(early, storyHtml)).toBe(true);
      const welcome = await answerWelcome(s, 'any');
      expect(await welcome.$eval('[data-testid=welcome-done]', (e) => e.textContent)).toMatch(/any site/);
      // The open unlisted tab gets the sidebar without a reload; the listed one keeps its one.
      await expectSidebar(s, early);
      expect(await listed.$$eval('[data-story-context]', (hosts) => hosts.length)).toBe(1);
      await early.close();
      await listed.close();
      const page = await open(s, UNLISTED_STORY_URL);
      await expectSidebar(s, page);
      const nearMiss = await open(s, UNLISTED_OTHER_URL);
      // The story tab has answered; the near miss was read by the same script and left alone.
      await nearMiss.waitForFunction(() => document.readyState === 'complete');
      await expectSidebar(s, page);
      expect(await untouched(nearMiss, nearMissHtml)).toBe(true);
      await nearMiss.close();
      await page.close();
    });

    it('stops reading unlisted sites when the options page says listed sites only', async () => {
      const options = await openExtensionPage(s, 'options.html', '[data-ready][data-access=any]');
      await options.click('#op-access-listed');
      await options.waitForSelector('[data-ready][data-access=listed]', { timeout: 10_000 });
      await options.close();
      const page = await open(s, THIRD_UNLISTED_STORY_URL);
      const popup = await popupFromToolbar(s, page);
      await popup.waitForSelector('[data-testid=tab-status][data-state=unlisted]', { timeout: 10_000 });
      await popup.close().catch(() => undefined);
      expect(await untouched(page, storyHtml)).toBe(true);
      await page.close();
    });
  });
});
