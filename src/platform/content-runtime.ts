// The content script's window onto the extension runtime. It avoids the polyfill (and its bytes)
// because every browser this extension supports ships the promise-based `browser` namespace
// natively (Firefox always; Chromium since 146), and the content script's size is budgeted.
interface MinimalRuntime {
  id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(cb: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown): void;
    removeListener(cb: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown): void;
  };
}
interface MinimalBrowser {
  runtime: MinimalRuntime;
  i18n: { getMessage(name: string): string };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const g = globalThis as unknown as { browser?: MinimalBrowser; chrome?: MinimalBrowser };
let namespace: MinimalBrowser | undefined;

/**
 * The extension namespace, looked up on first use. Chromium builds a content script's API
 * bindings when the script first touches `browser` or `chrome`; on a page the prefilter
 * dismisses nothing needs them, so nothing touches them.
 */
export function ext(): MinimalBrowser {
  return (namespace ??= (g.browser ?? g.chrome) as MinimalBrowser);
}

/** False once the extension was reloaded or removed: this script is then an orphan. */
export function runtimeAlive(): boolean {
  try {
    return Boolean(ext().runtime?.id);
  } catch {
    return false;
  }
}
