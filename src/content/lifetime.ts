// Teardown through one signal (as refined-github does it): whatever a mounted page sets up
// (listeners, observers, timers, the sidebar host) is tied to its AbortSignal when it is set up,
// so aborting the signal removes all of it and no piece can be forgotten on the way out.

/** Calls `cleanup` once `signal` aborts, or at once if it already has. */
export function onAbort(signal: AbortSignal, cleanup: () => void): void {
  if (signal.aborted) cleanup();
  else signal.addEventListener('abort', cleanup, { once: true });
}

/**
 * A controller of its own that also aborts with `parent`: a part that can end early (a watch
 * that decided, a host the page defeated) without ending its parent.
 */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  const abort = (): void => child.abort();
  onAbort(parent, abort);
  // A long-lived parent must not collect one listener per child that came and went.
  child.signal.addEventListener('abort', () => parent.removeEventListener('abort', abort), { once: true });
  return child;
}

/** A MutationObserver that disconnects when `signal` aborts. */
export function observeUntil(signal: AbortSignal, target: Node, options: MutationObserverInit, callback: MutationCallback): void {
  if (signal.aborted) return;
  const observer = new MutationObserver(callback);
  observer.observe(target, options);
  onAbort(signal, () => observer.disconnect());
}

