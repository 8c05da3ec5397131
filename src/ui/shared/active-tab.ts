// The tab an extension page speaks about. In the toolbar popup and the browser's side panel
// that is the active tab. When the page is itself open in a tab (a reader who pinned it, or a
// test), the active tab is the extension page, so it follows the tab the reader used last.
import { browser, type Tabs } from '../../platform/browser';

export async function activeWebTab(): Promise<Tabs.Tab | undefined> {
  const own = browser.runtime.getURL('');
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active && !(active.url ?? '').startsWith(own)) return active;
  const tabs = await browser.tabs.query({});
  return tabs
    .filter((t) => t.id !== active?.id && !(t.url ?? '').startsWith(own))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
