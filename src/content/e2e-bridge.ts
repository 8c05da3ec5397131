// Test builds only (never in the production bundle): lets the e2e suite send arbitrary messages
// from a real content-script context, to prove the background refuses what it must. Active
// only on the test server's /__e2e/ pages.
import { sendSettled } from '../platform/chromium';
import { ext } from '../platform/content-runtime';

export function installE2eBridge(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { e2eSend?: unknown; e2eId?: number } | null;
    if (event.source !== window || !data || typeof data.e2eId !== 'number' || !('e2eSend' in data)) return;
    const id = data.e2eId;
    // Values the browser cannot serialise get an answer too (see platform/chromium.ts).
    sendSettled(() => ext().runtime.sendMessage(data.e2eSend)).then(
      (reply) => window.postMessage({ e2eReplyTo: id, reply: reply ?? null }, '*'),
      (err: unknown) => window.postMessage({ e2eReplyTo: id, threw: String(err) }, '*'),
    );
  });
}
