// Installed story packs: typed access to the packs table (schema v2 on). Each pack is stored
// whole, its JSON verbatim: the packs module owns the pack schema, storage only keeps the text.

import type { StoryContextDb } from './db';
import type { InstalledPack } from './model';
import { guard, parse } from './rows';
import { PackIdSchema, PackInputSchema } from './schemas';

export interface PacksStore {
  /** Adds or replaces the pack with this id, in one transaction. */
  installPack(pack: { id: string; version: string; json: string }): Promise<InstalledPack>;
  /** Adds or replaces all these packs in one transaction: all of them are installed, or none. */
  installPacks(packs: readonly { id: string; version: string; json: string }[]): Promise<InstalledPack[]>;
  getPack(id: string): Promise<InstalledPack | undefined>;
  listPacks(): Promise<InstalledPack[]>;
  removePack(id: string): Promise<void>;
}

export function createPacksStore(db: StoryContextDb, now: () => number = () => Date.now()): PacksStore {
  return {
    installPack: (pack) =>
      guard(async () => {
        const checked = parse(PackInputSchema, pack, 'pack');
        const row: InstalledPack = { ...checked, installedAt: now() };
        await db.packs.put(row);
        return row;
      }),

    installPacks: (packs) =>
      guard(async () => {
        // Every pack is checked before the transaction starts, so one bad pack writes nothing.
        const at = now();
        const rows: InstalledPack[] = packs.map((pack, i) => ({ ...parse(PackInputSchema, pack, `packs.${i}`), installedAt: at }));
        await db.transaction('rw', db.packs, () => db.packs.bulkPut(rows));
        return rows;
      }),

    getPack: (id) => guard(async () => db.packs.get(parse(PackIdSchema, id, 'id'))),

    listPacks: () => guard(() => db.packs.toArray()),

    removePack: (id) =>
      guard(async () => {
        await db.packs.delete(parse(PackIdSchema, id, 'id'));
      }),
  };
}
