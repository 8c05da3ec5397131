// The extension pages' side of the protocol: typed requests to the background, and the
// background's change broadcasts. UI code talks to the background only through here.
import { browser } from '../../platform/browser';
import { Broadcast, parse, type PageToBackground, type Reply } from '../../protocol/messages';

export class RequestError extends Error {}

export async function request<T>(message: PageToBackground): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new RequestError('The extension did not answer. Try reopening this page.');
  if (!reply.ok) throw new RequestError(reply.error);
  return reply.value;
}

/** Calls `cb` for each valid change broadcast; returns an unsubscribe function. */
export function onBroadcast(cb: (b: Broadcast) => void): () => void {
  const listener = (message: unknown) => {
    const b = parse(Broadcast, message);
    if (b) cb(b);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
