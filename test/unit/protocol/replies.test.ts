// Replies are checked where they arrive: a reply of the wrong shape is refused there, with an
// error that names the request and the field, instead of surfacing later as an undefined.
import { describe, expect, it, vi } from 'vitest';
import { readReply, ReplyError, type RequestKind } from '../../../src/protocol/replies';
import { sampleItem, sampleReplies } from './sample-replies';

const sent = vi.hoisted(() => ({ answer: undefined as unknown }));
vi.mock('../../../src/platform/browser', () => ({
  browser: { runtime: { sendMessage: async () => sent.answer } },
}));
const { request } = await import('../../../src/ui/shared/client');

const ok = (value: unknown) => ({ ok: true, value });

describe('readReply', () => {
  it('accepts the reply of every kind in the shape the background sends', () => {
    for (const kind of Object.keys(sampleReplies) as RequestKind[]) {
      expect(readReply(kind, ok(sampleReplies[kind])), kind).toEqual(sampleReplies[kind]);
    }
  });

  it('refuses an undo token that is not one, naming the request and the field', () => {
    // What the sidebar's old test fake answered: a shape the background never sends.
    expect(() => readReply('items/delete', ok({ token: 'undo-1' }))).toThrow(ReplyError);
    expect(() => readReply('items/delete', ok({ token: 'undo-1' }))).toThrow(/items\/delete.*\bid\b/);
    expect(() => readReply('frame/undoSave', ok('undo-1'))).toThrow(/frame\/undoSave/);
  });

  it('refuses an item missing a field, and says which', () => {
    const { key: _key, ...noKey } = sampleItem;
    expect(() => readReply('items/save', ok(noKey))).toThrow(/items\/save.*key/);
    expect(() => readReply('items/list', ok([sampleItem, { ...sampleItem, tags: 'memo' }]))).toThrow(/items\/list.*1\.tags/);
  });

  it('refuses an export that is the file text instead of the snapshot', () => {
    expect(() => readReply('items/export', ok('{"format":"story-context-export"}'))).toThrow(/items\/export/);
  });

  it('refuses a sidebar answer without the frame secret', () => {
    expect(() => readReply('content/detected', ok({ sidebar: 'open' }))).toThrow(/content\/detected.*secret/);
    expect(() => readReply('frame/sidebar', ok('toggle'))).toThrow(/frame\/sidebar/);
  });

  it('passes the background\'s own error on, and tells a missing answer from a malformed one', () => {
    expect(() => readReply('settings/get', { ok: false, error: 'storage not available' })).toThrow('storage not available');
    expect(() => readReply('settings/get', undefined)).toThrow(/did not answer/);
    expect(() => readReply('settings/get', { sidebarMode: 'first-open', disabledSites: [] })).toThrow(/not a reply/);
  });
});

describe('request', () => {
  it('resolves to the checked reply of its kind', async () => {
    sent.answer = ok(sampleReplies['items/delete']);
    const token = await request({ type: 'items/delete', ids: ['item-1'] });
    expect(token.id).toBe('undo-1');
  });

  it('rejects a reply of the wrong shape at the page that asked', async () => {
    sent.answer = ok({ token: 'undo-1' });
    await expect(request({ type: 'items/delete', ids: ['item-1'] })).rejects.toThrow(/answer to items\/delete is not what this page expects/);
  });
});
