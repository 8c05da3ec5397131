// Recomputing stored keys after the URL identity changed (schema v4). Dedupe keys and visit
// URLs were computed by the rules of the release that wrote them; rows the new rules take for
// one page are merged, and a merge that would cut a note or tags keeps both rows instead, the
// later one as a legacy duplicate ("<key>#<id>"), as the v2 upgrade did.

import type { Transaction } from 'dexie';
import type { TrashEntry } from './db';
import { duplicateKey, itemKey, keyBase } from './key';
import { combineVisits, mergeCollision } from './merge';
import type { SavedItem, Visit } from './model';
import { normaliseUrl } from './url';

export interface Rekeyed<Row> {
  /** Rows to write, under their new keys. */
  puts: Row[];
  /** Primary keys of the stored rows that go: merged into another, or moved to a new key. */
  deletes: string[];
}

function oldestFirst(a: SavedItem, b: SavedItem): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A row's key under the current rules; a legacy duplicate keeps its suffix. */
function currentKey(row: SavedItem): string {
  const base = itemKey(row);
  const stored = keyBase(row.key);
  return stored === row.key ? base : duplicateKey(base, row.key.slice(stored.length + 1));
}

/** Keys are unique in the store: a suffix another row already holds yields to the row's own id. */
function claim(taken: Set<string>, wanted: string, row: SavedItem): string {
  let key = wanted;
  for (let n = 1; taken.has(key); n++) key = duplicateKey(keyBase(wanted), n === 1 ? row.id : `${row.id}-${n}`);
  taken.add(key);
  return key;
}

/** The writes that give every item its current key, merging the rows that now share one. */
export function rekeyItems(rows: readonly SavedItem[]): Rekeyed<SavedItem> {
  const legacy: Array<[SavedItem, string]> = [];
  const groups = new Map<string, SavedItem[]>();
  for (const row of rows) {
    const key = currentKey(row);
    if (key !== keyBase(key)) legacy.push([row, key]);
    else if (groups.has(key)) groups.get(key)!.push(row);
    else groups.set(key, [row]);
  }
  const taken = new Set(groups.keys());
  const puts: SavedItem[] = [];
  const merged: string[] = [];
  for (const [key, group] of groups) {
    group.sort(oldestFirst);
    const first = group[0]!;
    let kept = first;
    for (const other of group.slice(1)) {
      const both = mergeCollision(kept, other);
      if (both) {
        kept = both;
        merged.push(other.id);
      } else {
        legacy.push([other, duplicateKey(key, other.id)]);
      }
    }
    if (kept !== first || first.key !== key) puts.push({ ...kept, key });
  }
  for (const [row, wanted] of legacy) {
    const key = claim(taken, wanted, row);
    if (key !== row.key) puts.push({ ...row, key });
  }
  return { puts, deletes: [...merged, ...puts.map((row) => row.id)] };
}

/** The writes that file every visit under its current URL identity, adding up the opens of one page. */
export function rekeyVisits(rows: readonly Visit[]): Rekeyed<Visit> {
  const byUrl = new Map<string, Visit>();
  const moved = new Set<string>();
  for (const row of rows) {
    const url = normaliseUrl(row.url) ?? row.url;
    const earlier = byUrl.get(url);
    if (earlier || url !== row.url) moved.add(url);
    byUrl.set(url, earlier ? combineVisits(url, earlier, row) : url === row.url ? row : { ...row, url });
  }
  const puts = [...moved].map((url) => byUrl.get(url)!);
  const deletes = rows.filter((row) => moved.has(normaliseUrl(row.url) ?? row.url)).map((row) => row.url);
  return { puts, deletes };
}

/** Deleted items keep the key they would have now, so undo restores them under the current rules. */
export function rekeyTrash(entries: readonly TrashEntry[]): TrashEntry[] {
  return entries.flatMap((entry) => {
    const items = entry.items.map((item) => ({ ...item, key: currentKey(item) }));
    return items.some((item, n) => item.key !== entry.items[n]!.key) ? [{ ...entry, items }] : [];
  });
}

/**
 * Schema v4's upgrade; true when items changed. Deletes go first, so no row moving to a new key
 * meets the unique index holding its old self or another row's.
 */
export async function recomputeUrlKeys(tx: Transaction): Promise<boolean> {
  const items = tx.table<SavedItem, string>('items');
  const plan = rekeyItems(await items.toArray());
  await items.bulkDelete(plan.deletes);
  await items.bulkAdd(plan.puts);

  const visits = tx.table<Visit, string>('visits');
  const visitPlan = rekeyVisits(await visits.toArray());
  await visits.bulkDelete(visitPlan.deletes);
  await visits.bulkAdd(visitPlan.puts);

  const trash = tx.table<TrashEntry, string>('trash');
  await trash.bulkPut(rekeyTrash(await trash.toArray()));
  return plan.deletes.length > 0;
}
