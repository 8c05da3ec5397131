// The rows the reader ticked, for deleting several at once.
import { useCallback, useState } from 'preact/hooks';
import type { SavedItem } from '../../storage/model';
import { keepPresent, toggleAllShown, without, type ItemsView } from './model';

export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Ticks every shown row, or unticks them all when all are ticked. */
  toggleAll: (shown: readonly SavedItem[]) => void;
  drop: (ids: readonly string[]) => void;
  /** Forgets ids no longer in a complete view. */
  prune: (view: ItemsView) => void;
}

export function useSelection(): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (shown: readonly SavedItem[]) => setSelected((s) => toggleAllShown(shown, s));
  const drop = (ids: readonly string[]) => setSelected((s) => without(s, ids));
  const prune = useCallback((view: ItemsView) => setSelected((s) => keepPresent(s, view)), []);
  return { selected, toggle, toggleAll, drop, prune };
}
