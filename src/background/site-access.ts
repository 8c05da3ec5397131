// Sites beyond the curated news list: the reader grants them one by one ("turn on for this
// site") or all at once ("turn on for all sites") through optional host permissions, asked for
// in the popup when clicked. Granted origins get the same content script, registered
// dynamically, and open tabs on them get it at once.
import { browser } from '../platform/browser';

const SCRIPT_ID = 'granted-sites';

function manifestContentScript(): { js: string[]; matches: string[] } | null {
  const cs = browser.runtime.getManifest().content_scripts?.[0];
  if (!cs?.js?.length) return null;
  return { js: cs.js, matches: cs.matches ?? [] };
}

/** Origins granted at run time that the manifest's content script does not already cover. */
export async function grantedOrigins(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  const declared = new Set(manifestContentScript()?.matches ?? []);
  return (all.origins ?? []).filter((o) => !declared.has(o) && /^(\*|https?):\/\//.test(o));
}

/** Keeps the dynamic content script's matches equal to the granted origins. */
export async function syncGrantedScripts(): Promise<void> {
  const cs = manifestContentScript();
  if (!cs) return;
  const origins = await grantedOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (origins.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, js: cs.js, matches: origins, runAt: 'document_end' as const, persistAcrossSessions: true };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/** Runs the content script in open tabs on newly granted origins, so the reader sees it now. */
export async function injectIntoOpenTabs(origins: string[]): Promise<void> {
  const cs = manifestContentScript();
  if (!cs || origins.length === 0) return;
  const tabs = await browser.tabs.query({ url: origins });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: cs.js }).catch(() => undefined),
    ),
  );
}
