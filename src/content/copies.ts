// More than one copy of the content script can run in a page: after the extension is reloaded
// or updated (Firefox injects the new version into open tabs while the old one lives on as an
// orphan), and after the reader's "Check this page". The newest copy tells older ones to go with
// TEARDOWN_EVENT; a copy goes only when its own runtime is gone, which no page can fake.

export const TEARDOWN_EVENT = 'story-context:teardown';

/** Marks the sidebar's host element, a child of the root element. */
export const HOST_ATTRIBUTE = 'data-story-context';

/**
 * Whether some copy shows a sidebar in this page: only then is there anything for an older copy
 * to take down, and the cue worth sending. (The event and its listener cost about half a
 * millisecond in a tab where the script has never run, on every page.) The page can add such an
 * element too: then the cue goes out for nothing, which is harmless.
 */
export function sidebarShown(doc: Document): boolean {
  // A page may have taken its root element away: then nothing is shown either.
  for (const el of Array.from(doc.documentElement?.children ?? [])) if (el.hasAttribute(HOST_ATTRIBUTE)) return true;
  return false;
}
