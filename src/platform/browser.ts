// The only place that imports the polyfill: browsers ship `browser.*` natively now and the
// polyfill is frozen upstream, so dropping it later is a one-file change.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';

export function extensionBaseUrl(): string {
  return browser.runtime.getURL('');
}
