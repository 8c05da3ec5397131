// The in-page sidebar's powers, once its secret checked out: its own tab, its own saves.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameGrant, TabContext } from '../../../src/background/tab-state';
import { sampleItem, sampleReplies } from '../protocol/sample-replies';

const tabs = new Map<number, TabContext>();
const grants = new Map<number, FrameGrant>();
const data = vi.fn(async (msg: { type: string }) => (msg.type === 'items/save' ? { ...sampleItem, id: 'new-item' } : sampleReplies[msg.type as 'items/delete']));
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
  rememberSavedHere: async (id: number, item: string) => void grants.set(id, { ...grants.get(id)!, savedHere: [...grants.get(id)!.savedHere, item] }),
  forgetSavedHere: async (id: number, items: string[]) =>
    void grants.set(id, { ...grants.get(id)!, savedHere: grants.get(id)!.savedHere.filter((i) => !items.includes(i)) }),
}));
const { handleFrame } = await import('../../../src/background/frame');

const secret = 'a'.repeat(32);
const grant = () => grants.get(4)!;

beforeEach(() => {
  tabs.clear();
  data.mockClear();
  created.length = 0;
  tabs.set(4, { tabId: 4, url: 'https://www.news.example/a', report: {} as TabContext['report'], sidebar: 'open' });
  grants.set(4, { secret, savedHere: ['saved-here'] });
});

describe('handleFrame', () => {
  it('answers with its own tab, and has nothing to say of the secret', async () => {
    expect(await handleFrame({ type: 'frame/context', secret }, 4, grant())).toEqual(tabs.get(4));
    expect(JSON.stringify(await handleFrame({ type: 'frame/context', secret }, 4, grant()))).not.toContain(secret);
  });

  it('remembers what it saved, and undoes only that', async () => {
    const item = { kind: 'article' as const, url: 'https://www.news.example/a', title: 't' };
    await handleFrame({ type: 'frame/save', secret, item }, 4, grant());
    expect(grant().savedHere).toEqual(['saved-here', 'new-item']);
    await expect(handleFrame({ type: 'frame/undoSave', secret, ids: ['saved-elsewhere'] }, 4, grant())).rejects.toThrow(/toolbar popup/);
    await expect(handleFrame({ type: 'frame/undoSave', secret, ids: ['new-item', 'saved-elsewhere'] }, 4, grant())).rejects.toThrow();
    expect(data).not.toHaveBeenCalledWith(expect.objectContaining({ type: 'items/delete' }));
    await handleFrame({ type: 'frame/undoSave', secret, ids: ['new-item'] }, 4, grant());
    expect(data).toHaveBeenLastCalledWith({ type: 'items/delete', ids: ['new-item'] });
    expect(grant().savedHere).toEqual(['saved-here']);
  });

  it("sends the reader to the options page to confirm turning the tab's own site off", async () => {
    await handleFrame({ type: 'frame/confirmSiteOff', secret }, 4, grant());
    expect(created).toEqual([{ url: 'moz-extension://u/options.html#confirm-disable=news.example', active: true }]);
    expect(data).not.toHaveBeenCalled();
  });
});
