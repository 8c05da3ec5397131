// Importing a whole export: validated again, then merged into what is stored in one transaction,
// so an import that fails anywhere (a full disk, a stopped service worker) changes nothing.
// Parsing the file is not done here: the background parses it (formats/import-json) and hands
// over the checked content.

import type { StoryContextDb } from './db';
import { StorageError } from './errors';
import { keyBase } from './key';
import { mergeItems, mergeSettings, mergeVisits, mergeWithinFile, sameItem, sameVisit } from './merge';
import type { ImportData, ImportSummary, SavedItem, Visit } from './model';
import { checkImportPayload, isCheckedPayload, isImportSettingsChoice, type ImportSettingsChoice } from './payload';
import { guard, MAX_KEY_SEEKS, rowsWithKeys, toItem, toVisit } from './rows';
import { readSettings, writeSettings } from './settings-store';
import { recordUpserts, type Writes } from './writes';

/**
 * Validates (unless this context's checkImportPayload already did), then merges everything in
 * one transaction; on any failure nothing changes. The file's settings are merged only with 'apply'.
 */
export type ImportDataFn = (data: ImportData, settings: ImportSettingsChoice) => Promise<ImportSummary>;

export function createBulkImport(db: StoryContextDb, { write }: Writes, newId: () => string): ImportDataFn {
  /**
   * The stored rows holding any of these keys, and a test of whether an id is already stored.
   * A large import scans every row anyway, and the scan holds every id: asking for each id as
   * well cost one IndexedDB request per item, half a second and more of a 10,000-item import in
   * Chromium. A small import asks only about the ids it may have to add.
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
    const byKey = new Map((await rowsWithKeys(db, keys)).map((row) => [row.key, row]));
    const asked = idsFor(byKey);
    const ids = new Set((await db.items.bulkGet(asked)).flatMap((row) => (row ? [row.id] : [])));
    return { byKey, hasId: (id) => ids.has(id) };
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
        const current = await readSettings(db);
        const next = mergeSettings(current, data.settings);
        summary.settingsChanged =
          next.sidebarMode !== current.sidebarMode ||
          next.disabledSites.length !== current.disabledSites.length;
        if (summary.settingsChanged) await writeSettings(db, next);
      }
    });
    return summary;
  }

  return (data, settings) =>
    guard(async () => {
      if (!isImportSettingsChoice(settings)) {
        throw new StorageError('invalid', `Nothing was imported: settings: must say whether to apply the file's settings ("apply" or "ignore")`);
      }
      if (isCheckedPayload(data)) return importChecked(data, settings);
      const checked = checkImportPayload(data);
      if (!checked.ok) throw new StorageError('invalid', `Nothing was imported: ${checked.problems.join('; ')}`);
      return importChecked(checked.value, settings);
    });
}
