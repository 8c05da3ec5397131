// Background entry: every listener is registered at the top level, synchronously, so that a
// stopped service worker (Chrome) or event page (Firefox) is woken by the event it missed.
import { browser } from '../platform/browser';
import type { ContentPing } from '../protocol/replies';
import { route } from './router';
import { broadcast } from './broadcast';
import { clearTab, forgetTab, getTab } from './tab-state';
import { applySidebarState } from './sidebar-state';
import { injectIntoOpenTabs, syncGrantedScripts } from './site-access';
import { purgeTrash } from './data';
import { clearContextBadge } from './badge';
import { openWelcomeOnInstall } from './welcome';
import { listenAgain, relayNavigation } from './spa-navigation';
import { oneAtATime } from './one-at-a-time';
import { checkForUpdates, PACK_ALARM, scheduleDailyCheck, syncInstalledPacks } from './pack-updates';

browser.runtime.onMessage.addListener(((message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => {
  // sendResponse + `return true` works in every supported browser, with or without the
  // polyfill wrapping the native namespace.
  route(message, sender as Parameters<typeof route>[1]).then(sendResponse, (err: unknown) =>
    sendResponse({ ok: false, error: String(err) }),
  );
  return true;
}) as never);

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-sidebar') return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  const ctx = await getTab(tab.id);
  if (!ctx) return;
  await applySidebarState(ctx, 'toggle');
});

browser.tabs.onRemoved.addListener((tabId) => {
  listenAgain(tabId);
  void forgetTab(tabId);
});

// A tab that goes elsewhere loses its context and its toolbar badge. A single-page site's own
// moves are reported by the content script; here only an address other than the story page's
// counts (a tab whose new address the extension may not see has gone elsewhere too), and only
// when the tab's document no longer says it shows the story: the address of a single-page
// site changes under a sidebar that stays (pushState), and its content script follows itself.
// A page that pushes a new address every few milliseconds gets one question at a time; a
// change that comes in meanwhile makes the question be asked once more afterwards.
const clearIfLeftOnce = oneAtATime(clearIfLeft);
browser.tabs.onUpdated.addListener((tabId, change) => {
  relayNavigation(tabId, change);
  if (change.url === undefined && change.status !== 'loading') return;
  clearIfLeftOnce(tabId);
});

async function clearIfLeft(tabId: number): Promise<void> {
  const ctx = await getTab(tabId);
  if (!ctx) return;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab || tab.url === ctx.url) return;
  const ping = (await browser.tabs.sendMessage(tabId, { type: 'bg/ping' }, { frameId: 0 }).catch(() => null)) as ContentPing | null;
  if (ping?.showing === true) return;
  await clearTab(tabId);
  await clearContextBadge(tabId);
  void broadcast('tab', tabId);
}

// The browser's own side panel follows the active tab.
browser.tabs.onActivated.addListener(({ tabId }) => {
  void broadcast('tab', tabId);
});

// Sites the reader turned on beyond the curated list. Registering for later page loads and
// injecting into the open tabs are independent: one failing must not stop the other, and a
// failure is reported rather than lost in a rejected listener promise.
function reportSiteAccess(results: PromiseSettledResult<unknown>[]): void {
  for (const r of results) if (r.status === 'rejected') console.error('site access:', r.reason);
}
// The installed packs' sites follow the grants too (pack-sites.ts registers only granted ones).
browser.permissions.onAdded.addListener((added) => {
  void Promise.allSettled([syncGrantedScripts(), injectIntoOpenTabs(added.origins ?? []), syncInstalledPacks()]).then(reportSiteAccess);
});
browser.permissions.onRemoved.addListener(() => {
  void Promise.allSettled([syncGrantedScripts(), syncInstalledPacks()]).then(reportSiteAccess);
});
// Story pack updates (pack-updates.ts): a first check at install and after each extension
// update, then once a day. Nothing is fetched when no feed is set.
browser.runtime.onInstalled.addListener((details) => {
  void Promise.allSettled([
    syncGrantedScripts(),
    openWelcomeOnInstall(details),
    syncInstalledPacks().then(() => checkForUpdates()),
    scheduleDailyCheck(),
  ]).then(reportSiteAccess);
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PACK_ALARM) void checkForUpdates().catch((error: unknown) => console.error('pack update:', error));
});
// Deleted items wait 24 h in the trash for undo; drop the expired ones when the browser starts.
// A background stopped between installing packs and updating their copies catches up here.
browser.runtime.onStartup.addListener(() => {
  void purgeTrash();
  void Promise.allSettled([syncInstalledPacks(), scheduleDailyCheck()]).then(reportSiteAccess);
});
