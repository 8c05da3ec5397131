// Saved items, end to end: save from the sidebar and find it in the popup; edit, delete, undo;
// changes show live in the other page; export and import into a fresh profile; a corrupted
// import is refused and changes nothing; items survive a browser restart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, launch, openExtensionPage, sidebarFrame, type Session } from './harness/browsers';
import { openSectionOf } from './harness/sidebar-view';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';

const READY = '[data-ready]';

async function rows(popup: Page): Promise<Array<{ id: string; text: string; note: string; tags: string }>> {
  return popup.$$eval('[data-testid=item]', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' '),
      note: (el.querySelector('[data-testid=note]') as HTMLTextAreaElement | null)?.value ?? '',
      tags: (el.querySelector('[data-testid=tags]') as HTMLInputElement | null)?.value ?? '',
    })),
  );
}

async function waitForRows(popup: Page, n: number): Promise<void> {
  await popup.waitForFunction((n: number) => document.querySelectorAll('[data-testid=item]').length === n, { timeout: 15_000, polling: 100 }, n);
}

async function openStory(s: Session, server: TestServer): Promise<{ page: Page; frame: Frame }> {
  const page = await s.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url('/story.html'));
  const frame = await sidebarFrame(s, page);
  return { page, frame };
}

async function clickIn(frame: Frame | Page, selector: string): Promise<void> {
  const el = await frame.waitForSelector(selector, { timeout: 10_000 });
  await el!.click();
}

/** Captures what the popup hands to the download machinery, in the page's own world. */
async function captureExport(popup: Page, testid: string): Promise<string> {
  await popup.evaluate(() => {
    const w = window as unknown as { __exported?: Blob[] };
    w.__exported = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) w.__exported!.push(b);
      return original(b);
    };
  });
  await clickIn(popup, `[data-testid=${testid}]`);
  await popup.waitForFunction(() => ((window as unknown as { __exported?: Blob[] }).__exported ?? []).length > 0, { timeout: 15_000, polling: 100 });
  return popup.evaluate(() => (window as unknown as { __exported: Blob[] }).__exported[0]!.text());
}

describe.each(BROWSERS)('saved items in %s', (name) => {
  let server: TestServer;
  const profiles: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), `sc-io-${name}-`));
  let s: Session;
  let profile: string;
  const uuid = randomUUID();
  let exported = '';

  beforeAll(async () => {
    server = await startServer({ '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') } });
    profile = mkdtempSync(join(tmpdir(), `sc-profile-${name}-`));
    profiles.push(profile);
    s = await launch(name, { profileDir: profile, uuid });
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('starts with an empty state that tells a new reader what to do', async () => {
    const popup = await openExtensionPage(s, 'popup.html', READY);
    const empty = await popup.$eval('[data-testid=empty]', (e) => e.textContent ?? '');
    expect(empty.length).toBeGreaterThan(20);
    await popup.close();
  });

  it('saves an article, a claim, a quote and a source from the sidebar and shows them live in an open popup', async () => {
    const popup = await openExtensionPage(s, 'popup.html', READY);
    const { page, frame } = await openStory(s, server);
    await clickIn(frame, '[data-testid=save-article]');
    // The claims, responses and coverage are closed sections until the reader opens them.
    for (const testid of ['save-claim', 'save-quote', 'save-source']) {
      await openSectionOf(frame, `[data-testid=${testid}]`);
      await clickIn(frame, `[data-testid=${testid}]`);
    }
    // The popup was open the whole time and was never reloaded.
    await waitForRows(popup, 4);
    const texts = (await rows(popup)).map((r) => r.text).join(' | ');
    expect(texts).toMatch(/US Accuses Alibaba/);
    expect(texts).toMatch(/completely false|complete nonsense|Without valid evidence|never require/);
    // The sidebar shows the saved state in place and can undo it there, on the claim's card.
    await clickIn(frame, '[data-testid=claim] [data-testid=undo]');
    await waitForRows(popup, 3);
    await clickIn(frame, '[data-testid=save-claim]');
    await waitForRows(popup, 4);
    await page.close();
    await popup.close();
  });

  it('edits a note and tags in the popup, deletes with undo, and the sidebar follows', async () => {
    const popup = await openExtensionPage(s, 'popup.html', READY);
    await popup.bringToFront();
    await waitForRows(popup, 4);
    const note = await popup.$('[data-testid=item] [data-testid=note]');
    await note!.click();
    await popup.keyboard.type('Check the FT caveat');
    await popup.keyboard.press('Enter');
    const tags = await popup.$('[data-testid=item] [data-testid=tags]');
    await tags!.click();
    await popup.keyboard.type('alibaba, memo');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(
      () => {
        const first = document.querySelector('[data-testid=item]');
        return (first?.querySelector('[data-testid=note]') as HTMLTextAreaElement | null)?.value === 'Check the FT caveat';
      },
      { timeout: 10_000, polling: 100 },
    );

    // A fresh popup reads the edit back from the database.
    const again = await openExtensionPage(s, 'popup.html', READY);
    await waitForRows(again, 4);
    const stored = await rows(again);
    expect(stored.some((r) => r.note === 'Check the FT caveat' && /alibaba/.test(r.tags) && /memo/.test(r.tags))).toBe(true);
    await again.close();

    const { page, frame } = await openStory(s, server);
    const savedInSidebar = () => frame.$$eval('[data-testid=undo]', (els) => els.length);
    const before = await savedInSidebar();
    await popup.bringToFront();
    const firstId = (await rows(popup))[0]!.id;
    await clickIn(popup, `[data-testid=item][data-id="${firstId}"] [data-testid=delete]`);
    await waitForRows(popup, 3);
    await frame.waitForFunction((n: number) => document.querySelectorAll('[data-testid=undo]').length === n - 1, { timeout: 10_000, polling: 100 }, before);
    await clickIn(popup, '[data-testid=undo]');
    await waitForRows(popup, 4);
    await frame.waitForFunction((n: number) => document.querySelectorAll('[data-testid=undo]').length === n, { timeout: 10_000, polling: 100 }, before);
    await page.close();
    await popup.close();
  });

  it('refuses a corrupted import with its error shown and leaves the stored items unchanged', async () => {
    const popup = await openExtensionPage(s, 'popup.html', READY);
    await waitForRows(popup, 4);
    const before = await rows(popup);
    const bad = join(scratch, 'corrupted.json');
    writeFileSync(bad, '{"format":"story-context-export","version":1,"exportedAt":"2026-01-01T00:00:00Z","items":[{"id":"x","kind":"article","url":"javascript:alert(1)"');
    const input = await popup.$('[data-testid=import-file]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(bad);
    await popup.waitForFunction(() => (document.querySelector('[data-testid=io-status]')?.textContent ?? '').trim().length > 0, { timeout: 15_000, polling: 100 });
    const message = await popup.$eval('[data-testid=io-status]', (e) => e.textContent ?? '');
    expect(message).toMatch(/JSON|truncated|invalid|not/i);
    // The status says the file was refused, which an import decides before it writes anything.
    expect(await rows(popup)).toEqual(before);
    await popup.close();
  });

  it('exports JSON, Markdown and CSV that hold every saved item', async () => {
    const popup = await openExtensionPage(s, 'popup.html', READY);
    await waitForRows(popup, 4);
    exported = await captureExport(popup, 'export-json');
    const parsed = JSON.parse(exported) as { format: string; version: number; items: Array<{ note: string; tags: string[] }> };
    expect(parsed.format).toBe('story-context-export');
    expect(parsed.items).toHaveLength(4);
    expect(parsed.items.some((i) => i.note === 'Check the FT caveat')).toBe(true);
    const md = await captureExport(popup, 'export-md');
    expect(md).toMatch(/Check the FT caveat/);
    const csv = await captureExport(popup, 'export-csv');
    expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(5);
    await popup.close();
  });

  it('keeps the items across a browser restart with the same profile', async () => {
    await s.close();
    s = await launch(name, { profileDir: profile, uuid });
    const popup = await openExtensionPage(s, 'popup.html', READY);
    await waitForRows(popup, 4);
    expect((await rows(popup)).some((r) => r.note === 'Check the FT caveat')).toBe(true);
    await popup.close();
  });

  it('imports the export into a fresh profile and gets everything back', async () => {
    const file = join(scratch, 'export.json');
    writeFileSync(file, exported);
    const fresh = await launch(name);
    try {
      const popup = await openExtensionPage(fresh, 'popup.html', READY);
      await popup.waitForSelector('[data-testid=empty]');
      const input = await popup.$('[data-testid=import-file]');
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
      await waitForRows(popup, 4);
      const got = await rows(popup);
      expect(got.some((r) => r.note === 'Check the FT caveat' && /memo/.test(r.tags))).toBe(true);
      const roundTrip = JSON.parse(await captureExport(popup, 'export-json')) as { items: unknown[] };
      expect(roundTrip.items).toEqual((JSON.parse(exported) as { items: unknown[] }).items);
      await popup.close();
    } finally {
      await fresh.close();
    }
  });
});
