// Launches Debian's Chromium and Firefox ESR headless with the built extension installed, and
// gives tests a few helpers. A browser that cannot start fails the run: it is never skipped.
import puppeteer, { type Browser, type Frame, type LaunchOptions as PuppeteerLaunchOptions, type Page } from 'puppeteer-core';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startProxy, type ProxyLog, type StandInResponder } from './proxy';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const GECKO_ID = '{75972c09-705f-468d-a213-3d28176e6430}';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

export interface LaunchOptions {
  /** Reuse a profile (to prove data survives a restart). A fresh one is made otherwise. */
  profileDir?: string;
  /** Firefox's extension uuid; keep it across restarts of one profile. */
  uuid?: string;
  /** Extension build to install; defaults to the e2e build of the browser. */
  extensionDir?: string;
  /** Firefox: grant host permissions at install time (as a reader does for listed sites). */
  grantHosts?: boolean;
  /** Firefox: open private windows by default (IndexedDB is unavailable there). */
  privateBrowsing?: boolean;
  /** Firefox: more preferences (e.g. a small storage limit to provoke quota errors). */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Stand-in hosts answered from the start, before the extension is installed (a feed it fetches at install). */
  serve?: Record<string, StandInResponder>;
}

export interface Session {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  base: string;
  profileDir: string;
  uuid: string;
  ownsProfile: boolean;
  /** Everything the browser sent over the network while this session ran. */
  network: ProxyLog;
  /** Let the browser open this https host: a local stand-in page, or `respond`'s page, answers (see proxy.ts). */
  serveLocally(host: string, respond?: StandInResponder): void;
  close(): Promise<void>;
}

/**
 * Each session's network log is appended here; `scripts/network-audit.ts` reads it after the
 * whole e2e suite and fails the run on any request that neither a test page nor the browser
 * itself made.
 */
export const NETWORK_LOG = resolve('.tmp/network-log.jsonl');
function appendNetworkLog(name: BrowserName, log: ProxyLog): void {
  mkdirSync(dirname(NETWORK_LOG), { recursive: true });
  appendFileSync(NETWORK_LOG, JSON.stringify({ browser: name, test: process.env['VITEST_TEST_FILE'] ?? '', ...log }) + '\n');
}

export function extensionDirFor(name: BrowserName): string {
  return resolve(`${process.env['SC_DIST_ROOT'] ?? 'dist'}/e2e/${name === 'chromium' ? 'chrome' : 'firefox'}`);
}

/**
 * How every test browser starts, with or without the extension (the benchmark's baseline
 * browsers use this too, so the two differ only by the extension): Debian's binaries, headless,
 * every request through the logging proxy on `proxyPort`, no phoning home.
 */
export function browserLaunchOptions(
  name: BrowserName,
  profileDir: string,
  proxyPort: number,
  firefoxPrefs: Record<string, string | number | boolean> = {},
): PuppeteerLaunchOptions {
  if (name === 'chromium') {
    return {
      browser: 'chrome',
      executablePath: CHROMIUM,
      headless: true,
      acceptInsecureCerts: true,
      pipe: true,
      enableExtensions: true,
      userDataDir: profileDir,
      args: [
        '--enable-unsafe-extension-debugging',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-quic',
        `--proxy-server=http://127.0.0.1:${proxyPort}`,
        // Loopback goes through the proxy too, so every request is seen.
        '--proxy-bypass-list=<-loopback>',
      ],
    };
  }
  return {
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profileDir,
    // Lets the harness reach Firefox's privileged scope (firefoxChromeEval).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // No phoning home from the test browser: the privacy tests count requests.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      ...firefoxPrefs,
    },
  };
}

export async function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<Session> {
  const ownsProfile = !opts.profileDir;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), `sc-${name}-`));
  const extensionDir = opts.extensionDir ?? extensionDirFor(name);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
  const uuid = opts.uuid ?? randomUUID();
  const proxy = await startProxy();
  for (const [host, respond] of Object.entries(opts.serve ?? {})) proxy.serveLocally(host, respond);
  let browser: Browser;
  let base: string;
  try {
    if (name === 'chromium') {
      browser = await puppeteer.launch(browserLaunchOptions(name, profileDir, proxy.port));
      const id = await browser.installExtension(extensionDir);
      base = `chrome-extension://${id}/`;
    } else {
      browser = await puppeteer.launch(
        browserLaunchOptions(name, profileDir, proxy.port, {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
          'extensions.originControls.grantByDefault': opts.grantHosts ?? true,
          'browser.privatebrowsing.autostart': opts.privateBrowsing ?? false,
          // A temporary add-on is removed when Firefox quits; keep its data and origin so a
          // restart with the same profile behaves like a reader's installed extension.
          'extensions.webextensions.keepStorageOnUninstall': true,
          'extensions.webextensions.keepUuidOnUninstall': true,
          // Optional permissions are granted without a prompt the test cannot click.
          'extensions.webextOptionalPermissionPrompts': false,
          ...opts.firefoxPrefs,
        }),
      );
      await browser.installExtension(extensionDir);
      base = `moz-extension://${uuid}/`;
      if (opts.privateBrowsing) {
        // A reader allows an add-on in private windows in about:addons; a test profile does
        // it the same way the browser stores that choice, then restarts the add-on.
        await firefoxChromeEval(
          browser,
          `const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
          await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
          const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
          await (await AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)})).reload();`,
        );
      }
    }
  } catch (err) {
    await proxy.close();
    throw new Error(`${name} could not start with the extension installed: ${String(err)}`);
  }
  return {
    name,
    browser,
    base,
    profileDir,
    uuid,
    ownsProfile,
    network: proxy.log,
    serveLocally: proxy.serveLocally,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      appendNetworkLog(name, proxy.log);
      if (ownsProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page (popup.html, sidebar.html) in a tab. Firefox never sends a load event
 * for moz-extension pages driven over BiDi, so navigation is started, not awaited, and the page's
 * own root element is waited for instead.
 */
export async function openExtensionPage(s: Session, path: string, readySelector = '[data-ready]'): Promise<Page> {
  const page = await s.browser.newPage();
  const url = s.base + path;
  if (s.name === 'firefox') {
    void page.goto(url).catch(() => undefined);
  } else {
    await page.goto(url);
    // The page the reader is looking at is in front. Headless Chromium never completes a click
    // in a background tab, and the welcome page opened at install may be in front of this one.
    await page.bringToFront();
  }
  // While the tab moves from about:blank to the extension page, Firefox's remote agent can fail
  // an evaluation outright ("right-hand side of 'in' should be an object") instead of reporting
  // a destroyed context, which puppeteer does not retry: ask again until the deadline.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await page.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await sleep(100);
    }
  }
}

/** The sidebar iframe the content script mounted in `page`, once its content is ready. */
export async function sidebarFrame(s: Session, page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      // Firefox over BiDi reports an extension frame's URL as about:blank: ask the frame.
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (!href.startsWith(s.base + 'sidebar.html')) continue;
      const ready = await frame.$('[data-ready]').catch(() => null);
      if (ready) return frame;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sidebar frame in ${page.url()} after ${timeout} ms`);
}

/** The e2e build's event when the content script has finished with an address (src/content/settled.ts). */
const SETTLED_EVENT = 'story-context:e2e-settled';

/**
 * From now on, every document `page` loads counts the content script's "settled" events, from
 * before the page's own scripts run (so a page that overrides DOM methods cannot hide them).
 * Call before `goto`; then `settled(page)` waits for them.
 */
export async function countSettled(page: Page): Promise<void> {
  await page.evaluateOnNewDocument((event: string) => {
    let count = 0;
    EventTarget.prototype.addEventListener.call(document, event, () => (count += 1));
    Object.defineProperty(window, '__storyContextSettled', { get: () => count });
  }, SETTLED_EVENT);
}

/**
 * Waits until the content script of `page` (set up with `countSettled`) has settled `count`
 * times in the current document: detection of the address is finished, whatever it decided.
 * What the extension did, or did not do, can be asserted then, without a sleep.
 */
export async function settled(page: Page, count = 1, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (n: number) => ((window as unknown as { __storyContextSettled?: number }).__storyContextSettled ?? 0) >= n,
    { timeout, polling: 50 },
    count,
  );
}

/** Whether the current document of `page` counts "settled" events: one that runs no script of its own cannot. */
export async function countsSettled(page: Page): Promise<boolean> {
  return page.evaluate(() => '__storyContextSettled' in window).catch(() => false);
}

/** How many times the content script of `page` has settled in its current document so far. */
export async function settledCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __storyContextSettled?: number }).__storyContextSettled ?? 0);
}

/** Runs `act` (a navigation inside the page) and waits until the content script has settled once more. */
export async function settledAfter(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await settledCount(page);
  await act();
  await settled(page, before + 1);
}

/** A new tab at `url`, once the content script has settled there. */
export async function openSettled(s: Session, url: string): Promise<Page> {
  const page = await s.browser.newPage();
  await countSettled(page);
  await page.goto(url);
  await settled(page);
  return page;
}

/** What the extension did to a page, as the page itself can see it. */
export async function hostState(page: Page): Promise<{ present: boolean; marginRight: string }> {
  return page.evaluate(() => ({
    present: document.querySelector('[data-story-context]') !== null,
    marginRight: document.documentElement.style.marginRight,
  }));
}

/**
 * Opens the sidebar the way a reader does when it is collapsed to its "Context" tab: a click on
 * the tab at the right edge of the page (it lives in a closed shadow root, out of reach of
 * selectors). The sidebar opens by itself only on the first story page of a session.
 */
export async function openSidebarFromTab(page: Page): Promise<void> {
  // The tab exists once detection has run: right after a navigation it may not yet.
  await page.waitForFunction(() => document.querySelector('[data-story-context]') !== null, { timeout: 15_000, polling: 100 });
  if ((await hostState(page)).marginRight) return;
  // clientWidth, not innerWidth: Firefox's classic scrollbar sits at the right edge too.
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: window.innerHeight }));
  await page.bringToFront();
  // The tab may be in the document a moment before it is painted and takes clicks: click
  // again until the sidebar opens.
  const deadline = Date.now() + 10_000;
  for (;;) {
    await page.mouse.click(width - 12, height * 0.4 + 40);
    try {
      await page.waitForFunction(() => document.documentElement.style.marginRight !== '', { timeout: 1_500, polling: 100 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
}

/**
 * True when the live document is exactly what the server sent, parsed: proof that the
 * extension added nothing at all to the page (no element, attribute or style). Only for pages
 * without scripts of their own.
 */
export async function domUntouched(page: Page): Promise<{ same: boolean; live: number; fresh: number }> {
  // Fetched by the test, not the page: the page's own policy may forbid it to fetch.
  // <noscript> parses differently with scripting on (the page) and off (DOMParser), even moving
  // what follows it out of <head>: compare without it.
  const source = (await (await fetch(page.url())).text()).replace(/<!--[\s\S]*?-->|<noscript\b[\s\S]*?<\/noscript\s*>/gi, (m) =>
    m.startsWith('<!--') ? m : '',
  );
  return page.evaluate((source: string) => {
    const fresh = new DOMParser().parseFromString(source, 'text/html').documentElement;
    const live = document.documentElement.cloneNode(true) as HTMLElement;
    for (const root of [fresh, live]) for (const n of root.querySelectorAll('noscript')) n.remove();
    return { same: fresh.outerHTML === live.outerHTML, live: live.outerHTML.length, fresh: fresh.outerHTML.length };
  }, source);
}

/**
 * Runs `body` (async function body) in Firefox's own privileged scope, over WebDriver BiDi's
 * chrome contexts (the browser is started with --remote-allow-system-access). Only for what a
 * reader does in the browser's UI and automation cannot click, and for faults: never for
 * anything the extension itself is being tested on.
 */
export async function firefoxChromeEval(browser: Browser, body: string): Promise<unknown> {
  type Conn = { send(method: string, params: object): Promise<{ result: any }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const conn = (browser as unknown as { connection: Conn }).connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree.result.contexts as Array<{ context: string }>)[0]?.context;
  if (!context) throw new Error('Firefox exposed no chrome context');
  const r = await conn.send('script.evaluate', { expression: `(async () => { ${body} })()`, awaitPromise: true, target: { context } });
  if (r.result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(r.result.exceptionDetails?.text ?? r.result)}`);
  return r.result.result?.value;
}

/**
 * Stops the extension's background the way the browser does when it is idle: Chrome's service
 * worker by closing its DevTools target, Firefox's event page through the add-on's own termination (the
 * one its idle timer calls). An in-flight operation dies with it.
 */
export async function stopBackground(s: Session): Promise<void> {
  if (s.name === 'chromium') {
    const target = s.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(s.base));
    if (!target) throw new Error('the service worker is not running');
    await (await target.worker())?.close();
  } else {
    await firefoxChromeEval(
      s.browser,
      `await WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.terminateBackground({ ignoreDevToolsAttached: true });`,
    );
  }
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
