// The toolbar popup: this tab's status, then the reader's saved items (search, filter, sort,
// edit in place, delete with undo, select several), then export and import. All outside
// effects go through `api`, so tests drive it with a fake; the state lives in the use-* hooks.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ItemPatch, SavedItem } from '../../storage/model';
import { messageOf } from '../shared/error-message';
import { plural } from '../shared/plural';
import type { PopupApi } from './api';
import { NoResults, NothingSaved } from './EmptyStates';
import { ImportExport } from './ImportExport';
import { displayTitle, ItemRow, type RowActions } from './ItemRow';
import { PopupHeader } from './PopupHeader';
import {
  countHidden,
  DEFAULT_FILTERS,
  isFiltered,
  selectAllState,
  selectedShown,
  storylessCount,
  visibleItems,
  type ViewFilters,
} from './model';
import { SearchAndFilters } from './SearchAndFilters';
import { UndoSnackbar } from './UndoSnackbar';
import { useImportExport } from './use-import-export';
import { useSavedItems } from './use-saved-items';
import { useSearchKey } from './use-search-key';
import { useSelection } from './use-selection';
import { useTabStatus } from './use-tab-status';
import { useUndo } from './use-undo';
import { VirtualList, type VirtualListHandle } from './VirtualList';

export { FIRST_PAGE } from './use-saved-items';
export { MAX_IMPORT_BYTES } from './use-import-export';
export const ROW_HEIGHT_REM = 6;

const getKey = (item: SavedItem) => item.id;
const rowAttributes = (item: SavedItem) => ({ 'data-testid': 'item', 'data-id': item.id });

function useDateFormat(locale: string): (ms: number) => string {
  const format = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    } catch {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    }
  }, [locale]);
  return (ms) => (ms > 0 ? format.format(ms) : '');
}

export function App({ api }: { api: PopupApi }) {
  const t = api.t;
  const [filters, setFilters] = useState<ViewFilters>(DEFAULT_FILTERS);
  const [actionError, setActionError] = useState<string | null>(null);
  const fail = (key: string) => (error: unknown) => setActionError(t(key, messageOf(error)));

  const tab = useTabStatus(api);
  const { view, complete, loadError } = useSavedItems(api, tab.refresh);
  const deletes = useUndo(api, (key, error) => fail(key)(error));
  const selection = useSelection();
  const io = useImportExport(api);
  const formatDate = useDateFormat(api.locale);

  const searchRef = useRef<HTMLInputElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const list = useRef<VirtualListHandle | null>(null);
  useSearchKey(searchRef);

  // Once every item is read, ids that are gone no longer count as hidden or selected.
  const { prune: pruneHidden } = deletes;
  const { prune: pruneSelected } = selection;
  useEffect(() => {
    if (!view || !complete) return;
    pruneHidden(view);
    pruneSelected(view);
  }, [view, complete, pruneHidden, pruneSelected]);

  const { hidden } = deletes;
  const { selected } = selection;
  const shown = useMemo(() => (view ? visibleItems(view, filters, hidden) : []), [view, filters, hidden]);
  const total = view ? view.total - countHidden(view, hidden) : 0;
  const allState = selectAllState(shown, selected);
  const toDelete = selectedShown(shown, selected);
  const ready = (view !== null || loadError !== null) && tab.status !== null;
  const focusSearch = () => searchRef.current?.focus();

  const deleteIds = (ids: string[], focusAfter: () => void) => {
    setActionError(null);
    deletes.remove(ids, () => {
      selection.drop(ids);
      focusAfter();
    });
  };

  async function save(item: SavedItem, patch: ItemPatch): Promise<void> {
    setActionError(null);
    try {
      await api.updateItem(item.id, patch);
    } catch (error) {
      setActionError(t('pp_saveFailed', displayTitle(item), messageOf(error)));
      throw error;
    }
  }

  const actions: RowActions = {
    toggleSelected: selection.toggle,
    open: (item) => {
      api.openUrl(item.url).catch(fail('pp_openFailed'));
    },
    remove: (item, index) =>
      deleteIds([item.id], () => {
        // The row after the deleted one takes its place; focus follows the reader's position.
        const remaining = shown.length - 1;
        if (remaining <= 0) focusSearch();
        else setTimeout(() => list.current?.focusRow(Math.min(index, remaining - 1), '.row-title'), 0);
      }),
    saveNote: (item, note) => save(item, { note }),
    saveTags: (item, tags) => save(item, { tags }),
  };

  const countText = !view
    ? ''
    : !complete
      ? t('pp_loading')
      : isFiltered(filters)
        ? plural(t, 'pp_countFiltered', total, String(shown.length), String(total))
        : plural(t, 'pp_count', total);

  let listArea;
  if (loadError) {
    listArea = (
      <p class="load-error" role="alert" data-testid="load-error">
        {loadError}
      </p>
    );
  } else if (!view) {
    listArea = <p class="loading muted">{t('pp_loading')}</p>;
  } else if (total === 0 && complete) {
    listArea = <NothingSaved t={t} />;
  } else if (shown.length === 0 && complete) {
    const clear = () => {
      setFilters(DEFAULT_FILTERS);
      focusSearch();
    };
    listArea = <NoResults t={t} onClear={clear} />;
  } else {
    listArea = (
      <VirtualList
        items={shown}
        rowHeightRem={ROW_HEIGHT_REM}
        getKey={getKey}
        rowAttributes={rowAttributes}
        label={t('pp_listLabel')}
        busy={!complete}
        arrowSelector=".row-title, .row-select"
        handle={list}
        renderRow={(item, index) => (
          <ItemRow item={item} index={index} selected={selected.has(item.id)} actions={actions} t={t} formatDate={formatDate} />
        )}
      />
    );
  }

  return (
    <div class="popup" data-ready={ready ? '' : undefined}>
      <PopupHeader api={api} tab={tab} fail={fail} />
      <main class="items">
        <SearchAndFilters
          filters={filters}
          facets={view?.facets ?? null}
          storylessCount={view ? storylessCount(view) : 0}
          onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
          storyTitle={api.storyTitle}
          t={t}
          searchRef={searchRef}
        />
        <div class="toolbar">
          <label class="select-all">
            <input
              ref={selectAllRef}
              type="checkbox"
              data-testid="select-all"
              checked={allState === 'all'}
              indeterminate={allState === 'some'}
              disabled={shown.length === 0}
              onChange={() => selection.toggleAll(shown)}
            />
            {t('pp_selectAll')}
          </label>
          <button
            type="button"
            class="danger"
            data-testid="delete-selected"
            disabled={toDelete.length === 0}
            onClick={() =>
              deleteIds(toDelete, () => (shown.length > toDelete.length ? selectAllRef.current?.focus() : focusSearch()))
            }
          >
            {t('pp_deleteSelected', String(toDelete.length))}
          </button>
          <p class="count" data-testid="count" role="status">
            {countText}
          </p>
        </div>
        <p class="action-error" role="alert" data-testid="error">
          {actionError ?? ''}
        </p>
        {listArea}
        <UndoSnackbar
          offer={deletes.offer}
          undoLabel={t('pp_undo')}
          dismissLabel={t('pp_dismiss')}
          onUndo={deletes.undo}
          onExpire={deletes.dismiss}
          onFocusLeaving={focusSearch}
        />
      </main>
      <footer class="bottom">
        <ImportExport
          t={t}
          busy={io.busy}
          message={io.message}
          onExport={io.exportAs}
          onImportFile={(file) => void io.importFile(file)}
          importInTab={api.importInTab}
          locale={api.locale}
          confirm={io.confirm}
          onConfirm={io.answer}
        />
      </footer>
    </div>
  );
}
