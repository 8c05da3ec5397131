// How the sidebar inside a web page learns which tab it serves. The content script posts its
// tab's secret to this frame's window with a MessagePort; the page can post here too, so
// every offer is tried with the background, and only the one it accepts is answered. Nothing
// is ever posted to the page's window: every script there could read it.
import { FRAME_HELLO, FrameSecret, parse } from '../../protocol/messages';

export interface FrameLink {
  secret: string;
  /** The content script's end is the only other end. */
  port: MessagePort;
}

/** Offers looked at before giving up: a page flooding the frame gets no more tries. */
const MAX_OFFERS = 20;

export function awaitFrameLink(accepts: (secret: string) => Promise<boolean>, target: Window = window): Promise<FrameLink> {
  return new Promise((resolve) => {
    let offers = 0;
    let done = false;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; secret?: unknown } | null;
      const port = event.ports[0];
      if (done || !port || data?.type !== FRAME_HELLO) return;
      const secret = parse(FrameSecret, data.secret);
      if (secret === null) return;
      if (++offers > MAX_OFFERS) return target.removeEventListener('message', onMessage);
      void accepts(secret).then(
        (ok) => {
          if (!ok || done) return;
          done = true;
          target.removeEventListener('message', onMessage);
          resolve({ secret, port });
        },
        () => undefined,
      );
    };
    target.addEventListener('message', onMessage);
  });
}

/** Tells the host this frame runs, and that it is leaving if its document is ever replaced. */
export function announceToHost(link: FrameLink, target: Window = window): void {
  link.port.postMessage({ type: 'ready' });
  target.addEventListener('pagehide', () => link.port.postMessage({ type: 'leaving' }));
}
