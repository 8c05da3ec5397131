// What the in-page sidebar frame may do, once the router has checked its tab's secret. It
// reads its own tab's story, saves, edits and undoes its own saves. Settings and site on/off
// are never changed from inside a web page: the frame can only open the options page at top
// level, where the reader sees and confirms the change.
import { browser } from '../platform/browser';
import type { FrameToBackground } from '../protocol/messages';
import { handleDataMessage, recordCoverageVisit } from './data';
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

export async function handleFrame(msg: FrameToBackground, tabId: number, grant: FrameGrant): Promise<unknown> {
  switch (msg.type) {
    case 'frame/context':
      return getTab(tabId);
    case 'frame/visits':
      return handleDataMessage({ type: 'ui/visits', storyId: msg.storyId });
    case 'frame/items':
      return handleDataMessage({ type: 'items/list', query: { storyId: msg.storyId } });
    case 'frame/settings':
      return handleDataMessage({ type: 'settings/get' });
    case 'frame/save': {
      const item = (await handleDataMessage({ type: 'items/save', item: msg.item })) as { id?: unknown } | null;
      if (item && typeof item.id === 'string') await rememberSavedHere(tabId, item.id);
      return item;
    }
    case 'frame/update':
      return handleDataMessage({ type: 'items/update', id: msg.id, patch: msg.patch });
    case 'frame/undoSave': {
      if (!msg.ids.every((id) => grant.savedHere.includes(id))) {
        throw new Error('only items saved here can be undone here; delete others in the toolbar popup');
      }
      const token = await handleDataMessage({ type: 'items/delete', ids: msg.ids });
      await forgetSavedHere(tabId, msg.ids);
      return token;
    }
    case 'frame/openSource': {
      await recordCoverageVisit(msg.url, msg.storyId);
      await browser.tabs.create({ url: msg.url, active: true, openerTabId: tabId });
      return true;
    }
    case 'frame/sidebar':
      return applySidebarState(await storyContext(tabId), msg.state);
    case 'frame/confirmSiteOff': {
      const site = siteOfTab(await storyContext(tabId));
      if (!site) throw new Error('this tab has no site');
      await browser.tabs.create({ url: browser.runtime.getURL(`options.html#confirm-disable=${encodeURIComponent(site)}`), active: true });
      return true;
    }
    case 'frame/openOptions':
      await browser.runtime.openOptionsPage();
      return true;
  }
}
