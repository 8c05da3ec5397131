// The shapes of everything the extension stores. Pure: no Dexie, no browser APIs, so the
// formats (export/import) and the UI can share these types without pulling in the database.
// The shapes that also cross the message protocol are defined once in model/shapes.ts.
import type { ItemKind, SavedItem, Settings, SettingsPatch, Visit } from '../model/shapes';

export {
  ITEM_KINDS,
  LIMITS,
  SIDEBAR_MODES,
  type ImportSummary,
  type ItemKind,
  type ItemPatch,
  type SavedItem,
  type Settings,
  type SettingsPatch,
  type SidebarMode,
  type StorageSnapshot,
  type UndoToken,
  type Visit,
} from '../model/shapes';

/**
 * Every field of a SavedItem and of a Visit, in the order backups write them. One list, so
 * the export's field order and the merge's equality cannot drift apart from the shape.
 */
export const SAVED_ITEM_FIELDS = [
  'id', 'kind', 'title', 'url', 'publisher', 'site', 'quote', 'note', 'tags', 'storyId', 'ref', 'key', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof SavedItem)[];
export const VISIT_FIELDS = ['url', 'storyId', 'firstAt', 'lastAt', 'count'] as const satisfies readonly (keyof Visit)[];
// A field added to either shape and not to its list fails here.
type AllListed<T, L extends readonly (keyof T)[]> = Exclude<keyof T, L[number]> extends never ? true : never;
const savedItemFieldsComplete: AllListed<SavedItem, typeof SAVED_ITEM_FIELDS> = true;
const visitFieldsComplete: AllListed<Visit, typeof VISIT_FIELDS> = true;
void savedItemFieldsComplete;
void visitFieldsComplete;

/** What a caller supplies to save an item; everything the repository can derive is left out. */
export interface SavedItemInput {
  kind: ItemKind;
  /**
   * For claims, quotes and sources pass the pack item's source URL, not the page being read,
   * so that the same claim saved from two pages is one item.
   */
  url: string;
  title?: string;
  publisher?: string;
  quote?: string;
  note?: string;
  tags?: string[];
  storyId?: string | null;
  ref?: string;
}

export const SORT_FIELDS = ['createdAt', 'updatedAt', 'title', 'site'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';

export interface ItemQuery {
  /** A story id, or null for items saved outside any story; omit for all. */
  storyId?: string | null;
  kind?: ItemKind;
  /** Exact tag, compared case- and accent-insensitively. */
  tag?: string;
  /** Hostname as in SavedItem.site ("www." is ignored). */
  site?: string;
  /** Words that must all appear (substring, case/accent-insensitive) in title, publisher, site, note, quote or tags. */
  text?: string;
  /** Default createdAt. */
  sort?: SortField;
  /** Default desc. */
  order?: SortOrder;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sidebarMode: 'first-open',
  disabledSites: Object.freeze([]) as unknown as string[],
});

export interface InstalledPack {
  id: string;
  version: string;
  installedAt: number;
  /** The pack's JSON text, verbatim; the packs module owns its schema. */
  json: string;
}

/** What the sidebar needs to mark pack items and the current article as saved. */
export interface SavedKeyEntry {
  id: string;
  key: string;
  kind: ItemKind;
  ref: string;
  url: string;
}

/** Validated, normalised content of an import, ready for importData. */
export interface ImportData {
  items: SavedItem[];
  visits: Visit[];
  /** Only the settings the file holds. */
  settings: SettingsPatch;
}
