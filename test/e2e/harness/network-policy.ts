// What may appear in the browsers' network logs during the e2e suite. The extension itself may
// make no request at all; the browsers make a few of their own, listed here by exact host with
// what they are, so that anything else fails the run.
export const BROWSER_OWN_HOSTS: Record<string, string> = {
  'clients2.google.com': 'Chromium network time (component updater clock)',
  'update.googleapis.com': 'Chromium component updater',
  'accounts.google.com': 'Chromium account consistency check at start',
  'content-autofill.googleapis.com': 'Chromium autofill field classification',
  'firefox.settings.services.mozilla.com': 'Firefox remote settings',
};

export function hostOf(line: string): string {
  const target = line.split(' ')[1] ?? '';
  if (line.startsWith('CONNECT ')) return target.replace(/:\d+$/, '');
  try {
    return new URL(target).hostname;
  } catch {
    return target;
  }
}

export function unexpected(foreign: string[]): string[] {
  return foreign.filter((l) => !(hostOf(l) in BROWSER_OWN_HOSTS));
}
