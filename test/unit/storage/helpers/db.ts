import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StoryContextDb } from '../../../../src/storage/db';
import { importFile } from '../../../../src/background/import-file';
import type { SavedItem } from '../../../../src/storage/model';
import type { ImportSettingsChoice } from '../../../../src/storage/payload';
import { createRepository, type Repository } from '../../../../src/storage/repository';
import { toItem } from '../../../../src/storage/rows';

export function uniqueName(prefix = 'test'): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** Every row of every table, sorted by primary key: "nothing changed" means these are deep-equal. */
export async function dumpDb(db: Dexie): Promise<Record<string, unknown[]>> {
  if (!db.isOpen()) await db.open();
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.bulkGet(keys);
    dump[table.name] = rows;
  }
  return dump;
}

export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
  set: (ms: number) => void;
}

export function testClock(start = Date.UTC(2025, 10, 16, 9, 30)): TestClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (ms) => {
      t = ms;
    },
  };
}

export interface TestStore {
  db: StoryContextDb;
  repo: Repository;
  clock: TestClock;
  name: string;
}

/** A fresh, empty database with a repository on a controllable clock. */
export function freshStore(options: { clock?: TestClock } = {}): TestStore {
  const name = uniqueName();
  const db = new StoryContextDb(name);
  const clock = options.clock ?? testClock();
  return { db, repo: createRepository(db, { now: clock.now }), clock, name };
}

/** An export's text imported the way the background does it: parsed, then handed to importData. */
export function importJson(repo: Repository, text: string, settings: ImportSettingsChoice) {
  return importFile(repo, text, settings);
}

/** The stored item with this id, as the repository would return it. */
export async function getItem(db: StoryContextDb, id: string): Promise<SavedItem | undefined> {
  const row = await db.items.get(id);
  return row ? toItem(row) : undefined;
}

export async function destroy(store: { db: Dexie }): Promise<void> {
  store.db.close();
  await Dexie.delete(store.db.name);
}

export interface DbFixture {
  version: number;
  description: string;
  tables: Record<string, Array<Record<string, unknown>>>;
  expected?: {
    items?: Record<string, { site?: string; duplicateOf?: string }>;
  };
}

/** A schema version's fixture, or a named one ("v3-url-variants"). */
export function loadDbFixture(version: number | string): DbFixture {
  const file = typeof version === 'number' ? `v${version}` : version;
  const path = fileURLToPath(new URL(`../../../fixtures/db/${file}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as DbFixture;
}

/** Writes the fixture's rows exactly as they are, into a database declared only up to its version. */
export async function seedAtVersion(name: string, fixture: DbFixture): Promise<void> {
  const old = new StoryContextDb(name, { upToVersion: fixture.version });
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) {
      await old.table(table).bulkAdd(rows);
    }
  });
  old.close();
}

/** Makes one method of a table fail from now on (as a full disk would); returns the undo. */
export function failing(table: object, method: string, error: () => unknown): () => void {
  const record = table as Record<string, unknown>;
  record[method] = () => Promise.reject(error());
  return () => {
    delete record[method];
  };
}
