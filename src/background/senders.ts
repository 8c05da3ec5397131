// Who is talking decides what they may ask. Content scripts run inside hostile pages, so a
// message from one is untrusted input limited to the content map; writes, deletes, imports and
// settings are honoured only from the extension's own pages (popup, sidebar, side panel).
import { browser, type Runtime } from '../platform/browser';

export type SenderKind = 'extension-page' | 'content-script' | 'unknown';

export function classifySender(sender: Runtime.MessageSender): SenderKind {
  if (sender.id !== browser.runtime.id) return 'unknown';
  const base = browser.runtime.getURL('');
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(base)) return 'extension-page';
  if (sender.tab && typeof sender.tab.id === 'number' && /^https?:/.test(url)) return 'content-script';
  return 'unknown';
}
