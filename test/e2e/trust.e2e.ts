// Attacks from a hostile page on the extension's trust, one test each, in both browsers: the
// page frames sidebar.html itself and clicks through it; it listens for the extension's
// messages; it navigates the real sidebar frame to its own fake; it fetches the extension's
// resources by their static address; it sends the content script's teardown event. Each is
// judged by what a reader would notice: settings, saved items, and what the sidebar shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, countSettled, hostState, launch, openExtensionPage, openSidebarFromTab, settled, sidebarFrame, sleep, type Session } from './harness/browsers';
import { openSectionOf } from './harness/sidebar-view';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';

/**
 * Runs before anything of the extension's: records every message the page's window receives,
 * and gives the test the page's own means of attack.
 */
const ATTACKER = `<script>
window.__messages = [];
addEventListener('message', function (e) {
  var d = e.data;
  window.__messages.push({ origin: e.origin, type: d && typeof d === 'object' ? String(d.type) : typeof d, hasSource: e.source !== null && e.source !== window });
}, true);
window.__embed = function (url) {
  var f = document.createElement('iframe');
  f.id = 'overlay';
  f.src = url;
  // The classic clickjacking frame: invisible, on top, where the reader is about to click.
  f.style.cssText = 'position:fixed;left:0;top:0;width:800px;height:100vh;opacity:0;z-index:2147483647;border:0';
  document.documentElement.appendChild(f);
  return new Promise(function (resolve) { f.onload = function () { resolve(true); }; setTimeout(function () { resolve(false); }, 5000); });
};
window.__offerSecret = function () {
  // What the page would post if it tried to play the content script: a made-up secret.
  var f = document.getElementById('overlay');
  var ch = new MessageChannel();
  var answers = [];
  ch.port1.onmessage = function (e) { answers.push(e.data); };
  var secret = '';
  for (var i = 0; i < 32; i++) secret += '0123456789abcdef'[Math.floor(Math.random() * 16)];
  f.contentWindow.postMessage({ type: 'story-context:hello', secret: secret }, '*', [ch.port2]);
  return new Promise(function (resolve) { setTimeout(function () { resolve(answers.length); }, 1500); });
};
window.__fetchStatus = function (url) {
  return fetch(url).then(function (r) { return 'status ' + r.status; }, function (e) { return 'refused: ' + e.name; });
};
</script>`;

const FAKE = `<!doctype html><html><body><h1>FAKE SIDEBAR: This claim was VERIFIED</h1></body></html>`;

async function pageVar<T>(page: Page, name: string): Promise<T> {
  return page.evaluate((n: string) => (window as unknown as Record<string, unknown>)[n], name) as Promise<T>;
}

async function savedCount(s: Session): Promise<number> {
  const popup = await openExtensionPage(s, 'popup.html');
  try {
    await popup.waitForFunction(() => document.querySelector('[data-testid=empty]') || document.querySelector('[data-testid=item]'), { timeout: 15_000, polling: 100 });
    return await popup.$$eval('[data-testid=item]', (els) => els.length);
  } finally {
    await popup.close();
  }
}

/** Every copy of sidebar.html in the tab: whether it got as far as showing content, and its text. */
async function sidebarCopies(page: Page): Promise<Array<{ ready: boolean; text: string }>> {
  const copies: Array<{ ready: boolean; text: string }> = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const seen = await frame
      .evaluate(() => ({ href: location.href, ready: document.querySelector('[data-ready]') !== null, text: document.body?.innerText ?? '' }))
      .catch(() => null);
    if (seen && /^(chrome|moz)-extension:\/\/[^/]+\/sidebar\.html/.test(seen.href)) copies.push({ ready: seen.ready, text: seen.text });
  }
  return copies;
}

async function showsStory(frame: Frame): Promise<boolean> {
  const text = await frame.evaluate(() => document.body.innerText).catch(() => '');
  return /Alibaba/.test(text) && !/FAKE SIDEBAR/.test(text);
}

async function anyFrameShows(page: Page, needle: string): Promise<boolean> {
  for (const frame of page.frames()) {
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.includes(needle)) return true;
  }
  return false;
}

describe.each(BROWSERS)('a hostile page against the extension in %s', (name) => {
  let s: Session;
  let server: TestServer;
  const story = () => seedPageHtml('000_22b88a4c825870c9.txt', { extraHead: ATTACKER });

  beforeAll(async () => {
    server = await startServer({ '/fake-sidebar.html': { body: FAKE } });
    for (const path of ['/framed.html', '/listen.html', '/navigate.html', '/probe.html', '/teardown.html', '/confirm.html']) {
      server.route(path, { body: story() });
    }
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  async function openStory(path: string): Promise<{ page: Page; frame: Frame }> {
    const page = await s.browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await countSettled(page);
    await page.goto(server.url(path));
    const frame = await sidebarFrame(s, page);
    // Only the first story page of a session opens by itself; the reader opens the others.
    await openSidebarFromTab(page);
    return { page, frame };
  }

  async function click(frame: Frame, selector: string): Promise<void> {
    const el = await frame.waitForSelector(selector, { visible: true, timeout: 10_000 });
    await el!.click();
  }

  it('framing sidebar.html and clicking through it changes no setting and saves nothing', async () => {
    const { page } = await openStory('/framed.html');
    const loaded = await page.evaluate((url: string) => (window as unknown as { __embed(u: string): Promise<boolean> }).__embed(url), `${s.base}sidebar.html?embedded=1`);
    const copies = await sidebarCopies(page);
    if (name === 'chromium') {
      // Chrome serves the page only at its per-session address: the static one is refused,
      // and the only sidebar in the tab is the real one.
      expect(copies.map((c) => c.ready)).toEqual([true]);
    } else {
      // Firefox's address holds a random id per install, which the extension never tells a
      // page; this page was given it, as if it had leaked. The frame loads, and never learns a
      // secret: it shows nothing to click, even when the page offers it a made-up one.
      expect(loaded).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __offerSecret(): Promise<number> }).__offerSecret())).toBe(0);
      const framed = (await sidebarCopies(page)).filter((c) => !c.ready);
      expect(framed).toHaveLength(1);
      expect(framed[0]!.text.trim()).toBe('');
    }
    // The reader clicks all over the invisible frame, where the buttons would be.
    for (let y = 40; y < 900; y += 45) for (let x = 30; x < 800; x += 110) await page.mouse.click(x, y);
    await sleep(500);
    expect(await savedCount(s), 'an item was saved through the framed copy').toBe(0);
    // The site is still on: a new load of the story gets the sidebar.
    await page.evaluate(() => document.getElementById('overlay')?.remove());
    await page.reload();
    expect(await showsStory(await sidebarFrame(s, page))).toBe(true);
    await page.close();
  });

  it('a page listening for messages hears nothing from the extension', async () => {
    const { page, frame } = await openStory('/listen.html');
    expect(await showsStory(frame)).toBe(true);
    // Open, close and reopen: every message the sidebar's life might send has been sent.
    await click(frame, '[data-testid=close]');
    await page.waitForFunction(() => document.documentElement.style.marginRight === '', { timeout: 10_000, polling: 100 });
    const messages = await pageVar<Array<{ origin: string; type: string; hasSource: boolean }>>(page, '__messages');
    expect(messages.filter((m) => /extension:/.test(m.origin) || m.hasSource), JSON.stringify(messages)).toEqual([]);
    // Nor do the page's own records name the extension's address.
    const named = await page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /extension:\/\//.test(n)));
    expect(named).toEqual([]);
    await page.close();
  });

  it('navigating the sidebar frame to a fake: the host resets it, the fake never stays', async () => {
    const { page, frame } = await openStory('/navigate.html');
    expect(await showsStory(frame)).toBe(true);
    await frame.evaluate(() => {
      (window as unknown as { __old: boolean }).__old = true;
    });
    const fakeLoads = () => server.requests.filter((r) => r.startsWith('/fake-sidebar.html')).length;
    const before = fakeLoads();
    // The page has no handle on the frame (it sits in a closed shadow root and is posted
    // nothing); this plays an attacker who got one anyway and moves it to its own page.
    await frame.evaluate((url: string) => {
      location.href = url;
    }, server.url('/fake-sidebar.html')).catch(() => undefined);
    // Whatever the page does to it, the frame ends up showing a new, real sidebar document.
    const deadline = Date.now() + 15_000;
    let real: Frame | null = null;
    while (Date.now() < deadline) {
      real = await sidebarFrame(s, page, 1_000).catch(() => null);
      const fresh = real ? await real.evaluate(() => !(window as unknown as { __old?: boolean }).__old).catch(() => false) : false;
      if (real && fresh && (await showsStory(real)) && !(await anyFrameShows(page, 'FAKE SIDEBAR'))) break;
      real = null;
    }
    expect(fakeLoads(), 'the fake page was never loaded: the attack did not happen').toBeGreaterThan(before);
    expect(real, 'the sidebar frame did not come back').not.toBeNull();
    expect(await anyFrameShows(page, 'FAKE SIDEBAR')).toBe(false);
    expect((await hostState(page)).present).toBe(true);
    await page.close();
  });

  it("the extension's resources do not answer at their static address (Chrome), so a page cannot tell it is installed", async () => {
    const { page } = await openStory('/probe.html');
    const fetchStatus = (url: string) => page.evaluate((u: string) => (window as unknown as { __fetchStatus(u: string): Promise<string> }).__fetchStatus(u), url);
    const sidebar = await fetchStatus(`${s.base}sidebar.html`);
    const module = await fetchStatus(`${s.base}content/story-page.js`);
    if (name === 'chromium') {
      expect(sidebar).toMatch(/^refused/);
      expect(module).toMatch(/^refused/);
    } else {
      // Firefox: the address is unguessable (a random id per install) and never disclosed.
      expect(s.base).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
    }
    // A made-up id is refused in both.
    expect(await fetchStatus(s.base.replace(/\/\/[^/]+\//, '//00000000-0000-4000-8000-000000000000/') + 'sidebar.html')).toMatch(/^refused/);
    await page.close();
  });

  it("the page's copy of the teardown event does not remove the sidebar", async () => {
    const { page, frame } = await openStory('/teardown.html');
    expect(await showsStory(frame)).toBe(true);
    // The content script hears each event while it is dispatched: by the time evaluate()
    // returns, it has decided whether to go.
    for (let i = 0; i < 20; i++) await page.evaluate(() => document.dispatchEvent(new CustomEvent('story-context:teardown')));
    expect((await hostState(page)).present).toBe(true);
    expect(await showsStory(await sidebarFrame(s, page))).toBe(true);
    // And it still follows the page: a later navigation is still handled.
    await page.reload();
    expect(await showsStory(await sidebarFrame(s, page))).toBe(true);
    await page.close();
  });

  it('turning the site off from the in-page sidebar is confirmed in the options page, not in the page', async () => {
    const { page, frame } = await openStory('/confirm.html');
    const before = new Set((await s.browser.pages()).map((p) => p));
    await openSectionOf(frame, '[data-testid=site-off]');
    await click(frame, '[data-testid=site-off]');
    // The options page opens in a tab of its own and asks.
    let options: Page | undefined;
    const deadline = Date.now() + 15_000;
    while (!options && Date.now() < deadline) {
      for (const p of await s.browser.pages()) {
        if (before.has(p)) continue;
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${s.base}options.html`)) options = p;
      }
      if (!options) await sleep(100);
    }
    expect(options, 'no options page opened').toBeDefined();
    const ask = await options!.waitForSelector('[data-confirm-disable]', { timeout: 15_000 });
    expect(await ask!.evaluate((e) => e.textContent ?? '')).toContain('127.0.0.1');
    // Nothing changed yet: the story still gets its sidebar.
    await page.reload();
    expect(await showsStory(await sidebarFrame(s, page))).toBe(true);
    await (await options!.waitForSelector('[data-confirm-disable] [data-action=confirm]'))!.click();
    await options!.waitForFunction(() => !document.querySelector('[data-confirm-disable] [data-action=confirm]'), { timeout: 10_000, polling: 100 });
    await page.reload();
    await settled(page);
    expect((await hostState(page)).present, 'the site was confirmed off, but the sidebar came back').toBe(false);
    await options!.close();
    await page.close();
  });
});
