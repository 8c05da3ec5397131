// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, FIRST_PAGE } from '../../../../src/ui/popup/App';
// The popup loads the import checks on first use; loaded here first, so an import waits for
// the popup's work only and not for this machine to compile the module.
import '../../../../src/formats';
import { validDoc, validItem } from '../../formats/malformed-exports';
import { fakeApi, makeItem, type FakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function mount(api: FakeApi) {
  const view = render(<App api={api} />);
  await waitFor(() => expect(view.container.querySelector('[data-ready]')).not.toBeNull());
  return view;
}

const rows = () => screen.queryAllByTestId('item');
const rowIds = () => rows().map((row) => row.getAttribute('data-id'));
const row = (id: string) => {
  const found = rows().find((r) => r.getAttribute('data-id') === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const status = () => screen.getByTestId('io-status');

/** A valid export of two items; without settings unless given. */
function exportFile(over: Record<string, unknown> = {}): string {
  const { settings: _none, ...doc } = validDoc(2);
  return JSON.stringify({ ...doc, ...over });
}

/** Picks a file in the import input, as the browser's file chooser does. */
function choose(file: File): void {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('saved items', () => {
  it('tells a new reader how to start, and marks itself ready', async () => {
    const { container } = await mount(fakeApi([]));
    expect(screen.getByTestId('empty').textContent).toMatch(/Open a news article about a tracked story/);
    expect(screen.queryByTestId('no-results')).toBeNull();
    expect(container.querySelector('[data-ready]')).not.toBeNull();
  });

  it('lists items newest first with a count, and says when a search finds nothing', async () => {
    await mount(fakeApi([makeItem(1), makeItem(2), makeItem(3)]));
    expect(rowIds()).toEqual(['item-3', 'item-2', 'item-1']);
    expect(screen.getByTestId('count').textContent).toBe('3 items');

    type(screen.getByTestId('search'), 'no such words');
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('no-results')).toBeTruthy();
    expect(screen.queryByTestId('empty')).toBeNull();
    expect(screen.getByTestId('count').textContent).toBe('0 of 3 items');

    fireEvent.click(within(screen.getByTestId('no-results')).getByRole('button'));
    expect(rows()).toHaveLength(3);
    expect(document.activeElement).toBe(screen.getByTestId('search'));
  });

  it('narrows the list with every keystroke over title, note, quote and tags', async () => {
    await mount(
      fakeApi([
        makeItem(1, { title: 'Alibaba denies', note: 'compare with Reuters' }),
        makeItem(2, { title: 'Embassy', quote: 'groundless accusations', tags: ['statement'] }),
        makeItem(3, { title: 'Other' }),
      ]),
    );
    const search = screen.getByTestId('search');
    type(search, 'reu');
    expect(rowIds()).toEqual(['item-1']);
    type(search, 'groundless');
    expect(rowIds()).toEqual(['item-2']);
    type(search, 'statement');
    expect(rowIds()).toEqual(['item-2']);
    expect(screen.getByTestId('count').textContent).toBe('1 of 3 items');
  });

  it('filters by story, kind, tag and site, and sorts', async () => {
    await mount(
      fakeApi([
        makeItem(1, { kind: 'claim', tags: ['pla'], site: 'ft.com', title: 'Beta' }),
        makeItem(2, { kind: 'quote', tags: ['pla', 'denial'], site: 'reuters.com', title: 'Alpha', storyId: null }),
        makeItem(3, { kind: 'claim', site: 'reuters.com', title: 'Gamma' }),
      ]),
    );
    const choose = (testid: string, value: string) => fireEvent.change(screen.getByTestId(testid), { target: { value } });

    choose('filter-kind', 'claim');
    expect(rowIds()).toEqual(['item-3', 'item-1']);
    choose('filter-site', 'reuters.com');
    expect(rowIds()).toEqual(['item-3']);
    choose('filter-kind', '');
    choose('filter-tag', 'denial');
    expect(rowIds()).toEqual(['item-2']);
    choose('filter-tag', '');
    choose('filter-site', '');
    const storyOptions = [...(screen.getByTestId('filter-story') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(storyOptions).toEqual(['All stories', 'Alibaba memo (2)', 'Not in a story (1)']);
    choose('filter-story', (screen.getByTestId('filter-story') as HTMLSelectElement).options[2]!.value);
    expect(rowIds()).toEqual(['item-2']);
    choose('filter-story', '');

    choose('sort', 'title');
    expect(rowIds()).toEqual(['item-2', 'item-1', 'item-3']);
    choose('sort', 'oldest');
    expect(rowIds()).toEqual(['item-1', 'item-2', 'item-3']);
  });

  it('opens an item through the background', async () => {
    const api = fakeApi([makeItem(1)]);
    await mount(api);
    fireEvent.click(within(row('item-1')).getByRole('link', { name: 'Story number 1' }));
    expect(api.calls.openUrl).toEqual(['https://ft.com/story/1']);
  });
});

describe('editing in place', () => {
  it('saves a note on Enter and shows the stored value after the refresh', async () => {
    const api = fakeApi([makeItem(1, { note: 'old' })]);
    await mount(api);
    const note = within(row('item-1')).getByTestId('note') as HTMLTextAreaElement;
    expect(note.getAttribute('aria-label')).toBe('Note for: Story number 1');
    fireEvent.focus(note);
    type(note, 'new note');
    fireEvent.keyDown(note, { key: 'Enter' });
    fireEvent.blur(note);
    expect(api.calls.updateItem).toEqual([{ id: 'item-1', patch: { note: 'new note' } }]);
    // The first load read everything through newestItems; this is the refresh after the write.
    await waitFor(() => expect(api.calls.allItems).toBe(1));
    expect((within(row('item-1')).getByTestId('note') as HTMLTextAreaElement).value).toBe('new note');
  });

  it('keeps a line break on Shift+Enter and puts the stored text back on Escape', async () => {
    const api = fakeApi([makeItem(1, { note: 'kept' })]);
    await mount(api);
    const note = within(row('item-1')).getByTestId('note') as HTMLTextAreaElement;
    type(note, 'draft');
    const shiftEnter = fireEvent.keyDown(note, { key: 'Enter', shiftKey: true });
    expect(shiftEnter).toBe(true);
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(note.value).toBe('kept');
    fireEvent.blur(note);
    expect(api.calls.updateItem).toEqual([]);
  });

  it('saves tags on blur as a clean list, and does nothing when they did not change', async () => {
    const api = fakeApi([makeItem(1, { tags: ['China'] })]);
    await mount(api);
    const tags = within(row('item-1')).getByTestId('tags') as HTMLInputElement;
    expect(tags.value).toBe('China');
    type(tags, 'China,  PLA , china,');
    fireEvent.blur(tags);
    expect(api.calls.updateItem).toEqual([{ id: 'item-1', patch: { tags: ['China', 'PLA'] } }]);
    await waitFor(() => expect(tags.value).toBe('China, PLA'));
    type(tags, 'China, PLA ');
    fireEvent.keyDown(tags, { key: 'Enter' });
    expect(api.calls.updateItem).toHaveLength(1);
  });

  it('tells the reader when a save fails and shows what is really stored', async () => {
    const api = fakeApi([makeItem(1, { note: 'stored' })]);
    api.failNext.updateItem = 'The item no longer exists.';
    await mount(api);
    const note = within(row('item-1')).getByTestId('note') as HTMLTextAreaElement;
    type(note, 'lost?');
    fireEvent.keyDown(note, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('The item no longer exists.'));
    expect(screen.getByTestId('error').getAttribute('role')).toBe('alert');
    expect(note.value).toBe('stored');
  });
});

describe('deleting with undo', () => {
  it('removes the row at once, offers Undo in a status region, and undo brings it back', async () => {
    const api = fakeApi([makeItem(1), makeItem(2)]);
    await mount(api);
    fireEvent.click(within(row('item-2')).getByTestId('delete'));
    expect(rowIds()).toEqual(['item-1']);
    expect(api.calls.deleteItems).toEqual([['item-2']]);
    const undo = await screen.findByTestId('undo');
    const region = undo.closest('[role="status"]') as HTMLElement;
    expect(region.textContent).toContain('Deleted 1 item.');
    fireEvent.click(undo);
    expect(api.calls.undoDelete).toEqual(['token-1']);
    await waitFor(() => expect(rowIds()).toEqual(['item-2', 'item-1']));
    expect(region.textContent).toContain('Restored 1 item.');
  });

  it('keeps the Undo offer for about eight seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = fakeApi([makeItem(1)]);
    await mount(api);
    fireEvent.click(within(row('item-1')).getByTestId('delete'));
    await screen.findByTestId('undo');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(7000);
    });
    expect(screen.queryByTestId('undo')).not.toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500);
    });
    expect(screen.queryByTestId('undo')).toBeNull();
  });

  it('holds the Undo offer while the pointer rests on it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = fakeApi([makeItem(1)]);
    await mount(api);
    fireEvent.click(within(row('item-1')).getByTestId('delete'));
    const region = (await screen.findByTestId('undo')).closest('[role="status"]') as HTMLElement;
    fireEvent.mouseEnter(region);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20_000);
    });
    expect(screen.queryByTestId('undo')).not.toBeNull();
    fireEvent.mouseLeave(region);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(9000);
    });
    expect(screen.queryByTestId('undo')).toBeNull();
  });

  it('puts the row back and says why when the delete fails', async () => {
    const api = fakeApi([makeItem(1)]);
    api.failNext.deleteItems = 'database unavailable';
    await mount(api);
    fireEvent.click(within(row('item-1')).getByTestId('delete'));
    await waitFor(() => expect(screen.getByTestId('error').textContent).toContain('database unavailable'));
    expect(rowIds()).toEqual(['item-1']);
    expect(screen.queryByTestId('undo')).toBeNull();
  });

  it('deletes several selected items in one request with one undo', async () => {
    const api = fakeApi([makeItem(1), makeItem(2), makeItem(3)]);
    await mount(api);
    const deleteSelected = screen.getByTestId('delete-selected') as HTMLButtonElement;
    expect(deleteSelected.disabled).toBe(true);
    fireEvent.click(within(row('item-1')).getByTestId('select'));
    fireEvent.click(within(row('item-3')).getByTestId('select'));
    expect(deleteSelected.textContent).toBe('Delete selected (2)');
    fireEvent.click(deleteSelected);
    expect(api.calls.deleteItems).toEqual([['item-3', 'item-1']]);
    expect(rowIds()).toEqual(['item-2']);
    expect((await screen.findByTestId('undo')).closest('[role="status"]')?.textContent).toContain('Deleted 2 items.');
    fireEvent.click(screen.getByTestId('undo'));
    expect(api.calls.undoDelete).toEqual(['token-1']);
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('"select all shown" selects only what the search shows', async () => {
    const api = fakeApi([makeItem(1, { title: 'keep me' }), makeItem(2, { title: 'drop this' }), makeItem(3, { title: 'drop that' })]);
    await mount(api);
    type(screen.getByTestId('search'), 'drop');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    fireEvent.click(screen.getByTestId('delete-selected'));
    expect(api.calls.deleteItems).toEqual([['item-3', 'item-2']]);
  });
});

describe('this tab', () => {
  it('offers the sidebar and the side panel where a story was detected', async () => {
    const api = fakeApi([], { kind: 'available', tabId: 7 });
    await mount(api);
    expect(screen.getByTestId('tab-status').textContent).toContain('Context available on this page');
    fireEvent.click(screen.getByTestId('open-sidebar'));
    fireEvent.click(screen.getByTestId('open-side-panel'));
    expect(api.calls.openSidebar).toEqual([7]);
    // Called inside the click itself: the browser needs the user gesture.
    expect(api.calls.openSidePanel).toEqual([7]);
  });

  it('hides the side-panel button where the browser has none', async () => {
    const api = { ...fakeApi([], { kind: 'available', tabId: 7 }), openSidePanel: null };
    await mount(api);
    expect(screen.queryByTestId('open-side-panel')).toBeNull();
  });

  it('turns a switched-off site back on', async () => {
    const api = fakeApi([], { kind: 'off', tabId: 3, site: 'ft.com' });
    await mount(api);
    expect(screen.getByTestId('tab-status').textContent).toContain('Off on this site');
    fireEvent.click(screen.getByTestId('site-on'));
    expect(api.calls.enableSite).toEqual(['ft.com']);
    await waitFor(() => expect(screen.getByTestId('tab-status').textContent).toContain('No tracked story on this page'));
  });

  it('follows a tab change announced by the background', async () => {
    const api = fakeApi([], { kind: 'none' });
    await mount(api);
    api.status = { kind: 'available', tabId: 1 };
    act(() => api.emit('tab'));
    await screen.findByTestId('open-sidebar');
  });
});

describe('export and import', () => {
  it('downloads each format and says so', async () => {
    const api = fakeApi([makeItem(1), makeItem(2)]);
    await mount(api);
    for (const [testid, ext, mime] of [
      ['export-json', 'json', 'application/json'],
      ['export-md', 'md', 'text/markdown'],
      ['export-csv', 'csv', 'text/csv'],
    ] as const) {
      fireEvent.click(screen.getByTestId(testid));
      await waitFor(() => expect(screen.getByTestId('io-status').textContent).toMatch(new RegExp(`Exported 2 items to story-context-\\d{4}-\\d{2}-\\d{2}\\.${ext}`)));
      expect(api.calls.saveFile.at(-1)).toMatchObject({ text: `${ext}:2` });
      expect(api.calls.saveFile.at(-1)!.mime).toContain(mime);
    }
  });

  it('imports a chosen JSON file and reports what was added and merged', async () => {
    const api = fakeApi([]);
    api.importResult = { ...api.importResult, itemsAdded: 4, itemsUpdated: 1, itemsUnchanged: 2 };
    await mount(api);
    const text = exportFile();
    choose(new File([text], 'backup.json', { type: 'application/json' }));
    await waitFor(() => expect(status().textContent).toBe('Imported 4 items, merged 3'));
    api.importResult = { ...api.importResult, itemsAdded: 1, itemsUpdated: 0, itemsUnchanged: 0 };
    choose(new File([text], 'backup.json', { type: 'application/json' }));
    await waitFor(() => expect(status().textContent).toBe('Imported 1 item, merged 0'));
    // No settings in the file, so nothing to ask and nothing applied.
    expect(api.calls.importText).toEqual([
      { text, settings: 'ignore' },
      { text, settings: 'ignore' },
    ]);
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(status().getAttribute('role')).toBe('alert');
  });

  it('refuses a malformed file with its reason, sending nothing and changing nothing', async () => {
    const api = fakeApi([makeItem(1)]);
    api.settings = { sidebarMode: 'first-open', disabledSites: ['example.org'] };
    await mount(api);
    const bad = exportFile({ settings: { sidebarMode: 'tab-only', disabledSites: ['a.example'] }, items: [{ ...validItem(0), url: 'javascript:alert(1)' }] });
    choose(new File([bad], 'bad.json'));
    await waitFor(() => expect(status().textContent).toMatch(/^Import failed: This file was not imported and nothing was changed\. Problem: items\[0\]\.url: /));
    choose(new File([bad.slice(0, -30)], 'truncated.json'));
    await waitFor(() => expect(status().textContent).toMatch(/not valid JSON/));
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(api.calls.importText).toEqual([]);
    expect(api.settings).toEqual({ sidebarMode: 'first-open', disabledSites: ['example.org'] });
    expect(rowIds()).toEqual(['item-1']);
  });

  it('shows the background’s reason when it refuses an import', async () => {
    const api = fakeApi([makeItem(1)]);
    api.failNext.importText = 'There is no room left to store saved items. Nothing was changed.';
    await mount(api);
    choose(new File([exportFile()], 'big.json'));
    await waitFor(() => expect(status().textContent).toBe('Import failed: There is no room left to store saved items. Nothing was changed.'));
    expect(rowIds()).toEqual(['item-1']);
  });
});

describe('an import that carries settings', () => {
  const current = () => ({ sidebarMode: 'first-open' as const, disabledSites: ['example.org'] });
  const sharedList = () => exportFile({ settings: { sidebarMode: 'tab-only', disabledSites: ['a.example', 'example.org', 'b.example', 'c.example'] } });

  async function chooseShared(api: FakeApi) {
    await mount(api);
    choose(new File([sharedList()], 'reading-list.json', { type: 'application/json' }));
    return screen.findByTestId('import-confirm');
  }

  it('asks first, in plain words, with focus on the question; "Import items only" leaves the settings alone', async () => {
    const api = fakeApi([]);
    api.settings = current();
    api.importResult = { ...api.importResult, itemsAdded: 2 };
    const panel = await chooseShared(api);
    expect(panel.getAttribute('role')).toBe('alertdialog');
    expect(document.activeElement).toBe(panel);
    const described = document.getElementById(panel.getAttribute('aria-describedby')!)!;
    expect(described.textContent).toContain('It would turn Story Context off on 3 sites: a.example, b.example, and c.example.');
    expect(described.textContent).toContain('It would change when the sidebar opens, from “Once per session” to “Only the tab”.');
    expect(document.getElementById(panel.getAttribute('aria-labelledby')!)!.textContent).toBe('This file would also change your settings');
    expect(within(panel).getAllByRole('button').map((b) => b.textContent)).toEqual(['Import items and apply these settings', 'Import items only', 'Cancel']);
    // Nothing is written while the reader decides, and nothing else can start.
    expect(api.calls.importText).toEqual([]);
    expect(screen.getByTestId('import-file')).toHaveProperty('disabled', true);

    fireEvent.click(within(panel).getByRole('button', { name: 'Import items only' }));
    await waitFor(() => expect(status().textContent).toBe('Imported 2 items, merged 0. Your settings were left as they were.'));
    expect(api.calls.importText).toEqual([{ text: sharedList(), settings: 'ignore' }]);
    expect(api.settings).toEqual(current());
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-file')));
  });

  it('applies the settings only when the reader chooses to, and says so', async () => {
    const api = fakeApi([]);
    api.settings = current();
    api.importResult = { ...api.importResult, itemsAdded: 1 };
    const panel = await chooseShared(api);
    fireEvent.click(within(panel).getByRole('button', { name: 'Import items and apply these settings' }));
    await waitFor(() => expect(status().textContent).toBe('Imported 1 item, merged 0. The file’s settings were applied.'));
    expect(api.calls.importText).toEqual([{ text: sharedList(), settings: 'apply' }]);
    expect(api.settings).toEqual({ sidebarMode: 'tab-only', disabledSites: ['example.org', 'a.example', 'b.example', 'c.example'] });
    // The same file again changes nothing more, so it goes straight through.
    choose(new File([sharedList()], 'reading-list.json'));
    await waitFor(() => expect(api.calls.importText).toHaveLength(2));
    expect(api.calls.importText[1]!.settings).toBe('ignore');
    expect(screen.queryByTestId('import-confirm')).toBeNull();
  });

  it('imports nothing on Cancel or Escape', async () => {
    const api = fakeApi([makeItem(1)]);
    api.settings = current();
    let panel = await chooseShared(api);
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(status().textContent).toBe('Nothing was imported from reading-list.json, and nothing was changed.'));
    choose(new File([sharedList()], 'reading-list.json'));
    panel = await screen.findByTestId('import-confirm');
    fireEvent.keyDown(panel, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('import-confirm')).toBeNull());
    expect(api.calls.importText).toEqual([]);
    expect(api.settings).toEqual(current());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('import-file')));
  });

  it('names ten sites and counts the rest', async () => {
    const api = fakeApi([]);
    await mount(api);
    const sites = Array.from({ length: 15 }, (_, n) => `site${n}.example`);
    choose(new File([exportFile({ settings: { disabledSites: sites } })], 'many.json'));
    const panel = await screen.findByTestId('import-confirm');
    expect(within(panel).getByRole('list').textContent).toBe(
      `It would turn Story Context off on 15 sites: ${sites.slice(0, 10).join(', ')}, and 5 more.`,
    );
  });
});

describe('large collections', () => {
  it('shows the newest rows first, then loads the rest, rendering only what is in view', async () => {
    const many = Array.from({ length: 10_000 }, (_, n) => makeItem(n, { title: `Item ${n}`, tags: n % 10 === 0 ? ['tenth'] : [] }));
    const api = fakeApi(many);
    await mount(api);
    expect(api.calls.newestItems).toEqual([FIRST_PAGE]);
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('10000 items'));
    expect(api.calls.allItems).toBe(1);
    expect(rows().length).toBeGreaterThan(0);
    expect(rows().length).toBeLessThan(30);
    expect(rows()[0]!.getAttribute('data-id')).toBe('item-9999');
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(rows()[0]!.getAttribute('aria-posinset')).toBe('1');

    type(screen.getByTestId('search'), 'tenth');
    expect(screen.getByTestId('count').textContent).toBe('1000 of 10000 items');
    expect(rows()[0]!.getAttribute('data-id')).toBe('item-9990');
  });

  it('re-reads when the background reports changed items', async () => {
    const api = fakeApi([makeItem(1)]);
    await mount(api);
    api.items = [...api.items, makeItem(2)];
    act(() => api.emit('items'));
    await waitFor(() => expect(rowIds()).toEqual(['item-2', 'item-1']));
  });
});

describe('accessibility', () => {
  it('labels every control and names the list', async () => {
    await mount(fakeApi([makeItem(1)], { kind: 'available', tabId: 1 }));
    expect(screen.getByRole('list', { name: 'Saved items' })).toBeTruthy();
    for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
      const id = el.id;
      const name =
        el.getAttribute('aria-label') ??
        (id ? document.querySelector(`label[for="${id}"]`)?.textContent : null) ??
        el.closest('label')?.textContent ??
        el.textContent;
      expect(name?.trim(), el.outerHTML).toBeTruthy();
    }
  });

  it('jumps to the search box with "/" from outside a text field', async () => {
    await mount(fakeApi([makeItem(1)]));
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByTestId('search'));
    const note = within(row('item-1')).getByTestId('note');
    note.focus();
    fireEvent.keyDown(note, { key: '/' });
    expect(document.activeElement).toBe(note);
  });

  it('puts focus on the next row after a delete, so the keyboard keeps its place', async () => {
    await mount(fakeApi([makeItem(1), makeItem(2), makeItem(3)]));
    const del = within(row('item-2')).getByTestId('delete');
    del.focus();
    fireEvent.click(del);
    await waitFor(() => expect(document.activeElement).toBe(within(row('item-1')).getByRole('link')));
  });

  it('moves between rows with the arrow keys', async () => {
    await mount(fakeApi([makeItem(1), makeItem(2), makeItem(3)]));
    const first = within(row('item-3')).getByRole('link');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(within(row('item-2')).getByRole('link')));
  });
});
