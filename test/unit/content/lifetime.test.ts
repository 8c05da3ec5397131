// @vitest-environment happy-dom
// Teardown through one signal: what hangs on a signal goes when it aborts, a child can end
// without its parent, and a parent that lives on does not collect the children that went.
import { describe, expect, it, vi } from 'vitest';
import { childController, observeUntil, onAbort } from '../../../src/content/lifetime';

describe('onAbort', () => {
  it('runs once on abort, or at once for a signal that has aborted', () => {
    const c = new AbortController();
    const later = vi.fn();
    onAbort(c.signal, later);
    expect(later).not.toHaveBeenCalled();
    c.abort();
    c.abort();
    expect(later).toHaveBeenCalledTimes(1);
    const now = vi.fn();
    onAbort(c.signal, now);
    expect(now).toHaveBeenCalledTimes(1);
  });
});

describe('childController', () => {
  it('aborts with its parent, and alone without it', () => {
    const parent = new AbortController();
    const a = childController(parent.signal);
    const b = childController(parent.signal);
    a.abort();
    expect(parent.signal.aborted).toBe(false);
    expect(b.signal.aborted).toBe(false);
    parent.abort();
    expect(b.signal.aborted).toBe(true);
    expect(childController(parent.signal).signal.aborted).toBe(true);
  });

  it('leaves no listener on the parent once it has aborted', () => {
    const parent = new AbortController();
    const remove = vi.spyOn(parent.signal, 'removeEventListener');
    for (let i = 0; i < 5; i++) childController(parent.signal).abort();
    expect(remove).toHaveBeenCalledTimes(5);
  });
});

describe('observeUntil', () => {
  it('observes until the signal aborts, and never for one that has', async () => {
    const c = new AbortController();
    const seen = vi.fn();
    observeUntil(c.signal, document.body, { childList: true }, seen);
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    c.abort();
    const late = vi.fn();
    observeUntil(c.signal, document.body, { childList: true }, late);
    document.body.append(document.createElement('p'));
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    await Promise.resolve();
    expect(seen).toHaveBeenCalledTimes(1);
    expect(late).not.toHaveBeenCalled();
  });
});
