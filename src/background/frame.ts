// What the in-page sidebar frame may do, once the router has checked its tab's secret. It
// reads its own tab's story, saves, edits and undoes its own saves. Settings and site on/off
// are never changed from inside a web page: the frame can only open the options page at top
// level, where the reader sees and confirms the change.
import { browser } from '../platform/browser';
import type { FrameToBackground } from '../protocol/messages';
import type { FrameReplies } from '../protocol/replies';
import { handleDataMessage, recordCoverageVisit } from './data';
import { dispatch, type Handlers } from './handlers';
import { applySidebarState } from './sidebar-state';
import { forgetSavedHere, getTab, rememberSavedHere, type FrameGrant, type TabContext } from './tab-state';

/** Hostname without "www.": the form the options page's confirmation and the settings use. */
function siteOfTab(ctx: TabContext): string {
  try {
    return new URL(ctx.url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

async function storyContext(tabId: number): Promise<TabContext> {
  const ctx = await getTab(tabId);
  if (!ctx) throw new Error('this tab shows no story now');
  return ctx;
}

const handlers: Handlers<FrameToBackground, FrameReplies, [number, FrameGrant]> = {
  'frame/context': (_msg, tabId) => getTab(tabId),
  'frame/visits': (msg) => handleDataMessage({ type: 'ui/visits', storyId: msg.storyId }),
  'frame/items': (msg) => handleDataMessage({ type: 'items/list', query: { storyId: msg.storyId } }),
  'frame/settings': () => handleDataMessage({ type: 'settings/get' }),
  'frame/save': async (msg, tabId) => {
    const item = await handleDataMessage({ type: 'items/save', item: msg.item });
    await rememberSavedHere(tabId, item.id);
    return item;
  },
  'frame/update': (msg) => handleDataMessage({ type: 'items/update', id: msg.id, patch: msg.patch }),
  'frame/undoSave': async (msg, tabId, grant) => {
    if (!msg.ids.every((id) => grant.savedHere.includes(id))) {
      throw new Error('only items saved here can be undone here; delete others in the toolbar popup');
    }
    const token = await handleDataMessage({ type: 'items/delete', ids: msg.ids });
    await forgetSavedHere(tabId, msg.ids);
    return token;
  },
  'frame/openSource': async (msg, tabId) => {
    await recordCoverageVisit(msg.url, msg.storyId);
    await browser.tabs.create({ url: msg.url, active: true, openerTabId: tabId });
    return true as const;
  },
  'frame/sidebar': async (msg, tabId) => applySidebarState(await storyContext(tabId), msg.state),
  'frame/confirmSiteOff': async (_msg, tabId) => {
    const site = siteOfTab(await storyContext(tabId));
    if (!site) throw new Error('this tab has no site');
    await browser.tabs.create({ url: browser.runtime.getURL(`options.html#confirm-disable=${encodeURIComponent(site)}`), active: true });
    return true as const;
  },
  'frame/openOptions': async () => {
    await browser.runtime.openOptionsPage();
    return true as const;
  },
};

export function handleFrame<M extends FrameToBackground>(msg: M, tabId: number, grant: FrameGrant): Promise<FrameReplies[M['type']]> {
  return dispatch(handlers, msg, tabId, grant);
}
