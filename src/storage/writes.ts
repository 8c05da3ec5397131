// Read-write transactions that keep every context's search index current. A write that changed
// items stores a new items revision (see revision.ts), so other contexts know their index is
// stale; the writer's own index is patched in place rather than rebuilt.

import type { Table } from 'dexie';
import type { StoryContextDb } from './db';
import type { SavedItem } from './model';
import { catchUp, nextRevisionRow, revisionOf, META_ITEMS_REVISION } from './revision';
import { toItem } from './rows';
import { applyChanges, buildIndex, type SearchIndex } from './search';

/** The item rows a write put or deleted, recorded by the write's body. */
export interface Changes {
  upserts: Map<string, SavedItem>;
  deleted: Set<string>;
}

export function recordUpserts(changes: Changes, items: readonly SavedItem[]): void {
  for (const item of items) {
    changes.deleted.delete(item.id);
    changes.upserts.set(item.id, item);
  }
}

export function recordDeletes(changes: Changes, ids: readonly string[]): void {
  for (const id of ids) {
    changes.upserts.delete(id);
    changes.deleted.add(id);
  }
}

export interface Writes {
  /** One read-write transaction over these tables (and meta); the body records item changes. */
  write<T>(tables: Table[], body: (changes: Changes) => Promise<T>): Promise<T>;
  /** The search index as of the stored revision. */
  loadIndex(): Promise<SearchIndex>;
}

interface IndexCache {
  revision: string;
  index: SearchIndex;
}

// Keyed by database object so every repository over the same connection shares one index.
const indexCaches = new WeakMap<StoryContextDb, IndexCache>();

export function createWrites(db: StoryContextDb, newId: () => string): Writes {
  async function write<T>(tables: Table[], body: (changes: Changes) => Promise<T>): Promise<T> {
    const changes: Changes = { upserts: new Map(), deleted: new Set() };
    let before: string | undefined;
    let after: string | undefined;
    const result = await db.transaction('rw', [...tables, db.meta], async () => {
      const value = await body(changes);
      if (changes.upserts.size > 0 || changes.deleted.size > 0) {
        before = revisionOf(await db.meta.get(META_ITEMS_REVISION));
        after = newId();
        await db.meta.put(nextRevisionRow(before, after, [...changes.upserts.keys(), ...changes.deleted]));
      }
      return value;
    });
    if (after !== undefined) {
      const cache = indexCaches.get(db);
      if (cache && cache.revision === before) {
        applyChanges(cache.index, changes.upserts.values(), changes.deleted);
        cache.revision = after;
      } else {
        indexCaches.delete(db);
      }
    }
    return result;
  }

  /**
   * The cached index if current; patched with the rows of the last change if it is exactly one
   * revision behind (the usual case for a popup watching the background's writes); otherwise
   * rebuilt from every row.
   */
  async function loadIndex(): Promise<SearchIndex> {
    const loaded = await db.transaction('r', [db.items, db.meta], async () => {
      const meta = await db.meta.get(META_ITEMS_REVISION);
      const revision = revisionOf(meta);
      const cache = indexCaches.get(db);
      const plan = catchUp(cache?.revision ?? null, meta);
      if (cache && plan.kind === 'current') return { kind: 'current' as const, index: cache.index };
      if (cache && plan.kind === 'delta') {
        return { kind: 'delta' as const, cache, from: cache.revision, revision, ids: plan.ids, rows: await db.items.bulkGet(plan.ids) };
      }
      return { kind: 'full' as const, revision, rows: await db.items.toArray() };
    });
    if (loaded.kind === 'current') return loaded.index;
    if (loaded.kind === 'delta') {
      // A write in this context may have moved the cache on meanwhile; then start over.
      if (indexCaches.get(db) !== loaded.cache || loaded.cache.revision !== loaded.from) return loadIndex();
      const upserts = loaded.rows.flatMap((row) => (row ? [toItem(row)] : []));
      const deleted = loaded.ids.filter((_, n) => loaded.rows[n] === undefined);
      applyChanges(loaded.cache.index, upserts, deleted);
      loaded.cache.revision = loaded.revision;
      return loaded.cache.index;
    }
    const index = buildIndex(loaded.rows.map(toItem));
    indexCaches.set(db, { revision: loaded.revision, index });
    return index;
  }

  return { write, loadIndex };
}
