// First run: the welcome page asks where the extension may look (any site, or the listed news
// sites). It opens once, on a fresh install, never on an update or a browser restart; the
// answer is kept in extension storage, so a reinstall over kept data does not ask again.
import { browser } from '../platform/browser';
import { SITE_ACCESS_KEY } from '../protocol/messages';


export async function openWelcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason !== 'install') return;
  const stored = await browser.storage.local.get(SITE_ACCESS_KEY).catch(() => ({}) as Record<string, unknown>);
  if (stored[SITE_ACCESS_KEY]) return;
  await browser.tabs.create({ url: browser.runtime.getURL('welcome.html'), active: true });
}
