// Sites named by story packs that arrive after the build (a pack installed or updated at run
// time): the manifest's matches were fixed when the extension was built, so such a pack's
// hosts get the content script through scripting.registerContentScripts instead, for the
// hosts the reader has granted access to (all sites, or those sites one by one). A host still
// without access is returned, so the caller can offer the reader "turn on for this site".
import { browser } from '../platform/browser';
import { matchPatternFor, minimalSites, siteOf } from '../packs/listed-sites';
import { manifestContentFiles } from './site-access';

const SCRIPT_ID = 'pack-sites';

export interface PackSitesResult {
  /** Sites whose pages now get the content script. */
  registered: string[];
  /** Sites the reader has not granted access to: nothing runs there until they do. */
  needAccess: string[];
}

/**
 * Registers the content script for `hosts` (any host names; "www." and subdomains are folded
 * into their site), replacing what an earlier call registered. Call it again with the union of
 * every installed pack's hosts whenever packs or granted permissions change.
 */
export async function registerPackSites(hosts: readonly string[]): Promise<PackSitesResult> {
  const files = manifestContentFiles();
  const declared = browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
  const sites = minimalSites(hosts.map(siteOf)).filter((s) => !declared.includes(matchPatternFor(s)));
  const granted: string[] = [];
  const needAccess: string[] = [];
  // With access to every site the granted-sites script (site-access.ts) already runs there.
  const everySite = await browser.permissions.contains({ origins: ['https://*/*'] }).catch(() => false);
  if (everySite) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
    return { registered: sites, needAccess };
  }
  for (const site of sites) {
    const ok = await browser.permissions.contains({ origins: [matchPatternFor(site)] }).catch(() => false);
    (ok ? granted : needAccess).push(site);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length && files.length) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: files,
        matches: granted.map(matchPatternFor),
        excludeMatches: declared,
        runAt: 'document_end',
        persistAcrossSessions: true,
      },
    ]);
  }
  return { registered: granted, needAccess };
}
