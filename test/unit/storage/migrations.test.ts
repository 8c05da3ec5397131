import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { StoryContextDb } from '../../../src/storage/db';
import { keyBase } from '../../../src/storage/key';
import type { SavedItem } from '../../../src/storage/model';
import { createRepository } from '../../../src/storage/repository';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/storage/schema-history';
import { dumpDb, loadDbFixture, seedAtVersion, uniqueName } from './helpers/db';

const opened: StoryContextDb[] = [];

async function upgradeFrom(version: number) {
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
