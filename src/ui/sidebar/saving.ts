// Saving pack items and the page, shared by every save button through a context.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SaveItemInput } from '../../protocol/messages';
import type { ItemPatch, SavedItemView } from './api';

export interface Saving {
  /** False when the background cannot store anything (the buttons are not shown then). */
  available: boolean;
  find(input: SaveItemInput): SavedItemView | undefined;
  save(input: SaveItemInput): Promise<SavedItemView>;
  /** Deletes the saved item: undoing the save. */
  undo(item: SavedItemView): Promise<void>;
  update(item: SavedItemView, patch: ItemPatch): Promise<void>;
}

const unavailable: Saving = {
  available: false,
  find: () => undefined,
  save: () => Promise.reject(new Error('saving is unavailable')),
  undo: () => Promise.reject(new Error('saving is unavailable')),
  update: () => Promise.reject(new Error('saving is unavailable')),
};

export const SavingContext = createContext<Saving>(unavailable);

export function useSaving(): Saving {
  return useContext(SavingContext);
}
