// Opening and collapsing the in-page sidebar: the tab's state is stored first (the background
// may stop at any moment), then the tab's content script is told.
import { browser } from '../platform/browser';
import { setTab, type TabContext } from './tab-state';

export async function sendToTab(tabId: number, message: unknown): Promise<void> {
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

export async function applySidebarState(ctx: TabContext, requested: 'open' | 'collapsed' | 'toggle'): Promise<'open' | 'collapsed'> {
  const state = requested === 'toggle' ? (ctx.sidebar === 'open' ? 'collapsed' : 'open') : requested;
  await setTab({ ...ctx, sidebar: state });
  await sendToTab(ctx.tabId, { type: 'bg/sidebar', state });
  return state;
}
