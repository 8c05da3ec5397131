// The operations the background calls. Each write is one IndexedDB transaction, so a service
// worker stopped mid-call leaves either the old state or the new one, never half of each.
// Every input is validated, even from trusted callers: a bug upstream must not be able to
// store something the export could not read back. Saved items, their trash and visits are
// here; settings (settings-store.ts) and bulk import (bulk-import.ts) are their own modules,
// sharing this one's transactions (writes.ts).

import { createBulkImport, type ImportDataFn } from './bulk-import';
import type { StoryContextDb } from './db';
import { StorageError } from './errors';
import { duplicateKey, itemKey, keyBase } from './key';
import { sameItem } from './merge';
import { LIMITS, type ItemPatch, type ItemQuery, type SavedItem, type SavedItemInput, type StorageSnapshot, type UndoToken, type Visit } from './model';
import { byLastAtDesc, guard, parse, rowsWithKeys, toItem, toVisit } from './rows';
import { ItemIdSchema, ItemIdsSchema, ItemPatchSchema, ItemQuerySchema, SavedItemInputSchema, UndoTokenSchema, VisitInputSchema } from './schemas';
import { searchIndex } from './search';
import { createSettingsStore, readSettings, type SettingsStore } from './settings-store';
import { unionTags } from './text';
import { normaliseUrl, siteOf } from './url';
import { createWrites, recordDeletes, recordUpserts } from './writes';

export interface SaveResult {
  item: SavedItem;
  /** false when the item was already saved and this save merged into it. */
  created: boolean;
}

export interface RepositoryOptions {
  /** Clock, for tests. */
  now?: () => number;
  /** Id source, for tests. */
  newId?: () => string;
}

export interface Repository extends SettingsStore {
  /** Saves, or merges into the item with the same dedupe key (new non-empty note replaces, tags are added). */
  saveItem(input: SavedItemInput): Promise<SaveResult>;
  /** Replaces note and/or tags. Throws StorageError 'not-found' if the item is gone. */
  updateItem(id: string, patch: ItemPatch): Promise<SavedItem>;
  /** Moves the items to the trash; ids that do not exist are ignored. */
  deleteItems(ids: readonly string[]): Promise<UndoToken>;
  /** Puts back exactly what deleteItems removed; returns how many items. 'not-found' once expired. */
  undoDelete(token: UndoToken): Promise<number>;
  /** Every match, sorted. The returned items are frozen: they are shared with the search index. */
  listItems(query?: ItemQuery): Promise<SavedItem[]>;
  recordVisit(url: string, storyId: string | null): Promise<Visit>;
  /** Most recent first; all visits when storyId is omitted. */
  listVisits(storyId?: string): Promise<Visit[]>;
  clearVisits(): Promise<void>;
  /** A consistent snapshot of items (oldest first), visits and settings. */
  exportAll(): Promise<StorageSnapshot>;
  /** Merges a parsed export (see bulk-import.ts); a refused one throws StorageError 'invalid'. */
  importData: ImportDataFn;
  /** Drops trash older than the undo window; returns how many deletions were purged. */
  purgeExpiredTrash(): Promise<number>;
}

export function createRepository(db: StoryContextDb, options: RepositoryOptions = {}): Repository {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const writes = createWrites(db, newId);
  const { write, loadIndex } = writes;

  function later(previous: number): number {
    // Strictly after the last change, so a merge by "newest wins" prefers this edit even if
    // the clock went backwards.
    return Math.max(now(), previous + 1);
  }

  async function purgeTrash(at: number): Promise<number> {
    return db.trash.where('deletedAt').below(at - LIMITS.trashTtlMs).delete();
  }

  const repository: Repository = {
    ...createSettingsStore(db, writes),
    importData: createBulkImport(db, writes, newId),

    saveItem: (input) =>
      guard(async () => {
        const data = parse(SavedItemInputSchema, input);
        const key = itemKey(data);
        return write([db.items], async (changes) => {
          const existing = await db.items.where('key').equals(key).first();
          if (existing) {
            const { tags, truncated } = unionTags(existing.tags, data.tags, LIMITS.tagCount);
            if (truncated) {
              throw new StorageError(
                'invalid',
                `tags: this item already has ${existing.tags.length} tags; together they would be more than ${LIMITS.tagCount}`,
              );
            }
            const merged: SavedItem = {
              ...toItem(existing),
              note: data.note !== '' ? data.note : existing.note,
              tags,
              title: existing.title || data.title,
              publisher: existing.publisher || data.publisher,
              storyId: existing.storyId ?? data.storyId,
            };
            if (sameItem(merged, toItem(existing))) return { item: toItem(existing), created: false };
            merged.updatedAt = later(existing.updatedAt);
            await db.items.put(merged);
            recordUpserts(changes, [merged]);
            return { item: merged, created: false };
          }
          const at = now();
          const item: SavedItem = {
            id: newId(),
            kind: data.kind,
            url: data.url,
            title: data.title,
            publisher: data.publisher,
            quote: data.quote,
            note: data.note,
            tags: data.tags,
            storyId: data.storyId,
            site: siteOf(data.url),
            ref: data.ref,
            key,
            createdAt: at,
            updatedAt: at,
          };
          await db.items.add(item);
          recordUpserts(changes, [item]);
          return { item, created: true };
        });
      }),

    updateItem: (id, patch) =>
      guard(async () => {
        const itemId = parse(ItemIdSchema, id, 'id');
        const changes = parse(ItemPatchSchema, patch);
        return write([db.items], async (recorded) => {
          const existing = await db.items.get(itemId);
          if (!existing) throw new StorageError('not-found', 'This item no longer exists; it may have been deleted.');
          const updated: SavedItem = {
            ...toItem(existing),
            ...(changes.note !== undefined ? { note: changes.note } : {}),
            ...(changes.tags !== undefined ? { tags: changes.tags } : {}),
          };
          if (sameItem(updated, toItem(existing))) return toItem(existing);
          updated.updatedAt = later(existing.updatedAt);
          await db.items.put(updated);
          recordUpserts(recorded, [updated]);
          return updated;
        });
      }),

    deleteItems: (ids) =>
      guard(async () => {
        const wanted = [...new Set(parse(ItemIdsSchema, ids, 'ids'))];
        return write([db.items, db.trash], async (changes) => {
          const at = now();
          const rows = (await db.items.bulkGet(wanted)).filter((row): row is SavedItem => row !== undefined);
          const token: UndoToken = { id: newId(), count: rows.length, expiresAt: at + LIMITS.trashTtlMs };
          await purgeTrash(at);
          await db.trash.add({ id: token.id, deletedAt: at, expiresAt: token.expiresAt, items: rows.map(toItem) });
          await db.items.bulkDelete(rows.map((row) => row.id));
          recordDeletes(changes, rows.map((row) => row.id));
          return token;
        });
      }),

    undoDelete: (token) =>
      guard(async () => {
        const { id } = parse(UndoTokenSchema, token, 'token');
        const restoredCount = await write([db.items, db.trash], async (changes) => {
          const at = now();
          const entry = await db.trash.get(id);
          if (!entry || entry.expiresAt < at) {
            // Reported after the transaction: throwing here would roll the purge back.
            await purgeTrash(at);
            return null;
          }
          const live = await db.items.bulkGet(entry.items.map((item) => item.id));
          const keysInUse = new Map(
            (await rowsWithKeys(db, entry.items.map((item) => item.key))).map((row) => [row.key, row.id]),
          );
          const restored: SavedItem[] = [];
          entry.items.forEach((item, n) => {
            const current = live[n];
            // Re-imported since the delete: keep whichever copy was edited last.
            if (current && current.updatedAt >= item.updatedAt) return;
            const holder = keysInUse.get(item.key);
            const key = holder !== undefined && holder !== item.id ? duplicateKey(keyBase(item.key), item.id) : item.key;
            keysInUse.set(key, item.id);
            restored.push({ ...item, key });
          });
          await db.items.bulkPut(restored);
          await db.trash.delete(id);
          recordUpserts(changes, restored);
          return restored.length;
        });
        if (restoredCount === null) throw new StorageError('not-found', 'This deletion can no longer be undone.');
        return restoredCount;
      }),

    listItems: (query = {}) =>
      guard(async () => {
        const checked = parse(ItemQuerySchema, query, 'query');
        return searchIndex(await loadIndex(), checked);
      }),

    recordVisit: (url, storyId) =>
      guard(async () => {
        const checked = parse(VisitInputSchema, { url, storyId });
        const story = checked.storyId;
        const normalised = normaliseUrl(checked.url) ?? checked.url;
        return write([db.visits], async () => {
          const at = now();
          const existing = await db.visits.get(normalised);
          const visit: Visit = existing
            ? {
                url: normalised,
                storyId: story ?? existing.storyId,
                firstAt: existing.firstAt,
                lastAt: Math.max(at, existing.lastAt),
                count: Math.min(existing.count + 1, 1e9),
              }
            : { url: normalised, storyId: story, firstAt: at, lastAt: at, count: 1 };
          await db.visits.put(visit);
          return visit;
        });
      }),

    listVisits: (storyId) =>
      guard(async () => {
        let rows: Visit[];
        if (storyId === undefined) rows = await db.visits.toArray();
        else {
          const story = parse(ItemQuerySchema, { storyId }, 'query').storyId;
          if (typeof story !== 'string') throw new StorageError('invalid', 'storyId: must be a story id');
          rows = await db.visits.where('storyId').equals(story).toArray();
        }
        return rows.map(toVisit).sort(byLastAtDesc);
      }),

    clearVisits: () => guard(() => write([db.visits], () => db.visits.clear())),

    exportAll: () =>
      guard(() =>
        db.transaction('r', [db.items, db.visits, db.settings], async () => {
          const items = (await db.items.orderBy('createdAt').toArray()).map(toItem);
          const visits = (await db.visits.toArray()).map(toVisit).sort(byLastAtDesc);
          return { items, visits, settings: await readSettings(db) };
        }),
      ),

    purgeExpiredTrash: () => guard(() => write([db.trash], () => purgeTrash(now()))),
  };

  return repository;
}
