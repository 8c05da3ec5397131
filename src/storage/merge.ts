// How two copies of the same thing become one. Pure, so the rules can be tested on their own.

import { LIMITS, SAVED_ITEM_FIELDS, type SavedItem, type Settings, type SettingsPatch, type Visit } from './model';
import { unionTags } from './text';
import { siteOf } from './url';

/**
 * `stored` and `incoming` share a dedupe key. The copy edited last wins the note and metadata;
 * tags are the union (the winner's first); the stored item keeps its id and key so open
 * views and undo tokens stay valid. Merging the same copy again changes nothing.
 */
export function mergeItems(
  stored: SavedItem,
  incoming: SavedItem,
): { item: SavedItem; tagsTruncated: boolean } {
  const [newer, older] = incoming.updatedAt > stored.updatedAt ? [incoming, stored] : [stored, incoming];
  const { tags, truncated } = unionTags(newer.tags, older.tags, LIMITS.tagCount);
  const url = newer.url;
  return {
    item: {
      id: stored.id,
      kind: stored.kind,
      url,
      title: newer.title || older.title,
      publisher: newer.publisher || older.publisher,
      quote: newer.quote,
      note: newer.note,
      tags,
      storyId: newer.storyId ?? older.storyId,
      site: siteOf(url),
      ref: stored.ref,
      key: stored.key,
      createdAt: Math.min(stored.createdAt, incoming.createdAt),
      updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
    },
    tagsTruncated: truncated,
  };
}

/**
 * Two stored rows that a newer release's URL identity takes for one page (an AMP copy and the
 * article, say). Unlike a re-save, neither is a stale copy of the other, so both notes are
 * kept (the one edited last first) beside the union of the tags, and the first-saved URL stays
 * the link. Null when that would go over a limit: the caller then keeps both rows rather than
 * cut anything the reader wrote.
 */
export function mergeCollision(kept: SavedItem, other: SavedItem): SavedItem | null {
  const { item, tagsTruncated } = mergeItems(kept, other);
  if (tagsTruncated) return null;
  const [newer, older] = other.updatedAt > kept.updatedAt ? [other, kept] : [kept, other];
  const note = joinNotes(newer.note, older.note);
  if (note.length > LIMITS.noteLength) return null;
  return { ...item, note, url: kept.url, site: kept.site };
}

function joinNotes(first: string, second: string): string {
  if (second === '' || first.includes(second)) return first;
  if (first === '' || second.includes(first)) return second;
  return `${first}\n\n${second}`;
}

export function sameItem(a: SavedItem, b: SavedItem): boolean {
  return SAVED_ITEM_FIELDS.every((field) =>
    field === 'tags' ? a.tags.length === b.tags.length && a.tags.every((tag, n) => tag === b.tags[n]) : a[field] === b[field],
  );
}

/** Idempotent, so importing the same backup twice does not double the counts. */
export function mergeVisits(stored: Visit, incoming: Visit): Visit {
  const [latest, earlier] = incoming.lastAt > stored.lastAt ? [incoming, stored] : [stored, incoming];
  return {
    url: stored.url,
    storyId: latest.storyId ?? earlier.storyId,
    firstAt: Math.min(stored.firstAt, incoming.firstAt),
    lastAt: latest.lastAt,
    count: Math.max(stored.count, incoming.count),
  };
}

/**
 * Two stored visits that a newer release's URL identity takes for one page: distinct opens,
 * so their counts add up (unlike mergeVisits, which meets the same visit twice).
 */
export function combineVisits(url: string, a: Visit, b: Visit): Visit {
  const merged = mergeVisits(a, b);
  return { ...merged, url, count: Math.min(a.count + b.count, 1e9) };
}

export function sameVisit(a: Visit, b: Visit): boolean {
  return (
    a.url === b.url &&
    a.storyId === b.storyId &&
    a.firstAt === b.firstAt &&
    a.lastAt === b.lastAt &&
    a.count === b.count
  );
}

/** Imported settings: the file's sidebar mode; disabled sites from both, the current ones first. */
export function mergeSettings(current: Settings, incoming: SettingsPatch): Settings {
  const disabledSites = incoming.disabledSites
    ? [...new Set([...current.disabledSites, ...incoming.disabledSites])].slice(0, LIMITS.disabledSites)
    : current.disabledSites;
  return { sidebarMode: incoming.sidebarMode ?? current.sidebarMode, disabledSites };
}

/**
 * Duplicates inside one import file (same key) merge first, by the same rule as against stored
 * items; the keys whose tags hit the cap while merging are reported.
 */
export function mergeWithinFile(items: readonly SavedItem[]): { incoming: Map<string, SavedItem>; truncatedKeys: Set<string> } {
  const incoming = new Map<string, SavedItem>();
  const truncatedKeys = new Set<string>();
  for (const item of items) {
    const earlier = incoming.get(item.key);
    if (!earlier) {
      incoming.set(item.key, item);
      continue;
    }
    const merged = mergeItems(earlier, item);
    if (merged.tagsTruncated) truncatedKeys.add(item.key);
    incoming.set(item.key, merged.item);
  }
  return { incoming, truncatedKeys };
}
