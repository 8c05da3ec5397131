// The extension pages' side of the protocol: typed requests to the background, and the
// background's change broadcasts. UI code talks to the background only through here.
import { browser } from '../../platform/browser';
import { BROADCAST_KEY, Broadcast, parse, type FrameToBackground, type PageToBackground } from '../../protocol/messages';
import { readReply, type Reply } from '../../protocol/replies';

type Request = PageToBackground | FrameToBackground;

/** Sends a request; resolves to its kind's reply, checked, or rejects with a ReplyError saying what is wrong. */
export async function request<M extends Request>(message: M): Promise<Reply<M['type']>> {
  return readReply(message.type as M['type'], await browser.runtime.sendMessage(message));
}

/**
 * Calls `cb` for each valid change broadcast; returns an unsubscribe function. The background
 * writes them to storage.local (see background/broadcast.ts): storage events reach every
 * extension page. Firefox does not deliver them to extension frames inside web pages (the
 * in-page sidebar), so a framed page also reads the value once a second while it is visible:
 * a local storage read, which wakes nothing.
 */
export function onBroadcast(cb: (b: Broadcast) => void): () => void {
  let lastSeq: unknown = undefined;
  const deliver = (value: unknown) => {
    const seq = (value as { seq?: unknown } | null)?.seq;
    if (seq === undefined || seq === lastSeq) return;
    lastSeq = seq;
    const b = parse(Broadcast, value);
    if (b) cb(b);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[BROADCAST_KEY]) deliver(changes[BROADCAST_KEY].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  let timer: ReturnType<typeof setInterval> | undefined;
  if (typeof window !== 'undefined' && window.top !== window) {
    void browser.storage.local.get(BROADCAST_KEY).then((got) => {
      lastSeq = (got[BROADCAST_KEY] as { seq?: unknown } | undefined)?.seq;
    });
    timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      browser.storage.local.get(BROADCAST_KEY).then((got) => deliver(got[BROADCAST_KEY]), () => undefined);
    }, 1000);
  }
  return () => {
    browser.storage.onChanged.removeListener(listener);
    clearInterval(timer);
  };
}

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
