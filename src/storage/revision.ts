// The items revision: how every context that holds saved items (the background's search index,
// the popup's list) learns that they changed. Each write that touches items stores a new random
// revision with the one it replaced and the ids it touched; a reader compares the stored revision
// with the one its data reflects. Both the writer and the readers follow these rules, so they
// live here once. Pure: the caller does the reading and writing.

import type { MetaRow } from './db';
import { META_ITEMS_REVISION } from './schema-history';

export { META_ITEMS_REVISION };

// Beyond this many ids in one write (a big import or delete), readers rebuild rather than patch.
export const MAX_LOGGED_CHANGES = 1000;

/** The meta table, as far as the revision needs it (a Dexie table, or any store in tests). */
export interface RevisionStore {
  meta: { get(key: string): PromiseLike<MetaRow | undefined> };
}

/** The stored revision as a string; '' before the first write. */
export function revisionOf(row: MetaRow | undefined): string {
  return row?.value ?? '';
}

export async function readItemsRevision(store: RevisionStore): Promise<string> {
  return revisionOf(await store.meta.get(META_ITEMS_REVISION));
}

/** The row a write stores after changing these item ids. */
export function nextRevisionRow(previous: string, revision: string, changed: readonly string[]): MetaRow {
  return {
    key: META_ITEMS_REVISION,
    value: revision,
    previous,
    ...(changed.length <= MAX_LOGGED_CHANGES ? { changed: [...changed] } : {}),
  };
}

/**
 * How a reader holding data as of `held` catches up with the stored row: nothing to do; patch
 * the listed ids (it is exactly one revision behind and the write logged them); or read all.
 */
export type CatchUp = { kind: 'current' } | { kind: 'delta'; ids: string[] } | { kind: 'full' };

export function catchUp(held: string | null, row: MetaRow | undefined): CatchUp {
  if (held === null) return { kind: 'full' };
  if (held === revisionOf(row)) return { kind: 'current' };
  if (row?.changed && row.previous === held) return { kind: 'delta', ids: row.changed };
  return { kind: 'full' };
}

/**
 * For a reader that is told "the revision may have moved" (by a live query, or a broadcast):
 * whether a revision is news, i.e. neither what its last read saw nor one it was already told of.
 */
export interface RevisionWatch {
  /** The revision a read saw. */
  read(revision: string): void;
  /** The first revision a live query reports; true when the reader should reload. */
  first(revision: string): boolean;
  /** Any later report; true when the reader should reload. */
  moved(revision: string): boolean;
}

export function revisionWatch(): RevisionWatch {
  let loaded: string | null = null;
  let announced: string | null = null;
  const moved = (revision: string): boolean => {
    if (revision === loaded || revision === announced) return false;
    announced = revision;
    return true;
  };
  return {
    read: (revision) => {
      loaded = revision;
    },
    // Before any read has finished, the first report is the state the reads under way will see.
    first: (revision) => {
      if (loaded !== null) return moved(revision);
      announced = revision;
      return false;
    },
    moved,
  };
}
