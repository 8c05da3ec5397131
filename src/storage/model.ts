// The shapes of everything the extension stores. Pure: no Dexie, no browser APIs, so the
// formats (export/import) and the UI can share these types without pulling in the database.

export const ITEM_KINDS = ['article', 'claim', 'quote', 'source'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A saved item as stored and as returned by the repository. */
export interface SavedItem {
  /** crypto.randomUUID() at creation; stable across export/import. */
  id: string;
  kind: ItemKind;
  /** Canonical serialisation of an http(s) URL (credentials stripped, fragment kept). */
  url: string;
  title: string;
  publisher: string;
  /** Quoted text, '' if none. */
  quote: string;
  note: string;
  tags: string[];
  storyId: string | null;
  /** Hostname of url without a leading "www.". */
  site: string;
  /** Pack item id (claim/statement/coverage id), '' for an article. */
  ref: string;
  /**
   * Dedupe key: kind|normalised url|ref|quote hash. Saving or importing the same thing again
   * merges into the item holding this key. Rows that already existed twice before keys were
   * introduced keep their row under `<key>#<id>` rather than lose anything.
   */
  key: string;
  /** ms since the epoch */
  createdAt: number;
  /** ms since the epoch */
  updatedAt: number;
}

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

export interface ItemPatch {
  note?: string;
  /** Replaces the tag list. */
  tags?: string[];
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

/** A coverage URL the reader opened. */
export interface Visit {
  /** The opened URL's identity (url/identity.ts): for comparison, not a link to open. */
  url: string;
  storyId: string | null;
  firstAt: number;
  lastAt: number;
  count: number;
}

export const SIDEBAR_MODES = ['first-open', 'always-open', 'tab-only'] as const;
export type SidebarMode = (typeof SIDEBAR_MODES)[number];

export interface Settings {
  sidebarMode: SidebarMode;
  /** Hostnames (lowercase, no "www.") where the sidebar never appears; subdomains included. */
  disabledSites: string[];
}
export type SettingsPatch = Partial<Settings>;

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

/** Returned by deleteItems; hand it back to undoDelete. Plain data, so it survives messaging. */
export interface UndoToken {
  id: string;
  /** How many items the deletion removed. */
  count: number;
  /** After this time (ms epoch) the deleted items are purged and undo fails. */
  expiresAt: number;
}

/** What the sidebar needs to mark pack items and the current article as saved. */
export interface SavedKeyEntry {
  id: string;
  key: string;
  kind: ItemKind;
  ref: string;
  url: string;
}

/** Everything a user would want back from a backup; what exportAll returns. */
export interface StorageSnapshot {
  items: SavedItem[];
  visits: Visit[];
  settings: Settings;
}

/** Validated, normalised content of an import, ready for importData. */
export interface ImportData {
  items: SavedItem[];
  visits: Visit[];
  /** Only the settings the file holds. */
  settings: SettingsPatch;
}

export interface ImportSummary {
  itemsAdded: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  visitsAdded: number;
  visitsUpdated: number;
  settingsChanged: boolean;
  /** Items whose merged tag list went over the cap and lost its oldest tags. */
  itemsWithTagsTruncated: number;
}

export const LIMITS = Object.freeze({
  urlLength: 2048,
  titleLength: 1000,
  publisherLength: 300,
  quoteLength: 10_000,
  noteLength: 10_000,
  tagCount: 32,
  tagLength: 64,
  refLength: 200,
  storyIdLength: 200,
  idLength: 128,
  keyLength: 8192,
  hostLength: 253,
  disabledSites: 1000,
  queryTextLength: 500,
  packJsonLength: 5 * 1024 * 1024,
  importBytes: 50 * 1024 * 1024,
  importItems: 100_000,
  importVisits: 100_000,
  /** An export nests at most 4 levels (root, items, item, tags); anything deeper is not ours. */
  importDepth: 16,
  /** The undo window; long enough to survive the background being stopped and restarted. */
  trashTtlMs: 24 * 60 * 60 * 1000,
});
