// What the popup shows, as pure functions of the saved items and the reader's choices. The
// heavy lifting (folded haystacks, cached sort orders) is the storage layer's in-memory search
// index, so the popup and the background's `items/list` agree on what a search matches.

import type { ItemKind, SavedItem } from '../../storage/model';
import {
  applyChanges,
  buildIndex,
  facetsOf,
  searchIndex,
  type Facets,
  type IndexQuery,
  type SearchIndex,
} from '../../storage/search';
import { sameItem } from '../../storage/merge';

export const SORT_CHOICES = ['newest', 'oldest', 'updated', 'title', 'site'] as const;
export type SortChoice = (typeof SORT_CHOICES)[number];

/** Story filter value for items saved outside any story; no pack id can hold a NUL. */
export const NO_STORY = '\u0000none';

export interface ViewFilters {
  text: string;
  /** '' for all stories, NO_STORY, or a story id. */
  story: string;
  kind: ItemKind | '';
  tag: string;
  site: string;
  sort: SortChoice;
}

export const DEFAULT_FILTERS: Readonly<ViewFilters> = Object.freeze({
  text: '',
  story: '',
  kind: '',
  tag: '',
  site: '',
  sort: 'newest',
});

export function isFiltered(f: ViewFilters): boolean {
  return f.text.trim() !== '' || f.story !== '' || f.kind !== '' || f.tag !== '' || f.site !== '';
}

export function toIndexQuery(f: ViewFilters): IndexQuery {
  const q: IndexQuery = {};
  if (f.text.trim() !== '') q.text = f.text;
  if (f.story === NO_STORY) q.storyId = null;
  else if (f.story !== '') q.storyId = f.story;
  if (f.kind !== '') q.kind = f.kind;
  if (f.tag !== '') q.tag = f.tag;
  if (f.site !== '') q.site = f.site;
  switch (f.sort) {
    case 'newest':
      return { ...q, sort: 'createdAt', order: 'desc' };
    case 'oldest':
      return { ...q, sort: 'createdAt', order: 'asc' };
    case 'updated':
      return { ...q, sort: 'updatedAt', order: 'desc' };
    case 'title':
      return { ...q, sort: 'title', order: 'asc' };
    case 'site':
      return { ...q, sort: 'site', order: 'asc' };
  }
}

export interface ItemsView {
  index: SearchIndex;
  facets: Facets;
  /** Items not hidden by a pending delete. */
  total: number;
}

export function makeView(items: readonly SavedItem[]): ItemsView {
  const index = buildIndex(items);
  return { index, facets: facetsOf(index), total: index.entries.size };
}

/**
 * The view after a re-read of every item. A write usually touches a few items, so only those
 * are re-folded; the previous view's index is updated in place and must not be used again.
 */
export function refreshView(previous: ItemsView | null, items: readonly SavedItem[]): ItemsView {
  if (!previous) return makeView(items);
  const old = previous.index.entries;
  const upserts: SavedItem[] = [];
  const present = new Set<string>();
  for (const item of items) {
    present.add(item.id);
    const entry = old.get(item.id);
    if (!entry || !sameItem(entry.item, item)) upserts.push(item);
  }
  const deleted: string[] = [];
  for (const id of old.keys()) if (!present.has(id)) deleted.push(id);
  // Past a point, rebuilding is cheaper than patching, and a first page grown to the whole
  // collection always is.
  if (upserts.length + deleted.length > Math.max(100, items.length / 4)) return makeView(items);
  if (upserts.length === 0 && deleted.length === 0) return previous;
  applyChanges(previous.index, upserts, deleted);
  return { index: previous.index, facets: facetsOf(previous.index), total: previous.index.entries.size };
}

/**
 * The rows to show. `hidden` holds ids whose delete was sent but whose removal has not come
 * back from the database yet, so a deleted row disappears at once.
 */
export function visibleItems(view: ItemsView, f: ViewFilters, hidden: ReadonlySet<string>): SavedItem[] {
  const found = searchIndex(view.index, toIndexQuery(f));
  return hidden.size === 0 ? found : found.filter((item) => !hidden.has(item.id));
}

/** Items saved outside any story, for the story filter's "Not in a story" entry. */
export function storylessCount(view: ItemsView): number {
  let inStories = 0;
  for (const facet of view.facets.storyIds) inStories += facet.count;
  return view.total - inStories;
}

export function countHidden(view: ItemsView, hidden: ReadonlySet<string>): number {
  let n = 0;
  for (const id of hidden) if (view.index.entries.has(id)) n++;
  return n;
}

/** `set` without `ids`. */
export function without(set: ReadonlySet<string>, ids: Iterable<string>): Set<string> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

/** `set` without the ids no longer in `view`; the same set when nothing went. */
export function keepPresent(set: ReadonlySet<string>, view: ItemsView): ReadonlySet<string> {
  if (set.size === 0) return set;
  const next = new Set<string>();
  for (const id of set) if (view.index.entries.has(id)) next.add(id);
  return next.size === set.size ? set : next;
}

/** Selection state of the "select all shown" box. */
export function selectAllState(shown: readonly SavedItem[], selected: ReadonlySet<string>): 'none' | 'some' | 'all' {
  if (shown.length === 0 || selected.size === 0) return 'none';
  let n = 0;
  for (const item of shown) if (selected.has(item.id)) n++;
  return n === 0 ? 'none' : n === shown.length ? 'all' : 'some';
}

/** The selected ids a delete acts on: only rows the reader can see, so nothing unseen goes. */
export function selectedShown(shown: readonly SavedItem[], selected: ReadonlySet<string>): string[] {
  if (selected.size === 0) return [];
  return shown.filter((item) => selected.has(item.id)).map((item) => item.id);
}

export function toggleAllShown(shown: readonly SavedItem[], selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  if (selectAllState(shown, selected) === 'all') for (const item of shown) next.delete(item.id);
  else for (const item of shown) next.add(item.id);
  return next;
}
