// Everything the popup needs from the outside world, as one interface. The real implementation
// (real-api.ts) reads the database and talks to the background; tests pass a fake.

import type { ImportSettingsChoice } from '../../formats/import-json';
import type { ImportSummary, ItemPatch, SavedItem, Settings } from '../../storage/model';
import type { ExportFormat } from './download';
import type { CheckPageResult } from '../../protocol/replies';

export type TabStatus =
  | { kind: 'available'; tabId: number }
  /** `site` is the disabledSites entry to remove to turn the extension back on. */
  | { kind: 'off'; tabId: number; site: string }
  /**
   * A web page on a site the extension does not read (not on the curated list, not granted).
   * `origin` is known when the browser shows the popup the tab's address (activeTab).
   */
  | { kind: 'unlisted'; tabId: number; origin: string | null }
  | { kind: 'none' };

export interface ExportedFile {
  text: string;
  /** How many saved items it holds. */
  count: number;
}

export type Change = 'items' | 'tab';

export interface PopupApi {
  /** BCP 47 tag of the browser's UI language, for `<html lang>` and dates. */
  readonly locale: string;
  t(key: string, ...substitutions: string[]): string;

  tabStatus(): Promise<TabStatus>;
  openSidebar(tabId: number): Promise<void>;
  /**
   * Opens the browser's own side panel. Null where the browser has none. Call it straight from
   * the click handler: both browsers refuse unless a user gesture is under way.
   */
  readonly openSidePanel: ((tabId: number) => Promise<void>) | null;
  enableSite(site: string): Promise<void>;
  /**
   * Asks the browser for access to one origin, or to all sites when `origin` is null. Call it
   * straight from the click handler: permission requests need the user gesture. Resolves to
   * whether access was granted.
   */
  requestSiteAccess(origin: string | null): Promise<boolean>;
  /**
   * "Check this page" on a site the extension does not read: runs the detector once on the tab
   * (activeTab). Absent where the popup cannot (tests that do not need it).
   */
  readonly checkPage?: (tabId: number) => Promise<CheckPageResult>;
  /** Opens the options page (site access, turned-off sites, saved data). */
  readonly openOptions?: () => void;

  /** The newest `limit` items, newest first: enough for the first screen. */
  newestItems(limit: number): Promise<SavedItem[]>;
  allItems(): Promise<SavedItem[]>;
  /** Calls `cb` whenever saved items, or the active tab's context, may have changed. */
  watch(cb: (change: Change) => void): () => void;
  /** A human name for a story id (the pack title), or null if unknown. */
  storyTitle(storyId: string): string | null;

  updateItem(id: string, patch: ItemPatch): Promise<void>;
  /** Resolves to the undo token. */
  deleteItems(ids: string[]): Promise<string>;
  undoDelete(token: string): Promise<void>;
  exportItems(format: ExportFormat): Promise<ExportedFile>;
  /** Imports an export file's items; its settings too only with 'apply'. */
  importText(text: string, settings: ImportSettingsChoice): Promise<ImportSummary>;
  /** The stored settings, to tell the reader what an import's settings would change. */
  currentSettings(): Promise<Settings>;
  openUrl(url: string): Promise<void>;
  saveFile(name: string, mime: string, text: string): void;
  /**
   * Non-null where a file picker would close the popup (Firefox): opens this page in a tab,
   * where the import input works.
   */
  readonly importInTab: (() => void) | null;
}
