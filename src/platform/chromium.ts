// Chromium's quirks, in one place, each with the condition under which it can go. Code that
// works around one imports it from here, so the workaround cannot outlive its reason unseen.
// Nothing here imports anything: the content script, the background and the pages all use it.

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
