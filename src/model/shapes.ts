// The shapes that cross a boundary: what storage keeps, what the background sends back over the
// message protocol, and what the pages render. They live here, in a folder of their own, because
// both sides need them and neither may import the other (storage stays free of the protocol,
// the protocol free of Dexie). This module is types and frozen constants only: no valibot, no
// browser, no Dexie, so the content script, detection, formats and the pages can all import it
// for nothing. The protocol's schemas (protocol/messages.ts) are checked against these types at
// compile time, so a shape changed here is a shape changed everywhere or a build error.

export const ITEM_KINDS = ['article', 'claim', 'quote', 'source'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const SIDEBAR_MODES = ['first-open', 'always-open', 'tab-only'] as const;
export type SidebarMode = (typeof SIDEBAR_MODES)[number];

/** Whether the in-page sidebar is shown in a tab. */
export type SidebarState = 'open' | 'collapsed';

/**
 * What a page was found to mention about its story, per kind of mention its pack checks for
 * (the ids of the pack's `detection.mentionKinds`): the kinds are story data, not code.
 */
export type Mentions = Record<string, boolean>;
/** Most mention kinds one report may carry. */
export const MAX_MENTION_KINDS = 32;

/** Where on the page a signal matched (detection's SignalPlace). */
export const SIGNAL_PLACES = ['title', 'lead', 'body', 'url', 'meta'] as const;
export type SignalPlace = (typeof SIGNAL_PLACES)[number];

/** What detection found, as the content script reports it. Mirrors detection's DetectionResult. */
export interface DetectionReport {
  storyId: string | null;
  score: number;
  threshold: number;
  lang: string;
  title: string;
  signals: { id: string; label: string; where: SignalPlace; weight: number; text: string }[];
  mentions: Mentions;
  knownCoverageId: string | null;
  caution: string | null;
}

/** What the background knows about a tab that shows a story (its answer to ui/tabContext). */
export interface TabContext {
  tabId: number;
  url: string;
  report: DetectionReport;
  sidebar: SidebarState;
}

/** A saved item as stored, and as the background sends it back. */
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

/**
 * The part of a SavedItem the sidebar reads. The background always sends the whole item; this
 * narrower view lets the sidebar's own logic say what it depends on.
 */
export type SavedItemView = Omit<SavedItem, 'site' | 'key'>;

export interface ItemPatch {
  note?: string;
  /** Replaces the tag list. */
  tags?: string[];
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

/** Returned by deleting items; hand it back to undo. Plain data, so it survives messaging. */
export interface UndoToken {
  id: string;
  /** How many items the deletion removed. */
  count: number;
  /** After this time (ms epoch) the deleted items are purged and undo fails. */
  expiresAt: number;
}

export interface Settings {
  sidebarMode: SidebarMode;
  /** Hostnames (lowercase, no "www.") where the sidebar never appears; subdomains included. */
  disabledSites: string[];
}
export type SettingsPatch = Partial<Settings>;

/** Everything a user would want back from a backup: what an export holds. */
export interface StorageSnapshot {
  items: SavedItem[];
  visits: Visit[];
  settings: Settings;
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

/** The caps storage enforces; the protocol's schemas use the same numbers, so nothing passes one and fails the other. */
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
