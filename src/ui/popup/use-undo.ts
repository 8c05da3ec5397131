// Delete with undo: a deleted row leaves the list at once (before the database says so), the
// reader is offered Undo, and a failed delete puts the row back.
import { useCallback, useRef, useState } from 'preact/hooks';
import { plural } from '../shared/plural';
import type { PopupApi } from './api';
import { keepPresent, without, type ItemsView } from './model';
import type { UndoOffer } from './UndoSnackbar';

interface PendingUndo {
  offer: UndoOffer;
  token: string | null;
  ids: string[];
}

export interface DeleteWithUndo {
  /** Ids whose delete was sent but whose removal has not come back from the database yet. */
  hidden: ReadonlySet<string>;
  offer: UndoOffer | null;
  /** `onSent` runs once the rows are hidden, before the database answers (to move focus). */
  remove: (ids: string[], onSent: () => void) => void;
  undo: () => void;
  dismiss: () => void;
  /** Forgets hidden ids no longer in a complete view (the delete has come back). */
  prune: (view: ItemsView) => void;
}

/** `onError` gets the message key and the error of a delete or undo that failed. */
export function useUndo(api: PopupApi, onError: (key: string, error: unknown) => void): DeleteWithUndo {
  const t = api.t;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<PendingUndo | null>(null);
  // Each offer gets a new number, so the snackbar restarts its time even for the same text.
  const serial = useRef(0);

  const remove = (ids: string[], onSent: () => void) => {
    if (ids.length === 0) return;
    setHidden((h) => new Set([...h, ...ids]));
    onSent();
    const mine = ++serial.current;
    const message = plural(t, 'pp_deleted', ids.length);
    api.deleteItems(ids).then(
      (token) => setPending({ offer: { serial: mine, message, undoable: true }, token, ids }),
      (error) => {
        setHidden((h) => without(h, ids));
        onError('pp_deleteFailed', error);
      },
    );
  };

  const undo = () => {
    const now = pending;
    if (!now?.token) return;
    setPending(null);
    api.undoDelete(now.token).then(
      () => {
        setHidden((h) => without(h, now.ids));
        const message = plural(t, 'pp_restored', now.ids.length);
        setPending({ offer: { serial: ++serial.current, message, undoable: false }, token: null, ids: [] });
      },
      (error) => onError('pp_undoFailed', error),
    );
  };

  const prune = useCallback((view: ItemsView) => setHidden((h) => keepPresent(h, view)), []);

  return { hidden, offer: pending?.offer ?? null, remove, undo, dismiss: () => setPending(null), prune };
}
