// The background's routing decisions, through route() itself with the real sender check, tab
// state and frame handlers over an in-memory storage.session: which map a sender may use, what
// a content script may report and about which page, when the sidebar opens, and that the
// in-page frame speaks only with its own tab's secret.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const session = new Map<string, unknown>();
const settings = { sidebarMode: 'first-open' as 'first-open' | 'always-open' | 'tab-only' };
const dataCalls: string[] = [];

vi.mock('../../../src/platform/browser', async () => {
  const { memoryStorageArea } = await import('./memory-storage');
  return {
    browser: {
      runtime: { id: ID, getURL: (p: string) => `${BASE}${p}` },
      tabs: { create: vi.fn(async () => undefined), sendMessage: vi.fn(async () => undefined), query: vi.fn(async () => [{ id: 1 }]) },
      storage: { session: memoryStorageArea(session) },
    },
  };
});
vi.mock('../../../src/background/data', () => ({
  isDataMessage: (m: { type: string }) => !m.type.startsWith('ui/'),
  handleDataMessage: vi.fn(async (m: { type: string }) => {
    dataCalls.push(m.type);
    return m.type === 'items/list' ? [] : null;
  }),
  sidebarMode: async () => settings.sidebarMode,
  recordCoverageVisit: vi.fn(async () => undefined),
}));
vi.mock('../../../src/background/badge', () => ({ showContextBadge: vi.fn(async () => undefined), clearContextBadge: vi.fn(async () => undefined) }));
vi.mock('../../../src/background/broadcast', () => ({ broadcast: vi.fn(async () => undefined) }));
vi.mock('../../../src/background/check-page', () => ({ checkPage: vi.fn(async () => ({ found: false, reason: 'not-a-story' })), checkFinished: vi.fn() }));

const { route } = await import('../../../src/background/router');

const PAGE = 'https://news.example/world/alibaba-memo';
/** A content script in the top frame of tab 7, at `url` (the address the document was loaded at). */
const contentScript = (url = PAGE, frameId = 0): Runtime.MessageSender => ({ id: ID, url, frameId, tab: { id: 7, url } as Runtime.MessageSender['tab'] });
/** The in-page sidebar frame inside tab `tabId`. */
const sidebarFrame = (tabId = 7): Runtime.MessageSender => ({ id: ID, url: `${BASE}sidebar.html?embedded=1`, frameId: 3, tab: { id: tabId, url: PAGE } as Runtime.MessageSender['tab'] });
const popup: Runtime.MessageSender = { id: ID, url: `${BASE}popup.html` };

const mentions: Record<string, boolean> = { denial: false };
function report(storyId = 'alibaba-pla-memo') {
  return { storyId, score: 9, threshold: 5, lang: 'en', title: 'White House memo links Alibaba to Chinese military', signals: [], mentions, knownCoverageId: null, caution: null };
}
const detected = (url = PAGE, storyId?: string) => ({ type: 'content/detected', url, report: report(storyId) });

async function detectedValue(url = PAGE, sender = contentScript()): Promise<{ sidebar: string; secret: string }> {
  const answer = await route(detected(url), sender);
  expect(answer).toMatchObject({ ok: true });
  return (answer as { value: { sidebar: string; secret: string } }).value;
}

beforeEach(() => {
  session.clear();
  dataCalls.length = 0;
  settings.sidebarMode = 'first-open';
});

describe('a content script', () => {
  it('reports a story page of its own site and gets the sidebar state and its tab’s secret', async () => {
    const value = await detectedValue();
    expect(value.sidebar).toBe('open');
    expect(value.secret).toMatch(/^[0-9a-f]{32}$/);
    // A single-page site moved on with pushState: same site, another address, still its own.
    const next = await detectedValue('https://news.example/world/alibaba-memo-2');
    expect(next.secret).toBe(value.secret);
  });

  it('opens the sidebar on the first story page of a session only, and keeps a page’s own state', async () => {
    expect((await detectedValue()).sidebar).toBe('open');
    expect((await detectedValue('https://news.example/b')).sidebar).toBe('collapsed');
    // The same address reported again (a redetect) keeps what the reader had.
    expect((await detectedValue('https://news.example/b')).sidebar).toBe('collapsed');
  });

  it('follows the reader’s sidebar mode', async () => {
    settings.sidebarMode = 'tab-only';
    expect((await detectedValue()).sidebar).toBe('collapsed');
    settings.sidebarMode = 'always-open';
    expect((await detectedValue('https://news.example/b')).sidebar).toBe('open');
  });

  it('may not report about another site, from a child frame, or about an unknown story', async () => {
    expect(await route(detected('https://victim.example/alibaba-memo'), contentScript())).toMatchObject({ ok: false });
    expect(await route(detected(), contentScript(PAGE, 5))).toMatchObject({ ok: false, error: 'only the top frame reports' });
    expect(await route(detected(PAGE, 'no-such-story'), contentScript())).toMatchObject({ ok: false, error: 'unknown story' });
    // Nothing was recorded for the tab by any of them.
    expect([...session.keys()].filter((k) => k.startsWith('tab:'))).toEqual([]);
  });

  it('speaks only the content map: a write of the page map is refused before any handler', async () => {
    for (const message of [{ type: 'items/delete', ids: ['x'] }, { type: 'settings/set', settings: { sidebarMode: 'always-open' } }, { type: 'ui/openTab', url: 'https://a.example/' }]) {
      const answer = await route(message, contentScript());
      expect(answer).toMatchObject({ ok: false });
      expect((answer as { error: string }).error).toMatch(/^invalid message/);
    }
    expect(dataCalls).toEqual([]);
  });

  it('clears its tab’s story, and the frame’s grant outlives it', async () => {
    const { secret } = await detectedValue();
    expect(await route({ type: 'content/cleared', url: PAGE }, contentScript())).toEqual({ ok: true, value: { ok: true } });
    expect(await route({ type: 'frame/context', secret }, sidebarFrame())).toEqual({ ok: true, value: null });
  });
});

describe('the in-page sidebar frame', () => {
  it('reads its tab’s context with its tab’s secret, and nothing with another', async () => {
    const { secret } = await detectedValue();
    const answer = await route({ type: 'frame/context', secret }, sidebarFrame());
    expect(answer).toMatchObject({ ok: true, value: { tabId: 7, url: PAGE } });
    expect(await route({ type: 'frame/context', secret: 'f'.repeat(32) }, sidebarFrame())).toEqual({ ok: false, error: "not this tab's sidebar" });
    // The right secret from a frame in another tab is not that tab's.
    expect(await route({ type: 'frame/context', secret }, sidebarFrame(8))).toEqual({ ok: false, error: "not this tab's sidebar" });
  });

  it('cannot use the privileged map, even with its secret', async () => {
    const { secret } = await detectedValue();
    expect(await route({ type: 'items/delete', ids: ['x'], secret }, sidebarFrame())).toMatchObject({ ok: false });
    expect(dataCalls).toEqual([]);
  });
});

describe('other senders', () => {
  it('lets the popup ask about a tab and write through the data handlers', async () => {
    await detectedValue();
    expect(await route({ type: 'ui/tabContext', tabId: 7 }, popup)).toMatchObject({ ok: true, value: { tabId: 7 } });
    expect(await route({ type: 'items/list', query: {} }, popup)).toEqual({ ok: true, value: [] });
    expect(dataCalls).toEqual(['items/list']);
  });

  it('answers another extension, and anything it cannot place, with a refusal', async () => {
    expect(await route(detected(), { ...contentScript(), id: 'someone-else' })).toEqual({ ok: false, error: 'unknown sender' });
    expect(await route({ type: 'items/list', query: {} }, { id: ID, url: 'file:///tmp/x.html', tab: { id: 7 } as Runtime.MessageSender['tab'] })).toEqual({ ok: false, error: 'unknown sender' });
  });
});
