import { describe, expect, it } from 'vitest';
import { parseImport, settingsChanges } from '../../../src/formats/import-json';
import { LIMITS, type Settings } from '../../../src/storage/model';
import { MALFORMED, validDoc } from './malformed-exports';

describe('parseImport refuses malformed exports with a located reason', () => {
  it('has at least 50 cases', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(50);
  });

  it.each(MALFORMED.map((c) => [c.name, c] as const))('%s', (_name, malformed) => {
    const result = parseImport(malformed.text());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^This file was not imported and nothing was changed\. Problems?: /);
    expect(result.error).toMatch(malformed.message);
    expect(result.problems.length).toBeGreaterThan(0);
    // Huge inputs must not be echoed back into the message.
    expect(result.error.length).toBeLessThan(2000);
  });
});

describe('parseImport accepts valid exports', () => {
  it('returns normalised, typed data', () => {
    const result = parseImport(JSON.stringify(validDoc()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.exportedAt).toBe('2025-11-16T09:30:00.000Z');
    expect(result.data.items).toHaveLength(2);
    expect(result.data.items[0]).toMatchObject({
      id: 'item-0',
      site: 'hurriyetdailynews.com',
      storyId: 'alibaba-pla-memo',
      tags: ['AFP'],
    });
    expect(result.data.items[0]!.key).toMatch(/^article\|https:\/\/hurriyetdailynews\.com\//);
    expect(result.data.visits).toEqual([
      {
        url: 'https://ettoday.net/news/20251115/3067837.htm',
        storyId: 'alibaba-pla-memo',
        firstAt: 1763193600000,
        lastAt: 1763287500000,
        count: 3,
      },
    ]);
    expect(result.data.settings).toEqual({ sidebarMode: 'first-open', disabledSites: ['example.org'] });
  });

  it('accepts a byte order mark, missing optional sections and optional item fields', () => {
    const minimal = {
      format: 'story-context-export',
      version: 1,
      items: [{ id: 'a', kind: 'claim', url: 'https://ttmnote.com/news/2583689840', createdAt: 1, updatedAt: 2 }],
    };
    const result = parseImport(`\ufeff${JSON.stringify(minimal)}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.items[0]).toMatchObject({ title: '', note: '', quote: '', tags: [], storyId: null, ref: '' });
    expect(result.data.visits).toEqual([]);
    expect(result.data.settings).toEqual({});
    expect(result.exportedAt).toBeNull();
  });

  it('does not count brackets inside strings as nesting', () => {
    const doc = validDoc(1);
    (doc.items as Array<Record<string, unknown>>)[0]!.note = `${'['.repeat(100)} "quoted \\" [[[ ${'{'.repeat(50)}`;
    expect(parseImport(JSON.stringify(doc)).ok).toBe(true);
  });

  it('keeps a legacy duplicate suffix and replaces a key made by other rules', () => {
    const doc = validDoc(2);
    const items = doc.items as Array<Record<string, unknown>>;
    const first = parseImport(JSON.stringify(validDoc(1)));
    if (!first.ok) throw new Error(first.error);
    const computed = first.data.items[0]!.key;
    items[0]!.key = `${computed}#legacy-copy`;
    items[1]!.key = 'article|some-older-rule';
    const result = parseImport(JSON.stringify(doc));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.items[0]!.key).toBe(`${computed}#legacy-copy`);
    expect(result.data.items[1]!.key).not.toBe('article|some-older-rule');
    expect(result.data.items[1]!.key).toMatch(/^article\|https:\/\//);
  });

  it('parses 100,000 items, the cap', () => {
    const doc = validDoc(0);
    doc.items = Array.from({ length: 100_000 }, (_, n) => ({
      id: `i${n}`,
      kind: 'article',
      url: `https://example.com/${n}`,
      createdAt: n,
      updatedAt: n,
    }));
    const result = parseImport(JSON.stringify(doc));
    expect(result.ok && result.data.items.length).toBe(100_000);
  });
});

describe('settingsChanges says what applying a file’s settings would change', () => {
  const current: Settings = { sidebarMode: 'first-open', disabledSites: ['example.org'] };

  it('finds nothing when the file holds no settings, or only what is already set', () => {
    expect(settingsChanges(current, {})).toBeNull();
    expect(settingsChanges(current, { sidebarMode: 'first-open' })).toBeNull();
    expect(settingsChanges(current, { disabledSites: [] })).toBeNull();
    expect(settingsChanges(current, { sidebarMode: 'first-open', disabledSites: ['example.org'] })).toBeNull();
  });

  it('names each site that would be turned off, once, in the file’s order, leaving out those already off', () => {
    expect(settingsChanges(current, { disabledSites: ['c.example', 'example.org', 'a.example', 'c.example'] })).toEqual({
      sidebarMode: null,
      sitesOff: ['c.example', 'a.example'],
    });
  });

  it('says when the sidebar would open differently, from what to what', () => {
    expect(settingsChanges(current, { sidebarMode: 'tab-only' })).toEqual({ sidebarMode: { from: 'first-open', to: 'tab-only' }, sitesOff: [] });
  });

  it('reports the change a parsed file brings, as the repository would apply it', () => {
    const parsed = parseImport(JSON.stringify({ ...validDoc(1), settings: { sidebarMode: 'always-open', disabledSites: ['WWW.News.Example', 'example.org'] } }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(settingsChanges(current, parsed.data.settings)).toEqual({ sidebarMode: { from: 'first-open', to: 'always-open' }, sitesOff: ['news.example'] });
  });

  it('leaves out sites beyond the cap, which an import would not store either', () => {
    const full: Settings = { sidebarMode: 'first-open', disabledSites: Array.from({ length: LIMITS.disabledSites - 1 }, (_, n) => `s${n}.example`) };
    expect(settingsChanges(full, { disabledSites: ['one.example', 'two.example'] })).toEqual({ sidebarMode: null, sitesOff: ['one.example'] });
  });
});
