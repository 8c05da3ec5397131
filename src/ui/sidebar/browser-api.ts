// The real SidebarApi: requests to the background through the shared client, and (for the
// browser's own side panel, which is not tied to one tab) the tab events that move it along.
import { browser } from '../../platform/browser';
import { activeWebTab } from '../shared/active-tab';
import { onBroadcast, request, t } from '../shared/client';
import type { Change, SavedItemView, SidebarApi, SidebarSettings, TabContext, Visit } from './api';

export interface BrowserApiOptions {
  /** True in the side panel: it follows the active tab instead of the tab it is embedded in. */
  followActiveTab: boolean;
}

export function createBrowserApi(options: BrowserApiOptions): SidebarApi {
  return {
    t,
    uiLanguage: () => browser.i18n.getUILanguage(),
    async activeTabId() {
      return (await activeWebTab())?.id;
    },
    tabContext: (tabId) => request<TabContext | null>({ type: 'ui/tabContext', ...(tabId !== undefined ? { tabId } : {}) }),
    visits: (storyId) => request<Visit[]>({ type: 'ui/visits', storyId }),
    listItems: (storyId) => request<SavedItemView[]>({ type: 'items/list', query: { storyId } }),
    saveItem: (item) => request<SavedItemView>({ type: 'items/save', item }),
    updateItem: (id, patch) => request<unknown>({ type: 'items/update', id, patch }),
    deleteItems: (ids) => request<{ token: unknown }>({ type: 'items/delete', ids }),
    getSettings: () => request<SidebarSettings>({ type: 'settings/get' }),
    updateSettings: (patch) => request<unknown>({ type: 'settings/update', patch }),
    setSiteEnabled: (site, enabled) => request<unknown>({ type: 'site/setEnabled', site, enabled }),
    openSource: (url, storyId) => request<unknown>({ type: 'ui/openSource', url, storyId }),
    setSidebar: (state) => request<unknown>({ type: 'ui/sidebar', state }),
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
