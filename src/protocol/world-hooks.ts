// Names the background and the content script share in the content script's world (the
// isolated world both browsers give an extension in each page; the page cannot see into it).
// scripting.executeScript with a `func` runs there, so a property set by the content script is
// how the background reaches it without a message listener in every page (see
// content/navigation.ts). The functions the background injects are serialized on their own, so
// they take these names as arguments rather than importing them.

/** Set by the content script's navigation watch: call it when the page moved within its document. */
export const NAVIGATED_HOOK = 'storyContextNavigated';
