// A SidebarApi for component tests: in-memory saved items, visits and settings, the real
// English messages (so tests read what a user reads), and a way to push change events.
import { vi } from 'vitest';
import englishMessages from '../../../../public/_locales/en/messages.json';
import type { DetectionReport, SaveItemInput } from '../../../../src/protocol/messages';
import type { Change, SavedItem, SidebarApi, Settings, TabContext, UndoToken, Visit } from '../../../../src/ui/sidebar/api';

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage over one locale's messages, with its substitution rules (enough for ours). */
export function messagesT(messages: Messages) {
  return (key: string, ...subs: string[]): string => {
    const entry = messages[key];
    if (!entry) return key;
    let text = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
      text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), ph.content);
    }
    return text.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  };
}

export const englishT = messagesT(englishMessages as Messages);

export function report(overrides: Partial<DetectionReport> = {}): DetectionReport {
  return {
    storyId: 'alibaba-pla-memo',
    score: 31,
    threshold: 24,
    lang: 'en',
    title: 'Alibaba denies report it helps China military',
    signals: [
      { id: 'entity', label: 'Alibaba', where: 'title', weight: 10, text: 'alibaba' },
      { id: 'memo', label: 'the memo', where: 'lead', weight: 6, text: 'memo' },
    ],
    mentions: { denial: true, embassy: false, ftCaveat: false },
    knownCoverageId: null,
    caution: null,
    ...overrides,
  };
}

export function tabContext(overrides: Partial<TabContext> = {}, reportOverrides: Partial<DetectionReport> = {}): TabContext {
  return {
    tabId: 7,
    url: 'https://news.example.org/world/alibaba-memo?utm_source=x',
    report: report(reportOverrides),
    sidebar: 'open',
    ...overrides,
  };
}

export interface FakeOptions {
  ctx?: TabContext | null;
  /** Context per tab id, for the side panel. */
  contexts?: Record<number, TabContext | null>;
  activeTab?: number | undefined;
  storageUnavailable?: boolean;
  visits?: Visit[];
  items?: SavedItem[];
  settings?: Settings;
  uiLanguage?: string;
  /** False for the sidebar inside a web page, which sends settings to the options page. */
  privileged?: boolean;
}

export function fakeApi(options: FakeOptions = {}) {
  const listeners = new Set<(c: Change) => void>();
  const state = {
    items: [...(options.items ?? [])],
    visits: [...(options.visits ?? [])],
    settings: options.settings ?? ({ sidebarMode: 'first-open', disabledSites: [] } as Settings),
    activeTab: ('activeTab' in options ? options.activeTab : 7) as number | undefined,
    storageUnavailable: options.storageUnavailable ?? false,
  };
  const storage = <T>(fn: () => T): Promise<T> =>
    state.storageUnavailable ? Promise.reject(new Error('storage not available')) : Promise.resolve(fn());
  let nextId = 1;
  const api = {
    t: vi.fn(englishT),
    uiLanguage: vi.fn(() => options.uiLanguage ?? 'en-US'),
    privileged: options.privileged ?? true,
    activeTabId: vi.fn(async () => state.activeTab),
    tabContext: vi.fn(async (tabId?: number) => {
      if (options.contexts) return tabId === undefined ? null : (options.contexts[tabId] ?? null);
      return options.ctx === undefined ? tabContext() : options.ctx;
    }),
    visits: vi.fn((_storyId: string) => storage(() => [...state.visits])),
    listItems: vi.fn((_storyId: string) => storage(() => [...state.items])),
    saveItem: vi.fn((input: SaveItemInput) =>
      storage(() => {
        const now = Date.now();
        const item: SavedItem = {
          id: `item-${nextId++}`,
          kind: input.kind,
          url: input.url,
          title: input.title,
          publisher: input.publisher ?? '',
          quote: input.quote ?? '',
          note: input.note ?? '',
          tags: input.tags ?? [],
          storyId: input.storyId ?? null,
          ref: input.ref ?? '',
          // As storage derives them; the sidebar reads neither, the background always sends both.
          site: new URL(input.url).hostname.replace(/^www\./, ''),
          key: `${input.kind}|${input.url}|${input.ref ?? ''}`,
          createdAt: now,
          updatedAt: now,
        };
        state.items.unshift(item);
        return item;
      }),
    ),
    updateItem: vi.fn((id: string, patch: { note?: string; tags?: string[] }) =>
      storage(() => {
        const found = state.items.find((i) => i.id === id);
        if (!found) throw new Error(`no item ${id}`);
        const updated = { ...found, ...patch, updatedAt: Date.now() };
        state.items = state.items.map((i) => (i.id === id ? updated : i));
        return updated;
      }),
    ),
    deleteItems: vi.fn((ids: string[]) =>
      storage(() => {
        state.items = state.items.filter((i) => !ids.includes(i.id));
        const token: UndoToken = { id: 'undo-1', count: ids.length, expiresAt: Date.now() + 86_400_000 };
        return token;
      }),
    ),
    getSettings: vi.fn(() => storage(() => ({ ...state.settings }))),
    updateSettings: vi.fn((patch: { sidebarMode: Settings['sidebarMode'] }) =>
      storage(() => {
        state.settings = { ...state.settings, ...patch };
        return { ...state.settings };
      }),
    ),
    setSiteEnabled: vi.fn((site: string, enabled: boolean) =>
      storage(() => {
        const sites = state.settings.disabledSites.filter((s) => s !== site);
        state.settings = { ...state.settings, disabledSites: enabled ? sites : [...sites, site] };
        return { ...state.settings };
      }),
    ),
    openSource: vi.fn((url: string, storyId: string) =>
      storage(() => {
        state.visits.push({ url, storyId, firstAt: 1, lastAt: 1, count: 1 });
      }),
    ),
    setSidebar: vi.fn(async (_state: 'open' | 'collapsed') => undefined),
    confirmSiteOff: vi.fn(async () => undefined),
    openSettings: vi.fn(async () => undefined),
    onChange: vi.fn((cb: (c: Change) => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    }),
    emit(change: Change) {
      for (const cb of listeners) cb(change);
    },
    state,
  };
  // Checked here so a change to the interface breaks the fake, not every test.
  const checked: SidebarApi = api;
  void checked;
  return api;
}

export type FakeApi = ReturnType<typeof fakeApi>;
