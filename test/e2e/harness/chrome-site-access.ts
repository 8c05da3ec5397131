// Chromium asks for optional permissions in a dialog that automation cannot answer, and has no
// switch or DevTools method to answer it. What it does honour without a dialog is a site the
// reader already allowed in the extension's own settings (chrome://extensions → Details → Site
// access → "On specific sites"): a later `permissions.request` for exactly those patterns is
// granted at once and fires `permissions.onAdded`. This sets them the way that page does.
import type { Session } from './browsers';

type DeveloperPrivate = { developerPrivate: { updateSiteAccess(site: string, updates: unknown[]): Promise<void> } };

export async function allowInChromeExtensionsPage(s: Session, patterns: string[]): Promise<void> {
  const id = new URL(s.base).host;
  const settings = await s.browser.newPage();
  await settings.goto(`chrome://extensions/?id=${id}`);
  await settings.waitForFunction('typeof chrome.developerPrivate?.updateSiteAccess === "function"', { timeout: 10_000 });
  for (const pattern of patterns) {
    await settings.evaluate(
      (pattern: string, id: string) =>
        (globalThis as unknown as { chrome: DeveloperPrivate }).chrome.developerPrivate.updateSiteAccess(pattern, [{ id, siteAccess: 'ON_SPECIFIC_SITES' }]),
      pattern,
      id,
    );
  }
  await settings.close();
}
