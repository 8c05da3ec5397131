import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  isFiltered,
  makeView,
  NO_STORY,
  refreshView,
  selectAllState,
  selectedShown,
  storylessCount,
  toggleAllShown,
  visibleItems,
  type ViewFilters,
} from '../../../../src/ui/popup/model';
import { makeItem } from './fake-api';

const items = [
  makeItem(1, { title: 'Alibaba denies memo claims', note: 'Check the FT caveat', tags: ['China', 'denial'], kind: 'article', site: 'reuters.com' }),
  makeItem(2, { title: 'Embassy statement', quote: 'groundless accusations', tags: ['embassy'], kind: 'quote', site: 'news.cnbc.com' }),
  makeItem(3, { title: 'Zebra story', tags: ['china'], kind: 'claim', site: 'scmp.com', storyId: null }),
  makeItem(4, { title: 'Économie et Alibaba', kind: 'source', site: 'lemonde.fr', updatedAt: Date.UTC(2030, 0, 1) }),
];
const view = makeView(items);
const ids = (f: Partial<ViewFilters>, hidden: ReadonlySet<string> = new Set()) =>
  visibleItems(view, { ...DEFAULT_FILTERS, ...f }, hidden).map((i) => i.id);

describe('visibleItems', () => {
  it('shows every item, newest first, when nothing is chosen', () => {
    expect(ids({})).toEqual(['item-4', 'item-3', 'item-2', 'item-1']);
  });

  it('searches title, note, quote and tags, every word, ignoring case and accents', () => {
    expect(ids({ text: 'caveat' })).toEqual(['item-1']);
    expect(ids({ text: 'GROUNDLESS' })).toEqual(['item-2']);
    expect(ids({ text: 'embassy' })).toEqual(['item-2']);
    expect(ids({ text: 'economie' })).toEqual(['item-4']);
    expect(ids({ text: 'alibaba memo' })).toEqual(['item-1']);
    expect(ids({ text: 'nothing like this' })).toEqual([]);
  });

  it('filters by story, kind, tag and site', () => {
    expect(ids({ story: NO_STORY })).toEqual(['item-3']);
    expect(ids({ story: 'alibaba-pla-memo' })).toEqual(['item-4', 'item-2', 'item-1']);
    expect(ids({ kind: 'quote' })).toEqual(['item-2']);
    expect(ids({ tag: 'CHINA' })).toEqual(['item-3', 'item-1']);
    expect(ids({ site: 'cnbc.com' })).toEqual(['item-2']);
  });

  it('sorts by age, last update, title and site', () => {
    expect(ids({ sort: 'oldest' })).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);
    expect(ids({ sort: 'updated' })[0]).toBe('item-4');
    expect(ids({ sort: 'title' })).toEqual(['item-1', 'item-4', 'item-2', 'item-3']);
    expect(ids({ sort: 'site' })).toEqual(['item-4', 'item-2', 'item-1', 'item-3']);
  });

  it('leaves out items whose delete is on its way', () => {
    expect(ids({}, new Set(['item-2', 'item-4']))).toEqual(['item-3', 'item-1']);
  });

  it('counts items outside any story', () => {
    expect(storylessCount(view)).toBe(1);
  });
});

describe('refreshView', () => {
  it('finds edited, added and deleted items after a re-read', () => {
    const before = makeView(items);
    const edited = items.map((i) => (i.id === 'item-1' ? { ...i, note: 'now about zeppelins', tags: ['blimp'] } : i));
    const after = refreshView(before, [...edited.filter((i) => i.id !== 'item-2'), makeItem(9, { title: 'Fresh' })]);
    const search = (text: string) => visibleItems(after, { ...DEFAULT_FILTERS, text }, new Set()).map((i) => i.id);
    expect(search('zeppelins')).toEqual(['item-1']);
    expect(search('caveat')).toEqual([]);
    expect(search('groundless')).toEqual([]);
    expect(search('fresh')).toEqual(['item-9']);
    expect(after.total).toBe(4);
    expect(after.facets.tags.map((t) => t.value)).toContain('blimp');
  });

  it('keeps the same view when nothing changed, so nothing re-renders', () => {
    const before = makeView(items);
    expect(refreshView(before, items.map((i) => ({ ...i, tags: [...i.tags] })))).toBe(before);
  });
});

describe('isFiltered', () => {
  it('is false for blank search and no filters, true otherwise', () => {
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, text: '   ', sort: 'title' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, tag: 'x' })).toBe(true);
  });
});

describe('selection', () => {
  const shown = items.slice(0, 3);
  it('reports none, some or all of the shown rows as selected', () => {
    expect(selectAllState(shown, new Set())).toBe('none');
    expect(selectAllState(shown, new Set(['item-1']))).toBe('some');
    expect(selectAllState(shown, new Set(['item-1', 'item-2', 'item-3']))).toBe('all');
    expect(selectAllState(shown, new Set(['item-4']))).toBe('none');
  });

  it('select all shown adds the shown rows, and a second press removes them', () => {
    const once = toggleAllShown(shown, new Set(['item-4']));
    expect([...once].sort()).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);
    expect([...toggleAllShown(shown, once)]).toEqual(['item-4']);
  });

  it('deletes only selected rows that are shown', () => {
    expect(selectedShown(shown, new Set(['item-2', 'item-4']))).toEqual(['item-2']);
  });
});
