// The operations the background calls. Each write is one IndexedDB transaction, so a service
// worker stopped mid-call leaves either the old state or the new one, never half of each.
// Every input is validated, even from trusted callers: a bug upstream must not be able to
// store something the export could not read back.

import type { Table } from 'dexie';
import type * as v from 'valibot';
import { IMPORT_SETTINGS_CHOICES, type ImportSettingsChoice, parseImport } from '../formats/import-json';
import type { StoryContextDb } from './db';
import { StorageError, toStorageError } from './errors';
import { duplicateKey, itemKey, keyBase } from './key';
import { mergeItems, mergeSettings, mergeVisits, mergeWithinFile, sameItem, sameVisit } from './merge';
import {
  DEFAULT_SETTINGS,
  LIMITS,
  type ImportData,
  type ImportSummary,
  type InstalledPack,
  type ItemPatch,
  type ItemQuery,
  type SavedItem,
  type SavedItemInput,
  type SavedKeyEntry,
  type Settings,
  type SettingsPatch,
  type StorageSnapshot,
  type UndoToken,
  type Visit,
} from './model';
import { checkImportPayload } from './payload';
import { META_ITEMS_REVISION } from './schema-history';
import {
  ItemIdSchema,
  ItemIdsSchema,
  ItemPatchSchema,
  ItemQuerySchema,
  PackIdSchema,
  PackInputSchema,
  SavedItemInputSchema,
  SettingsPatchSchema,
  UndoTokenSchema,
  validate,
  VisitInputSchema,
} from './schemas';
import { applyChanges, buildIndex, type Facets, facetsOf, type SearchIndex, searchIndex } from './search';
import { unionTags } from './text';
import { normaliseHost, normaliseUrl, siteOf } from './url';

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

export interface Repository {
  /** Saves, or merges into the item with the same dedupe key (new non-empty note replaces, tags are added). */
  saveItem(input: SavedItemInput): Promise<SaveResult>;
  /** Replaces note and/or tags. Throws StorageError 'not-found' if the item is gone. */
  updateItem(id: string, patch: ItemPatch): Promise<SavedItem>;
  getItem(id: string): Promise<SavedItem | undefined>;
  /** Moves the items to the trash; ids that do not exist are ignored. */
  deleteItems(ids: readonly string[]): Promise<UndoToken>;
  /** Puts back exactly what deleteItems removed; returns how many items. 'not-found' once expired. */
  undoDelete(token: UndoToken): Promise<number>;
  /** Every match, sorted. The returned items are frozen: they are shared with the search index. */
  listItems(query?: ItemQuery): Promise<SavedItem[]>;
  /** Tag, site, story and kind values with counts, for filter menus. */
  listFacets(): Promise<Facets>;
  getItemKeysForStory(storyId: string): Promise<SavedKeyEntry[]>;
  recordVisit(url: string, storyId: string | null): Promise<Visit>;
  /** Most recent first; all visits when storyId is omitted. */
  listVisits(storyId?: string): Promise<Visit[]>;
  clearVisits(): Promise<void>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** Adds a hostname (or the site of a URL) to disabledSites in one transaction. */
  disableSite(hostOrUrl: string): Promise<Settings>;
  /** Removes a hostname (or the site of a URL) from disabledSites. */
  enableSite(hostOrUrl: string): Promise<Settings>;
  /** A consistent snapshot of items (oldest first), visits and settings. */
  exportAll(): Promise<StorageSnapshot>;
  /**
   * Validates again, then merges everything in one transaction; on any failure nothing changes.
   * The file's settings are merged only with 'apply'.
   */
  importData(data: ImportData, settings: ImportSettingsChoice): Promise<ImportSummary>;
  /** parseImport + importData; a refused file throws StorageError 'invalid' with the parser's message. */
  importJson(text: string, settings: ImportSettingsChoice): Promise<ImportSummary>;
  installPack(pack: { id: string; version: string; json: string }): Promise<InstalledPack>;
  getPack(id: string): Promise<InstalledPack | undefined>;
  listPacks(): Promise<InstalledPack[]>;
  removePack(id: string): Promise<void>;
  /** Drops trash older than the undo window; returns how many deletions were purged. */
  purgeExpiredTrash(): Promise<number>;
}

interface IndexCache {
  revision: string;
  index: SearchIndex;
}

// Keyed by database object so every repository over the same connection shares one index.
const indexCaches = new WeakMap<StoryContextDb, IndexCache>();

interface Changes {
  upserts: Map<string, SavedItem>;
  deleted: Set<string>;
}

function parse<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, root = ''): v.InferOutput<TSchema> {
  const result = validate(schema, input, root);
  if (!result.ok) throw new StorageError('invalid', result.problems.join('; '));
  return result.value;
}

/** A stored row as a SavedItem with exactly the known fields. */
function toItem(row: SavedItem): SavedItem {
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    quote: row.quote,
    note: row.note,
    tags: [...row.tags],
    storyId: row.storyId,
    site: row.site,
    ref: row.ref,
    key: row.key,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toVisit(row: Visit): Visit {
  return { url: row.url, storyId: row.storyId, firstAt: row.firstAt, lastAt: row.lastAt, count: row.count };
}

function byLastAtDesc(a: Visit, b: Visit): number {
  return b.lastAt - a.lastAt || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

// Beyond this many ids in one write (a big import or delete), readers rebuild their index.
const MAX_LOGGED_CHANGES = 1000;

// Beyond this many dedupe keys, reading every row beats one index seek per key.
const MAX_KEY_SEEKS = 256;

const SETTING_KEYS = ['sidebarMode', 'disabledSites'] as const satisfies ReadonlyArray<keyof Settings>;

export function createRepository(db: StoryContextDb, options: RepositoryOptions = {}): Repository {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  function recordUpserts(changes: Changes, items: readonly SavedItem[]): void {
    for (const item of items) {
      changes.deleted.delete(item.id);
      changes.upserts.set(item.id, item);
    }
  }

  function recordDeletes(changes: Changes, ids: readonly string[]): void {
    for (const id of ids) {
      changes.upserts.delete(id);
      changes.deleted.add(id);
    }
  }

  /**
   * One read-write transaction. When it changed items it also writes a new items revision, so
   * every context's search index (this one's, the popup's) knows it is stale; the writer's own
   * index is patched in place rather than rebuilt.
   */
  async function write<T>(tables: Table[], body: (changes: Changes) => Promise<T>): Promise<T> {
    const changes: Changes = { upserts: new Map(), deleted: new Set() };
    let before: string | undefined;
    let after: string | undefined;
    const result = await db.transaction('rw', [...tables, db.meta], async () => {
      const value = await body(changes);
      if (changes.upserts.size > 0 || changes.deleted.size > 0) {
        before = (await db.meta.get(META_ITEMS_REVISION))?.value ?? '';
        after = newId();
        const changed = [...changes.upserts.keys(), ...changes.deleted];
        await db.meta.put({
          key: META_ITEMS_REVISION,
          value: after,
          previous: before,
          ...(changed.length <= MAX_LOGGED_CHANGES ? { changed } : {}),
        });
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
   * The search index as of the stored revision: the cached one if current; patched with the
   * rows of the last change if it is exactly one revision behind (the usual case for a popup
   * watching the background's writes); otherwise rebuilt from every row.
   */
  async function loadIndex(): Promise<SearchIndex> {
    const loaded = await db.transaction('r', [db.items, db.meta], async () => {
      const meta = await db.meta.get(META_ITEMS_REVISION);
      const revision = meta?.value ?? '';
      const cache = indexCaches.get(db);
      if (cache && cache.revision === revision) return { kind: 'current' as const, index: cache.index };
      if (cache && meta?.changed && meta.previous === cache.revision) {
        const ids = meta.changed;
        return { kind: 'delta' as const, cache, from: cache.revision, revision, ids, rows: await db.items.bulkGet(ids) };
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

  /** Stored items holding any of these keys. Many keys: one scan beats thousands of index seeks. */
  async function rowsWithKeys(keys: readonly string[]): Promise<SavedItem[]> {
    if (keys.length === 0) return [];
    if (keys.length <= MAX_KEY_SEEKS) return db.items.where('key').anyOf([...keys]).toArray();
    const wanted = new Set(keys);
    return (await db.items.toArray()).filter((row) => wanted.has(row.key));
  }

  /**
   * For an import: the stored rows holding any of these keys, and a test of whether an id is
   * already stored. A large import scans every row anyway, and the scan holds every id: asking
   * for each id as well cost one IndexedDB request per item, half a second and more of a
   * 10,000-item import in Chromium. A small import asks only about the ids it may have to add.
   */
  async function storedForImport(
    keys: readonly string[],
    idsFor: (byKey: ReadonlyMap<string, SavedItem>) => string[],
  ): Promise<{ byKey: Map<string, SavedItem>; hasId: (id: string) => boolean }> {
    if (keys.length > MAX_KEY_SEEKS) {
      const wanted = new Set(keys);
      const byKey = new Map<string, SavedItem>();
      const ids = new Set<string>();
      for (const row of await db.items.toArray()) {
        ids.add(row.id);
        if (wanted.has(row.key)) byKey.set(row.key, row);
      }
      return { byKey, hasId: (id) => ids.has(id) };
    }
    const byKey = new Map((await rowsWithKeys(keys)).map((row) => [row.key, row]));
    const asked = idsFor(byKey);
    const ids = new Set((await db.items.bulkGet(asked)).flatMap((row) => (row ? [row.id] : [])));
    return { byKey, hasId: (id) => ids.has(id) };
  }

  async function readSettings(): Promise<Settings> {
    const rows = await db.settings.bulkGet([...SETTING_KEYS]);
    const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [...DEFAULT_SETTINGS.disabledSites] };
    rows.forEach((row, n) => {
      const key = SETTING_KEYS[n]!;
      if (!row) return;
      // A value this version cannot read (written by a newer one, or damaged) falls back to
      // its default rather than making every setting unreadable.
      const checked = validate(SettingsPatchSchema, { [key]: row.value });
      if (checked.ok && checked.value[key] !== undefined) Object.assign(settings, { [key]: checked.value[key] });
    });
    return settings;
  }

  async function writeSettings(settings: Settings): Promise<void> {
    await db.settings.bulkPut(SETTING_KEYS.map((key) => ({ key, value: settings[key] })));
  }

  function later(previous: number): number {
    // Strictly after the last change, so a merge by "newest wins" prefers this edit even if
    // the clock went backwards.
    return Math.max(now(), previous + 1);
  }

  async function purgeTrash(at: number): Promise<number> {
    return db.trash.where('deletedAt').below(at - LIMITS.trashTtlMs).delete();
  }

  async function changeDisabledSites(hostOrUrl: string, change: (sites: string[], host: string) => string[]) {
    const host = normaliseHost(typeof hostOrUrl === 'string' ? hostOrUrl : '');
    if (host === null) throw new StorageError('invalid', 'site: must be a hostname such as example.com');
    return write([db.settings], async () => {
      const current = await readSettings();
      const next = { ...current, disabledSites: change(current.disabledSites, host) };
      if (next.disabledSites.length > LIMITS.disabledSites) {
        throw new StorageError('invalid', `disabledSites: at most ${LIMITS.disabledSites} sites`);
      }
      await writeSettings(next);
      return next;
    });
  }

  const repository: Repository = {
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

    getItem: (id) =>
      guard(async () => {
        const row = await db.items.get(parse(ItemIdSchema, id, 'id'));
        return row ? toItem(row) : undefined;
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
            (await rowsWithKeys(entry.items.map((item) => item.key))).map((row) => [row.key, row.id]),
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

    listFacets: () => guard(async () => facetsOf(await loadIndex())),

    getItemKeysForStory: (storyId) =>
      guard(async () => {
        const story = parse(ItemQuerySchema, { storyId }, 'query').storyId;
        if (typeof story !== 'string') throw new StorageError('invalid', 'storyId: must be a story id');
        const rows = await db.items.where('storyId').equals(story).toArray();
        return rows.map((row) => ({ id: row.id, key: row.key, kind: row.kind, ref: row.ref, url: row.url }));
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

    getSettings: () => guard(readSettings),

    updateSettings: (patch) =>
      guard(async () => {
        const checked = parse(SettingsPatchSchema, patch);
        return write([db.settings], async () => {
          const next: Settings = { ...(await readSettings()), ...checked };
          await writeSettings(next);
          return next;
        });
      }),

    disableSite: (hostOrUrl) =>
      guard(() => changeDisabledSites(hostOrUrl, (sites, host) => (sites.includes(host) ? sites : [...sites, host]))),

    enableSite: (hostOrUrl) =>
      guard(() => changeDisabledSites(hostOrUrl, (sites, host) => sites.filter((site) => site !== host))),

    exportAll: () =>
      guard(() =>
        db.transaction('r', [db.items, db.visits, db.settings], async () => {
          const items = (await db.items.orderBy('createdAt').toArray()).map(toItem);
          const visits = (await db.visits.toArray()).map(toVisit).sort(byLastAtDesc);
          return { items, visits, settings: await readSettings() };
        }),
      ),

    importData: (data, settings) =>
      guard(async () => {
        checkSettingsChoice(settings);
        const checked = checkImportPayload(data);
        if (!checked.ok) {
          throw new StorageError('invalid', `Nothing was imported: ${checked.problems.join('; ')}`);
        }
        return importChecked(checked.value, settings);
      }),

    importJson: (text, settings) =>
      guard(async () => {
        checkSettingsChoice(settings);
        const parsed = parseImport(text);
        if (!parsed.ok) throw new StorageError('invalid', parsed.error);
        return importChecked(parsed.data, settings);
      }),

    installPack: (pack) =>
      guard(async () => {
        const checked = parse(PackInputSchema, pack, 'pack');
        const row: InstalledPack = { ...checked, installedAt: now() };
        await write([db.packs], () => db.packs.put(row));
        return row;
      }),

    getPack: (id) => guard(async () => db.packs.get(parse(PackIdSchema, id, 'id'))),

    listPacks: () => guard(() => db.packs.toArray()),

    removePack: (id) =>
      guard(async () => {
        const packId = parse(PackIdSchema, id, 'id');
        await write([db.packs], () => db.packs.delete(packId));
      }),

    purgeExpiredTrash: () => guard(() => write([db.trash], () => purgeTrash(now()))),
  };

  function checkSettingsChoice(settings: unknown): void {
    if (!(IMPORT_SETTINGS_CHOICES as readonly unknown[]).includes(settings)) {
      throw new StorageError('invalid', `Nothing was imported: settings: must say whether to apply the file's settings ("apply" or "ignore")`);
    }
  }

  async function importChecked(data: ImportData, settings: ImportSettingsChoice): Promise<ImportSummary> {
    const summary: ImportSummary = {
      itemsAdded: 0,
      itemsUpdated: 0,
      itemsUnchanged: 0,
      visitsAdded: 0,
      visitsUpdated: 0,
      settingsChanged: false,
      itemsWithTagsTruncated: 0,
    };
    const { incoming, truncatedKeys } = mergeWithinFile(data.items);
    const incomingVisits = new Map<string, Visit>();
    for (const visit of data.visits) {
      const earlier = incomingVisits.get(visit.url);
      incomingVisits.set(visit.url, earlier ? mergeVisits(earlier, visit) : visit);
    }

    await write([db.items, db.visits, db.settings], async (changes) => {
      const candidates = [...incoming.values()];
      const lookupKeys = [...new Set(candidates.flatMap((item) => [item.key, keyBase(item.key)]))];
      // Only an item that merges into nothing is added, and only an added item's id matters.
      const { byKey: storedByKey, hasId: isStoredId } = await storedForImport(lookupKeys, (byKey) =>
        candidates.flatMap((item) => (byKey.has(item.key) ? [] : [item.id])),
      );
      const takenIds = new Set<string>();
      const takenKeys = new Set<string>(incoming.keys());
      const puts: SavedItem[] = [];

      for (const item of candidates) {
        const stored = storedByKey.get(item.key);
        if (stored) {
          const current = toItem(stored);
          const merged = mergeItems(current, item);
          if (merged.tagsTruncated) truncatedKeys.add(item.key);
          if (sameItem(merged.item, current)) summary.itemsUnchanged++;
          else {
            puts.push(merged.item);
            summary.itemsUpdated++;
          }
          continue;
        }
        let key = item.key;
        const base = keyBase(key);
        // A legacy duplicate whose original is in neither the file nor the store takes the plain key back.
        if (key !== base && !storedByKey.has(base) && !takenKeys.has(base)) {
          takenKeys.delete(key);
          key = base;
          takenKeys.add(base);
        }
        // An id already used by a different stored item gets a fresh one: an import never overwrites.
        const id = isStoredId(item.id) || takenIds.has(item.id) ? newId() : item.id;
        takenIds.add(id);
        puts.push({ ...item, id, key });
        summary.itemsAdded++;
      }
      summary.itemsWithTagsTruncated = truncatedKeys.size;
      await db.items.bulkPut(puts);
      recordUpserts(changes, puts);

      const visits = [...incomingVisits.values()];
      const storedVisits = await db.visits.bulkGet(visits.map((visit) => visit.url));
      const visitPuts: Visit[] = [];
      visits.forEach((visit, n) => {
        const stored = storedVisits[n];
        if (!stored) {
          visitPuts.push(visit);
          summary.visitsAdded++;
          return;
        }
        const merged = mergeVisits(toVisit(stored), visit);
        if (!sameVisit(merged, toVisit(stored))) {
          visitPuts.push(merged);
          summary.visitsUpdated++;
        }
      });
      await db.visits.bulkPut(visitPuts);

      if (settings === 'apply' && Object.keys(data.settings).length > 0) {
        const current = await readSettings();
        const next = mergeSettings(current, data.settings);
        summary.settingsChanged =
          next.sidebarMode !== current.sidebarMode ||
          next.disabledSites.length !== current.disabledSites.length;
        if (summary.settingsChanged) await writeSettings(next);
      }
    });
    return summary;
  }

  return repository;
}
