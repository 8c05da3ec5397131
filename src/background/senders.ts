// Who is talking decides what they may ask, as uBlock Origin decides by sender. Content scripts
// run inside hostile pages, so a message from one is untrusted input limited to the content map.
// An extension page embedded in a web page (the in-page sidebar, or a copy of sidebar.html that
// a page framed itself) shares the extension's origin but not its safety: the page decides
// where it sits, what covers it and where clicks land. Only extension pages the page cannot
// embed (the popup, the browser's side panel, the options and welcome pages in a tab of their
// own) may write settings, delete or import.
import { browser, type Runtime } from '../platform/browser';

export type SenderKind = 'extension-page' | 'embedded-frame' | 'content-script' | 'unknown';

export interface SenderFacts {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** Pure, for the unit tests: `ownId` and `ownBase` are the extension's id and root URL. */
export function classify(sender: SenderFacts, ownId: string, ownBase: string): SenderKind {
  if (sender.id !== ownId) return 'unknown';
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(ownBase)) {
    // The popup, the side panel and the background have no tab. A page in a tab of its own is
    // its top frame (frameId 0); anything else with a tab is a frame inside some other page.
    if (!sender.tab) return 'extension-page';
    if (sender.frameId === 0) return 'extension-page';
    return typeof sender.tab.id === 'number' ? 'embedded-frame' : 'unknown';
  }
  if (sender.tab && typeof sender.tab.id === 'number' && /^https?:/.test(url)) return 'content-script';
  return 'unknown';
}

export function classifySender(sender: Runtime.MessageSender): SenderKind {
  return classify(sender, browser.runtime.id, browser.runtime.getURL(''));
}
