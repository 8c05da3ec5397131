// The reader's answer to "where should it look": any site (optional access to every http(s)
// site, granted by the browser) or only the listed news sites. The browser's grant is the
// truth; extension storage remembers that the reader was asked, so the welcome page asks once.
import { browser } from '../../platform/browser';
import { bundledPacks } from '../../packs/bundled';
import { listedSites } from '../../packs/listed-sites';
import { SITE_ACCESS_KEY } from '../../protocol/messages';

export type SiteAccessChoice = 'any' | 'listed';

export const ALL_SITES = ['http://*/*', 'https://*/*'];

/** The listed news sites, as the build derived them (see scripts/manifest-variants.ts). */
export function listedSiteNames(): string[] {
  return listedSites(bundledPacks);
}

export async function currentSiteAccess(): Promise<SiteAccessChoice> {
  const any = await browser.permissions.contains({ origins: ALL_SITES }).catch(() => false);
  return any ? 'any' : 'listed';
}

async function remember(choice: SiteAccessChoice): Promise<void> {
  await browser.storage.local.set({ [SITE_ACCESS_KEY]: { choice, at: Date.now() } });
}

/**
 * Asks the browser for access to every site. Call it straight from the click handler, with no
 * await before it: browsers show the request only inside the reader's click. Resolves to the
 * choice now in force (the browser or the reader may refuse).
 */
export function chooseAnySite(): Promise<SiteAccessChoice> {
  const asked = browser.permissions.request({ origins: ALL_SITES });
  return asked.then(
    async (granted) => {
      const choice: SiteAccessChoice = granted ? 'any' : 'listed';
      await remember(choice);
      return choice;
    },
    async () => {
      await remember('listed');
      return 'listed' as const;
    },
  );
}

/** Gives back the access to every site; the listed sites keep the content script. */
export async function chooseListedOnly(): Promise<SiteAccessChoice> {
  await browser.permissions.remove({ origins: ALL_SITES }).catch(() => false);
  await remember('listed');
  return currentSiteAccess();
}
