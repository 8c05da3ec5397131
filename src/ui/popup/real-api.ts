// The popup's PopupApi in the extension: reads straight from the database (the popup runs in
// the extension origin, and reading ten thousand items there is far faster than shipping them
// through messages), writes only by asking the background, its single writer.
import { liveQuery } from 'dexie';
import { activeWebTab } from '../shared/active-tab';
import { packById } from '../../packs/bundled';
import { browser, hasSidebarAction } from '../../platform/browser';
// The database module alone, not the storage index: the popup only reads, and the writer's
// code (repository, validation) would slow the first paint for nothing.
import { openDb, type StoryContextDb } from '../../storage/db';
import type { ImportSummary, SavedItem, Settings, StorageSnapshot } from '../../storage/model';
import { readItemsRevision, revisionWatch } from '../../storage/revision';
import { onBroadcast, request, t } from '../shared/client';
import { messagesLocale } from '../shared/document-language';
import type { Change, ExportedFile, PopupApi, TabStatus } from './api';
import type { CheckPageResult } from '../../protocol/messages';
import { saveTextFile, type ExportFormat } from './download';
import { disabledEntryFor, siteOfUrl } from '../../url/site';
import { hasSidePanel, openSidePanel } from './side-panel';
import { matchesPattern, sitePattern, webOrigin } from './site-access';

/** The reply of `items/export`: a snapshot, or the export file's text. */
function snapshotOf(reply: unknown): { snapshot: StorageSnapshot | null; text: string | null } {
  if (typeof reply === 'string') return { snapshot: null, text: reply };
  if (reply && typeof reply === 'object' && Array.isArray((reply as StorageSnapshot).items)) {
    return { snapshot: reply as StorageSnapshot, text: null };
  }
  throw new Error('The extension sent an export this popup cannot read.');
}

function tokenId(reply: unknown): string {
  const token = reply && typeof reply === 'object' && 'token' in reply ? (reply as { token: unknown }).token : reply;
  if (typeof token === 'string') return token;
  if (token && typeof token === 'object' && typeof (token as { id?: unknown }).id === 'string') {
    return (token as { id: string }).id;
  }
  throw new Error('The extension did not return an undo token.');
}

function storyTitles(items: readonly SavedItem[]): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const item of items) {
    if (item.storyId && !(item.storyId in titles)) {
      const title = packById(item.storyId)?.title;
      if (title) titles[item.storyId] = title;
    }
  }
  return titles;
}

/** True when this page is the toolbar popup rather than popup.html opened in a tab. */
function isToolbarPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}

export interface RealApiOptions {
  db?: StoryContextDb;
  /**
   * Start reading this many newest items at once, before the first render: the popup's first
   * rows then wait only for the database, not for the page to paint first.
   */
  prefetch?: number;
}

export function createRealApi({ db = openDb(), prefetch }: RealApiOptions = {}): PopupApi {
  // The items revision the popup's data reflects; changes are announced only when it moves.
  const revisions = revisionWatch();
  const revisionOf = () => readItemsRevision(db);

  async function readWithRevision<T>(read: () => Promise<T>): Promise<T> {
    return db.transaction('r', [db.items, db.meta], async () => {
      const [revision, value] = await Promise.all([revisionOf(), read()]);
      revisions.read(revision);
      return value;
    });
  }

  const newest = (limit: number) => readWithRevision(() => db.items.orderBy('createdAt').reverse().limit(limit).toArray());
  let early: { limit: number; items: Promise<SavedItem[]> } | null = null;
  if (prefetch !== undefined) {
    early = { limit: prefetch, items: newest(prefetch) };
    // Unclaimed or failed, it must not surface as an unhandled rejection; the popup's own call
    // gets the same promise and reports the failure.
    early.items.catch(() => undefined);
  }

  const activeTab = activeWebTab;

  /** Whether the content script runs on `url`: a curated site, or a site the reader granted. */
  async function readsTab(url: string | undefined): Promise<boolean> {
    // Without an address (no activeTab grant, no host access) the extension cannot read the tab.
    if (!url || !/^https?:/.test(url)) return url === undefined ? false : true;
    const listed = (browser.runtime.getManifest().content_scripts ?? []).some((cs) => (cs.matches ?? []).some((p) => matchesPattern(p, url)));
    return listed || (await browser.permissions.contains({ origins: [sitePattern(url)] }));
  }

  return {
    locale: messagesLocale(t),
    t,

    async tabStatus(): Promise<TabStatus> {
      const tab = await activeTab();
      if (tab?.id === undefined) return { kind: 'none' };
      const [context, settings] = await Promise.all([
        request<{ url?: string } | null>({ type: 'ui/tabContext', tabId: tab.id }),
        request<Settings>({ type: 'settings/get' }),
      ]);
      const host = siteOfUrl(tab.url ?? context?.url);
      const off = host ? disabledEntryFor(settings.disabledSites, host) : null;
      if (off) return { kind: 'off', tabId: tab.id, site: off };
      if (context) return { kind: 'available', tabId: tab.id };
      return (await readsTab(tab.url)) ? { kind: 'none' } : { kind: 'unlisted', tabId: tab.id, origin: webOrigin(tab.url) };
    },
    async openSidebar(tabId) {
      await request<unknown>({ type: 'ui/sidebar', tabId, state: 'open' });
    },
    openSidePanel: hasSidePanel() ? openSidePanel : null,
    requestSiteAccess: (origin) =>
      browser.permissions.request({ origins: origin ? [sitePattern(origin)] : ['http://*/*', 'https://*/*'] }),
    checkPage: (tabId) => request<CheckPageResult>({ type: 'ui/checkPage', tabId }),
    openOptions: () => {
      void browser.runtime.openOptionsPage();
      if (isToolbarPopup()) window.close();
    },
    async enableSite(site) {
      await request<unknown>({ type: 'site/setEnabled', site, enabled: true });
    },

    newestItems(limit) {
      if (early && early.limit === limit) {
        const items = early.items;
        early = null;
        return items;
      }
      return newest(limit);
    },
    allItems: () => readWithRevision(() => db.items.toArray()),
    watch(cb: (change: Change) => void) {
      const itemsMayHaveChanged = (revision: string) => {
        if (revisions.moved(revision)) cb('items');
      };
      // Dexie tells every same-origin context about committed writes, the background's too.
      // Its first answer is the state the popup's first reads (already under way) will see.
      let first = true;
      const subscription = liveQuery(revisionOf).subscribe({
        next: (revision) => {
          if (first ? revisions.first(revision) : revisions.moved(revision)) cb('items');
          first = false;
        },
        error: () => undefined,
      });
      // The background's broadcast is the fallback where that channel is unavailable.
      const stopBroadcasts = onBroadcast((b) => {
        if (b.what === 'items') revisionOf().then(itemsMayHaveChanged, () => cb('items'));
        else if (b.what === 'tab' || b.what === 'settings') cb('tab');
      });
      return () => {
        subscription.unsubscribe();
        stopBroadcasts();
      };
    },
    storyTitle: (storyId) => packById(storyId)?.title ?? null,

    async updateItem(id, patch) {
      await request<unknown>({ type: 'items/update', id, patch });
    },
    async deleteItems(ids) {
      return tokenId(await request<unknown>({ type: 'items/delete', ids }));
    },
    async undoDelete(token) {
      await request<unknown>({ type: 'items/undo', token });
    },
    async exportItems(format: ExportFormat): Promise<ExportedFile> {
      // Loaded on first use: nobody exports on most openings of the popup.
      const [{ exportCsv, exportMarkdown, parseImport, stringifyExport }, reply] = await Promise.all([
        import('../../formats'),
        request<unknown>({ type: 'items/export' }),
      ]);
      const { snapshot, text } = snapshotOf(reply);
      let items: SavedItem[];
      if (snapshot) {
        items = snapshot.items;
        if (format === 'json') return { text: stringifyExport(snapshot), count: items.length };
      } else {
        const parsed = parseImport(text as string);
        if (!parsed.ok) throw new Error(parsed.error);
        items = parsed.data.items;
        if (format === 'json') return { text: text as string, count: items.length };
      }
      const out = format === 'md' ? exportMarkdown(items, { storyTitles: storyTitles(items) }) : exportCsv(items);
      return { text: out, count: items.length };
    },
    importText: (text, settings) => request<ImportSummary>({ type: 'items/import', text, settings }),
    currentSettings: () => request<Settings>({ type: 'settings/get' }),
    async openUrl(url) {
      await request<unknown>({ type: 'ui/openTab', url });
    },
    saveFile: (name, mime, text) => saveTextFile(document, name, mime, text),
    // Firefox closes a toolbar popup when a file picker opens, and the chosen file never
    // arrives; the same page in a tab has no such problem.
    importInTab:
      hasSidebarAction() && isToolbarPopup()
        ? () => {
            void browser.tabs.create({ url: browser.runtime.getURL('popup.html') });
            window.close();
          }
        : null,
  };
}
