// The bugs readers saw when storage and the sidebar disagreed about which links are one page:
// for each link, what a save does (storage), what the sidebar says ("Saved", and which item
// Undo would delete), what the popup lists and whether the source is marked opened must agree.
import { afterEach, describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { makeView } from '../../../src/ui/popup/model';
import { isOpened, openedUrlSet } from '../../../src/ui/sidebar/pack-views';
import { articleInput, indexSaved, savedFor } from '../../../src/ui/sidebar/save-inputs';
import { destroy, freshStore, type TestStore } from '../storage/helpers/db';
import { tabContext } from './sidebar/fake-api';

const pack = bundledPacks[0]!;
const ARTICLE = 'https://www.example.com/news/a';

// Links that are the article at ARTICLE: a click id, its AMP copies.
const SAME = [
  'https://www.example.com/news/a?gclsrc=aw.ds',
  'https://example.com/amp/news/a',
  'https://amp.example.com/news/a',
  'https://www.example.com/news/a?amp=1',
  'https://example-com.cdn.ampproject.org/c/s/example.com/news/a',
  'https://www.example.com/news/a/?utm_source=x#comments',
];
// Links that may be another page: a feed parameter is a generic word a site may use to pick
// content; a.amp.html is the AMP copy of a.html, not of a.
const OTHER = ['https://www.example.com/news/a?source=rss', 'https://www.example.com/news/a.amp.html', 'https://www.example.com/news/a?p=2'];

let store: TestStore;
afterEach(async () => {
  await destroy(store);
});

async function sidebarFinds(url: string) {
  const input = articleInput(tabContext({ url }), pack, null)!;
  return savedFor(indexSaved(await store.repo.listItems()), input);
}

describe('one page, one identity: storage, sidebar and popup agree', () => {
  it.each(SAME)('%s is the saved article everywhere', async (url) => {
    store = freshStore();
    const saved = (await store.repo.saveItem(articleInput(tabContext({ url: ARTICLE }), pack, null)!)).item;
    // The sidebar says "Saved", and its Undo would delete the item a save here merges into.
    expect((await sidebarFinds(url))?.id).toBe(saved.id);
    const again = await store.repo.saveItem(articleInput(tabContext({ url }), pack, null)!);
    expect(again).toMatchObject({ created: false, item: { id: saved.id } });
    expect(makeView(await store.repo.listItems()).total).toBe(1);
    // Opened through this link: the source at ARTICLE is marked opened.
    await store.repo.recordVisit(url, pack.id);
    expect(isOpened(openedUrlSet(await store.repo.listVisits()), ARTICLE)).toBe(true);
  });

  it.each(OTHER)('%s is a page of its own everywhere', async (url) => {
    store = freshStore();
    await store.repo.saveItem(articleInput(tabContext({ url: ARTICLE }), pack, null)!);
    // The sidebar offers "Save", and a save there makes a second item the popup lists.
    expect(await sidebarFinds(url)).toBeUndefined();
    const there = await store.repo.saveItem(articleInput(tabContext({ url }), pack, null)!);
    expect(there.created).toBe(true);
    expect((await sidebarFinds(url))?.id).toBe(there.item.id);
    expect(makeView(await store.repo.listItems()).total).toBe(2);
    await store.repo.recordVisit(url, pack.id);
    expect(isOpened(openedUrlSet(await store.repo.listVisits()), ARTICLE)).toBe(false);
  });
});
