// What the background knows about each tab lives in storage.session, not in memory: the
// service worker (Chrome) or event page (Firefox) can be stopped between two messages.
import { browser } from '../platform/browser';
import type { DetectionReport } from '../protocol/messages';

export interface TabContext {
  tabId: number;
  url: string;
  report: DetectionReport;
  sidebar: 'open' | 'collapsed';
}

const key = (tabId: number) => `tab:${tabId}`;

export async function getTab(tabId: number): Promise<TabContext | null> {
  const got = await browser.storage.session.get(key(tabId));
  return (got[key(tabId)] as TabContext | undefined) ?? null;
}

export async function setTab(ctx: TabContext): Promise<void> {
  await browser.storage.session.set({ [key(ctx.tabId)]: ctx });
}

export async function clearTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** True the first time it is called in a browser session. */
export async function firstStoryPageOfSession(): Promise<boolean> {
  const got = await browser.storage.session.get('sidebarShown');
  if (got['sidebarShown']) return false;
  await browser.storage.session.set({ sidebarShown: true });
  return true;
}
