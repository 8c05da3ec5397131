import { afterEach, describe, expect, it } from 'vitest';
import { StoryContextDb } from '../../../src/storage/db';
import { StorageError } from '../../../src/storage/errors';
import { LIMITS, type SavedItemInput } from '../../../src/storage/model';
import { createRepository } from '../../../src/storage/repository';
import { destroy, dumpDb, freshStore, getItem, type TestStore } from './helpers/db';

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
const article: SavedItemInput = {
  kind: 'article',
  url: 'https://www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769',
  title: "Alibaba denies report it helps China's military target US",
  publisher: 'Hürriyet Daily News (AFP copy)',
  note: 'Mentions the denial.',
  tags: ['AFP'],
  storyId: STORY,
};
const quote: SavedItemInput = {
  kind: 'quote',
  url: 'https://ttmnote.com/news/2583689840',
  title: 'Alibaba Group (spokesperson) to Reuters',
  quote: 'The assertions and innuendos in the article are completely false.',
  storyId: STORY,
  ref: 'statement-alibaba-reuters',
};

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('saveItem', () => {
  it('stores a new item with an id, its site, a dedupe key and times', async () => {
    const { repo, db, clock } = store();
    const { item, created } = await repo.saveItem(article);
    expect(created).toBe(true);
    expect(item).toMatchObject({
      kind: 'article',
      url: article.url,
      title: article.title,
      publisher: article.publisher,
      quote: '',
      note: 'Mentions the denial.',
      tags: ['AFP'],
      storyId: STORY,
      site: 'hurriyetdailynews.com',
      ref: '',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getItem(db, item.id)).toEqual(item);
  });

  it('merges a second save of the same thing instead of doubling it', async () => {
    const { repo, clock } = store();
    const first = await repo.saveItem(article);
    clock.advance(1000);
    const second = await repo.saveItem({
      ...article,
      url: 'http://hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769?utm_source=x',
      note: 'Checked: no FT caveat.',
      tags: ['afp', 'caveat'],
    });
    expect(second.created).toBe(false);
    expect(second.item.id).toBe(first.item.id);
    expect(second.item.note).toBe('Checked: no FT caveat.');
    expect(second.item.tags).toEqual(['AFP', 'caveat']);
    expect(second.item.createdAt).toBe(first.item.createdAt);
    expect(second.item.updatedAt).toBe(clock.now());
    expect(await repo.listItems()).toHaveLength(1);
  });

  it('keeps the existing note when saved again without one, and changes nothing if nothing is new', async () => {
    const { repo, clock } = store();
    const first = await repo.saveItem(article);
    clock.advance(1000);
    const again = await repo.saveItem({ ...article, note: '' });
    expect(again.item).toEqual(first.item);
  });

  it('refuses a merge that would exceed the tag cap and leaves the item as it was', async () => {
    const { repo, db } = store();
    await repo.saveItem({ ...article, tags: Array.from({ length: 30 }, (_, n) => `t${n}`) });
    const before = await dumpDb(db);
    const error = await rejection(repo.saveItem({ ...article, tags: ['x', 'y', 'z'] }));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/tags: this item already has 30 tags; together they would be more than 32/);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('saves two different items saved at the same moment', async () => {
    const { repo } = store();
    const [a, b] = await Promise.all([repo.saveItem(article), repo.saveItem(quote)]);
    expect(a.item.id).not.toBe(b.item.id);
    expect((await repo.listItems()).map((item) => item.id).sort()).toEqual([a.item.id, b.item.id].sort());
  });

  it('turns two concurrent saves of the same thing into one item with both tag sets', async () => {
    const { repo } = store();
    const results = await Promise.all([
      repo.saveItem({ ...article, tags: ['one'] }),
      repo.saveItem({ ...article, tags: ['two'] }),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    const items = await repo.listItems();
    expect(items).toHaveLength(1);
    expect(items[0]!.tags).toEqual(['one', 'two']);
  });

  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)' }, /^url: must be an http\(s\) URL$/],
    ['a URL over 2048 characters', { url: `https://example.com/${'a'.repeat(2050)}` }, /^url: longer than 2048 characters/],
    ['a note over 10,000 characters', { note: 'n'.repeat(10_001) }, /^note: longer than 10000 characters \(found 10001\)$/],
    ['33 tags', { tags: Array.from({ length: 33 }, (_, n) => `t${n}`) }, /^tags: more than 32 tags \(found 33\)$/],
    ['a 65-character tag', { tags: ['x'.repeat(65)] }, /^tags\[0\]: longer than 64 characters/],
    ['an unknown kind', { kind: 'video' }, /^kind: must be one of article, claim, quote, source/],
    ['a caller-chosen id', { id: 'mine' }, /^id: is not a field of a saved item$/],
    ['an empty story id', { storyId: '' }, /^storyId: must not be empty/],
  ])('refuses %s with a message naming the field', async (_name, change, message) => {
    const { repo, db } = store();
    await repo.saveItem(quote);
    const before = await dumpDb(db);
    const error = await rejection(repo.saveItem({ ...article, ...change } as SavedItemInput));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(message);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('accepts a note of exactly the cap and trims surrounding whitespace', async () => {
    const { repo } = store();
    const { item } = await repo.saveItem({ ...article, note: `  ${'n'.repeat(LIMITS.noteLength)}\n` });
    expect(item.note).toHaveLength(LIMITS.noteLength);
  });
});

describe('updateItem', () => {
  it('replaces note and tags and moves updatedAt forward', async () => {
    const { repo, db, clock } = store();
    const { item } = await repo.saveItem(article);
    clock.advance(5000);
    const updated = await repo.updateItem(item.id, { note: 'new note', tags: ['Reuters', 'reuters', ' AFP '] });
    expect(updated).toEqual({ ...item, note: 'new note', tags: ['Reuters', 'AFP'], updatedAt: clock.now() });
    expect(await getItem(db, item.id)).toEqual(updated);
  });

  it('moves updatedAt forward even if the clock went back, so the edit wins later merges', async () => {
    const { repo, clock } = store();
    const { item } = await repo.saveItem(article);
    clock.advance(-60_000);
    const updated = await repo.updateItem(item.id, { note: 'edited' });
    expect(updated.updatedAt).toBeGreaterThan(item.updatedAt);
  });

  it('leaves an item untouched when the patch changes nothing', async () => {
    const { repo, clock } = store();
    const { item } = await repo.saveItem(article);
    clock.advance(5000);
    expect(await repo.updateItem(item.id, { note: item.note })).toEqual(item);
  });

  it('says when the item is gone, and validates the patch', async () => {
    const { repo } = store();
    const { item } = await repo.saveItem(article);
    expect((await rejection(repo.updateItem('no-such-item', { note: 'x' }))).code).toBe('not-found');
    const invalid = await rejection(repo.updateItem(item.id, { title: 'x' } as never));
    expect(invalid.message).toMatch(/^title: is not a field of an edit of note and tags$/);
  });
});

describe('deleteItems and undoDelete', () => {
  it('restores exactly what was deleted', async () => {
    const { repo, db, clock } = store();
    await repo.saveItem(article);
    await repo.saveItem(quote);
    const keep = await repo.saveItem({ ...article, url: 'https://www.oe24.at/businesslive/usa-werfen-alibaba-hilfestellung-bei-chinesischen-angriffen-vor/656197559' });
    const before = (await dumpDb(db)).items;
    const doomed = (await repo.listItems()).filter((item) => item.id !== keep.item.id).map((item) => item.id);
    clock.advance(1000);
    const token = await repo.deleteItems([...doomed, 'never-existed', doomed[0]!]);
    expect(token.count).toBe(2);
    expect((await repo.listItems()).map((item) => item.id)).toEqual([keep.item.id]);
    clock.advance(1000);
    expect(await repo.undoDelete(token)).toBe(2);
    expect((await dumpDb(db)).items).toEqual(before);
    expect((await dumpDb(db)).trash).toEqual([]);
  });

  it('still undoes after the background restarted (a new connection and repository)', async () => {
    const { repo, db, name, clock } = store();
    const { item } = await repo.saveItem(article);
    const token = await repo.deleteItems([item.id]);
    db.close();
    const reopened = new StoryContextDb(name);
    const restarted = createRepository(reopened, { now: clock.now });
    try {
      expect(await restarted.undoDelete(JSON.parse(JSON.stringify(token)))).toBe(1);
      expect(await getItem(reopened, item.id)).toEqual(item);
    } finally {
      reopened.close();
    }
  });

  it('cannot undo twice or after the undo window', async () => {
    const { repo, db, clock } = store();
    const a = await repo.saveItem(article);
    const b = await repo.saveItem(quote);
    const first = await repo.deleteItems([a.item.id]);
    await repo.undoDelete(first);
    expect((await rejection(repo.undoDelete(first))).code).toBe('not-found');

    const second = await repo.deleteItems([b.item.id]);
    clock.advance(LIMITS.trashTtlMs + 1);
    const expired = await rejection(repo.undoDelete(second));
    expect(expired.code).toBe('not-found');
    expect(expired.message).toBe('This deletion can no longer be undone.');
    expect(await db.trash.count()).toBe(0);
  });

  it('purges expired deletions when something else is deleted', async () => {
    const { repo, db, clock } = store();
    const a = await repo.saveItem(article);
    const b = await repo.saveItem(quote);
    await repo.deleteItems([a.item.id]);
    clock.advance(LIMITS.trashTtlMs + 1);
    await repo.deleteItems([b.item.id]);
    expect((await db.trash.toArray()).flatMap((entry) => entry.items.map((item) => item.id))).toEqual([b.item.id]);
  });

  it('keeps both when the same thing was saved again before the undo', async () => {
    const { repo, clock } = store();
    const original = await repo.saveItem({ ...article, note: 'original note' });
    const token = await repo.deleteItems([original.item.id]);
    clock.advance(1000);
    const resaved = await repo.saveItem({ ...article, note: 'saved again' });
    expect(resaved.created).toBe(true);
    await repo.undoDelete(token);
    const items = await repo.listItems({ sort: 'createdAt', order: 'asc' });
    expect(items.map((item) => item.note)).toEqual(['original note', 'saved again']);
    expect(items[0]!.key).toBe(`${resaved.item.key}#${original.item.id}`);
    // A later save merges into the one holding the plain key.
    const merged = await repo.saveItem({ ...article, tags: ['later'] });
    expect(merged.item.id).toBe(resaved.item.id);
  });
});

describe('visits', () => {
  it('counts repeat visits to the same page however the link was written', async () => {
    const { repo, clock } = store();
    const first = await repo.recordVisit('https://www.ettoday.net/news/20251115/3067837.htm', STORY);
    clock.advance(60_000);
    const again = await repo.recordVisit('http://ettoday.net/news/20251115/3067837.htm?utm_campaign=x#top', STORY);
    expect(again).toEqual({
      url: 'https://ettoday.net/news/20251115/3067837.htm',
      storyId: STORY,
      firstAt: first.firstAt,
      lastAt: clock.now(),
      count: 2,
    });
  });

  it('lists a story’s visits, most recent first', async () => {
    const { repo, clock } = store();
    await repo.recordVisit('https://www.oe24.at/businesslive/usa-werfen-alibaba-hilfestellung-bei-chinesischen-angriffen-vor/656197559', STORY);
    clock.advance(1000);
    await repo.recordVisit('https://www.ettoday.net/news/20251115/3067837.htm', STORY);
    await repo.recordVisit('https://news.ru/usa/torgovogo-giganta-iz-kitaya-obvinili-v-sotrudnichestve-s-noak-protiv-ssha', 'other-story');
    expect((await repo.listVisits(STORY)).map((visit) => visit.url)).toEqual([
      'https://ettoday.net/news/20251115/3067837.htm',
      'https://oe24.at/businesslive/usa-werfen-alibaba-hilfestellung-bei-chinesischen-angriffen-vor/656197559',
    ]);
    expect(await repo.listVisits()).toHaveLength(3);
    await repo.clearVisits();
    expect(await repo.listVisits()).toEqual([]);
  });

  it('refuses what is not an http(s) page', async () => {
    const { repo } = store();
    expect((await rejection(repo.recordVisit('chrome://settings', STORY))).code).toBe('invalid');
    expect((await rejection(repo.recordVisit(42 as never, STORY))).code).toBe('invalid');
  });
});

describe('settings', () => {
  it('starts from the defaults and keeps updates', async () => {
    const { repo } = store();
    expect(await repo.getSettings()).toEqual({ sidebarMode: 'first-open', disabledSites: [] });
    expect(await repo.updateSettings({ sidebarMode: 'tab-only' })).toEqual({ sidebarMode: 'tab-only', disabledSites: [] });
    expect(await repo.getSettings()).toEqual({ sidebarMode: 'tab-only', disabledSites: [] });
  });

  it('turns the sidebar off and on for a site given as a URL or a hostname', async () => {
    const { repo } = store();
    await repo.disableSite('https://www.ettoday.net/news/20251115/3067837.htm');
    await repo.disableSite('ETTODAY.net');
    await repo.disableSite('oe24.at');
    expect((await repo.getSettings()).disabledSites).toEqual(['ettoday.net', 'oe24.at']);
    await repo.enableSite('www.ettoday.net');
    expect((await repo.getSettings()).disabledSites).toEqual(['oe24.at']);
    expect((await rejection(repo.disableSite('not a site'))).code).toBe('invalid');
  });

  it('refuses invalid values and unknown settings', async () => {
    const { repo } = store();
    expect((await rejection(repo.updateSettings({ sidebarMode: 'sometimes' } as never))).message).toMatch(
      /^sidebarMode: must be one of first-open, always-open, tab-only/,
    );
    expect((await rejection(repo.updateSettings({ theme: 'dark' } as never))).message).toMatch(/^theme: is not a field/);
  });

  it('falls back to the default for one unreadable stored value without losing the others', async () => {
    const { repo, db } = store();
    await repo.updateSettings({ sidebarMode: 'always-open', disabledSites: ['example.org'] });
    await db.settings.put({ key: 'sidebarMode', value: 'from-a-newer-version' });
    expect(await repo.getSettings()).toEqual({ sidebarMode: 'first-open', disabledSites: ['example.org'] });
  });
});
