// The real SidebarApi: requests to the background through the shared client, and (for the
// browser's own side panel, which is not tied to one tab) the tab events that move it along.
// Inside a web page the sidebar speaks the frame map instead (protocol FrameToBackground):
// every request carries its tab's secret, and settings are changed in the options page.
import { browser } from '../../platform/browser';
import { activeWebTab } from '../shared/active-tab';
import { onBroadcast, request, t } from '../shared/client';
import { messagesLocale } from '../shared/document-language';
import type { Change, SavedItemView, SidebarApi, SidebarSettings, TabContext, Visit } from './api';

export interface BrowserApiOptions {
  /** True in the side panel: it follows the active tab instead of the tab it is embedded in. */
  followActiveTab: boolean;
  /** In a web page's frame: the tab's secret, which the content script handed over. */
  secret?: string;
}

type Requests = Omit<SidebarApi, 't' | 'uiLanguage' | 'activeTabId' | 'onChange' | 'privileged'>;

function pageRequests(): Requests {
  return {
    tabContext: (tabId) => request<TabContext | null>({ type: 'ui/tabContext', ...(tabId !== undefined ? { tabId } : {}) }),
    visits: (storyId) => request<Visit[]>({ type: 'ui/visits', storyId }),
    listItems: (storyId) => request<SavedItemView[]>({ type: 'items/list', query: { storyId } }),
    saveItem: (item) => request<SavedItemView>({ type: 'items/save', item }),
    updateItem: (id, patch) => request<unknown>({ type: 'items/update', id, patch }),
    deleteItems: (ids) => request<unknown>({ type: 'items/delete', ids }),
    getSettings: () => request<SidebarSettings>({ type: 'settings/get' }),
    updateSettings: (patch) => request<unknown>({ type: 'settings/update', patch }),
    setSiteEnabled: (site, enabled) => request<unknown>({ type: 'site/setEnabled', site, enabled }),
    openSource: (url, storyId) => request<unknown>({ type: 'ui/openSource', url, storyId }),
    setSidebar: (state) => request<unknown>({ type: 'ui/sidebar', state }),
    confirmSiteOff: () => Promise.reject(new Error('the side panel turns sites off itself')),
    openSettings: () => browser.runtime.openOptionsPage(),
  };
}

function frameRequests(secret: string): Requests {
  const refused = () => Promise.reject(new Error('settings are changed in the options page'));
  return {
    tabContext: () => request<TabContext | null>({ type: 'frame/context', secret }),
    visits: (storyId) => request<Visit[]>({ type: 'frame/visits', secret, storyId }),
    listItems: (storyId) => request<SavedItemView[]>({ type: 'frame/items', secret, storyId }),
    saveItem: (item) => request<SavedItemView>({ type: 'frame/save', secret, item }),
    updateItem: (id, patch) => request<unknown>({ type: 'frame/update', secret, id, patch }),
    deleteItems: (ids) => request<unknown>({ type: 'frame/undoSave', secret, ids }),
    getSettings: () => request<SidebarSettings>({ type: 'frame/settings', secret }),
    updateSettings: refused,
    setSiteEnabled: refused,
    openSource: (url, storyId) => request<unknown>({ type: 'frame/openSource', secret, url, storyId }),
    setSidebar: (state) => request<unknown>({ type: 'frame/sidebar', secret, state }),
    confirmSiteOff: () => request<unknown>({ type: 'frame/confirmSiteOff', secret }),
    openSettings: () => request<unknown>({ type: 'frame/openOptions', secret }),
  };
}

export function createBrowserApi(options: BrowserApiOptions): SidebarApi {
  return {
    t,
    // The language of the messages in use (not the browser's alone): dates and language names match the text.
    uiLanguage: () => messagesLocale(t),
    privileged: options.secret === undefined,
    async activeTabId() {
      return (await activeWebTab())?.id;
    },
    ...(options.secret === undefined ? pageRequests() : frameRequests(options.secret)),
    onChange(cb: (change: Change) => void) {
      const stopBroadcasts = onBroadcast((b) => cb({ what: b.what, ...(b.tabId !== undefined ? { tabId: b.tabId } : {}) }));
      if (!options.followActiveTab) return stopBroadcasts;
      const onActivated = (info: { tabId: number }) => cb({ what: 'tab', tabId: info.tabId });
      const onUpdated = (tabId: number, info: { status?: string; url?: string }) => {
        if (info.status === 'complete' || info.url !== undefined) cb({ what: 'tab', tabId });
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        stopBroadcasts();
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
  };
}
