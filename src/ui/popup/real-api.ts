// The popup's PopupApi in the extension: reads straight from the database (the popup runs in
// the extension origin, and reading ten thousand items there is far faster than shipping them
// through messages), writes only by asking the background, its single writer.
import { liveQuery } from 'dexie';
import { activeWebTab } from '../shared/active-tab';
import { packById } from '../../packs/bundled';
import { browser } from '../../platform/browser';
import { filePickerClosesPopup } from '../../platform/firefox';
// The database module alone, not the storage index: the popup only reads, and the writer's
// code (repository, validation) would slow the first paint for nothing.
import { openDb, type StoryContextDb } from '../../storage/db';
import type { SavedItem } from '../../model/shapes';
import { readItemsRevision, revisionWatch } from '../../storage/revision';
import { onBroadcast, request, t } from '../shared/client';
import { messagesLocale } from '../shared/document-language';
import type { Change, ExportedFile, PopupApi, TabStatus } from './api';
import { saveTextFile, type ExportFormat } from './download';
import { disabledEntryFor, siteOfUrl } from '../../url/site';
import { hasSidePanel, openSidePanel } from './side-panel';
import { matchesPattern, sitePattern, webOrigin } from './site-access';

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
        request({ type: 'ui/tabContext', tabId: tab.id }),
        request({ type: 'settings/get' }),
      ]);
      const host = siteOfUrl(tab.url ?? context?.url);
      const off = host ? disabledEntryFor(settings.disabledSites, host) : null;
      if (off) return { kind: 'off', tabId: tab.id, site: off };
      if (context) return { kind: 'available', tabId: tab.id };
      return (await readsTab(tab.url)) ? { kind: 'none' } : { kind: 'unlisted', tabId: tab.id, origin: webOrigin(tab.url) };
    },
    async openSidebar(tabId) {
      await request({ type: 'ui/sidebar', tabId, state: 'open' });
    },
    openSidePanel: hasSidePanel() ? openSidePanel : null,
    requestSiteAccess: (origin) =>
      browser.permissions.request({ origins: origin ? [sitePattern(origin)] : ['http://*/*', 'https://*/*'] }),
    checkPage: (tabId) => request({ type: 'ui/checkPage', tabId }),
    openOptions: () => {
      void browser.runtime.openOptionsPage();
      if (isToolbarPopup()) window.close();
    },
    async enableSite(site) {
      await request({ type: 'site/setEnabled', site, enabled: true });
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
      await request({ type: 'items/update', id, patch });
    },
    async deleteItems(ids) {
      return (await request({ type: 'items/delete', ids })).id;
    },
    async undoDelete(token) {
      await request({ type: 'items/undo', token });
    },
    async exportItems(format: ExportFormat): Promise<ExportedFile> {
      // Loaded on first use: nobody exports on most openings of the popup.
      const [{ exportCsv, exportMarkdown, stringifyExport }, snapshot] = await Promise.all([
        import('../../formats'),
        request({ type: 'items/export' }),
      ]);
      const items = snapshot.items;
      if (format === 'json') return { text: stringifyExport(snapshot), count: items.length };
      const out = format === 'md' ? exportMarkdown(items, { storyTitles: storyTitles(items) }) : exportCsv(items);
      return { text: out, count: items.length };
    },
    importText: (text, settings) => request({ type: 'items/import', text, settings }),
    currentSettings: () => request({ type: 'settings/get' }),
    async openUrl(url) {
      await request({ type: 'ui/openTab', url });
    },
    saveFile: (name, mime, text) => saveTextFile(document, name, mime, text),
    // The same page in a tab keeps the file picker's answer (see platform/firefox.ts).
    importInTab:
      filePickerClosesPopup(browser) && isToolbarPopup()
        ? () => {
            void browser.tabs.create({ url: browser.runtime.getURL('popup.html') });
            window.close();
          }
        : null,
  };
}
