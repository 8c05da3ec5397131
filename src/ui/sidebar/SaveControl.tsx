// One save button and, once saved, its state in place: "Saved", Undo, and a note/tags form.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SaveItemInput } from '../../protocol/messages';
import { NoteForm } from './NoteForm';
import { useSaving } from './saving';
import { useUi } from './ui-context';

export interface SaveControlProps {
  input: SaveItemInput | null;
  testId: 'save-article' | 'save-claim' | 'save-quote' | 'save-source';
  label: string;
  /** Id of the element that says what is being saved. */
  describedBy?: string;
  /** A smaller button, for long lists. */
  compact?: boolean;
}

type FocusTarget = 'save' | 'note' | null;

export function SaveControl({ input, testId, label, describedBy, compact = false }: SaveControlProps) {
  const { t } = useUi();
  const saving = useSaving();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);
  const noteButton = useRef<HTMLButtonElement>(null);
  // The button a keyboard user pressed disappears when the state flips; focus moves to the
  // control that takes its place instead of falling back to the top of the document.
  const focusNext = useRef<FocusTarget>(null);

  const saved = input && saving.available ? saving.find(input) : undefined;

  useEffect(() => {
    const target = focusNext.current === 'save' ? saveButton.current : focusNext.current === 'note' ? noteButton.current : null;
    if (target) {
      target.focus();
      focusNext.current = null;
    }
  });

  if (!input || !saving.available) return null;

  const onSave = async () => {
    setBusy(true);
    setError(null);
    try {
      await saving.save(input);
      focusNext.current = 'note';
    } catch (err) {
      // The reason matters to the reader: a full disk will not fix itself on "try again".
      const reason = err instanceof Error ? err.message : '';
      setError(reason ? t('sb_save_failed_because', reason) : t('sb_save_failed'));
    } finally {
      setBusy(false);
    }
  };

  if (!saved) {
    return (
      <div class="save">
        <button
          type="button"
          class={compact ? 'button button-small' : 'button'}
          ref={saveButton}
          data-testid={testId}
          aria-describedby={describedBy}
          disabled={busy}
          onClick={() => void onSave()}
        >
          {label}
        </button>
        {error ? (
          <p class="error" role="alert" data-testid="save-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  const onUndo = async () => {
    setBusy(true);
    setError(null);
    try {
      await saving.undo(saved);
      setEditing(false);
      focusNext.current = 'save';
    } catch {
      setError(t('sb_undo_failed'));
    } finally {
      setBusy(false);
    }
  };

  const hasNote = saved.note !== '' || saved.tags.length > 0;
  return (
    <div class="save save-done">
      <p class="saved-row">
        <span class="saved-label">
          <span aria-hidden="true">✓ </span>
          {t('sb_saved')}
        </span>
        <button
          type="button"
          class="button button-small"
          data-testid="undo"
          aria-describedby={describedBy}
          disabled={busy}
          onClick={() => void onUndo()}
        >
          {t('sb_undo')}
        </button>
        <button
          type="button"
          class="button button-small"
          ref={noteButton}
          aria-expanded={editing}
          aria-describedby={describedBy}
          onClick={() => setEditing(!editing)}
        >
          {hasNote ? t('sb_edit_note') : t('sb_add_note')}
        </button>
      </p>
      {hasNote && !editing ? (
        <dl class="note-view">
          {saved.note ? (
            <div>
              <dt>{t('sb_note_label')}</dt>
              <dd>{saved.note}</dd>
            </div>
          ) : null}
          {saved.tags.length > 0 ? (
            <div>
              <dt>{t('sb_tags_label')}</dt>
              <dd>{saved.tags.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {editing ? (
        <NoteForm
          item={saved}
          onDone={() => {
            setEditing(false);
            focusNext.current = 'note';
          }}
        />
      ) : null}
      {error ? <p class="error">{error}</p> : null}
    </div>
  );
}
