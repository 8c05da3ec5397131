// The store paperwork stays true to the manifests: every permission and host pattern of either
// built variant has a justification in STORE-LISTING.md, and nothing is justified that the
// manifests no longer ask for. The privacy policy and the licence exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import base from '../../../manifest.json' with { type: 'json' };
import pkg from '../../../package.json' with { type: 'json' };
import { manifestFor, type Target } from '../../../scripts/manifest-variants';
import { hostTable, HOSTS_END, HOSTS_START, LISTING_FILE, withHostTable } from '../../../scripts/store-listing';

interface Built {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  web_accessible_resources?: Array<{ matches: string[] }>;
}

const TARGETS: Target[] = ['chrome', 'firefox'];
const built = (target: Target) => manifestFor(base, { target, e2e: false }) as Built;
const doc = readFileSync(LISTING_FILE, 'utf8');

/** The text of the `## heading` section (up to the next `## `). */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${LISTING_FILE} has no "## ${heading}" section`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** Rows `| \`key\` | … | justification |` of a section's tables: key → justification. */
function justified(heading: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of section(heading).split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = m[2]!.split(/(?<!\\)\|/).map((c) => c.trim());
    rows.set(m[1]!, cells[cells.length - 1] ?? '');
  }
  return rows;
}

function union(pick: (m: Built) => string[] | undefined): string[] {
  return [...new Set(TARGETS.flatMap((t) => pick(built(t)) ?? []))].sort();
}

function expectJustified(heading: string, wanted: string[]): void {
  const rows = justified(heading);
  const missing = wanted.filter((k) => (rows.get(k) ?? '').length < 20);
  expect(missing, `no justification under "## ${heading}" in ${LISTING_FILE}`).toEqual([]);
  const stale = [...rows.keys()].filter((k) => !wanted.includes(k));
  expect(stale, `justified under "## ${heading}" but in neither manifest`).toEqual([]);
}

describe('STORE-LISTING.md justifies what the manifests ask for', () => {
  it('every permission and optional permission of either browser', () => {
    expectJustified('Permissions', union((m) => [...(m.permissions ?? []), ...(m.optional_permissions ?? [])]));
  });

  it('every host pattern: required, optional, web-accessible and content-script matches', () => {
    // Host access is the content script's matches; a required host_permissions entry would
    // need its own section first.
    expect(union((m) => m.host_permissions)).toEqual([]);
    expectJustified('Optional host permissions', union((m) => m.optional_host_permissions));
    expectJustified('Web-accessible resources', union((m) => m.web_accessible_resources?.flatMap((w) => w.matches)));
    expectJustified('Listed sites (content-script matches)', union((m) => m.content_scripts?.flatMap((c) => c.matches)));
  });

  it('the listed-sites table is generated (npm run store-listing), with a reason for every site', () => {
    expect(doc).toContain(HOSTS_START);
    expect(doc).toContain(HOSTS_END);
    expect(hostTable()).not.toContain('NO REASON FOUND');
    // The reasons quote the packs; a changed publisher name is not a missing justification, so
    // only the patterns are held to the manifests (above), not the wording.
    expect(withHostTable(doc)).toContain(HOSTS_END);
  });
});

describe('the listing texts', () => {
  const locales = readdirSync('public/_locales').sort();
  const listed = (locale: string) => section('Listing texts').includes(`\n### ${locale}\n`);

  it('covers English and the translations the listing was written in', () => {
    for (const locale of ['en', 'ru', 'zh_CN']) expect(listed(locale), locale).toBe(true);
  });

  for (const locale of locales) {
    const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    it(`${locale}: the short description fits the Chrome Web Store (132 characters)`, () => {
      expect([...messages['extDescription']!.message].length).toBeLessThanOrEqual(132);
    });
    it(`${locale}: has its listing text under "### ${locale}", its summary the manifest's description`, () => {
      expect(listed(locale), `write its listing text under "### ${locale}" in ${LISTING_FILE}`).toBe(true);
      const text = section('Listing texts').split(`\n### ${locale}\n`)[1]!.split('\n### ')[0]!;
      const summary = /\*\*Summary:\*\*([\s\S]*?)\n\n/.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
      const flat = (s: string) => s.replace(/\s+/g, '');
      expect(flat(summary ?? '')).toBe(flat(messages['extDescription']!.message));
    });
  }
});

describe('the other paperwork', () => {
  it('has a privacy policy that says what is read, where it stays, what leaves and how to delete it', () => {
    expect(existsSync('PRIVACY.md')).toBe(true);
    const privacy = readFileSync('PRIVACY.md', 'utf8');
    for (const heading of ['## What it reads', '## Where it stays', '## What leaves your browser', '## How to delete everything']) {
      expect(privacy).toContain(heading);
    }
    expect(doc).toContain('PRIVACY.md');
  });

  it('has the MIT licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The Story Context authors\n/);
  });

  it('has a changelog with an entry for the manifest version', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog).toContain('## [Unreleased]');
    expect(changelog).toMatch(new RegExp(`\\n## \\[${base.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}\\n`));
  });
});
