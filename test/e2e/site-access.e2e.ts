// Sites beyond the curated list: an unlisted site gets nothing at all until the reader turns
// the extension on for it from the popup; then the open tab gets the sidebar at once, and so
// does every later page load on that site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, domUntouched, hostState, launch, openExtensionPage, sidebarFrame, sleep, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';
import { allowInChromeExtensionsPage } from './harness/chrome-site-access';

describe.each(BROWSERS)('an unlisted site in %s', (name) => {
  let s: Session;
  let server: TestServer;
  beforeAll(async () => {
    // 127.0.0.2 is loopback too, but not among the test build's listed sites (127.0.0.1, localhost).
    server = await startServer({ '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') } }, '127.0.0.2');
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  async function expectSidebar(page: Page): Promise<void> {
    await sidebarFrame(s, page);
    expect((await hostState(page)).present).toBe(true);
  }

  it('gets nothing until the reader turns the extension on, then gets the sidebar', async () => {
    const page = await s.browser.newPage();
    await page.goto(server.url('/story.html'));
    await sleep(1500);
    expect(await domUntouched(page)).toMatchObject({ same: true });

    await page.bringToFront();
    const popup = await openExtensionPage(s, 'popup.html', '[data-ready]');
    await popup.waitForSelector('[data-testid=tab-status][data-state=unlisted]', { timeout: 10_000 });
    const grant = await popup.$('[data-testid=site-grant-all]');
    expect(grant).not.toBeNull();
    expect((await hostState(page)).present).toBe(false);

    if (name === 'firefox') {
      // Firefox's test profile accepts optional permissions without a dialog: the reader's click
      // on "turn on for all sites" is the whole grant.
      await grant!.click();
      await popup.waitForFunction(() => document.querySelector('[data-testid=tab-status]')?.getAttribute('data-state') !== 'unlisted', {
        timeout: 10_000,
        polling: 100,
      });
    } else {
      // The popup's buttons would open Chromium's dialog (see harness/chrome-site-access.ts).
      // The popup, opened here as a tab, has no activeTab grant and so cannot offer "turn on
      // for this site"; make the request that button makes, for this origin.
      const origin = new URL(server.url('/')).origin;
      await allowInChromeExtensionsPage(s, [`${origin}/*`]);
      // Allowing the site in the settings page alone runs nothing.
      await sleep(500);
      expect(await domUntouched(page)).toMatchObject({ same: true });
      // puppeteer evaluates with a user gesture, which permissions.request needs.
      const granted = await popup.evaluate(
        (origin: string) => (globalThis as unknown as { chrome: { permissions: { request(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.request({ origins: [`${origin}/*`] }),
        origin,
      );
      expect(granted).toBe(true);
    }
    await popup.close();

    // The tab that was already open gets the sidebar without a reload…
    await expectSidebar(page);
    // …and so does a page loaded afterwards.
    const next = await s.browser.newPage();
    await next.goto(server.url('/story.html'));
    await expectSidebar(next);
    await next.close();
    await page.close();
  });
});
