// One manifest.json for both browsers; this derives what each browser accepts. Kept pure so a
// unit test can pin the differences.
import { bundledPackData } from '../src/packs/bundled-data.ts';
import { listedSites, matchPatternsFor } from '../src/packs/listed-sites.ts';

export type Target = 'chrome' | 'firefox';

export interface VariantOptions {
  target: Target;
  /** Test builds also run on local addresses, where the e2e suite serves its pages. */
  e2e: boolean;
  /**
   * The sites the content script runs on without asking. Derived from the bundled packs and the
   * curated outlets unless given (tests pass their own).
   */
  listed?: readonly string[];
}

/** The listed sites of this build: every host the bundled packs name, and the curated outlets. */
export function bundledListedSites(): string[] {
  return listedSites(bundledPackData);
}

export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

type Json = Record<string, unknown>;

export function manifestFor(base: Json, { target, e2e, listed = bundledListedSites() }: VariantOptions): Json {
  const m = structuredClone(base) as Json & {
    permissions?: string[];
    host_permissions?: string[];
    content_scripts?: Array<{ matches: string[] }>;
  };
  // Matches alone, no host_permissions entry for them: both browsers treat a content script's
  // matches as host access the reader sees at install (Chrome as granted; Firefox as granted by
  // default since 127, revocable in about:addons), which is what the content script needs.
  for (const cs of m.content_scripts ?? []) cs.matches = [...matchPatternsFor(listed)];
  if (target === 'chrome') {
    delete m['browser_specific_settings'];
    delete m['sidebar_action'];
  } else {
    // Chrome's key; Firefox reads its own minimum from browser_specific_settings.gecko.
    delete m['minimum_chrome_version'];
    delete m['side_panel'];
    m.permissions = (m.permissions ?? []).filter((p) => p !== 'sidePanel');
    // Firefox cannot run a background service worker (the pref is locked off): the same module
    // runs as an event page.
    const bg = m['background'] as { service_worker?: string; type?: string } | undefined;
    if (bg?.service_worker) m['background'] = { scripts: [bg.service_worker], type: bg.type ?? 'module' };
  }
  if (e2e) {
    for (const cs of m.content_scripts ?? []) cs.matches = [...cs.matches, ...LOCAL_MATCHES];
    // Test builds get the local origins granted up front, as the curated news sites are.
    m.host_permissions = [...(m.host_permissions ?? []), ...LOCAL_MATCHES];
  }
  return m;
}

export interface WebAccessible {
  resources: string[];
  matches: string[];
  use_dynamic_url?: boolean;
}

/**
 * What web pages may load from the extension. The content script's second stage is imported by
 * URL from web pages, so it must be web accessible on every page the content script may run on
 * (the curated sites and any site the reader turns on later); it holds code only, no data about
 * the reader. In Chrome every such resource answers only at the per-session dynamic URL that
 * `runtime.getURL` gives the content script: at the static `chrome-extension://<id>/` address a
 * page could embed the sidebar or probe whether the extension is installed. Firefox has no such
 * switch and needs none: its `moz-extension://` address is a random id per install, which the
 * extension never discloses to a page.
 */
export function webAccessibleFor(
  target: Target,
  declared: WebAccessible[],
): WebAccessible[] {
  const all = [...declared, { resources: ['content/story-page.js'], matches: ['http://*/*', 'https://*/*'] }];
  return all.map(({ use_dynamic_url: _ignored, ...entry }) => (target === 'chrome' ? { ...entry, use_dynamic_url: true } : entry));
}
