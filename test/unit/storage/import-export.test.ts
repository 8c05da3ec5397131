import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { stringifyExport } from '../../../src/formats/export-json';
import { parseImport, settingsChanges } from '../../../src/formats/import-json';
import { StorageError } from '../../../src/storage/errors';
import type { ImportData, SavedItem, SavedItemInput } from '../../../src/storage/model';
import { MALFORMED, validDoc, validItem } from '../formats/malformed-exports';
import { destroy, dumpDb, failing, freshStore, getItem, importJson, type TestStore } from './helpers/db';

const stores: TestStore[] = [];
function store(): TestStore {
  const created = freshStore();
  stores.push(created);
  return created;
}
afterEach(async () => {
  for (const created of stores.splice(0)) await destroy(created);
});

const STORY = 'alibaba-pla-memo';
const INPUTS: SavedItemInput[] = [
  {
    kind: 'article',
    url: 'https://www.ettoday.net/news/20251115/3067837.htm',
    title: '(ETtoday) 阿里巴巴被指協助解放軍軍事行動',
    publisher: 'ETtoday',
    note: '要比較 Reuters 的版本\nsecond line',
    tags: ['中文', 'Alibaba'],
    storyId: STORY,
  },
  {
    kind: 'quote',
    url: 'https://ttmnote.com/news/2583689840',
    title: 'Alibaba Group (spokesperson) to Reuters',
    quote: 'The assertions and innuendos in the article are completely false.',
    tags: ['denial'],
    storyId: STORY,
    ref: 'statement-alibaba-reuters',
  },
  {
    kind: 'claim',
    url: 'https://www.ft.com/content/30fb83a0-8cb9-4805-b5d2-19b5ef510043',
    title: "Alibaba provides 'tech support for Chinese military operations against targets in the U.S.'",
    publisher: 'Financial Times',
    note: '=HYPERLINK("x") "quoted" — Österreich',
    storyId: STORY,
    ref: 'claim-tech-support',
  },
  {
    kind: 'source',
    url: 'https://www.oe24.at/businesslive/usa-werfen-alibaba-hilfestellung-bei-chinesischen-angriffen-vor/656197559',
    title: 'USA werfen Alibaba Hilfestellung bei chinesischen Angriffen vor',
    publisher: 'oe24 (Austria)',
    storyId: null,
    ref: 'coverage-oe24',
  },
];

/** A store with items of every kind, an edit, a deletion, visits and non-default settings. */
async function populated(): Promise<TestStore> {
  const created = store();
  const { repo, clock } = created;
  const ids: string[] = [];
  for (const input of INPUTS) {
    ids.push((await repo.saveItem(input)).item.id);
    clock.advance(60_000);
  }
  await repo.updateItem(ids[0]!, { tags: ['中文', 'Alibaba', 'checked'] });
  clock.advance(1000);
  await repo.deleteItems([ids[3]!]);
  await repo.recordVisit('https://www.ettoday.net/news/20251115/3067837.htm', STORY);
  clock.advance(1000);
  await repo.recordVisit('https://www.ettoday.net/news/20251115/3067837.htm', STORY);
  await repo.recordVisit('https://www.881903.com/news/amp/international/2605621', null);
  await repo.updateSettings({ sidebarMode: 'always-open', disabledSites: ['example.org'] });
  return created;
}

function parsed(text: string): ImportData {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  return result.data;
}

describe('export then import', () => {
  it('gives a fresh database everything back: ids, times, tags, visits, settings', async () => {
    const source = await populated();
    const snapshot = await source.repo.exportAll();
    expect(snapshot.items).toHaveLength(3);
    expect(snapshot.visits).toHaveLength(2);

    const target = store();
    const summary = await target.repo.importData(parsed(stringifyExport(snapshot)), 'apply');
    expect(summary).toEqual({
      itemsAdded: 3,
      itemsUpdated: 0,
      itemsUnchanged: 0,
      visitsAdded: 2,
      visitsUpdated: 0,
      settingsChanged: true,
      itemsWithTagsTruncated: 0,
    });
    expect(await target.repo.exportAll()).toEqual(snapshot);
    // The imported items are live: searchable and merged into on the next save.
    expect(await target.repo.listItems({ text: '的版本' })).toHaveLength(1);
    const again = await target.repo.saveItem(INPUTS[1]!);
    expect(again.created).toBe(false);
  });

  it('changes nothing when the same file is imported twice', async () => {
    const source = await populated();
    const text = stringifyExport(await source.repo.exportAll());
    const before = await dumpDb(source.db);
    const summary = await importJson(source.repo, text, 'apply');
    expect(summary).toMatchObject({ itemsAdded: 0, itemsUpdated: 0, itemsUnchanged: 3, visitsAdded: 0, visitsUpdated: 0, settingsChanged: false });
    expect(await dumpDb(source.db)).toEqual(before);
  });

  it('keeps legacy duplicates apart through a round trip', async () => {
    const source = store();
    const { item } = await source.repo.saveItem(INPUTS[0]!);
    const copy: SavedItem = { ...item, id: 'legacy-copy', key: `${item.key}#legacy-copy`, note: 'the other note' };
    await source.db.items.add(copy);
    const snapshot = await source.repo.exportAll();
    const target = store();
    await target.repo.importData(parsed(stringifyExport(snapshot)), 'apply');
    expect((await target.repo.exportAll()).items).toEqual(snapshot.items);
  });
});

describe('import merges', () => {
  async function withStored(note: string, updatedAt: number, tags: string[]) {
    const created = store();
    created.clock.set(updatedAt);
    const { item } = await created.repo.saveItem({ ...INPUTS[0]!, note, tags });
    return { ...created, item };
  }

  function fileWith(items: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): string {
    return JSON.stringify({ ...validDoc(0), items, ...extra });
  }

  it('takes the newer copy’s note, unions tags, keeps the stored id and earliest creation', async () => {
    const { repo, db, item } = await withStored('old note', 1_000_000, ['a', 'b']);
    const summary = await importJson(repo,
      fileWith([{ ...item, id: 'other-id', note: 'newer note', tags: ['c', 'A'], createdAt: 500, updatedAt: 2_000_000 }]),
      'apply',
    );
    expect(summary.itemsUpdated).toBe(1);
    expect(await getItem(db, item.id)).toEqual({
      ...item,
      note: 'newer note',
      tags: ['c', 'A', 'b'],
      createdAt: 500,
      updatedAt: 2_000_000,
    });
    expect(await getItem(db, 'other-id')).toBeUndefined();
  });

  it('keeps the stored note when the stored copy is newer, still adding tags', async () => {
    const { repo, db, item } = await withStored('stored note', 3_000_000, ['a']);
    await importJson(repo, fileWith([{ ...item, note: 'older note', tags: ['z'], updatedAt: 2_000_000 }]), 'apply');
    expect(await getItem(db, item.id)).toEqual({ ...item, tags: ['a', 'z'] });
  });

  it('merges duplicates inside the file', async () => {
    const { repo } = store();
    const first = { ...validItem(0), note: 'first', tags: ['x'], updatedAt: 1763193600000 };
    const second = { ...validItem(0), id: 'second', note: 'second', tags: ['y'], updatedAt: 1763193700000 };
    const summary = await importJson(repo, fileWith([first, second]), 'apply');
    expect(summary.itemsAdded).toBe(1);
    const items = await repo.listItems();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'item-0', note: 'second', tags: ['y', 'x'] });
  });

  it('never overwrites a different stored item that happens to share an id', async () => {
    const { repo, db, item } = await withStored('mine', 1_000_000, []);
    await importJson(repo, fileWith([{ ...validItem(1), id: item.id }]), 'apply');
    expect(await getItem(db, item.id)).toEqual(item);
    const items = await repo.listItems();
    expect(items).toHaveLength(2);
    expect(items.find((candidate) => candidate.id !== item.id)?.title).toBe(validItem(1).title);
  });

  it('caps merged tags and reports it', async () => {
    const { repo, db, item } = await withStored('n', 1_000_000, Array.from({ length: 20 }, (_, n) => `s${n}`));
    const summary = await importJson(repo,
      fileWith([{ ...item, tags: Array.from({ length: 20 }, (_, n) => `i${n}`), updatedAt: 2_000_000 }]),
      'apply',
    );
    expect(summary.itemsWithTagsTruncated).toBe(1);
    expect((await getItem(db, item.id))!.tags).toHaveLength(32);
  });

  it('merges visits and settings without double counting', async () => {
    const { repo } = store();
    await repo.recordVisit('https://www.ettoday.net/news/20251115/3067837.htm', STORY);
    await repo.disableSite('oe24.at');
    const summary = await importJson(repo, JSON.stringify({ ...validDoc(0), items: [] }), 'apply');
    expect(summary).toMatchObject({ visitsUpdated: 1, settingsChanged: true });
    const [visit] = await repo.listVisits();
    expect(visit!.count).toBe(3);
    expect(visit!.firstAt).toBe(1763193600000);
    expect(await repo.getSettings()).toEqual({ sidebarMode: 'first-open', disabledSites: ['oe24.at', 'example.org'] });
  });

  it('imports 10,000 items in one go', async () => {
    const { repo } = store();
    const doc = validDoc(0);
    doc.items = Array.from({ length: 10_000 }, (_, n) => validItem(n));
    const summary = await importJson(repo, JSON.stringify(doc), 'apply');
    expect(summary.itemsAdded).toBe(10_000);
    expect(await repo.listItems({ text: 'hurriyet' })).toHaveLength(10_000);
  });
});

describe('a file’s settings are applied only when the reader says so', () => {
  const withSettings = () =>
    JSON.stringify({ ...validDoc(2), settings: { sidebarMode: 'tab-only', disabledSites: ['a.example', 'oe24.at', 'b.example'] } });

  it("'ignore' imports the items all the same and leaves every setting as it was", async () => {
    const { repo } = store();
    await repo.disableSite('oe24.at');
    const before = await repo.getSettings();
    const summary = await importJson(repo, withSettings(), 'ignore');
    expect(summary).toMatchObject({ itemsAdded: 2, visitsAdded: 1, settingsChanged: false });
    expect(await repo.listItems()).toHaveLength(2);
    expect(await repo.getSettings()).toEqual(before);
    // importData, the path after a message, honours it too.
    expect(await repo.importData(parsed(withSettings()), 'ignore')).toMatchObject({ itemsUnchanged: 2, settingsChanged: false });
    expect(await repo.getSettings()).toEqual(before);
  });

  it("'apply' merges exactly what settingsChanges told the reader", async () => {
    const { repo } = store();
    await repo.disableSite('oe24.at');
    const told = settingsChanges(await repo.getSettings(), parsed(withSettings()).settings);
    expect(told).toEqual({ sidebarMode: { from: 'first-open', to: 'tab-only' }, sitesOff: ['a.example', 'b.example'] });
    const summary = await importJson(repo, withSettings(), 'apply');
    expect(summary).toMatchObject({ itemsAdded: 2, settingsChanged: true });
    expect(await repo.getSettings()).toEqual({ sidebarMode: 'tab-only', disabledSites: ['oe24.at', 'a.example', 'b.example'] });
    expect(settingsChanges(await repo.getSettings(), parsed(withSettings()).settings)).toBeNull();
  });

  it('refuses an import that does not say, and changes nothing', async () => {
    const source = await populated();
    const before = await dumpDb(source.db);
    for (const choice of [undefined, 'yes', 'APPLY', true]) {
      for (const attempt of [
        () => importJson(source.repo, withSettings(), choice as never),
        () => source.repo.importData(parsed(withSettings()), choice as never),
      ]) {
        const error = await attempt().catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(StorageError);
        expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/settings: must say whether to apply/) });
      }
    }
    expect(await dumpDb(source.db)).toEqual(before);
  });

  it('refuses a malformed file with its reason whatever the choice, changing nothing', async () => {
    const source = await populated();
    const before = await dumpDb(source.db);
    const broken = withSettings().slice(0, -20);
    for (const choice of ['apply', 'ignore'] as const) {
      const error = await importJson(source.repo, broken, choice).catch((reason: unknown) => reason);
      expect(error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/not valid JSON/) });
    }
    expect(await dumpDb(source.db)).toEqual(before);
  });
});

describe('a refused import changes nothing', () => {
  it.each(MALFORMED.map((c) => [c.name, c] as const))('%s', async (_name, malformed) => {
    const source = await populated();
    const before = await dumpDb(source.db);
    const text = malformed.text();
    const error = await importJson(source.repo, text, 'apply').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('invalid');
    expect((error as StorageError).message).toMatch(malformed.message);
    if (malformed.layer === 'payload') {
      // The same content handed straight to importData (as after a message) is refused too.
      const again = await source.repo.importData(JSON.parse(text) as ImportData, 'apply').catch((reason: unknown) => reason);
      expect(again).toBeInstanceOf(StorageError);
      expect((again as StorageError).code).toBe('invalid');
    }
    expect(await dumpDb(source.db)).toEqual(before);
  });

  it('checks a parsed file again once it has been copied, as a message copies it', async () => {
    const source = await populated();
    const before = await dumpDb(source.db);
    const copy = structuredClone(parsed(JSON.stringify(validDoc(2))));
    copy.items[1]!.url = 'javascript:alert(1)';
    const error = await source.repo.importData(copy, 'apply').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'invalid' });
    expect((error as StorageError).message).toMatch(/^Nothing was imported: items\[1\]\.url/);
    expect(await dumpDb(source.db)).toEqual(before);
  });

  it('rolls everything back when a write fails halfway', async () => {
    const source = await populated();
    const before = await dumpDb(source.db);
    failing(source.db.visits, 'bulkPut', () => new Error('disk error while writing visits'));
    const error = await importJson(source.repo, JSON.stringify(validDoc(5)), 'apply').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: 'unknown' });
    expect((error as Error).message).toMatch(/disk error while writing visits.*Nothing was changed/);
    expect(await dumpDb(source.db)).toEqual(before);
  });
});

describe('a full disk', () => {
  const quotaErrors: Array<[string, () => Error]> = [
    ['a DOMException QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['a Dexie.QuotaExceededError', () => new Dexie.QuotaExceededError('quota')],
    ['an AbortError caused by a quota error', () => new Dexie.AbortError('Transaction aborted', new DOMException('full', 'QuotaExceededError'))],
  ];

  it.each(quotaErrors)('surfaces %s during an import as StorageError "quota", changing nothing', async (_name, make) => {
    const source = await populated();
    const before = await dumpDb(source.db);
    failing(source.db.items, 'bulkPut', make);
    const error = await importJson(source.repo, JSON.stringify(validDoc(3)), 'apply').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('quota');
    expect((error as StorageError).message).toMatch(/no room left to store saved items\. Nothing was changed\./);
    expect(await dumpDb(source.db)).toEqual(before);
  });

  it('surfaces a quota error when saving or undoing', async () => {
    const source = await populated();
    const [first] = await source.repo.listItems();
    const token = await source.repo.deleteItems([first!.id]);
    const full = () => new DOMException('full', 'QuotaExceededError');
    failing(source.db.items, 'add', full);
    const roomAgain = failing(source.db.items, 'bulkPut', full);
    await expect(source.repo.saveItem({ ...INPUTS[0]!, url: 'https://www.881903.com/news/amp/international/2605621' })).rejects.toMatchObject({ code: 'quota' });
    await expect(source.repo.undoDelete(token)).rejects.toMatchObject({ code: 'quota' });
    // The deletion is still undoable once there is room again.
    roomAgain();
    expect(await source.repo.undoDelete(token)).toBe(1);
  });
});
