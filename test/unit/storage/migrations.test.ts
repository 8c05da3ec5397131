import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { StoryContextDb } from '../../../src/storage/db';
import { keyBase } from '../../../src/storage/key';
import type { TrashEntry } from '../../../src/storage/db';
import type { SavedItem, Visit } from '../../../src/storage/model';
import { createRepository } from '../../../src/storage/repository';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/storage/schema-history';
import { dumpDb, loadDbFixture, seedAtVersion, uniqueName } from './helpers/db';

const opened: StoryContextDb[] = [];

async function upgradeFrom(version: number | string) {
  const fixture = loadDbFixture(version);
  const name = uniqueName(`migrate-v${version}`);
  await seedAtVersion(name, fixture);
  const db = new StoryContextDb(name);
  opened.push(db);
  await db.open();
  return { fixture, db, dump: await dumpDb(db) };
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function primaryKeyOf(table: string, row: Record<string, unknown>): unknown {
  return table === 'settings' || table === 'meta' ? row.key : table === 'visits' ? row.url : row.id;
}

describe('schema history', () => {
  it('declares consecutive versions, each with a fixture of what it wrote', () => {
    expect(SCHEMA_VERSIONS.map((schema) => schema.version)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, n) => n + 1),
    );
    for (const schema of SCHEMA_VERSIONS) {
      expect(loadDbFixture(schema.version).version).toBe(schema.version);
    }
  });
});

describe.each(SCHEMA_VERSIONS.map((schema) => schema.version))('opening data written by schema v%i', (version) => {
  it('keeps every row of every table, with every field it had', async () => {
    const { fixture, db, dump } = await upgradeFrom(version);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const after = new Map((dump[table] as Array<Record<string, unknown>>).map((row) => [primaryKeyOf(table, row), row]));
      expect(after.size, `${table} row count`).toBe(rows.length);
      for (const row of rows) {
        const migrated = after.get(primaryKeyOf(table, row));
        expect(migrated, `${table} ${String(primaryKeyOf(table, row))}`).toBeDefined();
        expect(migrated).toMatchObject(row);
      }
    }
  });

  it('gives every item a unique dedupe key and the site of its URL', async () => {
    const { fixture, dump } = await upgradeFrom(version);
    const items = dump.items as SavedItem[];
    const keys = items.map((item) => item.key);
    expect(keys.every((key) => typeof key === 'string' && key.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [id, expected] of Object.entries(fixture.expected?.items ?? {})) {
      const item = items.find((candidate) => candidate.id === id)!;
      if (expected.site !== undefined) expect(item.site).toBe(expected.site);
      if (expected.duplicateOf !== undefined) {
        const original = items.find((candidate) => candidate.id === expected.duplicateOf)!;
        expect(item.key).toBe(`${original.key}#${id}`);
        expect(keyBase(item.key)).toBe(original.key);
      }
    }
  });

  it('is fully usable afterwards: search, save-merge, export', async () => {
    const { db, dump } = await upgradeFrom(version);
    const repo = createRepository(db);
    const items = dump.items as SavedItem[];
    expect(await repo.listItems()).toHaveLength(items.length);
    // Saving again something already saved merges into the oldest copy.
    const oldest = [...items].sort((a, b) => a.createdAt - b.createdAt)[0]!;
    const result = await repo.saveItem({
      kind: oldest.kind,
      url: oldest.url,
      ref: oldest.ref,
      quote: oldest.quote,
      tags: ['after-upgrade'],
    });
    expect(result.created).toBe(false);
    expect(result.item.id).toBe(oldest.id);
    expect(result.item.tags).toEqual([...oldest.tags, 'after-upgrade']);
    expect((await repo.exportAll()).items).toHaveLength(items.length);
  });
});

describe('v1 to v2 upgrade', () => {
  it('finds CJK and accented v1 notes through the new search', async () => {
    const { db } = await upgradeFrom(1);
    const repo = createRepository(db);
    expect((await repo.listItems({ text: 'reuters 的版本' })).map((item) => item.id)).toEqual([
      '0b7d5a3e-1f2c-4c8e-9a61-3d2f5e8b7c01',
    ]);
    expect((await repo.listItems({ text: 'osterreichische' })).map((item) => item.site)).toEqual(['oe24.at']);
    expect((await repo.listItems({ tag: 'deni' })).map((item) => item.site)).toEqual(['hurriyetdailynews.com']);
  });

  it('keeps settings readable and restores the legacy duplicate under its own key after delete and undo', async () => {
    const { db } = await upgradeFrom(1);
    const repo = createRepository(db);
    expect(await repo.getSettings()).toEqual({ sidebarMode: 'tab-only', disabledSites: ['example.org'] });
    const before = await dumpDb(db);
    const token = await repo.deleteItems(['6c1e9f20-8d4b-4a77-b0c3-5e9a2d7f4b02', '0b7d5a3e-1f2c-4c8e-9a61-3d2f5e8b7c01']);
    await repo.undoDelete(token);
    const after = await dumpDb(db);
    expect(after.items).toEqual(before.items);
  });

  it('fills the fields an early v1 row lacked without touching the ones it had', async () => {
    const name = uniqueName('migrate-partial');
    await seedAtVersion(name, {
      version: 1,
      description: 'a v1 row without publisher, quote, tags or ref',
      tables: {
        items: [
          {
            id: 'partial-row',
            kind: 'article',
            url: 'https://www.ettoday.net/news/20251115/3067837.htm',
            title: '(ETtoday) 阿里巴巴被指協助解放軍軍事行動',
            note: 'kept',
            storyId: null,
            createdAt: 1763193600000,
            updatedAt: 1763193600000,
          },
        ],
      },
    });
    const db = new StoryContextDb(name);
    opened.push(db);
    const [row] = (await dumpDb(db)).items as SavedItem[];
    expect(row).toMatchObject({ id: 'partial-row', note: 'kept', publisher: '', quote: '', tags: [], ref: '', site: 'ettoday.net' });
    expect(await createRepository(db).listItems({ text: '阿里巴巴' })).toHaveLength(1);
  });
});

describe('v3 to v4 upgrade: one URL identity', () => {
  const id = (n: number) => `00000000-0000-4000-8000-${100_000_000_000 + n}`;
  const ARTICLE = id(1);
  const AMP_COPIES = [id(3), id(5), id(9), id(11)];
  const AMP_HTML = id(7);
  const ORIGINAL = id(13);
  const FEED = id(16);
  const QUOTE_AMP = id(18);
  const QUOTE_PAGE = id(20);
  const MANY_TAGS = id(22);
  const MANY_TAGS_AMP = id(24);
  // Fixture time, so the deleted item is still within its undo window.
  const fixtureNow = () => Date.UTC(2025, 10, 20, 12, 0);

  async function upgraded() {
    const result = await upgradeFrom('v3-url-variants');
    const items = new Map((result.dump.items as SavedItem[]).map((item) => [item.id, item]));
    return { ...result, items };
  }

  it('merges the AMP copies of an article into the first one saved, keeping every note and tag', async () => {
    const { fixture, items } = await upgraded();
    // Four AMP copies and one quote merged; nothing else went.
    expect(items.size).toBe(fixture.tables.items!.length - 5);
    for (const copy of AMP_COPIES) expect(items.has(copy), copy).toBe(false);
    const article = items.get(ARTICLE)!;
    expect(article.key).toBe('article|https://example.com/news/a||');
    expect(article.url).toBe('https://www.example.com/news/a');
    for (const note of ['Compare with the wire copy', 'Read on the phone first', 'Via the AMP cache']) {
      expect(article.note.split(note).length - 1, note).toBe(1);
    }
    expect(article.tags).toEqual(expect.arrayContaining(['wire', 'memo', 'mobile', 'amp-subdomain', 'switch']));
    expect(article.tags.filter((tag) => tag.toLowerCase() === 'wire')).toHaveLength(1);
    // The AMP copy of a.html is a.html: a page of its own, its key recomputed.
    expect(items.get(AMP_HTML)!.key).toBe('article|https://example.com/news/a.html||');
  });

  it('keeps a feed link apart and what a click id already merged as it was', async () => {
    const { fixture, items } = await upgraded();
    const before = new Map((fixture.tables.items as unknown as SavedItem[]).map((item) => [item.id, item]));
    expect(items.get(ORIGINAL)).toEqual(before.get(ORIGINAL));
    expect(items.get(FEED)).toEqual(before.get(FEED));
    expect(items.get(FEED)!.key).toBe('article|https://example.com/a?source=rss||');
  });

  it('merges a quote saved under both addresses of its source', async () => {
    const { items } = await upgraded();
    expect(items.has(QUOTE_PAGE)).toBe(false);
    const quote = items.get(QUOTE_AMP)!;
    expect(quote.key.startsWith('quote|https://example.com/news/a|statement-alibaba|')).toBe(true);
    expect(quote.note).toBe('AMP source');
    expect(quote.tags).toEqual(['Alibaba', 'denial']);
  });

  it('keeps both rows, the later as a legacy duplicate, when merging would cut tags', async () => {
    const { fixture, items } = await upgraded();
    const before = new Map((fixture.tables.items as unknown as SavedItem[]).map((item) => [item.id, item]));
    expect(items.get(MANY_TAGS)).toEqual(before.get(MANY_TAGS));
    expect(items.get(MANY_TAGS_AMP)).toEqual({ ...before.get(MANY_TAGS_AMP), key: `article|https://example.com/news/b||#${MANY_TAGS_AMP}` });
    expect(keyBase(items.get(MANY_TAGS_AMP)!.key)).toBe(items.get(MANY_TAGS)!.key);
  });

  it('adds up the opens of one page and keeps the feed link apart', async () => {
    const { dump } = await upgraded();
    const visits = dump.visits as Visit[];
    expect(visits.map((visit) => visit.url).sort()).toEqual(['https://example.com/a?source=rss', 'https://example.com/news/a']);
    expect(visits.find((visit) => visit.url === 'https://example.com/news/a')).toMatchObject({ count: 4, firstAt: Date.UTC(2025, 10, 20, 8, 16) });
  });

  it('tells readers their index is stale, and leaves a usable store: search, re-save, undo', async () => {
    const { fixture, db, dump } = await upgraded();
    expect((dump.meta as Array<{ key: string; value: string }>)[0]!.value).not.toBe((fixture.tables.meta![0] as { value: string }).value);
    const repo = createRepository(db, { now: fixtureNow });
    expect(await repo.listItems({ text: 'Via the AMP cache' })).toHaveLength(1);
    expect((await repo.saveItem({ kind: 'article', url: 'https://www.example.com/amp/news/a/?amp=1&utm_source=x' })).item.id).toBe(ARTICLE);

    // The deleted AMP copy comes back under the current rules' key, so a save of the page finds it.
    const [entry] = dump.trash as TrashEntry[];
    expect(entry!.items[0]!.key).toBe('article|https://example.com/news/c||');
    expect(await repo.undoDelete({ id: entry!.id, count: 1, expiresAt: entry!.expiresAt })).toBe(1);
    const resaved = await repo.saveItem({ kind: 'article', url: 'https://www.example.com/news/c' });
    expect(resaved.created).toBe(false);
    expect(resaved.item.note).toBe('Deleted, then wanted back');
    expect(await repo.listItems()).toHaveLength(dump.items!.length + 1);
  });
});
