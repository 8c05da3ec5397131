// The content script's decisions, apart from the DOM and the runtime so that unit tests can walk
// through them: what a check of the current address does, and what a detection result leads to.

/**
 * What the first stage does with the address it is asked to check:
 * - `same`: already checked (a <title> change without a navigation);
 * - `dismiss`: the prefilter found no story's names and nothing is shown;
 * - `leave`: the prefilter found none, and the previous address showed a story;
 * - `orphan`: the extension was reloaded or removed, this copy must go;
 * - `enter`: load the second stage and detect.
 * `alive` is asked only when the answer depends on it: on a dismissed page the extension's
 * namespace is never touched (see platform/content-runtime.ts).
 */
export type CheckStep = 'same' | 'dismiss' | 'leave' | 'orphan' | 'enter';

export function checkStep(url: string, lastUrl: string, candidates: number, loaded: boolean, alive: () => boolean): CheckStep {
  if (url === lastUrl) return 'same';
  if (candidates === 0 && !loaded) return 'dismiss';
  if (!alive()) return 'orphan';
  return candidates === 0 ? 'leave' : 'enter';
}

/** What a detection result leads to: `show` the sidebar, `leave`, or leave and `watch` for late text. */
export type DetectedStep = 'show' | 'leave' | 'watch';

export function detectedStep(url: string, storyId: string | null, awaitsText: boolean): DetectedStep {
  // Only web pages get a sidebar: its links and the background's records are for http(s) pages.
  if (!/^https?:/.test(url)) return 'leave';
  if (storyId) return 'show';
  return awaitsText ? 'watch' : 'leave';
}

/**
 * Whether a story page gets the in-page host. A sandboxed document (CSP sandbox) passes its
 * sandbox on to every frame in it, so the sidebar could not run there; without the tab's secret
 * the frame could show nothing. In both cases the toolbar popup and the side panel still can.
 */
export function mountsHost(origin: string, secret: string | null): secret is string {
  return origin !== 'null' && secret !== null;
}
