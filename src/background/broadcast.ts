// Tells every open extension page (popup, sidebar frames, side panel) that something changed.
// The news travels through extension storage rather than runtime messaging: Firefox does not
// deliver runtime messages to extension frames embedded in web pages. It uses storage.local,
// the one area such a frame can read in Firefox (storage.session is missing there; see
// platform/firefox.ts for when this can change); the value says only which kind of data
// changed, never what.
import { browser } from '../platform/browser';
import { BROADCAST_KEY, type Broadcast } from '../protocol/messages';
let seq = 0;

export async function broadcast(what: Broadcast['what'], tabId?: number): Promise<void> {
  const message: Broadcast & { seq: string } = {
    type: 'bg/changed',
    what,
    ...(tabId !== undefined ? { tabId } : {}),
    // Storage reports a change only when the value differs.
    seq: `${Date.now()}-${++seq}`,
  };
  await browser.storage.local.set({ [BROADCAST_KEY]: message }).catch(() => undefined);
}
