// The items revision rules both sides follow: the writer's search index and the popup's list.
import { describe, expect, it } from 'vitest';
import type { MetaRow } from '../../../src/storage/db';
import {
  catchUp,
  MAX_LOGGED_CHANGES,
  META_ITEMS_REVISION,
  nextRevisionRow,
  readItemsRevision,
  revisionOf,
  revisionWatch,
} from '../../../src/storage/revision';

describe('the stored row', () => {
  it('is empty before the first write', async () => {
    expect(revisionOf(undefined)).toBe('');
    expect(await readItemsRevision({ meta: { get: async () => undefined } })).toBe('');
  });

  it('records the revision it replaced and the ids a write touched', () => {
    expect(nextRevisionRow('r1', 'r2', ['a', 'b'])).toEqual({ key: META_ITEMS_REVISION, value: 'r2', previous: 'r1', changed: ['a', 'b'] });
  });

  it('leaves the ids out of a write too big to patch', () => {
    const ids = Array.from({ length: MAX_LOGGED_CHANGES + 1 }, (_, n) => `id-${n}`);
    const row = nextRevisionRow('r1', 'r2', ids);
    expect(row.changed).toBeUndefined();
    expect(catchUp('r1', row)).toEqual({ kind: 'full' });
  });

  it('is read under its own key', async () => {
    const rows = new Map<string, MetaRow>([[META_ITEMS_REVISION, nextRevisionRow('', 'r1', ['a'])]]);
    expect(await readItemsRevision({ meta: { get: async (key: string) => rows.get(key) } })).toBe('r1');
  });
});

describe('catching up', () => {
  const row = nextRevisionRow('r1', 'r2', ['a']);

  it('does nothing when the reader holds the stored revision', () => {
    expect(catchUp('r2', row)).toEqual({ kind: 'current' });
    expect(catchUp('', undefined)).toEqual({ kind: 'current' });
  });

  it('patches the logged ids when exactly one revision behind', () => {
    expect(catchUp('r1', row)).toEqual({ kind: 'delta', ids: ['a'] });
  });

  it('reads everything when further behind, or holding nothing yet', () => {
    expect(catchUp('r0', row)).toEqual({ kind: 'full' });
    expect(catchUp(null, row)).toEqual({ kind: 'full' });
  });
});

describe('a watching reader', () => {
  it('takes the first report before any read as the state its reads will see', () => {
    const watch = revisionWatch();
    expect(watch.first('r1')).toBe(false);
    watch.read('r1');
    expect(watch.moved('r1')).toBe(false);
    expect(watch.moved('r2')).toBe(true);
  });

  it('reloads when the first report is newer than a read already finished', () => {
    const watch = revisionWatch();
    watch.read('r1');
    expect(watch.first('r2')).toBe(true);
  });

  it('is told of each new revision once, and never of the one it read', () => {
    const watch = revisionWatch();
    watch.read('r1');
    expect(watch.moved('r1')).toBe(false);
    expect(watch.moved('r2')).toBe(true);
    // The live query and the broadcast both report the same write.
    expect(watch.moved('r2')).toBe(false);
    watch.read('r3');
    expect(watch.moved('r3')).toBe(false);
    expect(watch.moved('r4')).toBe(true);
  });
});
