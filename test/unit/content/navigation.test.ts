// @vitest-environment happy-dom
// Single-page navigation as the content script hears it: from the Navigation API where the
// browser has one, or from the background through the world hook; one debounced check per burst
// of moves to new addresses;
// a page that navigates in a loop loses the watch; the signal ends it. Nothing in the page is
// observed: a new <title> alone is not a navigation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNavigation } from '../../../src/content/navigation';
import { NAVIGATED_HOOK } from '../../../src/protocol/world-hooks';

const world = globalThis as Record<string, unknown>;
const backgroundSays = (): boolean => {
  const hook = world[NAVIGATED_HOOK];
  if (typeof hook !== 'function') return false;
  (hook as () => void)();
  return true;
};

let step = 0;
/** The page moves to a new address; what reports it is up to the test. */
const move = (): void => history.pushState({}, '', `/article-${++step}`);

describe('watchNavigation', () => {
  let navigation: EventTarget | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    document.head.replaceChildren(Object.assign(document.createElement('title'), { textContent: 'First' }));
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (window as { navigation?: unknown }).navigation;
  });

  it('checks once after a burst of navigations, whoever reports them', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    move();
    navigation!.dispatchEvent(new Event('navigatesuccess'));
    await vi.advanceTimersByTimeAsync(100);
    move();
    expect(backgroundSays()).toBe(true);
    await vi.advanceTimersByTimeAsync(249);
    expect(changed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(changed).toHaveBeenCalledTimes(1);
    life.abort();
  });

  it('hears the background where the browser has no Navigation API', async () => {
    delete (window as { navigation?: unknown }).navigation;
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    move();
    expect(backgroundSays()).toBe(true);
    await vi.advanceTimersByTimeAsync(250);
    expect(changed).toHaveBeenCalledTimes(1);
    life.abort();
  });

  it('counts a move reported twice (the Navigation API, then the background) once', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 10);
    for (let i = 0; i < 40; i++) {
      move();
      navigation!.dispatchEvent(new Event('navigatesuccess'));
      backgroundSays();
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(changed, 'the watch gave up early, counting each move twice').toHaveBeenCalledTimes(40);
    life.abort();
  });

  it('does not take a new <title>, or a report that the address is unchanged, for a navigation', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    document.title = 'Second';
    window.dispatchEvent(new PopStateEvent('popstate'));
    navigation!.dispatchEvent(new Event('navigatesuccess'));
    backgroundSays();
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
    life.abort();
  });

  it('hears nothing once its signal aborts, not even a check already scheduled, and takes its hook away', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 250);
    move();
    navigation!.dispatchEvent(new Event('navigatesuccess'));
    life.abort();
    move();
    navigation!.dispatchEvent(new Event('navigatesuccess'));
    expect(backgroundSays(), 'the hook outlived the watch').toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).not.toHaveBeenCalled();
  });

  it("leaves a newer copy's hook in place when an older copy goes", async () => {
    const older = new AbortController();
    const newer = new AbortController();
    const olderChanged = vi.fn();
    const newerChanged = vi.fn();
    watchNavigation(olderChanged, older.signal, 10);
    watchNavigation(newerChanged, newer.signal, 10);
    older.abort();
    move();
    expect(backgroundSays()).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(newerChanged).toHaveBeenCalledTimes(1);
    expect(olderChanged).not.toHaveBeenCalled();
    newer.abort();
  });

  it('stops listening to a page that navigates in a loop, and leaves its parent signal alone', async () => {
    const life = new AbortController();
    const changed = vi.fn();
    watchNavigation(changed, life.signal, 10);
    for (let i = 0; i < 60; i++) {
      move();
      navigation!.dispatchEvent(new Event('navigatesuccess'));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(changed).toHaveBeenCalledTimes(50);
    expect(backgroundSays(), 'the background could still wake a watch that gave up').toBe(false);
    expect(life.signal.aborted).toBe(false);
    life.abort();
  });
});
