// One saved item in the list: what it is and where from, its note and tags editable in place,
// and the controls to select, open and delete it.
import type { SavedItem } from '../../storage/model';
import { httpHref } from '../components/safe-url';
import { NoteEditor, TagsEditor } from './InlineEditors';

export interface RowActions {
  toggleSelected(id: string): void;
  open(item: SavedItem): void;
  remove(item: SavedItem, index: number): void;
  saveNote(item: SavedItem, note: string): Promise<void>;
  saveTags(item: SavedItem, tags: string[]): Promise<void>;
}

interface Props {
  item: SavedItem;
  index: number;
  selected: boolean;
  actions: RowActions;
  t: (key: string, ...subs: string[]) => string;
  formatDate: (ms: number) => string;
}

export function displayTitle(item: SavedItem): string {
  return item.title.trim() || item.url;
}

export function ItemRow({ item, index, selected, actions, t, formatDate }: Props) {
  const title = displayTitle(item);
  const meta = [t(`pp_kind_${item.kind}`), item.site, formatDate(item.createdAt)].filter(Boolean).join(' · ');
  return (
    <div class="row-grid">
      <input
        type="checkbox"
        class="row-select"
        data-testid="select"
        checked={selected}
        aria-label={t('pp_selectItem', title)}
        onChange={() => actions.toggleSelected(item.id)}
      />
      <div class="row-head">
        <a
          class="row-title"
          href={httpHref(item.url) ?? undefined}
          target="_blank"
          rel="noopener noreferrer"
          title={item.url}
          onClick={(e) => {
            // A plain click opens through the background, which can open a tab from the
            // popup in both browsers; the href keeps the link's meaning for assistive tech.
            e.preventDefault();
            actions.open(item);
          }}
        >
          {title}
        </a>
        <p class="row-meta">
          <span>{meta}</span>
          {item.quote ? <q class="row-quote">{item.quote}</q> : null}
        </p>
      </div>
      <button
        type="button"
        class="row-delete"
        data-testid="delete"
        aria-label={t('pp_deleteItem', title)}
        onClick={() => actions.remove(item, index)}
      >
        {t('pp_delete')}
      </button>
      <div class="row-edit">
        <NoteEditor
          note={item.note}
          label={t('pp_noteFor', title)}
          placeholder={t('pp_notePlaceholder')}
          onSave={(note) => actions.saveNote(item, note)}
        />
        <TagsEditor
          tags={item.tags}
          label={t('pp_tagsFor', title)}
          placeholder={t('pp_tagsPlaceholder')}
          onSave={(tags) => actions.saveTags(item, tags)}
        />
      </div>
    </div>
  );
}
