// Chromium's quirks, in one place, each with the condition under which it can go. Code that
// works around one imports it from here, so the workaround cannot outlive its reason unseen.
// Nothing here imports anything: the content script, the background and the pages all use it.
//
// Quirks that shape the design rather than a line of code:
// - Chromium builds a content script's API bindings the first time the script touches
//   `browser` or `chrome`, which costs script time on every page: the first stage touches
//   neither on the pages its prefilter dismisses (platform/content-runtime.ts). A property of
//   the browser to design for, not a bug.
// - The content script uses the native promise-based `browser` namespace (Chromium 146 and
//   later) or `chrome`, never the polyfill; the polyfill (platform/browser.ts) can go from the
//   other pages once the minimum Chrome (README, test/unit/build/min-versions.test.ts) is 146.
// - Dexie's `chromeTransactionDurability: 'strict'` (storage/db.ts): Chromium's IndexedDB
//   reports a write done before it is on disk unless asked; the option is ignored elsewhere.
//   Not a bug: it stays as long as saved items must survive a crash.

/**
 * The origin of a document loaded from the extension. With `use_dynamic_url` Chromium's
 * `runtime.getURL` answers with the per-session address, but the document it makes has the
 * origin named by the extension id (`chrome-extension://<id>`), so a message to the sidebar
 * frame must be addressed to that. Firefox's `moz-extension://` address is the origin.
 * Can go when the manifest no longer sets `use_dynamic_url`.
 */
export function extensionFrameOrigin(runtime: { id?: string; getURL(path: string): string }): string {
  const base = runtime.getURL('');
  return base.startsWith('chrome-extension:') ? `chrome-extension://${runtime.id}` : new URL(base).origin;
}

/**
 * Sends through `send` and always answers with a promise. Chromium's `runtime.sendMessage`
 * throws synchronously for a value it cannot serialise (a BigInt, a cycle) where Firefox
 * rejects. Can go when Chromium rejects too: test/e2e/fuzz.e2e.ts sends such values.
 */
export function sendSettled<T>(send: () => Promise<T>): Promise<T> {
  return Promise.resolve().then(send);
}
