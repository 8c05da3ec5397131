// The in-page sidebar's powers, once its secret checked out: its own tab, its own saves.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabContext } from '../../../src/background/tab-state';

const tabs = new Map<number, TabContext>();
const data = vi.fn(async (msg: { type: string }) => (msg.type === 'items/save' ? { id: 'new-item' } : { token: 'undo' }));
const created: unknown[] = [];

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    tabs: { create: vi.fn(async (o: unknown) => created.push(o)), sendMessage: vi.fn(async () => undefined) },
    runtime: { getURL: (p: string) => `moz-extension://u/${p}`, openOptionsPage: vi.fn(async () => created.push('options')) },
  },
}));
vi.mock('../../../src/background/data', () => ({ handleDataMessage: (m: { type: string }) => data(m), recordCoverageVisit: vi.fn(async () => undefined) }));
vi.mock('../../../src/background/tab-state', () => ({
  getTab: async (id: number) => tabs.get(id) ?? null,
  setTab: async (ctx: TabContext) => void tabs.set(ctx.tabId, ctx),
  publicContext: (ctx: TabContext) => ({ tabId: ctx.tabId, url: ctx.url }),
}));
const { handleFrame } = await import('../../../src/background/frame');

const secret = 'a'.repeat(32);
function ctx(): TabContext {
  return tabs.get(4)!;
}

beforeEach(() => {
  tabs.clear();
  data.mockClear();
  created.length = 0;
  tabs.set(4, { tabId: 4, url: 'https://www.news.example/a', report: {} as TabContext['report'], sidebar: 'open', secret, savedHere: ['saved-here'] });
});

describe('handleFrame', () => {
  it('answers with its tab, never the secret', async () => {
    expect(await handleFrame({ type: 'frame/context', secret }, ctx())).toEqual({ tabId: 4, url: 'https://www.news.example/a' });
  });

  it('remembers what it saved, and undoes only that', async () => {
    const item = { kind: 'article' as const, url: 'https://www.news.example/a', title: 't' };
    await handleFrame({ type: 'frame/save', secret, item }, ctx());
    expect(ctx().savedHere).toEqual(['saved-here', 'new-item']);
    await expect(handleFrame({ type: 'frame/undoSave', secret, ids: ['saved-elsewhere'] }, ctx())).rejects.toThrow(/toolbar popup/);
    await expect(handleFrame({ type: 'frame/undoSave', secret, ids: ['new-item', 'saved-elsewhere'] }, ctx())).rejects.toThrow();
    expect(data).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'items/delete' }));
    await handleFrame({ type: 'frame/undoSave', secret, ids: ['new-item'] }, ctx());
    expect(data).toHaveBeenLastCalledWith({ type: 'items/delete', ids: ['new-item'] });
    expect(ctx().savedHere).toEqual(['saved-here']);
  });

  it("sends the reader to the options page to confirm turning the tab's own site off", async () => {
    await handleFrame({ type: 'frame/confirmSiteOff', secret }, ctx());
    expect(created).toEqual([{ url: 'moz-extension://u/options.html#confirm-disable=news.example', active: true }]);
    expect(data).not.toHaveBeenCalled();
  });
});
