// Installed story packs: the typed table access later pack updates build on.
import { afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../../src/storage/errors';
import { createPacksStore } from '../../../src/storage/packs-store';
import { destroy, dumpDb, freshStore, type TestStore } from './helpers/db';

const STORY = 'alibaba-pla-memo';
let current: TestStore | null = null;

function store(): TestStore {
  current = freshStore();
  return current;
}

afterEach(async () => {
  if (current) await destroy(current);
  current = null;
});

describe('packs', () => {
  it('installs, lists, replaces and removes story packs', async () => {
    const { db, clock } = store();
    const packs = createPacksStore(db, clock.now);
    const json = JSON.stringify({ id: STORY, version: '1' });
    await packs.installPack({ id: STORY, version: '1', json });
    clock.advance(1000);
    await packs.installPack({ id: STORY, version: '2', json });
    expect(await packs.listPacks()).toEqual([{ id: STORY, version: '2', json, installedAt: clock.now() }]);
    expect((await packs.getPack(STORY))?.version).toBe('2');
    await packs.removePack(STORY);
    expect(await packs.listPacks()).toEqual([]);
    expect(await packs.getPack(STORY)).toBeUndefined();
  });

  it('refuses a pack without an id or version, storing nothing', async () => {
    const { db } = store();
    const packs = createPacksStore(db);
    const before = await dumpDb(db);
    const error = await packs.installPack({ id: '', version: '1', json: '{}' }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('invalid');
    expect(await dumpDb(db)).toEqual(before);
  });
});
