// An import whose file carries settings asks first. A shared reading list that would turn the
// extension off on the reader's news site gets a question in the popup: "Import items only"
// brings the items and leaves the site on; "apply" turns it off. Observed the way a reader
// would: the sidebar on the story page, and the popup's line about the open tab.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, hostState, launch, openExtensionPage, sidebarFrame, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';

const READY = '[data-ready]';
const WAIT = { timeout: 15_000, polling: 100 } as const;

/** A reading list of two articles whose settings would turn the test site (and two others) off. */
function readingList(): string {
  const item = (n: number) => ({
    id: `shared-${n}`,
    kind: 'article',
    title: `Shared reading ${n}: Alibaba denies report it helps China's military`,
    url: `https://www.hurriyetdailynews.com/alibaba-denies-report-${n}`,
    publisher: 'Hürriyet Daily News',
    site: 'hurriyetdailynews.com',
    quote: '',
    note: `from a friend's list (${n})`,
    tags: ['shared'],
    storyId: 'alibaba-pla-memo',
    ref: '',
    createdAt: 1763193600000 + n,
    updatedAt: 1763193600000 + n,
  });
  return JSON.stringify({
    format: 'story-context-export',
    version: 1,
    exportedAt: '2025-11-20T00:00:00.000Z',
    settings: { sidebarMode: 'always-open', disabledSites: ['127.0.0.1', 'news-a.example', 'news-b.example'] },
    items: [item(1), item(2)],
    visits: [],
  });
}

async function upload(popup: Page, file: string): Promise<void> {
  const input = await popup.waitForSelector('[data-testid=import-file]:not([disabled])', { timeout: 15_000 });
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
}

const statusText = (popup: Page) => popup.$eval('[data-testid=io-status]', (e) => e.textContent ?? '');

async function waitForStatus(popup: Page, pattern: RegExp): Promise<string> {
  await popup.waitForFunction(
    (source: string) => new RegExp(source).test(document.querySelector('[data-testid=io-status]')?.textContent ?? ''),
    WAIT,
    pattern.source,
  );
  return statusText(popup);
}

const focusedTestId = (popup: Page) => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

describe.each(BROWSERS)('an import that carries settings, in %s', (name) => {
  let server: TestServer;
  let s: Session;
  const scratch = mkdtempSync(join(tmpdir(), `sc-import-settings-${name}-`));
  const file = join(scratch, 'reading-list.json');

  beforeAll(async () => {
    server = await startServer({ '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') } });
    writeFileSync(file, readingList());
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function openStory(): Promise<Page> {
    const page = await s.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url('/story.html'));
    return page;
  }

  it('asks first; "Import items only" brings the items and leaves the site on', async () => {
    // The story page is the tab the popup speaks about; its sidebar shows the site is on.
    const story = await openStory();
    await sidebarFrame(s, story);
    const popup = await openExtensionPage(s, 'popup.html', READY);
    await popup.waitForSelector('[data-testid=tab-status][data-state=available]', { timeout: 15_000 });

    await upload(popup, file);
    const confirm = await popup.waitForSelector('[data-testid=import-confirm]', { timeout: 15_000 });
    const question = await confirm!.evaluate((e) => e.textContent ?? '');
    expect(question).toContain('This file would also change your settings');
    // The list is joined the browser's way for its language ("…, and …" or "… and …").
    expect(question).toMatch(/It would turn Story Context off on 3 sites: 127\.0\.0\.1, news-a\.example,? and news-b\.example\./);
    expect(question).toContain('It would change when the sidebar opens, from “Once per session” to “Always”.');
    // Focus is on the question, and the keyboard answers it: Tab to the second choice, Enter.
    // Keys go to the tab in front; a tab the browser opened meanwhile (a welcome page) may be.
    await popup.bringToFront();
    expect(await focusedTestId(popup)).toBe('import-confirm');
    await popup.keyboard.press('Tab');
    expect(await focusedTestId(popup)).toBe('import-apply');
    await popup.keyboard.press('Tab');
    expect(await focusedTestId(popup)).toBe('import-items-only');
    expect(await popup.$$('[data-testid=item]')).toHaveLength(0);
    await popup.keyboard.press('Enter');

    expect(await waitForStatus(popup, /Your settings were left as they were/)).toBe('Imported 2 items, merged 0. Your settings were left as they were.');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid=item]').length === 2, WAIT);
    expect(await popup.$('[data-testid=import-confirm]')).toBeNull();

    // Still on: a fresh load of the story page gets its sidebar. And it still opens once per
    // session: this second story page shows only the Context tab (the file's "always" would
    // have opened it beside the article, making room with a right margin).
    const again = await openStory();
    await sidebarFrame(s, again);
    expect(await hostState(again)).toEqual({ present: true, marginRight: '' });
    await popup.bringToFront();
    expect(await popup.$eval('[data-testid=tab-status]', (e) => e.getAttribute('data-state'))).toBe('available');
    await Promise.all([again.close(), story.close(), popup.close()]);
  });

  it('asks again for the same file; "apply" turns the site off', async () => {
    const story = await openStory();
    await sidebarFrame(s, story);
    const popup = await openExtensionPage(s, 'popup.html', READY);
    await popup.waitForSelector('[data-testid=tab-status][data-state=available]', { timeout: 15_000 });
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid=item]').length === 2, WAIT);

    await upload(popup, file);
    await popup.waitForSelector('[data-testid=import-confirm]', { timeout: 15_000 });
    await (await popup.$('[data-testid=import-apply]'))!.click();

    expect(await waitForStatus(popup, /settings were applied/)).toBe('Imported 0 items, merged 2. The file’s settings were applied.');
    // The popup hears of the change and reads the settings again: this site is now off.
    await popup.waitForSelector('[data-testid=tab-status][data-state=off]', { timeout: 15_000 });
    expect(await popup.$eval('[data-testid=tab-status]', (e) => e.textContent ?? '')).toContain('127.0.0.1');
    expect(await popup.$$('[data-testid=item]')).toHaveLength(2);

    // Nothing left to ask: the same file now goes straight through.
    await upload(popup, file);
    expect(await waitForStatus(popup, /^Imported 0 items, merged 2$/)).toBe('Imported 0 items, merged 2');
    expect(await popup.$('[data-testid=import-confirm]')).toBeNull();
    await Promise.all([story.close(), popup.close()]);
  });
});
