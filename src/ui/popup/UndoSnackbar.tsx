// "Deleted 3 items. Undo" for about eight seconds. The live region is always in the DOM, so
// screen readers announce the message when it appears; the countdown pauses while the pointer
// or focus is on the bar, so nobody has to race it.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export const UNDO_VISIBLE_MS = 8000;

export interface UndoOffer {
  /** Changes with every deletion, restarting the countdown. */
  serial: number;
  message: string;
  /** False for the "Restored" confirmation that follows an undo. */
  undoable: boolean;
}

interface Props {
  offer: UndoOffer | null;
  undoLabel: string;
  dismissLabel: string;
  onUndo: () => void;
  onExpire: () => void;
  /** Where focus goes when the bar closes while it holds focus. */
  onFocusLeaving: () => void;
}

export function UndoSnackbar({ offer, undoLabel, dismissLabel, onUndo, onExpire, onFocusLeaving }: Props) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(UNDO_VISIBLE_MS);
  const bar = useRef<HTMLDivElement>(null);
  const leaving = () => {
    if (bar.current?.contains(document.activeElement)) onFocusLeaving();
  };
  const expire = useRef(onExpire);
  expire.current = () => {
    leaving();
    onExpire();
  };

  // A layout effect, so a new offer starts fresh before the reader can point at it.
  useLayoutEffect(() => {
    remaining.current = UNDO_VISIBLE_MS;
    setPaused(false);
  }, [offer?.serial]);

  useEffect(() => {
    if (!offer || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => expire.current(), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - started));
    };
  }, [offer?.serial, paused]);

  return (
    <div
      ref={bar}
      class={offer ? 'snackbar visible' : 'snackbar'}
      role="status"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => setPaused(true)}
      onFocusOut={() => setPaused(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && offer) {
          e.preventDefault();
          e.stopPropagation();
          expire.current();
        }
      }}
    >
      {offer ? (
        <>
          <span class="snackbar-text">{offer.message}</span>
          {offer.undoable ? (
            <button
              type="button"
              class="snackbar-undo"
              data-testid="undo"
              onClick={() => {
                leaving();
                onUndo();
              }}
            >
              {undoLabel}
            </button>
          ) : null}
          <button type="button" class="snackbar-close" aria-label={dismissLabel} onClick={() => expire.current()}>
            ×
          </button>
        </>
      ) : null}
    </div>
  );
}
