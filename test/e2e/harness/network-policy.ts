import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './pages';
// What may appear in the browsers' network logs during the e2e suite. The extension itself may
// make no request at all; the browsers make a few of their own, listed here by exact host with
// what they are, so that anything else fails the run.
export const BROWSER_OWN_HOSTS: Record<string, string> = {
  'clients2.google.com': 'Chromium network time (component updater clock)',
  'update.googleapis.com': 'Chromium component updater',
  'accounts.google.com': 'Chromium account consistency check at start',
  'content-autofill.googleapis.com': 'Chromium autofill field classification',
  'redirector.gvt1.com': 'Chromium component updater download redirector',
  'firefox.settings.services.mozilla.com': 'Firefox remote settings',
};

/**
 * The story pack feed of the e2e build made by pack-updates.e2e.ts (a stand-in host: `.example`
 * is reserved, no such site exists). The one request the extension itself makes is to this
 * feed: its index, the index's signature and pack files, nothing else.
 */
export const PACK_FEED_HOST = 'packs.story-context.example';
export const PACK_FEED_PATH = '/feed/';
const FEED_FILE = /^\/feed\/(index\.json|index\.json\.sig|packs\/[a-z0-9-]+-\d+\.json)$/;

/** For a stand-in request line ("GET https://host/path"): whether it is one of the feed's files. */
export function isFeedRequest(line: string): boolean {
  const [method, target] = line.split(' ');
  try {
    const u = new URL(target ?? '');
    return method === 'GET' && u.hostname === PACK_FEED_HOST && FEED_FILE.test(u.pathname) && u.search === '';
  } catch {
    return false;
  }
}

export function hostOf(line: string): string {
  const target = line.split(' ')[1] ?? '';
  if (line.startsWith('CONNECT ')) return target.replace(/:\d+$/, '');
  try {
    return new URL(target).hostname;
  } catch {
    return target;
  }
}

/**
 * Hosts that the saved real pages and hostile fixtures name themselves (their embeds, ads and
 * scripts): a browser may reach for them while loading those pages, whatever their policy
 * header says. The extension names none of them.
 */
export function hostsNamedByFixtures(): Set<string> {
  const hosts = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(html?|xhtml|svg|xml)$/.test(name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)) hosts.add(m[1]!.toLowerCase());
      }
    }
  };
  for (const dir of ['realpages', 'hostile']) walk(join(FIXTURES, dir));
  return hosts;
}

export function unexpected(foreign: string[], pageHosts: Set<string> = new Set()): string[] {
  return foreign.filter((l) => !(hostOf(l) in BROWSER_OWN_HOSTS) && !pageHosts.has(hostOf(l)));
}
