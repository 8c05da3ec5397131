// Single-page sites change the article without a page load. The Navigation API reports
// same-document navigations (pushState included) to the content script's world too; `popstate`
// and a watch on <title> cover browsers and sites where it does not fire.
import { childController, observeUntil, onAbort } from './lifetime';
import { announceWatchEnded } from './settled';

/** A page that navigates in a loop must not keep the detector busy: past this many changes in a minute the watch ends. */
export const MAX_CHANGES_PER_MINUTE = 50;

/** Whether a <head> mutation touched the page's <title>. */
export function touchesTitle(records: readonly MutationRecord[]): boolean {
  return records.some((r) => r.target.nodeName === 'TITLE' || r.target.parentNode?.nodeName === 'TITLE' || [...r.addedNodes].some((n) => n.nodeName === 'TITLE'));
}

/** Calls `onChange` (debounced) after each same-document navigation, until `signal` aborts. */
export function watchNavigation(onChange: () => void, signal: AbortSignal, delayMs = 250): void {
  const watch = childController(signal);
  const options = { signal: watch.signal };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fired = 0;
  const windowStart = Date.now();
  onAbort(watch.signal, () => clearTimeout(timer));
  const schedule = (): void => {
    fired += 1;
    if (fired > MAX_CHANGES_PER_MINUTE && Date.now() - windowStart < 60_000) {
      watch.abort();
      return announceWatchEnded();
    }
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  };

  (window as unknown as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', schedule, options);
  window.addEventListener('popstate', schedule, options);
  if (document.head) {
    observeUntil(watch.signal, document.head, { childList: true, subtree: true, characterData: true }, (records) => {
      if (touchesTitle(records)) schedule();
    });
  }
}
