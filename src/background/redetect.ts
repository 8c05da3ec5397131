// A settings change reaches open tabs without a reload: the content script on each affected
// tab is asked to look again (bg/redetect), and it reads the new settings itself (a site
// turned off goes quiet and its sidebar goes; turned back on, the sidebar comes back).
import { browser } from '../platform/browser';
import { siteCovers, siteOf } from '../packs/listed-sites';

function onSite(url: string | undefined, site: string): boolean {
  // Without the tab's address (no access to it) the tab is asked anyway: a tab without the
  // content script ignores the message.
  if (url === undefined) return true;
  try {
    return siteCovers(siteOf(site), siteOf(new URL(url).hostname));
  } catch {
    return false;
  }
}

export async function redetectSite(site: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((t) => t.id !== undefined && onSite(t.url, site))
      .map((t) => browser.tabs.sendMessage(t.id!, { type: 'bg/redetect' }, { frameId: 0 }).catch(() => undefined)),
  );
}
