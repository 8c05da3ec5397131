// Single-page sites change the article without a page load. Where the browser has the Navigation
// API (Chromium), it reports same-document navigations (pushState, replaceState, a new hash, back
// and forward) to the content script's world too. Where it does not (Firefox ESR), the background
// hears them from tabs.onUpdated and calls the hook set here (background/spa-navigation.ts).
// Nothing in the page is observed: a MutationObserver on <head>, which this watch used before, was
// the largest part of the script's cost on the pages it dismisses (README, measured figures).
import { NAVIGATED_HOOK } from '../protocol/world-hooks';
import { childController, onAbort } from './lifetime';
import { announceWatchEnded } from './settled';

/** A page that navigates in a loop must not keep the detector busy: past this many changes in a minute the watch ends. */
export const MAX_CHANGES_PER_MINUTE = 50;

/** Calls `onChange` (debounced) after each same-document navigation, until `signal` aborts. */
export function watchNavigation(onChange: () => void, signal: AbortSignal, delayMs = 250): void {
  const watch = childController(signal);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fired = 0;
  const windowStart = Date.now();
  // Firefox may report one move twice (its Navigation API and the background): it counts once.
  let reported = location.href;
  const schedule = (): void => {
    if (location.href === reported) return;
    reported = location.href;
    fired += 1;
    if (fired > MAX_CHANGES_PER_MINUTE && Date.now() - windowStart < 60_000) {
      watch.abort();
      return announceWatchEnded();
    }
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  };

  (window as unknown as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', schedule, { signal: watch.signal });
  const world = globalThis as Record<string, unknown>;
  world[NAVIGATED_HOOK] = schedule;
  onAbort(watch.signal, () => {
    clearTimeout(timer);
    // A newer copy of the script (after an update) may have set its own hook meanwhile.
    if (world[NAVIGATED_HOOK] === schedule) delete world[NAVIGATED_HOOK];
  });
}
