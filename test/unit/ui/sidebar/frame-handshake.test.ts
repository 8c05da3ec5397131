// @vitest-environment happy-dom
// The sidebar frame takes only the secret the background accepts, and answers only on the port
// that came with it: never on the page's window.
import { describe, expect, it, vi } from 'vitest';
import { FRAME_HELLO } from '../../../../src/protocol/messages';
import { announceToHost, awaitFrameLink } from '../../../../src/ui/sidebar/frame-handshake';

function offer(target: EventTarget, secret: unknown, port: MessagePort | null) {
  target.dispatchEvent(new MessageEvent('message', { data: { type: FRAME_HELLO, secret }, ports: port ? [port] : [] }));
}

describe('awaitFrameLink', () => {
  it('ignores offers the background refuses, and takes the one it accepts', async () => {
    const real = 'c'.repeat(32);
    const accepts = vi.fn(async (secret: string) => secret === real);
    const target = new EventTarget() as unknown as Window;
    const linked = awaitFrameLink(accepts, target);
    const fake = new MessageChannel();
    const genuine = new MessageChannel();
    offer(target, 'f'.repeat(32), fake.port2);
    offer(target, 'not a secret', genuine.port2);
    offer(target, real, null);
    offer(target, real, genuine.port2);
    const link = await linked;
    expect(link.secret).toBe(real);
    expect(link.port).toBe(genuine.port2);
    // Malformed offers and offers without a port never reach the background.
    expect(accepts.mock.calls.map(([s]) => s)).toEqual(['f'.repeat(32), real]);
  });

  it('stops trying after a flood of offers', async () => {
    const accepts = vi.fn(async () => false);
    const target = new EventTarget() as unknown as Window;
    void awaitFrameLink(accepts, target);
    for (let i = 0; i < 100; i++) offer(target, i.toString(16).padStart(32, '0'), new MessageChannel().port2);
    expect(accepts).toHaveBeenCalledTimes(20);
  });

  it('says ready, and that it leaves, on the port alone', async () => {
    const channel = new MessageChannel();
    const target = new EventTarget() as unknown as Window;
    const seen: unknown[] = [];
    channel.port1.onmessage = (e) => seen.push(e.data);
    announceToHost({ secret: 'a'.repeat(32), port: channel.port2 }, target);
    target.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(seen).toEqual([{ type: 'ready' }, { type: 'leaving' }]));
    channel.port1.close();
  });
});
