// What the background knows about each tab lives in storage.session, not in memory: the
// service worker (Chrome) or event page (Firefox) can be stopped between two messages.
import { browser } from '../platform/browser';
import type { DetectionReport } from '../protocol/messages';

export interface TabContext {
  tabId: number;
  url: string;
  report: DetectionReport;
  sidebar: 'open' | 'collapsed';
  /** The secret the sidebar frame in this tab must show (see protocol FrameToBackground). */
  secret: string;
  /** Items the sidebar in this tab saved: the only ones it may delete again ("Undo"). */
  savedHere: string[];
}

/** What extension pages are told about a tab: never its frame secret. */
export type PublicTabContext = Omit<TabContext, 'secret' | 'savedHere'>;

export function publicContext(ctx: TabContext | null): PublicTabContext | null {
  if (!ctx) return null;
  const { secret: _secret, savedHere: _saved, ...rest } = ctx;
  return rest;
}

/** 128 random bits as hex: unguessable, and never in a URL or a message to the page. */
export function mintSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The tab's context when `secret` is the one minted for it; null otherwise. */
export async function tabForSecret(tabId: number, secret: string): Promise<TabContext | null> {
  const ctx = await getTab(tabId);
  if (!ctx || typeof ctx.secret !== 'string' || ctx.secret.length !== secret.length) return null;
  // Compared in full, not to the first difference: the answer's timing says nothing.
  let diff = 0;
  for (let i = 0; i < secret.length; i++) diff |= ctx.secret.charCodeAt(i) ^ secret.charCodeAt(i);
  return diff === 0 ? ctx : null;
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
