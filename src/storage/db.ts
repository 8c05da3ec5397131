// The one database of the extension origin. Only the background writes to it (through
// repository.ts); extension pages may read it, e.g. the popup through liveQuery.

import Dexie, { type Table } from 'dexie';
import type { InstalledPack, SavedItem, Visit } from './model';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-history';

export const DB_NAME = 'story-context';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One deleteItems call: what it removed, kept until undone or expired. */
export interface TrashEntry {
  id: string;
  deletedAt: number;
  expiresAt: number;
  items: SavedItem[];
}

export interface MetaRow {
  key: string;
  value: string;
  /** For the items revision: the revision this one replaced, and the item ids the change touched
   * (absent when too many), so a reader holding the previous revision can catch up cheaply. */
  previous?: string;
  changed?: string[];
}

export interface StoryContextDbOptions {
  /**
   * Declare the schema only up to this version. For migration tests, which must write data
   * exactly as an older release did; the extension itself always opens the current version.
   */
  upToVersion?: number;
}

export class StoryContextDb extends Dexie {
  items!: Table<SavedItem, string>;
  visits!: Table<Visit, string>;
  settings!: Table<SettingRow, string>;
  packs!: Table<InstalledPack, string>;
  trash!: Table<TrashEntry, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DB_NAME, options: StoryContextDbOptions = {}) {
    // Saved items are few and precious: have Chrome flush each write to disk before reporting
    // success, so a crash right after "Saved" cannot lose it.
    super(name, { chromeTransactionDurability: 'strict' });
    const upTo = options.upToVersion ?? CURRENT_SCHEMA_VERSION;
    for (const schema of SCHEMA_VERSIONS) {
      if (schema.version > upTo) break;
      const declared = this.version(schema.version).stores({ ...schema.stores });
      if (schema.upgrade) declared.upgrade(schema.upgrade);
    }
  }
}

/** The extension's database (or a named one, for tests). Opens lazily on first use. */
export function openDb(name: string = DB_NAME): StoryContextDb {
  return new StoryContextDb(name);
}
