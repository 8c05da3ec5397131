// The background's side of an import: the message must say whether the file's settings apply,
// and the background, the database's only writer, honours that answer.
import { describe, expect, it, vi } from 'vitest';
import { validDoc } from '../formats/malformed-exports';

// What the background wrote to storage.local: the content script's copy of the disabled sites.
const local = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../../src/platform/browser', () => ({
  browser: {
    storage: {
      local: {
        set: async (values: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(values)) local.set(key, value);
        },
      },
    },
  },
}));

const { handleDataMessage, isDataMessage } = await import('../../../src/background/data');
const { parse, PageToBackground } = await import('../../../src/protocol/messages');

/** A message as the router gets it: validated first, then handed to the data handler. */
async function send(message: unknown): Promise<unknown> {
  const msg = parse(PageToBackground, message);
  if (!msg || !isDataMessage(msg)) throw new Error('refused');
  return handleDataMessage(msg);
}

const text = JSON.stringify({ ...validDoc(3), settings: { sidebarMode: 'always-open', disabledSites: ['a.example', 'b.example'] } });

describe('items/import', () => {
  it('is refused unless it says whether to apply the file’s settings', () => {
    expect(parse(PageToBackground, { type: 'items/import', text })).toBeNull();
    expect(parse(PageToBackground, { type: 'items/import', text, settings: 'yes' })).toBeNull();
    expect(parse(PageToBackground, { type: 'items/import', text, settings: 'ignore' })).not.toBeNull();
    expect(parse(PageToBackground, { type: 'items/import', text, settings: 'apply' })).not.toBeNull();
  });

  it("with 'ignore' imports the items and changes no setting, nor the content script's copy", async () => {
    const before = await send({ type: 'settings/get' });
    expect(await send({ type: 'items/import', text, settings: 'ignore' })).toMatchObject({ itemsAdded: 3, settingsChanged: false });
    expect(await send({ type: 'items/list', query: {} })).toHaveLength(3);
    expect(await send({ type: 'settings/get' })).toEqual(before);
    expect(local.get('disabledSites') ?? []).toEqual([]);
  });

  it("with 'apply' changes the settings and tells the content script which sites are off", async () => {
    expect(await send({ type: 'items/import', text, settings: 'apply' })).toMatchObject({ itemsUnchanged: 3, settingsChanged: true });
    expect(await send({ type: 'settings/get' })).toEqual({ sidebarMode: 'always-open', disabledSites: ['a.example', 'b.example'] });
    expect(local.get('disabledSites')).toEqual(['a.example', 'b.example']);
  });
});
