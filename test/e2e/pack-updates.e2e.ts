// Story pack updates, end to end: an extension built with a feed address and public key (the
// build's PACK_FEED_URL and PACK_FEED_PUBLIC_KEY, a key pair made here), a feed built and signed
// here with the project's own feed code, served at an https address through the test proxy.
//
// The first pack's revisions come from the bundled pack itself, so no fact is made up: the
// feed first offers version 2 without one of its coverage items (the extension installs it at
// install time, so the item is not shown), then version 3 with it (the item appears after the
// reader's "Check now"). Then a tampered feed, an older version and an expired index are each
// refused in words, and the installed version keeps working.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { buildFeed, generateKeyPair, importPrivateKey, signBytes, type FeedPackFile } from '../../src/packs/feed/build';
import { INDEX_FILE, SIGNATURE_FILE } from '../../src/packs/feed/format';
import { BROWSERS, countSettled, launch, openExtensionPage, settled, sidebarFrame, type Session } from './harness/browsers';
import { BROWSER_OWN_HOSTS, PACK_FEED_HOST, PACK_FEED_PATH, hostOf, isFeedRequest } from './harness/network-policy';
import type { StandInResponder } from './harness/proxy';
import { FIXTURES, articleHtml, seedPageHtml } from './harness/pages';
import { startServer, type TestServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FEED_URL = `https://${PACK_FEED_HOST}${PACK_FEED_PATH}`;
/** A build of its own, beside the e2e build the other tests use (which has no feed). */
const BUILD_ROOT = process.env['SC_DIST_ROOT'] ? `${process.env['SC_DIST_ROOT']}-pack-feed` : 'dist/pack-feed';

type PackJson = Record<string, unknown> & { id: string; version: number; updated: string; coverage: Array<{ id: string; url: string }> };
const first = JSON.parse(readFileSync(join(ROOT, 'src/packs/data/alibaba-pla-memo.json'), 'utf8')) as PackJson;
const secondPath = join(ROOT, 'src/packs/data/nvidia-h20-backdoor.json');
const second = JSON.parse(readFileSync(secondPath, 'utf8')) as PackJson;
/** The coverage item version 2 leaves out and version 3 brings: the bundled pack's last. */
const LATER = first.coverage[first.coverage.length - 1]!;
const TODAY = new Date().toISOString().slice(0, 10);

const encode = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
function firstVersion(version: number, withLater: boolean): FeedPackFile {
  const coverage = withLater ? first.coverage : first.coverage.filter((c) => c.id !== LATER.id);
  // The revision date of a revision made by this test is the day it runs.
  return { id: first.id, version, bytes: encode({ ...first, version, updated: TODAY, coverage }) };
}
const secondAsBundled: FeedPackFile = { id: second.id, version: second.version, bytes: new Uint8Array(readFileSync(secondPath)) };

let keys: { privatePem: string; publicKey: string };
/** The feed's files as the stand-in host serves them now. */
let files = new Map<string, Uint8Array>();
/** Every request the feed host received, with its headers, in both browsers. */
const feedRequests: Array<{ url: string; method: string; cookie?: string; referer?: string; origin?: string }> = [];

async function publish(packs: FeedPackFile[], opts: { now?: Date; lifetimeDays?: number; tamper?: boolean } = {}): Promise<void> {
  const feed = await buildFeed(packs, opts.now ?? new Date(), opts.lifetimeDays ?? 7);
  const signature = await signBytes(feed.indexBytes, await importPrivateKey(keys.privatePem));
  let index = feed.indexBytes;
  // One byte of the signed index changed (an "expires" pushed a year on): the signature no longer holds.
  if (opts.tamper) index = new TextEncoder().encode(new TextDecoder().decode(index).replace(/"expires": "(\d{4})/, (_m, y: string) => `"expires": "${Number(y) + 1}`));
  files = new Map([[INDEX_FILE, index], [SIGNATURE_FILE, new TextEncoder().encode(signature)], ...feed.files]);
}

/** A static folder with the CORS header any public feed host sends. */
const CORS: Record<string, string> = { 'access-control-allow-origin': '*' };
const feedHost: StandInResponder = (url, request) => {
  feedRequests.push({ url: url.href, method: request.method, cookie: request.headers.cookie, referer: request.headers.referer, origin: request.headers.origin });
  const body = url.pathname.startsWith(PACK_FEED_PATH) ? files.get(url.pathname.slice(PACK_FEED_PATH.length)) : undefined;
  if (!body) return { status: 404, body: 'not found', type: 'text/plain', headers: CORS };
  return { body, type: 'application/json', headers: CORS };
};

beforeAll(async () => {
  keys = await generateKeyPair();
  await publish([firstVersion(2, false), secondAsBundled]);
  // The extension under test is built with this feed and key, as a release would be.
  const built = spawnSync('npx', ['tsx', 'scripts/build.ts', '--e2e'], {
    cwd: ROOT,
    env: { ...process.env, SC_DIST_ROOT: BUILD_ROOT, PACK_FEED_URL: FEED_URL, PACK_FEED_PUBLIC_KEY: keys.publicKey },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the e2e build with a feed failed:\n${built.stdout}\n${built.stderr}`);
}, 900_000);

describe.each(BROWSERS)('story pack updates in %s', (name) => {
  let s: Session;
  let server: TestServer;
  let options: Page;

  beforeAll(async () => {
    feedRequests.length = 0;
    await publish([firstVersion(2, false), secondAsBundled]);
    server = await startServer();
    server.route('/first.html', { body: seedPageHtml('000_22b88a4c825870c9.txt') });
    const text = readFileSync(join(FIXTURES, 'stories/nvidia-h20-backdoor/corpus/text/pos/p01_lincolndailynews_ap.txt'), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    server.route('/second.html', { body: articleHtml(text[0] ?? '', text.slice(1)) });
    s = await launch(name, { extensionDir: resolve(`${BUILD_ROOT}/e2e/${name === 'chromium' ? 'chrome' : 'firefox'}`), serve: { [PACK_FEED_HOST]: feedHost } });
    options = await openExtensionPage(s, 'options.html');
    // The check at install installs version 2 (without the later item); the page follows the
    // background's announcement.
    await options.waitForSelector('[data-testid=updates-packs] [data-pack="alibaba-pla-memo"][data-version="2"]', { timeout: 60_000 });
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  /** "Check for updates now" in the options page; resolves to the outcome and what the page says. */
  async function checkNow(): Promise<{ outcome: string; reasons: string; last: string; versions: Record<string, string> }> {
    // No reload: the section follows the background's announcements (and Firefox sends no load
    // event for an extension page driven over BiDi).
    // A tab behind others gets no rendering frames in Chromium, and a click waits for one.
    await options.bringToFront();
    await options.waitForSelector('[data-testid=check-updates]:not([disabled])');
    const before = await options.$eval('[data-testid=pack-updates]', (el) => el.getAttribute('data-checked-at'));
    await options.click('[data-testid=check-updates]');
    await options.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-testid=pack-updates]');
        return el?.getAttribute('data-checked-at') && el.getAttribute('data-checked-at') !== prev;
      },
      { timeout: 60_000, polling: 100 },
      before,
    );
    return options.evaluate(() => {
      const section = document.querySelector('[data-testid=pack-updates]')!;
      const versions: Record<string, string> = {};
      for (const li of section.querySelectorAll('[data-pack]')) versions[li.getAttribute('data-pack')!] = li.getAttribute('data-version')!;
      return {
        outcome: section.getAttribute('data-outcome') ?? '',
        reasons: section.querySelector('[data-testid=updates-reasons]')?.textContent ?? '',
        last: section.querySelector('[data-testid=updates-last]')?.textContent ?? '',
        versions,
      };
    });
  }

  async function sidebarOf(path: string): Promise<{ page: Page; frame: Frame }> {
    const page = await s.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await countSettled(page);
    await page.goto(server.url(path));
    await settled(page, 1, 30_000);
    const frame = await sidebarFrame(s, page, 30_000);
    await frame.waitForSelector('[data-testid=pack-updated]', { timeout: 30_000 });
    return { page, frame };
  }

  const coverageLinks = (frame: Frame) => frame.$$eval('[data-testid=coverage-item] a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));

  it('says where updates come from, and that the install-time check installed version 2', async () => {
    const feedLine = await options.$eval('[data-testid=updates-feed]', (el) => el.textContent ?? '');
    expect(feedLine).toContain(FEED_URL);
    expect(await options.$('[data-testid=updates-off]')).toBeNull();
  });

  it('shows the later coverage item only after the update that brings it', async () => {
    const before = await sidebarOf('/first.html');
    const linksBefore = await coverageLinks(before.frame);
    expect(linksBefore.length).toBeGreaterThan(10);
    expect(linksBefore).not.toContain(new URL(LATER.url).href);
    await before.page.close();

    await publish([firstVersion(3, true), secondAsBundled]);
    const result = await checkNow();
    expect(result.outcome).toBe('updated');
    expect(result.versions['alibaba-pla-memo']).toBe('3');

    // With packs installed, the first stage's helper that reads their index is registered.
    const registered = await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(f: { ids: string[] }): Promise<Array<{ id: string; runAt?: string }>> } } }).chrome;
      return api.scripting.getRegisteredContentScripts({ ids: ['installed-index'] });
    });
    expect(registered.map((r) => [r.id, r.runAt])).toEqual([['installed-index', 'document_start']]);

    const after = await sidebarOf('/first.html');
    expect(await coverageLinks(after.frame)).toContain(new URL(LATER.url).href);
    const updatedLine = await after.frame.$eval('[data-testid=pack-updated] time', (el) => el.getAttribute('datetime'));
    expect(updatedLine).toBe(TODAY);
    await after.page.close();
  });

  it('gives a page of the second story its sidebar', async () => {
    const { page, frame } = await sidebarOf('/second.html');
    const title = await frame.$eval('h1', (el) => el.textContent ?? '');
    expect(title).toContain('Nvidia');
    await page.close();
  });

  it('refuses a tampered feed, an older version and an expired index, in words, and keeps version 3', async () => {
    await publish([firstVersion(4, true), secondAsBundled], { tamper: true });
    const tampered = await checkNow();
    expect(tampered.outcome).toBe('failed');
    expect(tampered.reasons).toMatch(/signature does not match/);

    await publish([firstVersion(2, true), secondAsBundled]);
    const older = await checkNow();
    expect(older.outcome).toBe('refused');
    expect(older.reasons).toMatch(/older than the installed version 3; a rollback is refused/);

    await publish([firstVersion(4, true), secondAsBundled], { now: new Date(Date.now() - 30 * 86_400_000), lifetimeDays: 7 });
    const expired = await checkNow();
    expect(expired.outcome).toBe('failed');
    expect(expired.reasons).toMatch(/expired/);
    expect(expired.versions['alibaba-pla-memo']).toBe('3');

    // The installed version still works where it matters: on the story's pages.
    const { page, frame } = await sidebarOf('/first.html');
    expect(await coverageLinks(frame)).toContain(new URL(LATER.url).href);
    await page.close();
  });

  it('turns updates off and back on from the options page', async () => {
    await options.bringToFront();
    await options.click('[data-testid=updates-turn-off]');
    const off = await options.waitForSelector('[data-testid=updates-off]', { timeout: 30_000 });
    expect(await off!.evaluate((el) => el.textContent ?? '')).toMatch(/you turned them off/);
    expect(await options.$('[data-testid=check-updates]')).toBeNull();
    await options.click('[data-testid=updates-turn-on]');
    await options.waitForSelector('[data-testid=updates-feed]', { timeout: 30_000 });
  });

  it('made no request but the feed files, each without cookies or referrer', () => {
    const mine = feedRequests.filter((r) => r.url.startsWith(FEED_URL));
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(isFeedRequest(`${r.method} ${r.url}`)).toBe(true);
      expect(r.cookie).toBeUndefined();
      expect(r.referer).toBeUndefined();
    }
    expect(s.network.foreign.filter((l) => !(hostOf(l) in BROWSER_OWN_HOSTS))).toEqual([]);
    expect(s.network.standIns.every((l) => isFeedRequest(l))).toBe(true);
  });
});
