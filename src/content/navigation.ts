// Single-page sites change the article without a page load. The Navigation API reports
// same-document navigations (pushState included) to the content script's world too; `popstate`
// and a watch on <title> cover browsers and sites where it does not fire.

export const TEARDOWN_EVENT = 'story-context:teardown';

/** Calls `onChange` (debounced) after a same-document navigation. Returns a stop function. */
export function watchNavigation(onChange: () => void, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fired = 0;
  const windowStart = Date.now();
  const schedule = () => {
    // A page that navigates in a loop must not keep the detector busy: past 50 changes in a
    // minute the script stops listening.
    fired += 1;
    if (fired > 50 && Date.now() - windowStart < 60_000) return stop();
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  };

  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', schedule);
  window.addEventListener('popstate', schedule);

  let titleObserver: MutationObserver | null = null;
  const head = document.head;
  if (head) {
    titleObserver = new MutationObserver((records) => {
      if (records.some((r) => r.target.nodeName === 'TITLE' || r.target.parentNode?.nodeName === 'TITLE' || [...r.addedNodes].some((n) => n.nodeName === 'TITLE'))) {
        schedule();
      }
    });
    titleObserver.observe(head, { childList: true, subtree: true, characterData: true });
  }

  function stop() {
    clearTimeout(timer);
    nav?.removeEventListener('navigatesuccess', schedule);
    window.removeEventListener('popstate', schedule);
    titleObserver?.disconnect();
    titleObserver = null;
  }
  return stop;
}
