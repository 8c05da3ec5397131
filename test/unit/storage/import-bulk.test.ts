// A large import reads what it needs in bulk and writes in bulk. These tests hold it to the
// rules stated item by item: each item, in file order, looked up on its own by dedupe key and
// by id, merged or added, must leave exactly the rows and counts the bulk import leaves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseImport } from '../../../src/formats/import-json';
import { keyBase } from '../../../src/storage/key';
import { mergeItems, mergeWithinFile, sameItem } from '../../../src/storage/merge';
import type { ImportData, SavedItem } from '../../../src/storage/model';
import { createRepository } from '../../../src/storage/repository';
import { StoryContextDb } from '../../../src/storage/db';
import { validDoc } from '../formats/malformed-exports';
import { destroy, dumpDb, importJson, testClock, uniqueName } from './helpers/db';

type Json = Record<string, unknown>;

const opened: StoryContextDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await destroy({ db });
});

/** A repository whose fresh ids are predictable, so a prediction can name them. */
function counterStore() {
  const db = new StoryContextDb(uniqueName('bulk'));
  opened.push(db);
  let n = 0;
  const newId = () => `fresh-${++n}`;
  const peek = () => n;
  return { db, repo: createRepository(db, { now: testClock().now, newId }), peek };
}

const TAGS = ['China', 'china', 'Chiná', 'memo', 'denial', ' follow  up ', 'AFP'];

/** 10,000 varied items, deterministic: kinds, quotes, tags, stories, query strings. */
function library(count = 10_000): Json[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `item-${n}`,
    kind: (['article', 'claim', 'quote', 'source'] as const)[n % 4],
    title: n % 9 === 0 ? '' : `Story ${n}  about the memo`,
    url: `https://www.site${n % 37}.example/news/${n}${n % 5 === 0 ? `?utm_source=x&b=${n}` : ''}`,
    publisher: n % 3 === 0 ? '' : `Publisher ${n % 23}`,
    quote: n % 4 === 2 ? `Quoted  sentence ${n % 50}` : '',
    note: n % 2 === 0 ? '' : `note ${n}`,
    tags: TAGS.slice(n % 5, (n % 5) + (n % 4)),
    storyId: n % 3 === 0 ? null : `story-${n % 4}`,
    ref: n % 4 === 1 ? `claim-${n % 6}` : '',
    createdAt: 1_700_000_000_000 + n * 1000,
    updatedAt: 1_700_000_000_000 + n * 1000 + (n % 3) * 10,
  }));
}

function fileOf(items: Json[]): string {
  return JSON.stringify({ ...validDoc(0), items, visits: [] });
}

function parsed(text: string): ImportData {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

/**
 * The import's rules applied one item at a time against the rows stored before it: in-file
 * duplicates merge first; an item whose key is stored merges into that row; otherwise it is
 * added, a legacy suffix dropped when nothing holds the plain key, and an id already used by
 * a stored row or an earlier added item replaced by a fresh one.
 */
function predict(stored: SavedItem[], data: ImportData, firstFreshId: number) {
  const rows = new Map(stored.map((row) => [row.id, row]));
  const keys = new Map(stored.map((row) => [row.key, row]));
  const byKey = (key: string) => keys.get(key);
  const storedIds = new Set(stored.map((row) => row.id));
  // In-file duplicates are not what this compares: the import's own first step is reused.
  const { incoming, truncatedKeys: truncated } = mergeWithinFile(data.items);
  let fresh = firstFreshId;
  const counts = { itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 0 };
  const takenIds = new Set<string>();
  const takenKeys = new Set(incoming.keys());
  for (const item of incoming.values()) {
    const holder = byKey(item.key);
    if (holder) {
      const merged = mergeItems(holder, item);
      if (merged.tagsTruncated) truncated.add(item.key);
      if (sameItem(merged.item, holder)) counts.itemsUnchanged++;
      else {
        rows.set(holder.id, merged.item);
        counts.itemsUpdated++;
      }
      continue;
    }
    let key = item.key;
    const base = keyBase(key);
    if (key !== base && !byKey(base) && !takenKeys.has(base)) {
      takenKeys.delete(key);
      key = base;
      takenKeys.add(base);
    }
    const idTaken = storedIds.has(item.id) || takenIds.has(item.id);
    const id = idTaken ? `fresh-${++fresh}` : item.id;
    takenIds.add(id);
    rows.set(id, { ...item, id, key });
    counts.itemsAdded++;
  }
  const items = [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items, counts: { ...counts, itemsWithTagsTruncated: truncated.size } };
}

async function storedItems(db: StoryContextDb): Promise<SavedItem[]> {
  return (await dumpDb(db)).items as SavedItem[];
}

async function importAndCompare(store: ReturnType<typeof counterStore>, text: string) {
  const before = await storedItems(store.db);
  const expected = predict(before, parsed(text), store.peek());
  const summary = await importJson(store.repo, text, 'apply');
  expect(summary).toMatchObject(expected.counts);
  expect(await storedItems(store.db)).toEqual(expected.items);
  return summary;
}

describe('a 10,000-item import', () => {
  it('into an empty database stores every item exactly as parsed', async () => {
    const store = counterStore();
    const summary = await importAndCompare(store, fileOf(library()));
    expect(summary.itemsAdded).toBe(10_000);
  });

  it('of the same file again changes no row', async () => {
    const store = counterStore();
    const text = fileOf(library());
    await importJson(store.repo, text, 'apply');
    const before = await dumpDb(store.db);
    const summary = await importAndCompare(store, text);
    expect(summary).toMatchObject({ itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 10_000 });
    expect(await dumpDb(store.db)).toEqual(before);
  });

  it('of an edited copy merges, adds and renames ids as the item-by-item rules say', async () => {
    const store = counterStore();
    const original = library();
    await importJson(store.repo, fileOf(original), 'apply');
    let borrowed = 0;
    // Items n % 23 === 0 stay out of the file, so their ids can turn up on other content.
    const edited = original.flatMap((item, n): Json[] => (n % 23 === 0 ? [] : [item])).map((item): Json => {
      const n = Number((item.id as string).slice('item-'.length));
      const updatedAt = item.updatedAt as number;
      if (n % 7 === 0) return { ...item, note: `newer ${n}`, tags: [...(item.tags as string[]), 'added', 'MEMO'], updatedAt: updatedAt + 1 };
      if (n % 11 === 0) return { ...item, note: 'an older copy', tags: ['older'], updatedAt: 0 };
      if (n % 13 === 0) return { ...item, id: `new-${n}`, url: `${item.url as string}/more` };
      // New content under an id a different stored item already holds.
      if (n % 17 === 0) return { ...item, id: `item-${23 * ++borrowed}`, url: `${item.url as string}/other` };
      // A legacy-duplicate key whose original is nowhere: it takes the plain key back.
      if (n % 19 === 0) return { ...item, id: `legacy-${n}`, url: `${item.url as string}/legacy`, key: `article|x#legacy-${n}` };
      return item;
    });
    // Duplicates inside the file, and tags that overflow the cap when merged.
    edited.push({ ...edited[3]!, id: 'dup-3', note: 'duplicate in the file', updatedAt: 1_800_000_000_000 });
    edited.push({ ...edited[5]!, id: 'dup-5', tags: Array.from({ length: 32 }, (_, n) => `t${n}`), updatedAt: 1_800_000_000_000 });
    const summary = await importAndCompare(store, fileOf(edited));
    expect(summary.itemsAdded).toBeGreaterThan(0);
    expect(summary.itemsUpdated).toBeGreaterThan(0);
    expect(summary.itemsUnchanged).toBeGreaterThan(0);
    expect(summary.itemsWithTagsTruncated).toBeGreaterThan(0);
    const rows = await storedItems(store.db);
    expect(rows.filter((row) => row.id.startsWith('fresh-')).length).toBe(borrowed);
    expect(rows.find((row) => row.id === 'legacy-19')?.key).not.toContain('#');
  });

  it('of a small file into a large database follows the same rules', async () => {
    const store = counterStore();
    const original = library();
    await importJson(store.repo, fileOf(original), 'apply');
    const small = original.slice(0, 60).map((item, n) => (n % 3 === 0 ? { ...item, id: `item-${n + 5000}`, url: `${item.url as string}/x` } : { ...item, note: 'edited', updatedAt: 1_900_000_000_000 }));
    const summary = await importAndCompare(store, fileOf(small));
    expect(summary).toMatchObject({ itemsAdded: 20, itemsUpdated: 40 });
    expect((await storedItems(store.db)).filter((row) => row.id.startsWith('fresh-'))).toHaveLength(20);
  });

  it('reads what it needs in bulk, not one request per item', async () => {
    const store = counterStore();
    const text = fileOf(library());
    await importJson(store.repo, text, 'apply');
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      await importJson(store.repo, text, 'apply');
      expect(gets.mock.calls.length).toBeLessThan(100);
    } finally {
      gets.mockRestore();
    }
  });
});
