// Stored rows as the values the storage layer hands out, and input checks that throw. Shared by
// the repository's parts (items, settings, import, packs).

import type * as v from 'valibot';
import type { StoryContextDb } from './db';
import { StorageError, toStorageError } from './errors';
import type { SavedItem, Visit } from './model';
import { validate } from './schemas';

/** Validates or throws StorageError 'invalid' with every problem found. */
export function parse<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, root = ''): v.InferOutput<TSchema> {
  const result = validate(schema, input, root);
  if (!result.ok) throw new StorageError('invalid', result.problems.join('; '));
  return result.value;
}

/** Runs a storage operation so that whatever fails reaches the caller as a StorageError. */
export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** A stored row as a SavedItem with exactly the known fields. */
export function toItem(row: SavedItem): SavedItem {
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

export function toVisit(row: Visit): Visit {
  return { url: row.url, storyId: row.storyId, firstAt: row.firstAt, lastAt: row.lastAt, count: row.count };
}

export function byLastAtDesc(a: Visit, b: Visit): number {
  return b.lastAt - a.lastAt || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

// Beyond this many dedupe keys, reading every row beats one index seek per key.
export const MAX_KEY_SEEKS = 256;

/** Stored items holding any of these keys. Many keys: one scan beats thousands of index seeks. */
export async function rowsWithKeys(db: StoryContextDb, keys: readonly string[]): Promise<SavedItem[]> {
  if (keys.length === 0) return [];
  if (keys.length <= MAX_KEY_SEEKS) return db.items.where('key').anyOf([...keys]).toArray();
  const wanted = new Set(keys);
  return (await db.items.toArray()).filter((row) => wanted.has(row.key));
}
