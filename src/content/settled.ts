// Test builds only (`__E2E__` is false in the production build, which then drops every body
// below): events on `document` that the e2e suite counts from the page, rather than sleeping or
// timing the page, to know what the content script did.
// - settled: each time the content script has finished with the page's current address
//   (dismissed by the prefilter, declined, shown, or at the end of a wait for late text); the
//   suite waits on it before it asserts that nothing appeared.
// - check: each time the content script starts a check of the address (the first one, then
//   one per same-document navigation the watch reports).
// - detect: each time a check hands the page to the second stage's detector.
// - watch-ended: the navigation watch gave up on a page that navigates in a loop.
export const SETTLED_EVENT = 'story-context:e2e-settled';
export const CHECK_EVENT = 'story-context:e2e-check';
export const DETECT_EVENT = 'story-context:e2e-detect';
export const WATCH_ENDED_EVENT = 'story-context:e2e-watch-ended';

export function announceSettled(): void {
  if (__E2E__) document.dispatchEvent(new Event(SETTLED_EVENT));
}

export function announceCheck(): void {
  if (__E2E__) document.dispatchEvent(new Event(CHECK_EVENT));
}

export function announceDetect(): void {
  if (__E2E__) document.dispatchEvent(new Event(DETECT_EVENT));
}

export function announceWatchEnded(): void {
  if (__E2E__) document.dispatchEvent(new Event(WATCH_ENDED_EVENT));
}
