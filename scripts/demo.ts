// `npm run demo`: builds the extension, serves a small demo news site on 127.0.0.1 (the two seed
// articles plus unrelated pages) and starts Chromium with the extension loaded. With a display
// it opens a window to browse; without one it runs headless and saves screenshots of what a
// reader sees to demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { browserLaunchOptions, launch, openExtensionPage, openSidebarFromTab, sidebarFrame, sleep, type Session } from '../test/e2e/harness/browsers';
import { startProxy } from '../test/e2e/harness/proxy';
import { startServer, stripResourceHints } from '../test/e2e/harness/server';
import { openSectionOf } from '../test/e2e/harness/sidebar-view';
import { FIXTURES, articleHtml, escapeHtml, seedPageHtml, unrelatedPageHtml } from '../test/e2e/harness/pages';
import { ensureSystem } from './ensure-system';

const out = resolve('demo-output');
const windowed = Boolean(process.env['DISPLAY']) && !process.argv.includes('--headless');

// Chromium, and a CJK font for the Chinese and Japanese text: installed first when missing and possible.
const missing = ensureSystem('demo');
if (missing) {
  console.error(missing);
  process.exit(1);
}

console.log('Building the extension (test build: it also runs on 127.0.0.1)…');
const built = spawnSync('npx', ['tsx', 'scripts/build.ts', '--e2e'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const pages = {
  '/news/us-accuses-alibaba.html': seedPageHtml('000_22b88a4c825870c9.txt', { site: 'Demo Daily' }),
  '/news/alibaba-accused-by-washington.html': seedPageHtml('002_070c77320a5da855.txt', { site: 'Demo Baltic' }),
  '/news/city-budget.html': unrelatedPageHtml('city-budget'),
  '/news/alibaba-earnings.html': unrelatedPageHtml('alibaba-earnings'),
};
const index = articleHtml(
  'Demo news: front page',
  ['This local site shows the extension at work. Open the articles below.'],
  { site: 'Demo News', trending: [] },
).replace(
  '</article>',
  `<ul>${Object.keys(pages)
    .map((p) => `<li><a href="${p}">${escapeHtml(p.split('/').pop()!)}</a></li>`)
    .join('')}</ul></article>`,
);
// The second story, on a saved real article (AP copy); its own scripts and images stay off.
const NVIDIA_PAGE = '/news/nvidia-h20-backdoor.html';
const server = await startServer({
  '/': { body: index },
  ...Object.fromEntries(Object.entries(pages).map(([path, body]) => [path, { body }])),
  [NVIDIA_PAGE]: {
    file: join(FIXTURES, 'stories/nvidia-h20-backdoor/corpus/pages/pos/p01_lincolndailynews_ap.html'),
    headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
    transform: stripResourceHints,
  },
});
console.log(`Demo site: ${server.origin}/`);

if (windowed) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: false,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: ['--enable-unsafe-extension-debugging', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'],
  });
  await browser.installExtension(resolve('dist/e2e/chrome'));
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`${server.origin}/news/us-accuses-alibaba.html`);
  console.log('Chromium is open with the extension. Close the window (or press Ctrl+C) to stop.');
  await new Promise<void>((resolveDone) => browser.on('disconnected', () => resolveDone()));
  await server.close();
  process.exit(0);
}

/** Chromium with the extension, as `launch` starts it, with its UI in `locale`. */
async function launchInLocale(locale: string): Promise<Session> {
  const profileDir = mkdtempSync(join(tmpdir(), `sc-demo-${locale}-`));
  const proxy = await startProxy();
  const options = browserLaunchOptions('chromium', profileDir, proxy.port);
  const browser = await puppeteer.launch({ ...options, args: [...(options.args ?? []), `--lang=${locale}`] });
  const id = await browser.installExtension(resolve(`${process.env['SC_DIST_ROOT'] ?? 'dist'}/e2e/chrome`));
  return {
    name: 'chromium',
    browser,
    base: `chrome-extension://${id}/`,
    profileDir,
    uuid: '',
    ownsProfile: true,
    network: proxy.log,
    serveLocally: proxy.serveLocally,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

mkdirSync(out, { recursive: true });
const s = await launch('chromium');
const saved: string[] = [];
async function shot(page: Page, name: string): Promise<void> {
  const path = `${out}/${name}.png`;
  await page.screenshot({ path: path as `${string}.png` });
  saved.push(path);
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [path, label] of [
      ['/news/us-accuses-alibaba.html', 'seed-1'],
      ['/news/alibaba-accused-by-washington.html', 'seed-2'],
      [NVIDIA_PAGE, 'nvidia-h20'],
    ] as const) {
      const page = await s.browser.newPage();
      await page.setViewport({ width: 1400, height: 900 });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(server.url(path));
      await sidebarFrame(s, page).catch(() => null);
      // The sidebar opens by itself on the first story page of a session only; after that the
      // reader clicks the "Context" tab at the page edge, as this does.
      await openSidebarFromTab(page).catch(() => undefined);
      await sleep(600);
      await shot(page, `${label}-${scheme}`);
      // The sidebar alone, as a reader sees it without scrolling: its first screen.
      if (label !== 'seed-2') {
        const path = `${out}/sidebar-first-screen-${label === 'seed-1' ? '' : `${label}-`}${scheme}.png` as const;
        const width = await page.evaluate(() => document.documentElement.clientWidth);
        await page.screenshot({ path, clip: { x: width - 380, y: 0, width: 380, height: 900 } });
        saved.push(path);
      }
      await page.close();
    }
  }
  const plain = await s.browser.newPage();
  await plain.setViewport({ width: 1400, height: 900 });
  await plain.goto(server.url('/news/alibaba-earnings.html'));
  await sleep(800);
  await shot(plain, 'unrelated-alibaba-earnings');
  await plain.close();

  const popup = await openExtensionPage(s, 'popup.html');
  await popup.setViewport({ width: 420, height: 600 });
  await sleep(300);
  await shot(popup, 'popup');
  await popup.close();

  // Store screenshots at 1280×800, the size both stores take: the sidebar beside a story page,
  // light and dark, and the toolbar popup over the page it was opened from.
  const STORE = { width: 1280, height: 800 };
  for (const [path, scheme] of [
    ['/news/us-accuses-alibaba.html', 'light'],
    ['/news/alibaba-accused-by-washington.html', 'dark'],
  ] as const) {
    const page = await s.browser.newPage();
    await page.setViewport(STORE);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(server.url(path));
    await openSidebarFromTab(page);
    const frame = await sidebarFrame(s, page);
    await sleep(600);
    await shot(page, `store-sidebar-${scheme}`);
    // Something saved, so the popup shows what a reader's list looks like.
    for (const testid of ['save-article', 'save-claim']) {
      // The claims are a closed section until the reader opens it.
      await openSectionOf(frame, `[data-testid=${testid}]`);
      await (await frame.waitForSelector(`[data-testid=${testid}]`, { timeout: 10_000 }))?.click();
      await sleep(300);
    }
    await page.close();
  }
  const behind = await s.browser.newPage();
  await behind.setViewport(STORE);
  await behind.goto(server.url('/news/us-accuses-alibaba.html'));
  await sleep(800);
  const pageShot = await behind.screenshot({ encoding: 'base64' });
  const storePopup = await openExtensionPage(s, 'popup.html');
  await storePopup.setViewport({ width: 420, height: 600 });
  await sleep(500);
  const popupShot = await storePopup.screenshot({ encoding: 'base64' });
  await storePopup.close();
  const composite = await s.browser.newPage();
  await composite.setViewport(STORE);
  await composite.setContent(
    '<body style="margin:0;overflow:hidden">' +
      `<img alt="" src="data:image/png;base64,${pageShot}" style="position:absolute;inset:0;filter:brightness(0.85)">` +
      `<img alt="" src="data:image/png;base64,${popupShot}" style="position:absolute;top:0;right:16px;border:1px solid #999;box-shadow:0 6px 24px rgb(0 0 0 / 35%)">` +
      '</body>',
  );
  await shot(composite, 'store-popup');
  await composite.close();
  await behind.close();

  // The UI in a right-to-left language and in a CJK one (`--lang` picks the messages; the
  // browser's getUILanguage() stays en-US, so the pages must take lang and dir from the messages).
  // Arabic needs an Arabic font (DejaVu Sans has one), Japanese a CJK font (fonts-noto-cjk);
  // without it the text is empty boxes.
  for (const locale of ['ar', 'ja'] as const) {
    const ls = await launchInLocale(locale);
    try {
      const page = await ls.browser.newPage();
      await page.setViewport({ width: 1400, height: 900 });
      await page.goto(server.url('/news/us-accuses-alibaba.html'));
      // Headless Chromium completes no click in a background tab, and the welcome page opened at install is in front.
      await page.bringToFront();
      const frame = await sidebarFrame(ls, page);
      await openSidebarFromTab(page).catch(() => undefined);
      await frame.waitForSelector('[data-testid=save-article]', { timeout: 10_000 });
      const lang = await frame.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`);
      if (lang !== `${locale} ${locale === 'ar' ? 'rtl' : 'ltr'}`) throw new Error(`the ${locale} sidebar says lang/dir "${lang}"`);
      await page.bringToFront();
      await sleep(600);
      await shot(page, `locale-${locale}-sidebar`);
      await page.close();
      for (const [file, size] of [
        ['popup.html', { width: 420, height: 600 }],
        ['options.html', { width: 900, height: 900 }],
      ] as const) {
        const ext = await openExtensionPage(ls, file);
        await ext.setViewport(size);
        await sleep(500);
        await shot(ext, `locale-${locale}-${file.replace('.html', '')}`);
        await ext.close();
      }
    } finally {
      await ls.close();
    }
  }
} finally {
  await s.close();
  await server.close();
}
console.log('Screenshots of what a reader sees:');
for (const p of saved) console.log(`  ${p}`);
