// The small inline form that adds a note and tags to a saved item.
import { useId, useState } from 'preact/hooks';
import type { SavedItemView } from './api';
import { parseTagsInput } from '../shared/tags';
import { useSaving } from './saving';
import { useUi } from './ui-context';

export interface NoteFormProps {
  item: SavedItemView;
  onDone: () => void;
}

export function NoteForm({ item, onDone }: NoteFormProps) {
  const { t } = useUi();
  const saving = useSaving();
  const id = useId();
  const [note, setNote] = useState(item.note);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saving.update(item, { note: note.trim(), tags: parseTagsInput(tags) });
      onDone();
    } catch {
      setError(t('sb_note_failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="note-form" onSubmit={(e) => void onSubmit(e)}>
      <label for={`${id}-note`}>{t('sb_note_label')}</label>
      <textarea
        id={`${id}-note`}
        rows={3}
        maxLength={10000}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <label for={`${id}-tags`}>{t('sb_tags_input_label')}</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {t('sb_note_save')}
        </button>
        <button type="button" class="button button-quiet" onClick={onDone}>
          {t('sb_cancel')}
        </button>
      </div>
      {error ? <p class="error">{error}</p> : null}
    </form>
  );
}
