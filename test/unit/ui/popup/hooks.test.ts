// @vitest-environment happy-dom
// The popup's state hooks on their own, against the in-memory api.
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../../src/formats';
import { StorageError } from '../../../../src/storage/errors';
import type { SavedItem } from '../../../../src/storage/model';
import type { Change } from '../../../../src/ui/popup/api';
import { makeView } from '../../../../src/ui/popup/model';
import { MAX_IMPORT_BYTES, useImportExport } from '../../../../src/ui/popup/use-import-export';
import { FIRST_PAGE, useSavedItems } from '../../../../src/ui/popup/use-saved-items';
import { useSelection } from '../../../../src/ui/popup/use-selection';
import { useUndo } from '../../../../src/ui/popup/use-undo';
import { fakeApi, makeItem } from './fake-api';

afterEach(cleanup);

const ids = (view: { index: { entries: Map<string, unknown> } } | null) => [...(view?.index.entries.keys() ?? [])].sort();

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('useSavedItems', () => {
  it('shows a short collection whole from the first read', async () => {
    const api = fakeApi([makeItem(1), makeItem(2)]);
    const { result } = renderHook(() => useSavedItems(api, () => undefined));
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(ids(result.current.view)).toEqual(['item-1', 'item-2']);
    expect(api.calls.newestItems).toEqual([FIRST_PAGE]);
    expect(api.calls.allItems).toBe(0);
  });

  it('reads the newest page first, then everything', async () => {
    const api = fakeApi(Array.from({ length: FIRST_PAGE + 5 }, (_, n) => makeItem(n)));
    const { result } = renderHook(() => useSavedItems(api, () => undefined));
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.view?.total).toBe(FIRST_PAGE + 5);
    expect(api.calls.allItems).toBe(1);
  });

  it('keeps the newest of two overlapping re-reads, whichever answers last', async () => {
    const api = fakeApi([makeItem(1)]);
    const { result } = renderHook(() => useSavedItems(api, () => undefined));
    await waitFor(() => expect(result.current.complete).toBe(true));
    const reads = [deferred<SavedItem[]>(), deferred<SavedItem[]>()];
    let n = 0;
    api.allItems = () => reads[n++]!.promise;
    act(() => api.emit('items'));
    act(() => api.emit('items'));
    await act(async () => reads[1]!.resolve([makeItem(3)]));
    await waitFor(() => expect(ids(result.current.view)).toEqual(['item-3']));
    await act(async () => reads[0]!.resolve([makeItem(2)]));
    expect(ids(result.current.view)).toEqual(['item-3']);
  });

  it('says in words that storage is unavailable, and passes other announcements on', async () => {
    const api = fakeApi([]);
    api.newestItems = () => Promise.reject(new StorageError('unavailable', 'IndexedDB is off'));
    const heard: Change[] = [];
    const { result } = renderHook(() => useSavedItems(api, (change) => heard.push(change)));
    await waitFor(() => expect(result.current.loadError).toContain('IndexedDB is off'));
    expect(result.current.loadError).not.toBe(api.t('pp_loadFailed', 'IndexedDB is off'));
    act(() => api.emit('tab'));
    expect(heard).toEqual(['tab']);
  });
});

describe('useUndo', () => {
  it('hides deleted rows at once, offers Undo, and brings them back', async () => {
    const api = fakeApi([makeItem(1), makeItem(2)]);
    const errors: string[] = [];
    const { result } = renderHook(() => useUndo(api, (key) => errors.push(key)));
    let sent = false;
    act(() => result.current.remove(['item-1'], () => (sent = true)));
    expect(sent).toBe(true);
    expect([...result.current.hidden]).toEqual(['item-1']);
    await waitFor(() => expect(result.current.offer?.undoable).toBe(true));
    expect(api.calls.deleteItems).toEqual([['item-1']]);
    act(() => result.current.undo());
    await waitFor(() => expect(result.current.offer?.undoable).toBe(false));
    expect(result.current.offer?.message).toBe(api.t('pp_restored_one', '1'));
    expect(result.current.hidden.size).toBe(0);
    expect(api.items.map((i) => i.id).sort()).toEqual(['item-1', 'item-2']);
    expect(errors).toEqual([]);
  });

  it('puts the rows back and reports when the delete fails', async () => {
    const api = fakeApi([makeItem(1)]);
    api.failNext.deleteItems = 'disk full';
    const errors: string[] = [];
    const { result } = renderHook(() => useUndo(api, (key) => errors.push(key)));
    act(() => result.current.remove(['item-1'], () => undefined));
    await waitFor(() => expect(errors).toEqual(['pp_deleteFailed']));
    expect(result.current.hidden.size).toBe(0);
    expect(result.current.offer).toBeNull();
  });

  it('forgets hidden ids once a complete view no longer has them', async () => {
    const api = fakeApi([makeItem(1), makeItem(2)]);
    const { result } = renderHook(() => useUndo(api, () => undefined));
    act(() => result.current.remove(['item-1'], () => undefined));
    await waitFor(() => expect(result.current.offer).not.toBeNull());
    act(() => result.current.prune(makeView([makeItem(2)])));
    expect(result.current.hidden.size).toBe(0);
  });
});

describe('useSelection', () => {
  it('ticks and unticks rows, all shown at once, and forgets what is gone', () => {
    const shown = [makeItem(1), makeItem(2)];
    const { result } = renderHook(() => useSelection());
    act(() => result.current.toggle('item-1'));
    expect([...result.current.selected]).toEqual(['item-1']);
    act(() => result.current.toggleAll(shown));
    expect([...result.current.selected].sort()).toEqual(['item-1', 'item-2']);
    act(() => result.current.toggleAll(shown));
    expect(result.current.selected.size).toBe(0);
    act(() => result.current.toggleAll(shown));
    act(() => result.current.drop(['item-2']));
    expect([...result.current.selected]).toEqual(['item-1']);
    act(() => result.current.prune(makeView([makeItem(2)])));
    expect(result.current.selected.size).toBe(0);
  });
});

describe('useImportExport', () => {
  const withSettings = JSON.stringify({
    format: 'story-context-export',
    version: 1,
    exportedAt: '2025-11-20T00:00:00.000Z',
    items: [],
    visits: [],
    settings: { disabledSites: ['a.example'] },
  });

  it('saves an export as a file and says how many items it holds', async () => {
    const api = fakeApi([makeItem(1), makeItem(2)]);
    const { result } = renderHook(() => useImportExport(api));
    act(() => result.current.exportAs('csv'));
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(api.calls.saveFile).toHaveLength(1);
    expect(result.current.message?.kind).toBe('ok');
  });

  it('refuses a file over the size limit without reading or sending it', async () => {
    const api = fakeApi();
    const { result } = renderHook(() => useImportExport(api));
    const big = { name: 'big.json', size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('read')) } as unknown as File;
    await act(() => result.current.importFile(big));
    expect(result.current.message).toEqual({ kind: 'error', text: api.t('pp_importTooBig', 'big.json') });
    expect(api.calls.importText).toEqual([]);
  });

  it('holds a file whose settings would change something until the reader answers', async () => {
    const api = fakeApi();
    const { result } = renderHook(() => useImportExport(api));
    await act(() => result.current.importFile(new File([withSettings], 'shared.json')));
    await waitFor(() => expect(result.current.confirm?.sitesOff).toEqual(['a.example']));
    expect(api.calls.importText).toEqual([]);
    act(() => result.current.answer('cancel'));
    expect(result.current.confirm).toBeNull();
    expect(result.current.message).toEqual({ kind: 'ok', text: api.t('pp_importCancelled', 'shared.json') });
    expect(api.calls.importText).toEqual([]);

    await act(() => result.current.importFile(new File([withSettings], 'shared.json')));
    await waitFor(() => expect(result.current.confirm).not.toBeNull());
    act(() => result.current.answer('ignore'));
    await waitFor(() => expect(result.current.busy).toBe(false));
    expect(api.calls.importText).toEqual([{ text: withSettings, settings: 'ignore' }]);
    expect(api.settings.disabledSites).toEqual([]);
  });
});
