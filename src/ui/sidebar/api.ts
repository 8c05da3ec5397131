// What the sidebar needs from the outside world, as one interface: the real implementation
// (browser-api.ts) talks to the background; tests hand the App a fake.
import type { SaveItemInput } from '../../protocol/messages';
import type { ItemPatch, SavedItem, Settings, SidebarMode, SidebarState, TabContext, UndoToken, Visit } from '../../model/shapes';

// The sidebar's modules name the shapes they use through this interface's module.
export type { ItemKind, ItemPatch, SavedItem, SavedItemView, Settings, TabContext, UndoToken, Visit } from '../../model/shapes';

/** Something changed elsewhere: a background broadcast, or (side panel) the active tab moved. */
export interface Change {
  what: 'items' | 'visits' | 'settings' | 'tab' | 'packs';
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
  listItems(storyId: string): Promise<SavedItem[]>;
  saveItem(item: SaveItemInput): Promise<SavedItem>;
  updateItem(id: string, patch: ItemPatch): Promise<SavedItem>;
  /** In a web page's frame, only items saved there (see background/frame.ts). */
  deleteItems(ids: string[]): Promise<UndoToken>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: { sidebarMode: SidebarMode }): Promise<Settings>;
  setSiteEnabled(site: string, enabled: boolean): Promise<Settings>;
  /** The background opens the tab and records the visit. */
  openSource(url: string, storyId: string): Promise<void>;
  setSidebar(state: SidebarState): Promise<void>;
  /** Opens the options page, asking the reader to confirm turning this tab's site off. */
  confirmSiteOff(): Promise<void>;
  openSettings(): Promise<void>;
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(cb: (change: Change) => void): () => void;
}
