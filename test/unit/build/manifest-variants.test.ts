import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import base from '../../../manifest.json' with { type: 'json' };
import { manifestFor, LOCAL_MATCHES } from '../../../scripts/manifest-variants';
import { bundledPackData } from '../../../src/packs/bundled-data';
import curated from '../../../src/packs/data/curated-outlets.json' with { type: 'json' };
import { matchesPattern } from '../../../src/ui/popup/site-access';

type M = Record<string, unknown> & {
  permissions: string[];
  background: Record<string, unknown>;
  content_scripts: Array<{ matches: string[] }>;
  host_permissions?: string[];
  optional_host_permissions?: string[];
};
const variant = (target: 'chrome' | 'firefox', e2e = false) => manifestFor(base, { target, e2e }) as M;

describe('manifest variants', () => {
  it('gives Chrome a service worker and its side panel, and no Firefox keys', () => {
    const m = variant('chrome');
    expect(m.background['service_worker']).toBeTruthy();
    expect(m['side_panel']).toBeTruthy();
    expect(m.permissions).toContain('sidePanel');
    expect(m['browser_specific_settings']).toBeUndefined();
    expect(m['sidebar_action']).toBeUndefined();
  });

  it('gives Firefox an event page, its sidebar_action and a stable id with no data collection', () => {
    const m = variant('firefox');
    expect(m.background['scripts']).toEqual([base.background.service_worker]);
    expect(m.background['service_worker']).toBeUndefined();
    expect(m['sidebar_action']).toBeTruthy();
    expect(m['side_panel']).toBeUndefined();
    expect(m.permissions).not.toContain('sidePanel');
    const gecko = (m['browser_specific_settings'] as { gecko: { id: string; data_collection_permissions: unknown } }).gecko;
    expect(gecko.id).toMatch(/^\{.+\}$/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('gives Firefox a permanent id in UUID form, which the e2e harness installs under', () => {
    const gecko = (variant('firefox')['browser_specific_settings'] as { gecko: { id: string } }).gecko;
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$/);
    // The id becomes permanent at the first upload to addons.mozilla.org: never change it.
    expect(gecko.id).toBe('{75972c09-705f-468d-a213-3d28176e6430}');
    const harness = readFileSync('test/e2e/harness/browsers.ts', 'utf8');
    expect(harness).toContain(`export const GECKO_ID = '${gecko.id}';`);
  });

  it('sets the minimum browser versions on purpose, and claims no untested Android build', () => {
    const chrome = variant('chrome');
    const firefox = variant('firefox');
    // Chrome 130: use_dynamic_url takes effect (the trust model); the side panel needs 114.
    expect(chrome['minimum_chrome_version']).toBe('130');
    expect(firefox['minimum_chrome_version']).toBeUndefined();
    const settings = firefox['browser_specific_settings'] as Record<string, { strict_min_version?: string }>;
    // Firefox 140: data_collection_permissions (test/unit/build/min-versions.test.ts checks every API).
    expect(settings['gecko']!.strict_min_version).toBe('140.0');
    expect(settings['gecko_android']).toBeUndefined();
  });

  it('has a keyboard shortcut for the popup besides the sidebar toggle, in both browsers', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const commands = variant(target)['commands'] as Record<string, { suggested_key?: { default?: string } }>;
      const popup = commands['_execute_action']?.suggested_key?.default;
      const toggle = commands['toggle-sidebar']?.suggested_key?.default;
      expect(popup).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z0-9]$/);
      expect(toggle).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z0-9]$/);
      expect(popup).not.toBe(toggle);
    }
  });

  it('runs on local addresses only in the test build', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const prod = variant(target).content_scripts.flatMap((c) => c.matches);
      const e2e = variant(target, true).content_scripts.flatMap((c) => c.matches);
      for (const local of LOCAL_MATCHES) {
        expect(prod).not.toContain(local);
        expect(e2e).toContain(local);
      }
    }
  });

  it('asks for no host access to every site up front', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const m = variant(target);
      const required = [...(m.host_permissions ?? []), ...m.permissions];
      expect(required).not.toContain('<all_urls>');
      expect(required.some((p) => /^\*:\/\/\*\/|^https?:\/\/\*\//.test(p))).toBe(false);
      expect(m.content_scripts.flatMap((c) => c.matches).some((p) => p === '<all_urls>' || /^(\*|https?):\/\/\*\//.test(p))).toBe(false);
    }
  });
});

describe('listed sites in the manifest', () => {
  const patterns = (target: 'chrome' | 'firefox') => variant(target).content_scripts.flatMap((c) => c.matches);
  const covered = (target: 'chrome' | 'firefox', url: string) => patterns(target).some((p) => matchesPattern(p, url));

  it('covers every host a bundled pack names: coverage, first report, timeline sources, cautions', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      for (const pack of bundledPackData) {
        const urls = [
          pack.firstReport.url,
          ...pack.coverage.map((c) => c.url),
          ...pack.timeline.flatMap((t) => t.sources ?? []),
          ...pack.cautions.flatMap((c) => [...(c.urls ?? []), ...(c.domains ?? []).map((d) => `https://${d}/`)]),
        ].filter((u): u is string => typeof u === 'string' && /^https?:/.test(u));
        // A caution may name a bare IP address (a spam copy served without a name). It is not
        // a site a reader reaches by following news, and a match pattern cannot cover an
        // address's "subdomains", so it is deliberately left unlisted (sitesNamedBy).
        const named = urls.filter((u) => !/^[\d.]+$/.test(new URL(u).hostname));
        const missed = named.filter((u) => !covered(target, u));
        expect(missed, `${target}: ${pack.id}`).toEqual([]);
      }
    }
  });

  it('covers every curated outlet and its subdomains', () => {
    for (const o of curated.outlets) {
      expect(covered('chrome', `https://${o.host}/a`)).toBe(true);
      expect(covered('firefox', `https://news.${o.host}/a`)).toBe(true);
      expect(o.why.length).toBeGreaterThan(10);
    }
  });

  it('derives the matches from the packs, not from a list in manifest.json', () => {
    expect(base.content_scripts[0]!.matches).toEqual([]);
    const m = manifestFor(base, { target: 'chrome', e2e: false, listed: ['example.org'] }) as M;
    expect(m.content_scripts[0]!.matches).toEqual(['*://*.example.org/*']);
    // A page on a site nobody listed is not matched.
    expect(covered('chrome', 'https://unlisted-news.example/a')).toBe(false);
  });

  it('keeps the options page a top-level tab in both browsers', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      expect(variant(target)['options_ui']).toEqual({ page: 'options.html', open_in_tab: true });
    }
  });
});
