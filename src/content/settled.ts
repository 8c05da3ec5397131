// Test builds only (`__E2E__` is false in the production build, which then drops the body):
// the e2e suite waits on this event, rather than sleeping, before it asserts that nothing
// appeared. It fires each time the content script has finished with the page's current address:
// dismissed by the prefilter, declined, shown, or at the end of a wait for late text.
export const SETTLED_EVENT = 'story-context:e2e-settled';

export function announceSettled(): void {
  if (__E2E__) document.dispatchEvent(new Event(SETTLED_EVENT));
}
