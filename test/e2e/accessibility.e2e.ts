// axe-core inside the real sidebar (in its extension frame on a story page), the popup, the
// welcome page and the options page, in both browsers, light and dark where the browser lets
// the test choose.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, openExtensionPage, sidebarFrame, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { seedPageHtml } from './harness/pages';
import { axe } from './harness/sidebar-view';

describe.each(BROWSERS)('accessibility in %s', (name) => {
  let s: Session;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') } });
    s = await launch(name);
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  const schemes = name === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);
  for (const scheme of schemes) {
    it(`finds no violations in the sidebar on a story page (${scheme})`, async () => {
      const page = await s.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      if (name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(server.url('/story.html'));
      const frame = await sidebarFrame(s, page);
      expect(await axe(frame)).toEqual([]);
      await page.close();
    });

    it(`finds no violations in the popup (${scheme})`, async () => {
      const popup = await openExtensionPage(s, 'popup.html', '[data-ready]');
      if (name === 'chromium') await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await axe(popup.mainFrame())).toEqual([]);
      await popup.close();
    });

    for (const path of ['welcome.html', 'options.html', 'options.html#confirm-disable=news.example.com']) {
      it(`finds no violations in ${path} (${scheme})`, async () => {
        const page = await openExtensionPage(s, path, '[data-ready]');
        if (name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        expect(await axe(page.mainFrame())).toEqual([]);
        await page.close();
      });
    }

    it(`finds no violations in the popup's question before an import changes settings (${scheme})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sc-a11y-'));
      const file = join(dir, 'settings.json');
      writeFileSync(file, JSON.stringify({ format: 'story-context-export', version: 1, settings: { sidebarMode: 'tab-only', disabledSites: ['a.example', 'b.example'] }, items: [] }));
      const popup = await openExtensionPage(s, 'popup.html', '[data-ready]');
      if (name === 'chromium') await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const input = await popup.$('[data-testid=import-file]');
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
      await popup.waitForSelector('[data-testid=import-confirm]', { timeout: 15_000 });
      expect(await axe(popup.mainFrame())).toEqual([]);
      await popup.close();
      rmSync(dir, { recursive: true, force: true });
    });
  }
});
