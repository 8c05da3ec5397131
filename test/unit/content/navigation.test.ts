// @vitest-environment happy-dom
// Single-page navigation as the content script hears it: one debounced check per burst, from
// popstate or a new <title>; a page that navigates in a loop loses the watch; the signal ends it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNavigation } from '../../../src/content/navigation';

const flush = async () => {
  await Promise.resolve();
  await Promise.resolve();
};

describe('watchNavigation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.head.replaceChildren(Object.assign(document.createElement('title'), { textContent: 'First' }));
  });
  afterEach(() => vi.useRealTimers());

  it('checks once after a burst of popstate events', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(100);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(249);
    expect(changed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(changed).toHaveBeenCalledTimes(1);
    life.abort();
  });

  it('checks after the page changes its <title>, not after other changes to <head>', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    document.head.append(document.createElement('meta'));
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(changed).not.toHaveBeenCalled();
    document.title = 'Second';
    await flush();
    await vi.advanceTimersByTimeAsync(300);
    expect(changed).toHaveBeenCalledTimes(1);
    life.abort();
  });

  it('hears nothing once its signal aborts, not even a check already scheduled', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    window.dispatchEvent(new PopStateEvent('popstate'));
    life.abort();
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.title = 'Third';
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
  });

  it('stops listening to a page that navigates in a loop, and leaves its parent signal alone', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 10);
    for (let i = 0; i < 60; i++) {
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(changed).toHaveBeenCalledTimes(50);
    expect(life.signal.aborted).toBe(false);
    life.abort();
  });
});
