// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameToBackground, PageToBackground, parse } from '../../../../src/protocol/messages';
import { sampleEnvelope } from '../../protocol/sample-replies';

type Listener = (...args: never[]) => unknown;
const sent: unknown[] = [];
const listeners = { message: new Set<Listener>(), activated: new Set<Listener>(), updated: new Set<Listener>() };
const set = (s: Set<Listener>) => ({ addListener: (l: Listener) => s.add(l), removeListener: (l: Listener) => s.delete(l) });

vi.mock('../../../../src/platform/browser', () => ({
  browser: {
    runtime: {
      sendMessage: vi.fn(async (msg: unknown) => {
        sent.push(msg);
        return sampleEnvelope(msg);
      }),
      onMessage: set(listeners.message),
      getURL: (path: string) => `chrome-extension://test/${path}`,
    },
    storage: { onChanged: set(listeners.message) },
    tabs: {
      query: vi.fn(async () => [{ id: 42, url: 'https://news.example/a' }]),
      onActivated: set(listeners.activated),
      onUpdated: set(listeners.updated),
    },
    // The messages in use are Russian (their `locale` message says so); the browser's UI is Arabic.
    i18n: { getMessage: (key: string) => (key === 'locale' ? 'ru' : key), getUILanguage: () => 'ar' },
  },
}));

const { createBrowserApi } = await import('../../../../src/ui/sidebar/browser-api');

beforeEach(() => {
  sent.length = 0;
});

describe('the real sidebar API', () => {
  it('sends only messages the background accepts', async () => {
    const api = createBrowserApi({ followActiveTab: false });
    await api.tabContext();
    await api.tabContext(3);
    await api.visits('alibaba-pla-memo');
    await api.listItems('alibaba-pla-memo');
    await api.saveItem({ kind: 'claim', url: 'https://example.com/', title: 't', storyId: 'alibaba-pla-memo', ref: 'c' });
    await api.updateItem('id-1', { note: 'n', tags: ['a'] });
    await api.deleteItems(['id-1']);
    await api.getSettings();
    await api.updateSettings({ sidebarMode: 'tab-only' });
    await api.setSiteEnabled('www.example.com', false);
    await api.openSource('https://example.com/a', 'alibaba-pla-memo');
    await api.setSidebar('collapsed');
    expect(sent).toHaveLength(12);
    for (const msg of sent) expect(parse(PageToBackground, msg), JSON.stringify(msg)).not.toBeNull();
    expect(sent[0]).toEqual({ type: 'ui/tabContext' });
    expect(sent[1]).toEqual({ type: 'ui/tabContext', tabId: 3 });
    expect(sent[3]).toEqual({ type: 'items/list', query: { storyId: 'alibaba-pla-memo' } });
    expect(sent[9]).toEqual({ type: 'site/setEnabled', site: 'www.example.com', enabled: false });
  });

  it('inside a web page, sends only the frame map, each request with the secret', async () => {
    const secret = 'ab'.repeat(16);
    const api = createBrowserApi({ followActiveTab: false, secret });
    expect(api.privileged).toBe(false);
    await api.tabContext();
    await api.visits('alibaba-pla-memo');
    await api.listItems('alibaba-pla-memo');
    await api.saveItem({ kind: 'claim', url: 'https://example.com/', title: 't', storyId: 'alibaba-pla-memo', ref: 'c' });
    await api.updateItem('id-1', { note: 'n' });
    await api.deleteItems(['id-1']);
    await api.getSettings();
    await api.openSource('https://example.com/a', 'alibaba-pla-memo');
    await api.setSidebar('collapsed');
    await api.confirmSiteOff();
    await api.openSettings();
    // Settings are never changed from inside a page: these do not even reach the background.
    await expect(api.updateSettings({ sidebarMode: 'tab-only' })).rejects.toThrow();
    await expect(api.setSiteEnabled('example.com', false)).rejects.toThrow();
    expect(sent).toHaveLength(11);
    for (const msg of sent) {
      expect(parse(FrameToBackground, msg), JSON.stringify(msg)).not.toBeNull();
      expect(parse(PageToBackground, msg)).toBeNull();
      expect((msg as { secret: string }).secret).toBe(secret);
    }
    expect(sent[5]).toEqual({ type: 'frame/undoSave', secret, ids: ['id-1'] });
  });

  it('asks for the active tab of this window', async () => {
    const api = createBrowserApi({ followActiveTab: true });
    expect(await api.activeTabId()).toBe(42);
    expect(api.uiLanguage()).toBe('ru'); // the messages' language, not the browser's
  });

  it('follows tab switches and loads only in the side panel', () => {
    const embedded = createBrowserApi({ followActiveTab: false });
    const stopEmbedded = embedded.onChange(() => undefined);
    expect(listeners.activated.size).toBe(0);
    stopEmbedded();

    const panel = createBrowserApi({ followActiveTab: true });
    const changes: unknown[] = [];
    const stop = panel.onChange((c) => changes.push(c));
    for (const l of listeners.activated) (l as (i: { tabId: number }) => void)({ tabId: 5 });
    for (const l of listeners.updated) (l as (id: number, i: object) => void)(5, { status: 'loading' });
    for (const l of listeners.updated) (l as (id: number, i: object) => void)(5, { status: 'complete' });
    for (const l of listeners.message) (l as (c: unknown, a: string) => void)({ broadcast: { newValue: { type: 'bg/changed', what: 'items', seq: 's1' } } }, 'local');
    for (const l of listeners.message) (l as (c: unknown, a: string) => void)({ broadcast: { newValue: { type: 'bg/changed', what: 'bogus', seq: 's2' } } }, 'local');
    expect(changes).toEqual([{ what: 'tab', tabId: 5 }, { what: 'tab', tabId: 5 }, { what: 'items' }]);
    stop();
    expect(listeners.activated.size + listeners.updated.size + listeners.message.size).toBe(0);
  });
});
