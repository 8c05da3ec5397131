// The frame grants the background keeps per tab: one secret per tab, compared in full, the
// sidebar's own saves remembered (and only those), everything gone with the tab.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = new Map<string, unknown>();
vi.mock('../../../src/platform/browser', async () => {
  const { memoryStorageArea } = await import('./memory-storage');
  return { browser: { storage: { session: memoryStorageArea(session) } } };
});
const { frameSecretFor, grantFor, rememberSavedHere, forgetSavedHere, forgetTab, setTab, getTab, firstStoryPageOfSession } = await import('../../../src/background/tab-state');

beforeEach(() => session.clear());

describe('frame grants', () => {
  it('mints one random secret per tab, and keeps it', async () => {
    const a = await frameSecretFor(1);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await frameSecretFor(1)).toBe(a);
    expect(await frameSecretFor(2)).not.toBe(a);
  });

  it('grants only the exact secret of that tab', async () => {
    const a = await frameSecretFor(1);
    const b = await frameSecretFor(2);
    expect(await grantFor(1, a)).toMatchObject({ secret: a, savedHere: [] });
    expect(await grantFor(1, b)).toBeNull();
    expect(await grantFor(1, a.slice(0, -1) + (a.endsWith('0') ? '1' : '0'))).toBeNull();
    expect(await grantFor(1, a.slice(1))).toBeNull();
    expect(await grantFor(1, a + '0')).toBeNull();
    expect(await grantFor(3, a)).toBeNull();
  });

  it('remembers what the sidebar saved here, once each, and forgets on undo', async () => {
    const a = await frameSecretFor(1);
    await rememberSavedHere(1, 'x');
    await rememberSavedHere(1, 'x');
    await rememberSavedHere(1, 'y');
    expect((await grantFor(1, a))?.savedHere).toEqual(['x', 'y']);
    await forgetSavedHere(1, ['x']);
    expect((await grantFor(1, a))?.savedHere).toEqual(['y']);
    // A tab without a grant gets none by saving.
    await rememberSavedHere(9, 'z');
    expect(session.has('frame:9')).toBe(false);
  });

  it('keeps at most the last 200 saves of a tab', async () => {
    const a = await frameSecretFor(1);
    for (let i = 0; i < 205; i++) await rememberSavedHere(1, `item-${i}`);
    const saved = (await grantFor(1, a))!.savedHere;
    expect(saved).toHaveLength(200);
    expect(saved[0]).toBe('item-5');
  });

  it('goes with its tab, context and all', async () => {
    const a = await frameSecretFor(1);
    await setTab({ tabId: 1, url: 'https://news.example/a', report: {} as never, sidebar: 'open' });
    await forgetTab(1);
    expect(await grantFor(1, a)).toBeNull();
    expect(await getTab(1)).toBeNull();
  });
});

describe('firstStoryPageOfSession', () => {
  it('is true once per browser session', async () => {
    expect(await firstStoryPageOfSession()).toBe(true);
    expect(await firstStoryPageOfSession()).toBe(false);
  });
});
