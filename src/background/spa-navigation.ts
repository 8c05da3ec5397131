// Tells a tab's content script that its page moved within the same document, for browsers that
// do not tell it themselves (Firefox ESR has no Navigation API; see content/navigation.ts).
// The content script then needs nothing in the page to notice a single-page site's navigation.
//
// The browsers report such a move differently (w3c/webextensions#328): Firefox as one update with
// the new URL and no "loading"; Chromium like a page load, "loading" with the URL, and there the
// content script hears the move itself. So an update with a URL and without "loading" is relayed;
// a "loading" one is a new document (or Chromium's own report) and is not. Relaying a move twice
// costs nothing: the content script waits for a burst to end and checks an address once.
import { browser } from '../platform/browser';
import { NAVIGATED_HOOK } from '../protocol/world-hooks';
import { oneAtATime } from './one-at-a-time';

/** Runs in the content script's world: calls its hook, and says whether there was one. */
function callHook(hook: string): boolean {
  const f = (globalThis as Record<string, unknown>)[hook];
  if (typeof f !== 'function') return false;
  (f as () => void)();
  return true;
}

/** Tabs whose document has no watch to tell (none there, or it gave up): not told again until a new document. */
const deaf = new Set<number>();
async function tell(tabId: number): Promise<boolean> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: callHook, args: [NAVIGATED_HOOK] });
    if (result?.result === true) return true;
  } catch {
    // No access to the tab: a site the extension does not read.
  }
  deaf.add(tabId);
  return false;
}

/** One injection at a time into a page that pushes a new address every few milliseconds. */
const tellOnce = oneAtATime(tell);

/** Called with every tabs.onUpdated change. */
export function relayNavigation(tabId: number, change: { url?: string; status?: string }): void {
  if (change.status === 'loading') {
    deaf.delete(tabId);
    return;
  }
  if (change.url === undefined || deaf.has(tabId)) return;
  tellOnce(tabId);
}

/** The tab's document got a content script later (the reader's "Check this page"), or the tab is gone. */
export function listenAgain(tabId: number): void {
  deaf.delete(tabId);
}
