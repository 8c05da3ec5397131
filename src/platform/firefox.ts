// Firefox's quirks, in one place, each with the condition under which its workaround can go.
// Code that works around one imports it from here, so the workaround cannot outlive its reason
// unseen. Nothing here imports anything: the content script, the background and the pages all
// use it, and none of it pulls in the polyfill.
//
// Quirks that shape the design rather than a line of code:
// - An extension page framed inside a web page (the in-page sidebar) gets only the content
//   scripts' APIs: no runtime messages from the background, no storage.session, and
//   storage.onChanged does not reach it. So the background announces changes through
//   storage.local (background/broadcast.ts) and such a frame also reads that key once a second
//   while it is visible (ui/shared/client.ts). Can go when Firefox gives framed extension
//   pages the extension-page APIs (https://github.com/w3c/webextensions/issues/35).
// - In a private window extensions get no IndexedDB: the database cannot open, the sidebar
//   still shows the story from the bundled pack and says saving is off (background/data.ts,
//   ui/sidebar/use-sidebar-data.ts). Can go when
//   https://bugzilla.mozilla.org/show_bug.cgi?id=1639542 is fixed in the minimum Firefox.

/**
 * A content script's file as a path inside the extension. Firefox's `runtime.getManifest()`
 * hands content script files back as absolute `moz-extension://<uuid>/…` URLs, which
 * `scripting.registerContentScripts` refuses ("must be a relative URL"); Chrome returns them as
 * written. Can go when Firefox returns them as written: test/e2e/site-access.e2e.ts, which
 * registers the script, shows it in Firefox.
 */
export function extensionRelativePath(file: string, extensionBase: string): string {
  return (file.startsWith(extensionBase) ? file.slice(extensionBase.length) : file).replace(/^\/+/, '');
}

/**
 * Whether opening a file picker closes this browser's toolbar popup, and the chosen file never
 * arrives: Firefox's does (https://bugzilla.mozilla.org/show_bug.cgi?id=1292701), so the popup
 * imports from the same page in a tab instead. Told by a feature Firefox alone has
 * (`sidebarAction`), not by the user agent. Can go when that bug is fixed in the minimum Firefox.
 */
export function filePickerClosesPopup(namespace: object): boolean {
  return typeof (namespace as { sidebarAction?: unknown }).sidebarAction === 'object';
}

/**
 * How long a downloaded file's Blob URL is kept. Firefox reads the Blob after the click that
 * starts the download has returned, and a URL revoked at once leaves an empty file
 * (https://bugzilla.mozilla.org/show_bug.cgi?id=1282407). Can go (revoke at once) when that bug
 * is fixed in the minimum Firefox.
 */
export const DOWNLOAD_URL_LIFETIME_MS = 60_000;
