// Every schema the database has ever had, oldest first. Dexie needs the old versions declared
// to run their upgrades; tests open a database at any version from this list, seed it with
// what that release wrote, and check that the current release reads all of it.
//
// Rules for adding a version: never edit a released entry; add one with the full store list
// and an upgrade() that only adds or fills, never drops user content.

import type { Transaction } from 'dexie';
import { duplicateKey, itemKey } from './key';
import type { ItemKind } from './model';
import { recomputeUrlKeys } from './rekey';
import { siteOf } from './url';

export interface SchemaVersion {
  version: number;
  description: string;
  stores: Readonly<Record<string, string | null>>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const META_ITEMS_REVISION = 'itemsRevision';

/** Row shape of a v1 item: everything but key and site. */
interface ItemRowV1 {
  id: string;
  kind: ItemKind;
  url: string;
  title?: string;
  publisher?: string;
  quote?: string;
  note?: string;
  tags?: string[];
  storyId?: string | null;
  ref?: string;
  createdAt?: number;
  updatedAt?: number;
  [field: string]: unknown;
}

/**
 * v1 had no dedupe key, so the same article may have been saved twice, each copy with its own
 * note. Both rows survive: the oldest takes the key, later ones take "<key>#<id>". Fields a v1
 * row lacks are filled with their empty value; fields it has are left exactly as they were.
 */
async function addKeysAndSites(tx: Transaction): Promise<void> {
  const table = tx.table<ItemRowV1, string>('items');
  const rows = await table.toArray();
  rows.sort(
    (a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const taken = new Set<string>();
  const upgraded = rows.map((row) => {
    const filled = {
      ...row,
      url: typeof row.url === 'string' ? row.url : '',
      title: row.title ?? '',
      publisher: row.publisher ?? '',
      quote: row.quote ?? '',
      note: row.note ?? '',
      tags: Array.isArray(row.tags) ? row.tags : [],
      storyId: row.storyId ?? null,
      ref: row.ref ?? '',
      createdAt: row.createdAt ?? row.updatedAt ?? 0,
      updatedAt: row.updatedAt ?? row.createdAt ?? 0,
    };
    const base = itemKey(filled);
    const key = taken.has(base) ? duplicateKey(base, row.id) : base;
    taken.add(key);
    return { ...filled, key, site: siteOf(filled.url) };
  });
  await table.bulkPut(upgraded);
  await tx.table('meta').put({ key: META_ITEMS_REVISION, value: crypto.randomUUID() });
}

/** v4: keys and visits under the one URL identity; readers holding an index of the old rows rebuild it. */
async function rekeyForUrlIdentity(tx: Transaction): Promise<void> {
  if (await recomputeUrlKeys(tx)) await tx.table('meta').put({ key: META_ITEMS_REVISION, value: crypto.randomUUID() });
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = Object.freeze<SchemaVersion[]>([
  {
    version: 1,
    description: 'First release: items, visits, settings, installed packs.',
    stores: {
      items: 'id, kind, storyId, createdAt, updatedAt',
      visits: 'url, storyId, lastAt',
      settings: 'key',
      packs: 'id',
    },
  },
  {
    version: 2,
    description:
      'Dedupe key (unique), tag and site indexes on items; trash for undoable deletes; ' +
      'meta for the items revision that keeps in-memory search in step.',
    stores: {
      items: 'id, &key, kind, storyId, site, *tags, createdAt, updatedAt',
      visits: 'url, storyId, lastAt',
      settings: 'key',
      packs: 'id',
      trash: 'id, deletedAt',
      meta: 'key',
    },
    upgrade: addKeysAndSites,
  },
  {
    version: 3,
    description:
      'Drops the kind, site, tags and updatedAt indexes on items: nothing queries them (the ' +
      'popup filters and searches its in-memory index), and each index is a write per item, ' +
      'which made importing 10,000 items take a second longer. Rows are untouched.',
    stores: {
      items: 'id, &key, storyId, createdAt',
      visits: 'url, storyId, lastAt',
      settings: 'key',
      packs: 'id',
      trash: 'id, deletedAt',
      meta: 'key',
    },
  },
  {
    version: 4,
    description:
      'Dedupe keys and visit URLs recomputed with the one URL identity (src/url/identity.ts) the ' +
      'sidebar also uses: AMP copies, click ids and campaign codes no longer make a page of ' +
      'their own. Rows that became one page are merged, keeping every note and tag; where a ' +
      'merge would go over a limit, the later row stays as a legacy duplicate. Indexes unchanged.',
    stores: {
      items: 'id, &key, storyId, createdAt',
      visits: 'url, storyId, lastAt',
      settings: 'key',
      packs: 'id',
      trash: 'id, deletedAt',
      meta: 'key',
    },
    upgrade: rekeyForUrlIdentity,
  },
]);

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
