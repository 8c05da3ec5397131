// The real SidebarApi: requests to the background through the shared client, and (for the
// browser's own side panel, which is not tied to one tab) the tab events that move it along.
// Inside a web page the sidebar speaks the frame map instead (protocol FrameToBackground):
// every request carries its tab's secret, and settings are changed in the options page.
import { browser } from '../../platform/browser';
import { activeWebTab } from '../shared/active-tab';
import { onBroadcast, request, t } from '../shared/client';
import { listen, stopAll } from '../shared/listen';
import { messagesLocale } from '../shared/document-language';
import type { Change, SidebarApi } from './api';

export interface BrowserApiOptions {
  /** True in the side panel: it follows the active tab instead of the tab it is embedded in. */
  followActiveTab: boolean;
  /** In a web page's frame: the tab's secret, which the content script handed over. */
  secret?: string;
}

type Requests = Omit<SidebarApi, 't' | 'uiLanguage' | 'activeTabId' | 'onChange' | 'privileged'>;

/** For requests the sidebar sends for their effect: it waits for them, and their failure, only. */
const done = (reply: Promise<unknown>): Promise<void> => reply.then(() => undefined);

function pageRequests(): Requests {
  return {
    tabContext: (tabId) => request({ type: 'ui/tabContext', ...(tabId !== undefined ? { tabId } : {}) }),
    visits: (storyId) => request({ type: 'ui/visits', storyId }),
    listItems: (storyId) => request({ type: 'items/list', query: { storyId } }),
    saveItem: (item) => request({ type: 'items/save', item }),
    updateItem: (id, patch) => request({ type: 'items/update', id, patch }),
    deleteItems: (ids) => request({ type: 'items/delete', ids }),
    getSettings: () => request({ type: 'settings/get' }),
    updateSettings: (patch) => request({ type: 'settings/update', patch }),
    setSiteEnabled: (site, enabled) => request({ type: 'site/setEnabled', site, enabled }),
    openSource: (url, storyId) => done(request({ type: 'ui/openSource', url, storyId })),
    setSidebar: (state) => done(request({ type: 'ui/sidebar', state })),
    confirmSiteOff: () => Promise.reject(new Error('the side panel turns sites off itself')),
    openSettings: () => browser.runtime.openOptionsPage(),
  };
}

function frameRequests(secret: string): Requests {
  const refused = () => Promise.reject(new Error('settings are changed in the options page'));
  return {
    tabContext: () => request({ type: 'frame/context', secret }),
    visits: (storyId) => request({ type: 'frame/visits', secret, storyId }),
    listItems: (storyId) => request({ type: 'frame/items', secret, storyId }),
    saveItem: (item) => request({ type: 'frame/save', secret, item }),
    updateItem: (id, patch) => request({ type: 'frame/update', secret, id, patch }),
    deleteItems: (ids) => request({ type: 'frame/undoSave', secret, ids }),
    getSettings: () => request({ type: 'frame/settings', secret }),
    updateSettings: refused,
    setSiteEnabled: refused,
    openSource: (url, storyId) => done(request({ type: 'frame/openSource', secret, url, storyId })),
    setSidebar: (state) => done(request({ type: 'frame/sidebar', secret, state })),
    confirmSiteOff: () => done(request({ type: 'frame/confirmSiteOff', secret })),
    openSettings: () => done(request({ type: 'frame/openOptions', secret })),
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
      return stopAll(stopBroadcasts, listen(browser.tabs.onActivated, onActivated), listen(browser.tabs.onUpdated, onUpdated));
    },
  };
}
