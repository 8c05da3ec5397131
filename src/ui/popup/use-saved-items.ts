// The saved items the popup lists, kept current: the newest page first, so the first screen does
// not wait for ten thousand, then all of them, read again whenever the database announces a change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { toStorageError } from '../../storage/errors';
import type { Change, PopupApi } from './api';
import { makeView, refreshView, type ItemsView } from './model';
import { messageOf } from '../shared/error-message';

/** Rows read before anything else, so the first screen does not wait for ten thousand. */
export const FIRST_PAGE = 50;

export interface SavedItems {
  view: ItemsView | null;
  /** Every item is in `view`, not only the first page. */
  complete: boolean;
  /** Why nothing could be read, in the reader's words. */
  loadError: string | null;
}

/** `onOtherChange` hears the announcements that are not about saved items (the active tab's). */
export function useSavedItems(api: PopupApi, onOtherChange: (change: Change) => void): SavedItems {
  const [state, setState] = useState<SavedItems>({ view: null, complete: false, loadError: null });
  const other = useRef(onOtherChange);
  other.current = onOtherChange;

  useEffect(() => {
    let alive = true;
    // Each full read gets a number; an answer overtaken by a newer read is dropped, and the
    // first page is dropped once any full read has started.
    let generation = 0;
    let current: ItemsView | null = null;
    const apply = (view: ItemsView, complete: boolean) => {
      current = view;
      setState((s) => ({ view, complete: s.complete || complete, loadError: complete ? null : s.loadError }));
    };
    const fail = (error: unknown) => {
      if (!alive) return;
      // A private window (or a browser set to keep no site data) refuses IndexedDB outright:
      // say so in words a reader understands, keeping the browser's detail for a bug report.
      const unavailable = toStorageError(error).code === 'unavailable';
      const loadError = api.t(unavailable ? 'pp_storageUnavailable' : 'pp_loadFailed', messageOf(error));
      setState((s) => ({ ...s, loadError }));
    };
    const reloadAll = async () => {
      const mine = ++generation;
      const items = await api.allItems();
      if (alive && mine === generation) apply(refreshView(current, items), true);
    };
    const start = async () => {
      const first = await api.newestItems(FIRST_PAGE);
      if (!alive || generation > 0) return;
      const whole = first.length < FIRST_PAGE;
      apply(makeView(first), whole);
      if (whole) return;
      // Let the first rows paint before reading and indexing everything.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (alive && generation === 0) await reloadAll();
    };
    start().catch(fail);
    const unwatch = api.watch((change) => {
      if (change === 'items') reloadAll().catch(fail);
      else other.current(change);
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [api]);

  return state;
}
