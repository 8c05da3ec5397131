// What the background knows about each tab lives in storage.session, not in memory: the
// service worker (Chrome) or event page (Firefox) can be stopped between two messages.
import { browser } from '../platform/browser';
import type { TabContext } from '../model/shapes';

export type { TabContext } from '../model/shapes';

/**
 * What lets the sidebar frame in a tab speak for it (see protocol FrameToBackground). It lives
 * as long as the tab, apart from the story context: a single-page site that moves from one
 * story page to the next, through a page the background saw cleared, keeps its frame.
 */
export interface FrameGrant {
  secret: string;
  /** Items the sidebar in this tab saved: the only ones it may delete again ("Undo"). */
  savedHere: string[];
}

const grantKey = (tabId: number) => `frame:${tabId}`;

async function getGrant(tabId: number): Promise<FrameGrant | null> {
  const got = await browser.storage.session.get(grantKey(tabId));
  return (got[grantKey(tabId)] as FrameGrant | undefined) ?? null;
}

async function setGrant(tabId: number, grant: FrameGrant): Promise<void> {
  await browser.storage.session.set({ [grantKey(tabId)]: grant });
}

/** The tab's frame secret, minted on first use: 128 random bits, never in a URL or a page message. */
export async function frameSecretFor(tabId: number): Promise<string> {
  const existing = await getGrant(tabId);
  if (existing) return existing.secret;
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  await setGrant(tabId, { secret, savedHere: [] });
  return secret;
}

/** The tab's grant when `secret` is the one minted for it; null otherwise. */
export async function grantFor(tabId: number, secret: string): Promise<FrameGrant | null> {
  const grant = await getGrant(tabId);
  if (!grant || typeof grant.secret !== 'string' || grant.secret.length !== secret.length) return null;
  // Compared in full, not to the first difference: the answer's timing says nothing.
  let diff = 0;
  for (let i = 0; i < secret.length; i++) diff |= grant.secret.charCodeAt(i) ^ secret.charCodeAt(i);
  return diff === 0 ? grant : null;
}

export async function rememberSavedHere(tabId: number, id: string): Promise<void> {
  // Read again: another message may have changed the grant while the item was written.
  const grant = await getGrant(tabId);
  if (!grant || grant.savedHere.includes(id)) return;
  await setGrant(tabId, { ...grant, savedHere: [...grant.savedHere, id].slice(-200) });
}

export async function forgetSavedHere(tabId: number, ids: readonly string[]): Promise<void> {
  const grant = await getGrant(tabId);
  if (grant) await setGrant(tabId, { ...grant, savedHere: grant.savedHere.filter((id) => !ids.includes(id)) });
}

/** A closed tab takes its context and its frame's grant with it. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([key(tabId), grantKey(tabId)]);
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
