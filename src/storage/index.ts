// Public entry of the storage layer. The background creates one repository over openDb() and
// is its only writer; extension pages may read through the same API (e.g. listItems inside
// Dexie's liveQuery). Content scripts must not import this: IndexedDB there is the page's.

export { DB_NAME, openDb, StoryContextDb, type StoryContextDbOptions } from './db';
export { isQuotaError, isStorageError, StorageError, type StorageErrorCode } from './errors';
export { itemKey, keyBase, quoteHash } from './key';
export {
  DEFAULT_SETTINGS,
  ITEM_KINDS,
  LIMITS,
  SIDEBAR_MODES,
  SORT_FIELDS,
  type ImportData,
  type ImportSummary,
  type InstalledPack,
  type ItemKind,
  type ItemPatch,
  type ItemQuery,
  type SavedItem,
  type SavedItemInput,
  type SavedKeyEntry,
  type Settings,
  type SettingsPatch,
  type SidebarMode,
  type SortField,
  type SortOrder,
  type StorageSnapshot,
  type UndoToken,
  type Visit,
} from './model';
export { createRepository, type Repository, type RepositoryOptions, type SaveResult } from './repository';
export { createPacksStore, type PacksStore } from './packs-store';
export { IMPORT_SETTINGS_CHOICES, type ImportSettingsChoice } from './payload';
export { readItemsRevision, revisionWatch, type RevisionWatch } from './revision';
export type { SettingsStore } from './settings-store';
export { CURRENT_SCHEMA_VERSION, META_ITEMS_REVISION, SCHEMA_VERSIONS, type SchemaVersion } from './schema-history';
export {
  ItemPatchSchema,
  ItemQuerySchema,
  SavedItemInputSchema,
  SettingsPatchSchema,
  UndoTokenSchema,
  VisitInputSchema,
} from './schemas';
export type { Facet, Facets } from './search';
export { fold, normaliseTags } from './text';
export { isHttpUrl, isSiteDisabled, normaliseHost, normaliseUrl, siteOf } from './url';
