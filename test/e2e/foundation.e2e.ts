// The skeleton in both browsers: the extension installs, its pages open, the content script
// runs on a story page and leaves other pages alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, domUntouched, hostState, launch, openExtensionPage, openSettled, sidebarFrame, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { fixturePage } from './harness/fixtures';

describe.each(BROWSERS)('foundation in %s', (name) => {
  let s: Session;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    fixturePage(server, '/seed/alibaba-memo.html', 'seeds/000_22b88a4c825870c9.txt');
    fixturePage(server, '/plain.html', null);
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('starts the browser with the extension installed', async () => {
    const version = await s.browser.version();
    console.log(`${name}: ${version}`);
    expect(version.length).toBeGreaterThan(0);
  });

  it('opens the popup page', async () => {
    const page = await openExtensionPage(s, 'popup.html');
    expect(await page.$eval('h1', (h) => h.textContent)).toBeTruthy();
    await page.close();
  });

  it('mounts the sidebar host and its extension frame on a story page', async () => {
    const page = await s.browser.newPage();
    await page.goto(server.url('/seed/alibaba-memo.html'));
    const frame = await sidebarFrame(s, page);
    expect(await frame.evaluate(() => location.href)).toContain(s.base + 'sidebar.html');
    expect((await hostState(page)).present).toBe(true);
    await page.close();
  });

  it('adds nothing at all to a page that is not about a tracked story', async () => {
    const page = await openSettled(s, server.url('/plain.html'));
    expect(await domUntouched(page)).toMatchObject({ same: true });
    await page.close();
  });
});
