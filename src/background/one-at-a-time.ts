// A page can fire tab events every few milliseconds (a pushState storm). Work done per event in
// the background is then done for one event at a time per tab: an event that comes while the
// work runs makes it run once more afterwards, and the ones in between are folded into it.

/**
 * Wraps `job` so that calls for a tab never overlap. `job` returning `false` ends the run early,
 * even with events waiting (there is no longer anything to do for the tab).
 */
export function oneAtATime(job: (tabId: number) => Promise<boolean | void>): (tabId: number) => void {
  const again = new Map<number, boolean>();
  return (tabId) => {
    if (again.has(tabId)) {
      again.set(tabId, true);
      return;
    }
    again.set(tabId, false);
    void (async () => {
      try {
        do {
          again.set(tabId, false);
          if ((await job(tabId)) === false) break;
        } while (again.get(tabId));
      } finally {
        again.delete(tabId);
      }
    })();
  };
}
