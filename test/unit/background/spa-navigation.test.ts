// The background's relay of same-document navigations to the content script's hook: only
// updates that are not a new document, one injection at a time per tab, and none once the
// tab's document has no watch, until a new document or a new copy of the script.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NAVIGATED_HOOK } from '../../../src/protocol/world-hooks';

type Injection = { target: { tabId: number; frameIds?: number[] }; func: (hook: string) => boolean; args: [string] };
const injections: Injection[] = [];
/** What the tab's world holds; the injected function runs against it. */
let world: Record<string, unknown> = {};
let release: (() => void) | null = null;
let hold = false;
let refuse = false;
const fakeBrowser = {
  scripting: {
    executeScript: async (d: Injection) => {
      injections.push(d);
      if (refuse) throw new Error('Cannot access contents of the page');
      if (hold) await new Promise<void>((r) => (release = r));
      const saved = globalThis as Record<string, unknown>;
      const had = saved[d.args[0]];
      saved[d.args[0]] = world[d.args[0]];
      try {
        return [{ frameId: 0, result: d.func(...d.args) }];
      } finally {
        saved[d.args[0]] = had;
      }
    },
  },
};
vi.mock('../../../src/platform/browser', () => ({ browser: fakeBrowser }));
const { listenAgain, relayNavigation } = await import('../../../src/background/spa-navigation');

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('relayNavigation', () => {
  let heard = 0;
  beforeEach(() => {
    injections.length = 0;
    heard = 0;
    hold = false;
    refuse = false;
    world = { [NAVIGATED_HOOK]: () => void (heard += 1) };
    listenAgain(1);
  });

  it('tells the top frame of a tab whose address changed without a new document', async () => {
    relayNavigation(1, { url: 'https://news.example/b', status: 'complete' });
    relayNavigation(1, { url: 'https://news.example/c' });
    await settle();
    expect(heard).toBe(2);
    expect(injections.map((i) => i.target)).toEqual([{ tabId: 1, frameIds: [0] }, { tabId: 1, frameIds: [0] }]);
  });

  it('leaves a new document, and updates without an address, alone', async () => {
    relayNavigation(1, { url: 'https://news.example/b', status: 'loading' });
    relayNavigation(1, { status: 'complete' });
    await settle();
    expect(injections).toEqual([]);
  });

  it('injects one at a time into a page that pushes addresses in a storm, then once more for what came meanwhile', async () => {
    hold = true;
    for (let i = 0; i < 20; i++) relayNavigation(1, { url: `https://news.example/p${i}` });
    await settle();
    expect(injections).toHaveLength(1);
    hold = false;
    release!();
    await settle();
    await settle();
    expect(injections).toHaveLength(2);
    expect(heard).toBe(2);
  });

  it('stops telling a document whose watch is gone, until a new document comes', async () => {
    world = {};
    relayNavigation(1, { url: 'https://news.example/b' });
    await settle();
    relayNavigation(1, { url: 'https://news.example/c' });
    await settle();
    expect(injections, 'the relay kept injecting into a page with no watch').toHaveLength(1);
    world = { [NAVIGATED_HOOK]: () => void (heard += 1) };
    relayNavigation(1, { status: 'loading' });
    relayNavigation(1, { url: 'https://news.example/d' });
    await settle();
    expect(heard).toBe(1);
  });

  it('gives up on a tab it may not read, and tries again once the content script is put there', async () => {
    refuse = true;
    relayNavigation(1, { url: 'https://news.example/b' });
    await settle();
    relayNavigation(1, { url: 'https://news.example/c' });
    await settle();
    expect(injections).toHaveLength(1);
    refuse = false;
    listenAgain(1);
    relayNavigation(1, { url: 'https://news.example/d' });
    await settle();
    expect(heard).toBe(1);
  });
});
