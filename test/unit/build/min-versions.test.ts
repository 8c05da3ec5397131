// The oldest browsers the manifests admit must have every extension API the code calls and
// every manifest key it relies on. Checked against MDN's browser-compat-data: each API named in
// src/ (browser.*, chrome.*, the content script's ext().*) is looked up, and its first version
// in Chrome and Firefox must not be newer than minimum_chrome_version and strict_min_version.
// The build targets in the Vite configs are the same versions, so no syntax newer than the
// oldest admitted browser is emitted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import base from '../../../manifest.json' with { type: 'json' };

interface Support {
  version_added: string | boolean | null;
  version_removed?: string;
}
interface Compat {
  __compat?: { support: Record<string, Support | Support[]> };
  [key: string]: unknown;
}

const CHROME_MIN = Number(base.minimum_chrome_version);
const FIREFOX_MIN = Number.parseFloat(base.browser_specific_settings.gecko.strict_min_version);

function node(path: string): Compat | undefined {
  let o: unknown = bcd.webextensions;
  for (const k of path.split('.')) o = (o as Record<string, unknown> | undefined)?.[k];
  return o as Compat | undefined;
}

/** The first version of `browser` with the feature at `path`, still current; null when it has none. */
function since(path: string, browser: 'chrome' | 'firefox'): number | null {
  const support = node(path)?.__compat?.support[browser];
  if (!support) throw new Error(`browser-compat-data has no ${browser} entry for ${path}`);
  const current = (Array.isArray(support) ? support : [support]).find((s) => !s.version_removed);
  const added = current?.version_added;
  return typeof added === 'string' ? Number.parseFloat(added.replace(/^≤/, '')) : null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every `namespace.member` of the extension API that src/ reaches, as api.<namespace>.<member>. */
function apisUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:browser|chrome|ext\(\))\.([a-z][A-Za-z0-9]*)\.([A-Za-z]+)\b/g)) used.add(`api.${m[1]}.${m[2]}`);
    // Reached through a cast because the polyfill's types lack them (src/ui/popup/side-panel.ts).
    if (/sidePanel\?: Partial</.test(text)) used.add('api.sidePanel.open');
    if (/sidebarAction\?: Partial</.test(text)) used.add('api.sidebarAction.open');
  }
  return used;
}

/** Used in one browser only, behind a feature test or a variant-specific manifest key. */
const ONLY: Record<string, 'chrome' | 'firefox'> = {
  'api.sidePanel.open': 'chrome',
  'api.sidebarAction.open': 'firefox',
};

/** Manifest keys the extension depends on (not only declares), with the browsers that read them. */
const MANIFEST_KEYS: Array<[string, Array<'chrome' | 'firefox'>]> = [
  ['manifest.action', ['chrome', 'firefox']],
  ['manifest.commands._execute_action', ['chrome', 'firefox']],
  ['manifest.optional_host_permissions', ['chrome', 'firefox']],
  ['manifest.options_ui.open_in_tab', ['chrome', 'firefox']],
  ['manifest.web_accessible_resources', ['chrome', 'firefox']],
  // The trust promise: the static chrome-extension:// address answers nothing. Before Chrome
  // 130 the key was accepted and had no effect.
  ['manifest.web_accessible_resources.use_dynamic_url', ['chrome']],
  ['manifest.side_panel', ['chrome']],
  ['manifest.background.type', ['chrome', 'firefox']],
  ['manifest.sidebar_action.open_at_install', ['firefox']],
  ['manifest.browser_specific_settings.gecko.data_collection_permissions', ['firefox']],
  ['api.scripting.RegisteredContentScript.persistAcrossSessions', ['chrome', 'firefox']],
];

function tooNew(path: string, browsers: Array<'chrome' | 'firefox'>): string[] {
  return browsers.flatMap((b) => {
    const v = since(path, b);
    const min = b === 'chrome' ? CHROME_MIN : FIREFOX_MIN;
    return v === null || v > min ? [`${path}: ${b} ${v ?? 'never'} > ${min}`] : [];
  });
}

describe('minimum browser versions', () => {
  it('declares a Chrome and a Firefox minimum', () => {
    expect(CHROME_MIN).toBeGreaterThanOrEqual(114); // the side panel
    expect(FIREFOX_MIN).toBeGreaterThanOrEqual(140); // data_collection_permissions
  });

  it('finds the APIs src/ calls (the scan itself works)', () => {
    const used = apisUsed();
    for (const api of ['api.runtime.onMessage', 'api.i18n.getMessage', 'api.scripting.registerContentScripts', 'api.storage.session', 'api.action.setBadgeText', 'api.sidePanel.open']) {
      expect(used).toContain(api);
    }
  });

  it('every API src/ calls exists in the oldest admitted Chrome and Firefox', () => {
    const problems = [...apisUsed()].sort().flatMap((api) => {
      if (!node(api)?.__compat) return [`${api}: not in browser-compat-data (a typo, or name it here)`];
      const only = ONLY[api];
      return tooNew(api, only ? [only] : ['chrome', 'firefox']);
    });
    expect(problems).toEqual([]);
  });

  it('every manifest key the extension relies on exists in the oldest admitted browsers', () => {
    expect(MANIFEST_KEYS.flatMap(([path, browsers]) => tooNew(path, browsers))).toEqual([]);
  });

  it('builds for exactly the oldest admitted browsers', () => {
    for (const config of ['vite.config.ts', 'vite.story-page.config.ts']) {
      const text = readFileSync(config, 'utf8');
      expect(text, config).toContain(`target: ['chrome${CHROME_MIN}', 'firefox${FIREFOX_MIN}']`);
    }
  });
});
