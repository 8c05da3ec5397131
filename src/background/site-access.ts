// Sites beyond the curated news list: the reader grants them one by one ("turn on for this
// site") or all at once ("turn on for all sites") through optional host permissions, asked for
// in the popup when clicked. Granted origins get the same content script, registered
// dynamically, and open tabs on them get it at once.
import { browser } from '../platform/browser';
import { listenAgain } from './spa-navigation';
import { extensionRelativePath } from '../platform/firefox';

const SCRIPT_ID = 'granted-sites';

function manifestContentScript(): { js: string[]; matches: string[] } | null {
  const cs = browser.runtime.getManifest().content_scripts?.[0];
  if (!cs?.js?.length) return null;
  const base = browser.runtime.getURL('');
  return { js: cs.js.map((file) => extensionRelativePath(file, base)), matches: cs.matches ?? [] };
}

/** The content script's files, as scripting.executeScript and registerContentScripts take them. */
export function manifestContentFiles(): string[] {
  return manifestContentScript()?.js ?? [];
}

/** Origins granted at run time that the manifest's content script does not already cover. */
export async function grantedOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const declared = new Set(manifestContentScript()?.matches ?? []);
  return (all.origins ?? []).filter((o) => !declared.has(o) && /^(\*|https?):\/\//.test(o));
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Keeps the dynamic content script's matches equal to the granted origins. Runs one at a time:
 * two grants in a row must not both see "nothing registered" and register the same id twice.
 */
export function syncGrantedScripts(): Promise<void> {
  const run = syncing.then(sync);
  syncing = run.catch(() => undefined);
  return run;
}

async function sync(): Promise<void> {
  const cs = manifestContentScript();
  if (!cs) return;
  const origins = await grantedOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (origins.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  // Pages the manifest's own content script already covers do not get a second copy.
  const script = {
    id: SCRIPT_ID,
    js: cs.js,
    matches: origins,
    excludeMatches: cs.matches,
    runAt: 'document_end' as const,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/** Runs the content script in open tabs on newly granted origins, so the reader sees it now. */
export async function injectIntoOpenTabs(origins: string[]): Promise<void> {
  const cs = manifestContentScript();
  if (!cs || origins.length === 0) return;
  // A tab the content script already runs in (a listed site, or a site granted before) must
  // not get a second copy: only the tabs the new grant opens up.
  const before = [...cs.matches, ...(await grantedOrigins()).filter((o) => !origins.includes(o))];
  const [tabs, covered] = await Promise.all([
    browser.tabs.query({ url: origins }),
    before.length ? browser.tabs.query({ url: before }) : Promise.resolve([]),
  ]);
  const already = new Set(covered.map((t) => t.id));
  await Promise.all(
    tabs.filter((tab) => !already.has(tab.id)).map((tab) =>
      tab.id === undefined
        ? undefined
        : (listenAgain(tab.id), browser.scripting.executeScript({ target: { tabId: tab.id }, files: cs.js }).catch(() => undefined)),
    ),
  );
}
