// The real PopupApi over an in-memory IndexedDB: reads straight from the database the
// background writes (a second connection, as in the extension), and messages for everything else.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRepository, StoryContextDb } from '../../../../src/storage';
import { PageToBackground, parse } from '../../../../src/protocol/messages';
import type { Change } from '../../../../src/ui/popup/api';
import type { PageReplies } from '../../../../src/protocol/replies';
import { sampleContext, sampleReplies, sampleToken } from '../../protocol/sample-replies';

/** Answers as the background would: these replies for their kinds, a well-formed sample for the rest. */
const answering =
  (replies: Partial<PageReplies>) =>
  (msg: { type: string }): unknown =>
    msg.type in replies ? replies[msg.type as keyof PageReplies] : sampleReplies[msg.type as keyof PageReplies];

const fake = vi.hoisted(() => {
  const state = {
    sent: [] as unknown[],
    answer: (_msg: { type: string }): unknown => null,
    activeTab: { id: 5, url: 'https://www.ft.com/content/abc' } as { id?: number; url?: string } | undefined,
    listeners: new Set<(message: unknown) => unknown>(),
  };
  const browser = {
    i18n: { getUILanguage: () => 'ru', getMessage: (key: string) => key },
    runtime: {
      sendMessage: async (msg: { type: string }) => {
        state.sent.push(msg);
        return { ok: true, value: state.answer(msg) };
      },
      onMessage: {
        addListener: (l: (message: unknown) => unknown) => state.listeners.add(l),
        removeListener: (l: (message: unknown) => unknown) => state.listeners.delete(l),
      },
      getURL: (path: string) => `chrome-extension://test/${path}`,
      getManifest: () => ({ content_scripts: [{ matches: ['https://*.ft.com/*'], js: ['content.js'] }] }),
    },
    permissions: { contains: async () => false, request: async () => true },
    storage: {
      onChanged: {
        addListener: (l: (changes: unknown, area: string) => unknown) => state.listeners.add(l as (message: unknown) => unknown),
        removeListener: (l: (changes: unknown, area: string) => unknown) => state.listeners.delete(l as (message: unknown) => unknown),
      },
    },
    tabs: { query: async () => (state.activeTab ? [state.activeTab] : []), create: async () => ({}) },
    extension: { getViews: () => [] },
  };
  return { state, browser };
});

vi.mock('../../../../src/platform/browser', () => ({ browser: fake.browser, hasSidebarAction: () => false }));

const { createRealApi } = await import('../../../../src/ui/popup/real-api');

let dbName = '';
let popupDb: StoryContextDb;
let backgroundDb: StoryContextDb;
let counter = 0;

beforeEach(() => {
  dbName = `popup-real-api-${++counter}`;
  popupDb = new StoryContextDb(dbName);
  backgroundDb = new StoryContextDb(dbName);
  fake.state.sent = [];
  fake.state.answer = answering({});
  fake.state.activeTab = { id: 5, url: 'https://www.ft.com/content/abc' };
});

afterEach(async () => {
  popupDb.close();
  backgroundDb.close();
});

async function seed(n: number) {
  let clock = Date.UTC(2025, 10, 14);
  const repo = createRepository(backgroundDb, { now: () => (clock += 1000) });
  for (let i = 0; i < n; i++) {
    await repo.saveItem({ kind: 'article', url: `https://example.com/a/${i}`, title: `Article ${i}`, storyId: 'alibaba-pla-memo' });
  }
  return repo;
}

describe('reading saved items', () => {
  it('reads the newest first page, then everything, straight from the database', async () => {
    await seed(5);
    const api = createRealApi({ db: popupDb });
    expect((await api.newestItems(2)).map((i) => i.title)).toEqual(['Article 4', 'Article 3']);
    expect((await api.allItems()).map((i) => i.title).sort()).toEqual(['Article 0', 'Article 1', 'Article 2', 'Article 3', 'Article 4']);
    expect(fake.state.sent).toEqual([]);
  });

  it('starts reading the first page when created, before anyone asks', async () => {
    await seed(3);
    const api = createRealApi({ db: popupDb, prefetch: 2 });
    await new Promise((r) => setTimeout(r, 100));
    // Closed after the prefetch: its answer is already there, while a new read has to fail.
    popupDb.close();
    expect((await api.newestItems(2)).map((i) => i.title)).toEqual(['Article 2', 'Article 1']);
    await expect(api.newestItems(2)).rejects.toThrow();
  });

  it('announces a write made through another connection once, and not what it already read', async () => {
    const repo = await seed(1);
    const api = createRealApi({ db: popupDb });
    await api.allItems();
    const changes: Change[] = [];
    const stop = api.watch((c) => changes.push(c));
    await new Promise((r) => setTimeout(r, 50));
    expect(changes).toEqual([]);

    await repo.saveItem({ kind: 'article', url: 'https://example.com/new', title: 'New' });
    await vi.waitFor(() => expect(changes).toEqual(['items']));
    // The background's broadcast for the same write does not trigger a second read.
    for (const l of fake.state.listeners) (l as (c: unknown, a: string) => unknown)({ broadcast: { newValue: { type: 'bg/changed', what: 'items', seq: 's1' } } }, 'local');
    await new Promise((r) => setTimeout(r, 50));
    expect(changes).toEqual(['items']);

    for (const l of fake.state.listeners) (l as (c: unknown, a: string) => unknown)({ broadcast: { newValue: { type: 'bg/changed', what: 'tab', tabId: 5, seq: 's2' } } }, 'local');
    expect(changes).toEqual(['items', 'tab']);
    stop();
    expect(fake.state.listeners.size).toBe(0);
  });

  it('does not announce the state its first reads are already fetching', async () => {
    await seed(3);
    const api = createRealApi({ db: popupDb });
    const changes: Change[] = [];
    // Subscribed before the first read finishes, as the popup does on opening.
    api.watch((c) => changes.push(c));
    await api.newestItems(50);
    await new Promise((r) => setTimeout(r, 50));
    expect(changes).toEqual([]);
  });
});

describe('this tab', () => {
  it('is off when a disabled site covers the tab, whatever the tab context says', async () => {
    fake.state.answer = answering({ 'settings/get': { sidebarMode: 'first-open', disabledSites: ['ft.com'] }, 'ui/tabContext': null });
    const api = createRealApi({ db: popupDb });
    expect(await api.tabStatus()).toEqual({ kind: 'off', tabId: 5, site: 'ft.com' });
    expect(fake.state.sent).toContainEqual({ type: 'ui/tabContext', tabId: 5 });
  });

  it('is available when the background has a story context for the tab, none otherwise', async () => {
    let context: PageReplies['ui/tabContext'] = { ...sampleContext, tabId: 5, url: 'https://www.ft.com/content/abc', sidebar: 'collapsed' };
    // Read at each request: the context goes away between the two calls.
    fake.state.answer = (msg) => answering({ 'settings/get': { sidebarMode: 'first-open', disabledSites: [] }, 'ui/tabContext': context })(msg);
    const api = createRealApi({ db: popupDb });
    expect(await api.tabStatus()).toEqual({ kind: 'available', tabId: 5 });
    context = null;
    expect(await api.tabStatus()).toEqual({ kind: 'none' });
  });

  it('offers to turn the extension on for a site it does not read', async () => {
    fake.state.answer = answering({ 'settings/get': { sidebarMode: 'first-open', disabledSites: [] }, 'ui/tabContext': null });
    fake.state.activeTab = { id: 7, url: 'https://blog.example.org/post' };
    const api = createRealApi({ db: popupDb });
    expect(await api.tabStatus()).toEqual({ kind: 'unlisted', tabId: 7, origin: 'https://blog.example.org' });
    fake.state.activeTab = { id: 7 };
    expect(await api.tabStatus()).toEqual({ kind: 'unlisted', tabId: 7, origin: null });
    fake.state.activeTab = { id: 5, url: 'https://www.ft.com/content/abc' };
  });

  it('opens the sidebar and turns a site on by asking the background', async () => {
    const api = createRealApi({ db: popupDb });
    await api.openSidebar(5);
    await api.enableSite('ft.com');
    expect(fake.state.sent).toEqual([
      { type: 'ui/sidebar', tabId: 5, state: 'open' },
      { type: 'site/setEnabled', site: 'ft.com', enabled: true },
    ]);
  });
});

describe('writes and files', () => {
  it('sends edits, deletes and undo as messages and hands back the undo token id', async () => {
    fake.state.answer = answering({ 'items/delete': { ...sampleToken, id: 'undo-1', count: 2 } });
    const api = createRealApi({ db: popupDb });
    await api.updateItem('a', { note: 'n', tags: ['t'] });
    expect(await api.deleteItems(['a', 'b'])).toBe('undo-1');
    await api.undoDelete('undo-1');
    expect(fake.state.sent).toEqual([
      { type: 'items/update', id: 'a', patch: { note: 'n', tags: ['t'] } },
      { type: 'items/delete', ids: ['a', 'b'] },
      { type: 'items/undo', token: 'undo-1' },
    ]);
  });

  it('reads the settings and imports with the reader’s choice, in messages the background accepts', async () => {
    const settings = { sidebarMode: 'first-open', disabledSites: ['example.org'] } as const;
    const summary = { ...sampleReplies['items/import'], itemsAdded: 1 };
    fake.state.answer = answering({ 'settings/get': { ...settings, disabledSites: [...settings.disabledSites] }, 'items/import': summary });
    const api = createRealApi({ db: popupDb });
    expect(await api.currentSettings()).toEqual(settings);
    expect(await api.importText('{"format":"story-context-export"}', 'ignore')).toEqual(summary);
    await api.importText('{}', 'apply');
    expect(fake.state.sent).toEqual([
      { type: 'settings/get' },
      { type: 'items/import', text: '{"format":"story-context-export"}', settings: 'ignore' },
      { type: 'items/import', text: '{}', settings: 'apply' },
    ]);
    for (const msg of fake.state.sent) expect(parse(PageToBackground, msg)).not.toBeNull();
  });

  it('builds the JSON, Markdown and CSV files from the exported snapshot', async () => {
    const repo = await seed(2);
    const snapshot = await repo.exportAll();
    fake.state.answer = answering({ 'items/export': snapshot });
    const api = createRealApi({ db: popupDb });

    const json = await api.exportItems('json');
    expect(json.count).toBe(2);
    const parsed = JSON.parse(json.text) as { format: string; version: number; items: { title: string }[] };
    expect(parsed.format).toBe('story-context-export');
    expect(parsed.items.map((i) => i.title)).toEqual(['Article 0', 'Article 1']);

    const md = await api.exportItems('md');
    expect(md.text).toContain('Article 1');
    // Items of a known story are grouped under the pack's title, not its id.
    expect(md.text).toContain('Alibaba');

    const csv = await api.exportItems('csv');
    expect(csv.text.split('\r\n')[0]).toBe('\ufeff"id","kind","title","publisher","url","site","quote","note","tags","storyId","ref","createdAt","updatedAt"');
    expect(csv.text).toContain('"https://example.com/a/1"');
  });
});
