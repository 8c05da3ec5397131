// What the sidebar needs from the outside world, as one interface: the real implementation
// (browser-api.ts) talks to the background; tests hand the App a fake.
import type { DetectionReport, SaveItemInput, SidebarMode } from '../../protocol/messages';

/** The background's answer to `ui/tabContext` (mirrors background/tab-state.ts, which the UI may not import). */
export interface TabContext {
  tabId: number;
  url: string;
  report: DetectionReport;
  sidebar: 'open' | 'collapsed';
}

/** A coverage URL the reader opened; `url` is its identity (url/identity.ts). */
export interface Visit {
  url: string;
  storyId: string | null;
  firstAt: number;
  lastAt: number;
  count: number;
}

export type ItemKind = SaveItemInput['kind'];

/** A saved item as `items/list` and `items/save` return it. */
export interface SavedItemView {
  id: string;
  kind: ItemKind;
  url: string;
  title: string;
  publisher: string;
  quote: string;
  note: string;
  tags: string[];
  storyId: string | null;
  ref: string;
  createdAt: number;
  updatedAt: number;
}

export interface SidebarSettings {
  sidebarMode: SidebarMode;
  disabledSites?: string[];
}

export interface ItemPatch {
  note?: string;
  tags?: string[];
}

/** Something changed elsewhere: a background broadcast, or (side panel) the active tab moved. */
export interface Change {
  what: 'items' | 'visits' | 'settings' | 'tab';
  tabId?: number;
}

export interface SidebarApi {
  /** UI text in the browser's language. */
  t(key: string, ...substitutions: string[]): string;
  uiLanguage(): string;
  /**
   * False inside a web page's frame: there the sidebar may not change settings or turn a site
   * off itself; it opens the options page, where the reader confirms.
   */
  privileged: boolean;
  /** The active tab of this window (side panel only). */
  activeTabId(): Promise<number | undefined>;
  tabContext(tabId?: number): Promise<TabContext | null>;
  visits(storyId: string): Promise<Visit[]>;
  listItems(storyId: string): Promise<SavedItemView[]>;
  saveItem(item: SaveItemInput): Promise<SavedItemView>;
  updateItem(id: string, patch: ItemPatch): Promise<unknown>;
  deleteItems(ids: string[]): Promise<unknown>;
  getSettings(): Promise<SidebarSettings>;
  updateSettings(patch: { sidebarMode: SidebarMode }): Promise<unknown>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
  /** The background opens the tab and records the visit. */
  openSource(url: string, storyId: string): Promise<unknown>;
  setSidebar(state: 'open' | 'collapsed'): Promise<unknown>;
  /** Opens the options page, asking the reader to confirm turning this tab's site off. */
  confirmSiteOff(): Promise<unknown>;
  openSettings(): Promise<unknown>;
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(cb: (change: Change) => void): () => void;
}
