// Faults a reader's browser produces on its own: the background stopped in the middle of an
// import, two tabs saving at the same moment, a Firefox private window, where extensions get no
// IndexedDB at all, and a disk with no room left.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, openExtensionPage, openSidebarFromTab, sidebarFrame, sleep, stopBackground, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';
import { savedLibrary } from '../bench/saved-items';

type Reply = { ok: true; value: unknown } | { ok: false; error: string };
interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<Reply> };
}

/** An extension page to talk to the background from, as the popup does. */
function extensionPage(s: Session): Promise<Page> {
  return openExtensionPage(s, 'popup.html');
}

/** Asks the background, retrying while it restarts after being stopped. */
async function ask(page: Page, message: unknown): Promise<Reply> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const reply = await page
      .evaluate(async (message) => {
        const g = globalThis as unknown as { browser?: Runtime; chrome?: Runtime };
        return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
      }, message)
      .catch((err: unknown) => ({ ok: false as const, error: String(err) }));
    if (reply?.ok || Date.now() > deadline) return reply;
    // A refusal from the background is an answer; only a missing background is retried.
    if (reply && !/Receiving end|message port|context|disconnected|No matching/i.test(reply.error)) return reply;
    await sleep(200);
  }
}

async function storedCount(page: Page): Promise<number> {
  const reply = await ask(page, { type: 'items/list', query: {} });
  if (!reply.ok) throw new Error(`could not list items: ${reply.error}`);
  return (reply.value as unknown[]).length;
}

describe.each(BROWSERS)('faults in %s', (name) => {
  let s: Session;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({
      '/story-a.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') },
      '/story-b.html': { body: seedPageHtml('002_070c77320a5da855.txt') },
    });
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('saves from two tabs at the same moment: both items are kept', async () => {
    const a = await s.browser.newPage();
    await a.setViewport({ width: 1280, height: 900 });
    await a.goto(server.url('/story-a.html'));
    const frameA = await sidebarFrame(s, a);
    const b = await s.browser.newPage();
    await b.setViewport({ width: 1280, height: 900 });
    await b.goto(server.url('/story-b.html'));
    await openSidebarFromTab(b);
    const frameB = await sidebarFrame(s, b);
    const [saveA, saveB] = await Promise.all([
      frameA.waitForSelector('[data-testid=save-article]'),
      frameB.waitForSelector('[data-testid=save-article]'),
    ]);
    await Promise.all([saveA!.evaluate((e) => (e as HTMLElement).click()), saveB!.evaluate((e) => (e as HTMLElement).click())]);

    const popup = await openExtensionPage(s, 'popup.html');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid=item]').length === 2, { timeout: 15_000, polling: 100 });
    const urls = await popup.$$eval('[data-testid=item] a[href]', (els) => els.map((e) => (e as HTMLAnchorElement).href));
    expect(urls.some((u) => u.endsWith('/story-a.html'))).toBe(true);
    expect(urls.some((u) => u.endsWith('/story-b.html'))).toBe(true);
    await Promise.all([popup.close(), a.close(), b.close()]);
  });

  it('stopping the background in the middle of an import writes all of it or none of it, and loses nothing stored', async () => {
    const library = savedLibrary(10_000, 7);
    const page = await extensionPage(s);
    // Items the reader already had, which no interrupted import may touch.
    expect((await ask(page, { type: 'items/import', text: savedLibrary(20, 3).text, settings: 'apply' })).ok).toBe(true);
    const before = await storedCount(page);
    expect(before).toBeGreaterThanOrEqual(20);
    const outcomes: Array<{ delay: number; count: number; reply: string }> = [];
    // The import takes a second or more; stopping at these moments after the message left
    // lands in the parse, in the write transaction or near its commit. Each outcome must be all
    // or nothing. Once one import went through whole, later ones cannot show a difference.
    for (const delay of [100, 300, 600, 1000, 1500, 2500, 4000, 6000]) {
      const sender = await extensionPage(s);
      // The text goes into the page first, so the clock starts when the message is sent.
      await sender.evaluate((text: string) => {
        (window as unknown as { __text: string }).__text = text;
      }, library.text);
      await sender.evaluate(() => {
        const w = window as unknown as { __text: string; __reply: Promise<string>; browser?: Runtime; chrome?: Runtime };
        w.__reply = (w.browser ?? w.chrome)!.runtime.sendMessage({ type: 'items/import', text: w.__text, settings: 'apply' }).then(
          (r) => JSON.stringify(r) ?? 'no reply',
          (e: unknown) => `error: ${String(e)}`,
        );
      });
      await sleep(delay);
      await stopBackground(s);
      const reply = await sender
        .evaluate(() => (window as unknown as { __reply: Promise<string> }).__reply)
        .catch((e: unknown) => `sender gone: ${String(e)}`);
      const count = await storedCount(page);
      outcomes.push({ delay, count, reply: reply.slice(0, 200) });
      await sender.close();
      if (count !== before) break;
    }
    // Which moments were interrupted varies with the machine's speed: the log shows it.
    console.info(`${name}: import stopped at`, outcomes.map((o) => `${o.delay} ms → ${o.count - before} added (${o.reply.slice(0, 60)})`));
    for (const o of outcomes) expect([before, before + library.items.length], JSON.stringify(o)).toContain(o.count);
    // At least one stop really interrupted an import: nothing of it was written and the sender
    // heard no success.
    expect(outcomes.some((o) => o.count === before && !o.reply.includes('"ok":true')), JSON.stringify(outcomes)).toBe(true);

    // After the restart the same file imports whole, and the earlier items are still there.
    const reply = await ask(page, { type: 'items/import', text: library.text, settings: 'apply' });
    expect(reply.ok, JSON.stringify(reply).slice(0, 300)).toBe(true);
    expect(await storedCount(page)).toBe(before + library.items.length);
    await page.close();
  });
});

describe('a Firefox private window', () => {
  let s: Session;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') } });
    s = await launch('firefox', { privateBrowsing: true });
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it('has no IndexedDB for the extension: the sidebar says saving is off and still shows the whole context', async () => {
    const page = await s.browser.newPage();
    await page.goto(server.url('/story.html'));
    const frame = await sidebarFrame(s, page);
    const notice = await frame.waitForSelector('[data-testid=storage-unavailable]', { timeout: 10_000 });
    expect(await notice!.evaluate((e) => e.textContent ?? '')).toMatch(/private window/);
    const context = await frame.evaluate(() => ({
      verification: document.querySelector('[data-testid=verification]')?.textContent ?? '',
      statements: [...document.querySelectorAll('[data-testid=statement]')].map((e) => e.textContent ?? ''),
      links: document.querySelectorAll('[data-testid=coverage-item] a[href]').length,
    }));
    expect(context.verification).toMatch(/could not independently verify/i);
    expect(context.statements.some((t) => /Liu Pengyu/.test(t))).toBe(true);
    expect(context.links).toBeGreaterThanOrEqual(10);

    // The popup says the same in words, instead of failing blank.
    const popup = await openExtensionPage(s, 'popup.html');
    const error = await popup.waitForSelector('[data-testid=load-error]', { timeout: 10_000 });
    expect(await error!.evaluate((e) => e.textContent ?? '')).toMatch(/unavailable in this window/);
    await popup.close();
    await page.close();
  });
});

describe.each(BROWSERS)('a full disk in %s', (name) => {
  let s: Session;
  let server: TestServer;
  const scratch = mkdtempSync(join(tmpdir(), `sc-quota-${name}-`));
  beforeAll(async () => {
    server = await startServer({ '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') } });
    // Firefox: a 1 MB limit for all site storage. Chromium: the extension's quota is cut below
    // its usage once the database exists (DevTools' quota override), so any write fails.
    s = await launch(name, { firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 1024 } });
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reports a full disk to the reader, in words, and changes nothing', async () => {
    const popup = await openExtensionPage(s, 'popup.html');
    await popup.waitForSelector('[data-testid=empty]');
    // The override lasts as long as the DevTools session that set it: kept open to the end.
    const cdp = name === 'chromium' ? await popup.createCDPSession() : null;
    await cdp?.send('Storage.overrideQuotaForOrigin', { origin: s.base.replace(/\/$/, ''), quotaSize: 1 });
    const file = join(scratch, 'library.json');
    writeFileSync(file, savedLibrary(2000, 11).text);
    const input = await popup.$('[data-testid=import-file]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
    // The library's settings differ from a fresh profile's, so the popup asks first; the
    // items alone are enough to fill the disk.
    await popup.bringToFront();
    await (await popup.waitForSelector('[data-testid=import-items-only]', { timeout: 15_000 }))!.click();
    // "Importing…" first, then the outcome.
    await popup.waitForFunction(() => /\w$|\.$/.test((document.querySelector('[data-testid=io-status]')?.textContent ?? '').trim()), { timeout: 30_000, polling: 100 });
    expect(await popup.$eval('[data-testid=io-status]', (e) => e.textContent ?? '')).toMatch(/no room left/);
    expect(await popup.$('[data-testid=empty]')).not.toBeNull();

    if (name === 'chromium') {
      // Firefox's limit still leaves room for one item; Chromium's override leaves none.
      const page = await s.browser.newPage();
      await page.goto(server.url('/story.html'));
      const frame = await sidebarFrame(s, page);
      await (await frame.waitForSelector('[data-testid=save-article]'))!.click();
      const error = await frame.waitForSelector('[data-testid=save-error]', { timeout: 10_000 });
      expect(await error!.evaluate((e) => e.textContent ?? '')).toMatch(/no room left/);
      await page.close();
    }
    await cdp?.detach();
    await popup.close();
  });
});
