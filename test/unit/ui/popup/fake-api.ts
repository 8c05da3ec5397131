// An in-memory PopupApi: items live in an array, writes change it and announce the change the
// way the real database does, and every call is recorded for assertions.
import en from '../../../../public/_locales/en/messages.json';
import { parseImport, type ImportSettingsChoice } from '../../../../src/formats/import-json';
import { mergeSettings } from '../../../../src/storage/merge';
import type { ImportSummary, ItemKind, SavedItem, Settings } from '../../../../src/storage/model';
import type { Change, PopupApi, TabStatus } from '../../../../src/ui/popup/api';
import type { ExportFormat } from '../../../../src/ui/popup/download';

const messages: Record<string, { message: string }> = en;

/** The extension's English strings, with $1..$9 filled in as browser.i18n does. */
export function english(key: string, ...subs: string[]): string {
  const entry = messages[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

const KINDS: ItemKind[] = ['article', 'claim', 'quote', 'source'];
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 10, 14, 9, 0, 0);

export function makeItem(n: number, over: Partial<SavedItem> = {}): SavedItem {
  const site = over.site ?? ['reuters.com', 'ft.com', 'scmp.com', 'rbc.ru'][n % 4]!;
  return {
    id: `item-${n}`,
    kind: KINDS[n % 4]!,
    url: `https://${site}/story/${n}`,
    title: `Story number ${n}`,
    publisher: site,
    quote: '',
    note: '',
    tags: [],
    storyId: 'alibaba-pla-memo',
    site,
    ref: '',
    key: `k${n}`,
    createdAt: T0 + n * DAY,
    updatedAt: T0 + n * DAY,
    ...over,
  };
}

export interface Calls {
  updateItem: { id: string; patch: { note?: string; tags?: string[] } }[];
  deleteItems: string[][];
  undoDelete: string[];
  importText: { text: string; settings: ImportSettingsChoice }[];
  currentSettings: number;
  exportItems: ExportFormat[];
  openUrl: string[];
  saveFile: { name: string; mime: string; text: string }[];
  openSidebar: number[];
  openSidePanel: number[];
  enableSite: string[];
  requestSiteAccess: Array<string | null>;
  newestItems: number[];
  allItems: number;
}

export interface FakeApi extends PopupApi {
  items: SavedItem[];
  status: TabStatus;
  /** What the background holds; an import with 'apply' merges the file's into it, as the real one does. */
  settings: Settings;
  calls: Calls;
  /** Make the next call of this method fail with this message. */
  failNext: Partial<Record<'updateItem' | 'deleteItems' | 'undoDelete' | 'importText' | 'exportItems', string>>;
  importResult: ImportSummary;
  emit(change: Change): void;
}

export function fakeApi(items: SavedItem[] = [], status: TabStatus = { kind: 'none' }): FakeApi {
  const listeners = new Set<(change: Change) => void>();
  const trash = new Map<string, SavedItem[]>();
  let tokens = 0;
  const api: FakeApi = {
    items,
    status,
    settings: { sidebarMode: 'first-open', disabledSites: [] },
    failNext: {},
    importResult: {
      itemsAdded: 0,
      itemsUpdated: 0,
      itemsUnchanged: 0,
      visitsAdded: 0,
      visitsUpdated: 0,
      settingsChanged: false,
      itemsWithTagsTruncated: 0,
    },
    calls: {
      updateItem: [],
      deleteItems: [],
      undoDelete: [],
      importText: [],
      currentSettings: 0,
      exportItems: [],
      openUrl: [],
      saveFile: [],
      openSidebar: [],
      openSidePanel: [],
      enableSite: [],
      requestSiteAccess: [],
      newestItems: [],
      allItems: 0,
    },
    emit(change) {
      for (const cb of listeners) cb(change);
    },
    locale: 'en',
    t: english,
    tabStatus: async () => api.status,
    openSidebar: async (tabId) => {
      api.calls.openSidebar.push(tabId);
    },
    openSidePanel: (tabId) => {
      api.calls.openSidePanel.push(tabId);
      return Promise.resolve();
    },
    requestSiteAccess: async (origin) => {
      api.calls.requestSiteAccess.push(origin);
      return true;
    },
    enableSite: async (site) => {
      api.calls.enableSite.push(site);
      api.status = { kind: 'none' };
    },
    newestItems: async (limit) => {
      api.calls.newestItems.push(limit);
      return [...api.items].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
    },
    allItems: async () => {
      api.calls.allItems++;
      return [...api.items];
    },
    watch(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    storyTitle: (id) => (id === 'alibaba-pla-memo' ? 'Alibaba memo' : null),
    updateItem: async (id, patch) => {
      api.calls.updateItem.push({ id, patch });
      fail('updateItem');
      api.items = api.items.map((item) => (item.id === id ? { ...item, ...patch, updatedAt: item.updatedAt + 1 } : item));
      setTimeout(() => api.emit('items'), 0);
    },
    deleteItems: async (ids) => {
      api.calls.deleteItems.push(ids);
      fail('deleteItems');
      const token = `token-${++tokens}`;
      trash.set(token, api.items.filter((item) => ids.includes(item.id)));
      api.items = api.items.filter((item) => !ids.includes(item.id));
      setTimeout(() => api.emit('items'), 0);
      return token;
    },
    undoDelete: async (token) => {
      api.calls.undoDelete.push(token);
      fail('undoDelete');
      api.items = [...api.items, ...(trash.get(token) ?? [])];
      trash.delete(token);
      setTimeout(() => api.emit('items'), 0);
    },
    exportItems: async (format) => {
      api.calls.exportItems.push(format);
      fail('exportItems');
      return { text: `${format}:${api.items.length}`, count: api.items.length };
    },
    importText: async (text, settings) => {
      api.calls.importText.push({ text, settings });
      fail('importText');
      const parsed = parseImport(text);
      if (parsed.ok && settings === 'apply') api.settings = mergeSettings(api.settings, parsed.data.settings);
      return api.importResult;
    },
    currentSettings: async () => {
      api.calls.currentSettings++;
      return { ...api.settings, disabledSites: [...api.settings.disabledSites] };
    },
    openUrl: async (url) => {
      api.calls.openUrl.push(url);
    },
    saveFile: (name, mime, text) => {
      api.calls.saveFile.push({ name, mime, text });
    },
    importInTab: null,
  };
  function fail(method: keyof FakeApi['failNext']) {
    const message = api.failNext[method];
    if (message !== undefined) {
      delete api.failNext[method];
      throw new Error(message);
    }
  }
  return api;
}
