// The toolbar popup: this tab's status, then the reader's saved items (search, filter, sort,
// edit in place, delete with undo, select several), then export and import. All outside
// effects go through `api`, so tests drive it with a fake.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportSettingsChoice, SettingsChanges } from '../../formats/import-json';
import type { ImportSummary, ItemPatch, SavedItem } from '../../storage/model';
import { toStorageError } from '../../storage/errors';
import { plural } from '../shared/plural';
import type { PopupApi, TabStatus } from './api';
import { exportFileName } from '../../formats/export-json';
import { exportMime, type ExportFormat } from './download';
import { NoResults, NothingSaved } from './EmptyStates';
import type { ImportConfirmChoice } from './ImportConfirm';
import { ImportExport, type IoMessage } from './ImportExport';
import { displayTitle, ItemRow, type RowActions } from './ItemRow';
import {
  countHidden,
  DEFAULT_FILTERS,
  isFiltered,
  makeView,
  refreshView,
  selectAllState,
  selectedShown,
  storylessCount,
  toggleAllShown,
  visibleItems,
  type ItemsView,
  type ViewFilters,
} from './model';
import { SearchAndFilters } from './SearchAndFilters';
import { TabStatusPanel } from './TabStatusPanel';
import { UndoSnackbar, type UndoOffer } from './UndoSnackbar';
import { VirtualList, type VirtualListHandle } from './VirtualList';

/** Rows read before anything else, so the first screen does not wait for ten thousand. */
export const FIRST_PAGE = 50;
export const ROW_HEIGHT_REM = 6;
/** The background refuses bigger imports; refusing here saves reading the file. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A valid file whose settings would change something, held while the reader decides. */
interface PendingImport {
  text: string;
  name: string;
  changes: SettingsChanges;
}

interface PendingUndo {
  offer: UndoOffer;
  token: string | null;
  ids: string[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function without(set: ReadonlySet<string>, ids: Iterable<string>): Set<string> {
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

function keepPresent(set: ReadonlySet<string>, view: ItemsView): ReadonlySet<string> {
  if (set.size === 0) return set;
  const next = new Set<string>();
  for (const id of set) if (view.index.entries.has(id)) next.add(id);
  return next.size === set.size ? set : next;
}

const getKey = (item: SavedItem) => item.id;
const rowAttributes = (item: SavedItem) => ({ 'data-testid': 'item', 'data-id': item.id });

export function App({ api }: { api: PopupApi }) {
  const t = api.t;
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [view, setView] = useState<ItemsView | null>(null);
  const [complete, setComplete] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filters, setFilters] = useState<ViewFilters>(DEFAULT_FILTERS);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<PendingUndo | null>(null);
  const [io, setIo] = useState<IoMessage | null>(null);
  const [ioBusy, setIoBusy] = useState(false);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const searchRef = useRef<HTMLInputElement>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const tabStatusRef = useRef<HTMLDivElement>(null);
  const list = useRef<VirtualListHandle | null>(null);
  const serial = useRef(0);
  const refreshStatus = useRef<() => void>(() => undefined);

  const dateFormat = useMemo(() => {
    try {
      return new Intl.DateTimeFormat(api.locale, { dateStyle: 'medium' });
    } catch {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    }
  }, [api.locale]);
  const formatDate = (ms: number) => (ms > 0 ? dateFormat.format(ms) : '');

  useEffect(() => {
    let alive = true;
    let generation = 0;
    let current: ItemsView | null = null;
    const apply = (v: ItemsView, whole: boolean) => {
      current = v;
      setView(v);
      if (whole) {
        setComplete(true);
        setHidden((h) => keepPresent(h, v));
        setSelected((s) => keepPresent(s, v));
      }
    };
    const fail = (error: unknown) => {
      if (!alive) return;
      // A private window (or a browser set to keep no site data) refuses IndexedDB outright:
      // say so in words a reader understands, keeping the browser's detail for a bug report.
      const unavailable = toStorageError(error).code === 'unavailable';
      setLoadError(t(unavailable ? 'pp_storageUnavailable' : 'pp_loadFailed', messageOf(error)));
    };
    const reloadAll = async () => {
      const mine = ++generation;
      const items = await api.allItems();
      if (alive && mine === generation) {
        apply(refreshView(current, items), true);
        setLoadError(null);
      }
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
    refreshStatus.current = () => {
      api.tabStatus().then(
        (s) => alive && setStatus(s),
        () => alive && setStatus({ kind: 'none' }),
      );
    };
    start().catch(fail);
    refreshStatus.current();
    const unwatch = api.watch((change) => {
      if (change === 'items') reloadAll().catch(fail);
      else refreshStatus.current();
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [api]);

  // "/" jumps to the search box from anywhere but a text field, as on many sites.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const shown = useMemo(() => (view ? visibleItems(view, filters, hidden) : []), [view, filters, hidden]);
  const total = view ? view.total - countHidden(view, hidden) : 0;
  const filtered = isFiltered(filters);
  const allState = selectAllState(shown, selected);
  const toDelete = selectedShown(shown, selected);
  const ready = (view !== null || loadError !== null) && status !== null;

  const fail = (key: string) => (error: unknown) => setActionError(t(key, messageOf(error)));

  const deleteIds = (ids: string[], focusAfter: () => void) => {
    if (ids.length === 0) return;
    setActionError(null);
    setHidden((h) => new Set([...h, ...ids]));
    setSelected((s) => without(s, ids));
    focusAfter();
    const mine = ++serial.current;
    const message = plural(t, 'pp_deleted', ids.length);
    api.deleteItems(ids).then(
      (token) => setUndo({ offer: { serial: mine, message, undoable: true }, token, ids }),
      (error) => {
        setHidden((h) => without(h, ids));
        fail('pp_deleteFailed')(error);
      },
    );
  };

  const focusSearch = () => searchRef.current?.focus();

  const actions: RowActions = {
    toggleSelected: (id) =>
      setSelected((s) => {
        const next = new Set(s);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
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

  async function save(item: SavedItem, patch: ItemPatch): Promise<void> {
    setActionError(null);
    try {
      await api.updateItem(item.id, patch);
    } catch (error) {
      setActionError(t('pp_saveFailed', displayTitle(item), messageOf(error)));
      throw error;
    }
  }

  const undoNow = () => {
    const pending = undo;
    if (!pending?.token) return;
    setUndo(null);
    api.undoDelete(pending.token).then(
      () => {
        setHidden((h) => without(h, pending.ids));
        const message = plural(t, 'pp_restored', pending.ids.length);
        setUndo({ offer: { serial: ++serial.current, message, undoable: false }, token: null, ids: [] });
      },
      fail('pp_undoFailed'),
    );
  };

  const exportAs = (format: ExportFormat) => {
    setIoBusy(true);
    setIo({ kind: 'busy', text: t('pp_exporting') });
    api
      .exportItems(format)
      .then((file) => {
        const name = exportFileName(format);
        api.saveFile(name, exportMime(format), file.text);
        setIo({ kind: 'ok', text: plural(t, 'pp_exported', file.count, String(file.count), name) });
      })
      .catch((error) => setIo({ kind: 'error', text: t('pp_exportFailed', messageOf(error)) }))
      .finally(() => setIoBusy(false));
  };

  /** `asked` is the reader's answer about the file's settings, or null when there was nothing to ask. */
  const importedText = (summary: ImportSummary, asked: ImportSettingsChoice | null): string => {
    const added = String(summary.itemsAdded);
    const merged = String(summary.itemsUpdated + summary.itemsUnchanged);
    const n = summary.itemsAdded;
    if (asked === 'apply') return plural(t, 'pp_importedSettingsApplied', n, added, merged);
    if (asked === 'ignore') return plural(t, 'pp_importedSettingsIgnored', n, added, merged);
    return plural(t, 'pp_imported', n, added, merged);
  };

  const sendImport = (text: string, settings: ImportSettingsChoice, asked: boolean) =>
    api
      .importText(text, settings)
      .then((summary) => setIo({ kind: 'ok', text: importedText(summary, asked ? settings : null) }))
      .catch((error) => setIo({ kind: 'error', text: t('pp_importFailed', messageOf(error)) }))
      .finally(() => setIoBusy(false));

  const importFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setIo({ kind: 'error', text: t('pp_importTooBig', file.name) });
      return;
    }
    setIoBusy(true);
    setIo({ kind: 'busy', text: t('pp_importing', file.name) });
    try {
      const text = await file.text();
      // The same checks the background makes, here first: the reader must hear what the
      // file's settings would change before anything is written. Loaded on first use.
      const { parseImport, settingsChanges } = await import('../../formats');
      const parsed = parseImport(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const fileSettings = parsed.data.settings;
      const changes = Object.keys(fileSettings).length > 0 ? settingsChanges(await api.currentSettings(), fileSettings) : null;
      if (changes) {
        setIo(null);
        setPendingImport({ text, name: file.name, changes });
        return;
      }
      // Nothing to change, so nothing the reader did not see is applied either.
      await sendImport(text, 'ignore', false);
    } catch (error) {
      setIo({ kind: 'error', text: t('pp_importFailed', messageOf(error)) });
      setIoBusy(false);
    }
  };

  const answerImport = (choice: ImportConfirmChoice) => {
    const pending = pendingImport;
    if (!pending) return;
    setPendingImport(null);
    if (choice === 'cancel') {
      setIo({ kind: 'ok', text: t('pp_importCancelled', pending.name) });
      setIoBusy(false);
      return;
    }
    setIo({ kind: 'busy', text: t('pp_importing', pending.name) });
    void sendImport(pending.text, choice, true);
  };

  const countText = !view
    ? ''
    : !complete
      ? t('pp_loading')
      : filtered
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
    listArea = (
      <NoResults
        t={t}
        onClear={() => {
          setFilters(DEFAULT_FILTERS);
          focusSearch();
        }}
      />
    );
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
      <header class="top">
        <div class="title-row">
          <h1>{t('pp_title')}</h1>
          {api.openOptions ? (
            <button type="button" class="settings-link" data-testid="open-options" onClick={() => api.openOptions?.()}>
              {t('pp_settings')}
            </button>
          ) : null}
        </div>
        <div ref={tabStatusRef} tabIndex={-1} class="tab-status-focus">
          <TabStatusPanel
            status={status}
            t={t}
            onCheckPage={api.checkPage ?? null}
            onOpenSidebar={(tabId) => {
              api.openSidebar(tabId).catch(fail('pp_sidebarFailed'));
            }}
            onOpenSidePanel={
              api.openSidePanel
                ? (tabId) => {
                    // No await before this call: the browser requires the click's user gesture.
                    api.openSidePanel?.(tabId).catch(fail('pp_sidebarFailed'));
                  }
                : null
            }
            onRequestAccess={(origin) => {
              // No await before this call: the browser asks the reader only inside a click.
              api.requestSiteAccess(origin).then(
                (granted) => {
                  if (granted) refreshStatus.current();
                },
                fail('pp_turnOnFailed'),
              );
            }}
            onTurnOn={(site) => {
              api.enableSite(site).then(
                () => {
                  refreshStatus.current();
                  tabStatusRef.current?.focus();
                },
                fail('pp_turnOnFailed'),
              );
            }}
          />
        </div>
      </header>
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
              onChange={() => setSelected((s) => toggleAllShown(shown, s))}
            />
            {t('pp_selectAll')}
          </label>
          <button
            type="button"
            class="danger"
            data-testid="delete-selected"
            disabled={toDelete.length === 0}
            onClick={() =>
              deleteIds(toDelete, () => {
                if (shown.length > toDelete.length) selectAllRef.current?.focus();
                else focusSearch();
              })
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
          offer={undo?.offer ?? null}
          undoLabel={t('pp_undo')}
          dismissLabel={t('pp_dismiss')}
          onUndo={undoNow}
          onExpire={() => setUndo(null)}
          onFocusLeaving={focusSearch}
        />
      </main>
      <footer class="bottom">
        <ImportExport
          t={t}
          busy={ioBusy}
          message={io}
          onExport={exportAs}
          onImportFile={(file) => void importFile(file)}
          importInTab={api.importInTab}
          locale={api.locale}
          confirm={pendingImport?.changes ?? null}
          onConfirm={answerImport}
        />
      </footer>
    </div>
  );
}
