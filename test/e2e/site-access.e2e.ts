// Sites beyond the curated list: an unlisted site gets nothing at all until the reader turns
// the extension on for it from the popup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, domUntouched, hostState, launch, openExtensionPage, sleep, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';

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

  it('gets nothing until the reader turns the extension on from the popup', async () => {
    const page = await s.browser.newPage();
    await page.goto(server.url('/story.html'));
    await sleep(1500);
    expect(await domUntouched(page)).toMatchObject({ same: true });

    await page.bringToFront();
    const popup = await openExtensionPage(s, 'popup.html', '[data-ready]');
    await popup.waitForSelector('[data-testid=tab-status][data-state=unlisted]', { timeout: 10_000 });
    const grant = await popup.$('[data-testid=site-grant-all]');
    expect(grant).not.toBeNull();
    if (name === 'firefox') {
      // Firefox's test profile accepts optional permissions without a dialog: the grant is
      // recorded and the popup stops offering it. (Chromium asks in a dialog automation
      // cannot answer.) Injecting into the granted site afterwards is not yet proven here.
      await grant!.click();
      await popup.waitForFunction(() => document.querySelector('[data-testid=tab-status]')?.getAttribute('data-state') !== 'unlisted', {
        timeout: 10_000,
        polling: 100,
      });
    }
    expect((await hostState(page)).present).toBe(false);
    await popup.close();
    await page.close();
  });
});
