// In-place editors for a saved item's note and tags. Enter or leaving the field saves, Escape
// puts back what is stored; the draft survives data refreshes until it is saved or dropped.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTags, parseTagsInput, sameTags } from '../shared/tags';

/** Shared draft logic: `stored` is the saved text, `commit` gets the draft when it changed. */
function useDraft(stored: string, commit: (draft: string) => Promise<string | void>) {
  const [draft, setDraft] = useState(stored);
  const editing = useRef(false);
  // What was last sent, so Enter followed by blur does not save twice before the refresh lands.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    sent.current = null;
    if (!editing.current) setDraft(stored);
  }, [stored]);

  const save = async () => {
    editing.current = false;
    if (draft === stored || draft === sent.current) return;
    sent.current = draft;
    try {
      const shown = await commit(draft);
      if (typeof shown === 'string') {
        sent.current = shown;
        setDraft(shown);
      }
    } catch {
      // The caller has told the reader why; show what is really stored.
      sent.current = null;
      setDraft(stored);
    }
  };
  const cancel = () => {
    editing.current = false;
    setDraft(stored);
  };
  const change = (text: string) => {
    editing.current = true;
    setDraft(text);
  };
  return { draft, save, cancel, change };
}

function stopEscape(event: KeyboardEvent) {
  // Escape would otherwise also close the popup, losing the reader's place.
  event.preventDefault();
  event.stopPropagation();
}

interface NoteProps {
  note: string;
  label: string;
  placeholder: string;
  onSave: (note: string) => Promise<void>;
}

export function NoteEditor({ note, label, placeholder, onSave }: NoteProps) {
  const { draft, save, cancel, change } = useDraft(note, onSave);
  return (
    <textarea
      class="note"
      data-testid="note"
      rows={1}
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      maxLength={10000}
      onInput={(e) => change((e.currentTarget as HTMLTextAreaElement).value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        // Shift+Enter keeps a line break; plain Enter saves, like the tags field.
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          stopEscape(e);
          cancel();
        }
      }}
    />
  );
}

interface TagsProps {
  tags: readonly string[];
  label: string;
  placeholder: string;
  onSave: (tags: string[]) => Promise<void>;
}

export function TagsEditor({ tags, label, placeholder, onSave }: TagsProps) {
  const stored = formatTags(tags);
  const { draft, save, cancel, change } = useDraft(stored, async (text) => {
    const parsed = parseTagsInput(text);
    if (!sameTags(parsed, tags)) await onSave(parsed);
    return formatTags(parsed);
  });
  return (
    <input
      class="tags"
      data-testid="tags"
      type="text"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      onInput={(e) => change((e.currentTarget as HTMLInputElement).value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.isComposing) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          stopEscape(e);
          cancel();
        }
      }}
    />
  );
}
