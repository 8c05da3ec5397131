// Everything the options page needs from the outside world, as one interface: the real one
// (real-api.ts) asks the browser and the background; tests pass a fake.
import type { SidebarMode } from '../../protocol/messages';
import type { SiteAccessChoice } from '../settings/site-access';
import type { PackUpdatesApi } from './PackUpdates';

export interface SavedCounts {
  items: number;
  /** Coverage links the reader opened, remembered to mark them in the sidebar. */
  visits: number;
}

export interface OptionsApi {
  readonly locale: string;
  t(key: string, ...substitutions: string[]): string;
  /** The sites the content script runs on without asking (derived from the packs). */
  readonly listedSites: readonly string[];

  siteAccess(): Promise<SiteAccessChoice>;
  /** Call straight from the click: the browser asks the reader only inside it. */
  chooseAnySite(): Promise<SiteAccessChoice>;
  chooseListedOnly(): Promise<SiteAccessChoice>;

  disabledSites(): Promise<string[]>;
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
  sidebarMode(): Promise<SidebarMode>;
  setSidebarMode(mode: SidebarMode): Promise<void>;

  counts(): Promise<SavedCounts>;
  /** Saves the JSON export as a file; resolves to its name and how many items it holds. */
  exportAll(): Promise<{ name: string; count: number }>;
  /** Resolves to how many items were deleted. */
  deleteAll(): Promise<number>;
  forgetVisits(): Promise<void>;

  /** Story pack updates (the "Story updates" section); absent where there is no background. */
  readonly packUpdates?: PackUpdatesApi;

  /** Calls `cb` when settings, saved items or visits may have changed elsewhere. */
  watch(cb: () => void): () => void;
}
