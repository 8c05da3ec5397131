// The background's side of the database: it is the only writer. Each message becomes one
// repository call, which is one transaction; every change is announced to open extension pages.
import { browser } from '../platform/browser';
import type { Broadcast, PageToBackground, SidebarMode } from '../protocol/messages';
import { broadcast } from './broadcast';
import { importFile } from './import-file';
import { redetectSite } from './redetect';
import { createRepository, DEFAULT_SETTINGS, openDb, type Repository, type Settings } from '../storage';

type DataMessage = Exclude<
  PageToBackground,
  { type: 'ui/tabContext' | 'ui/sidebar' | 'ui/openSource' | 'ui/openTab' | 'ui/checkPage' }
>;

let repo: Repository | null = null;
function repository(): Repository {
  repo ??= createRepository(openDb());
  return repo;
}

const announce = (what: Broadcast['what']) => broadcast(what);

/** The content script reads the disabled sites from storage.local: it may not open the database. */
async function mirrorDisabledSites(settings: Settings): Promise<void> {
  await browser.storage.local.set({ disabledSites: settings.disabledSites });
}

export function isDataMessage(msg: PageToBackground): msg is DataMessage {
  return !msg.type.startsWith('ui/') || msg.type === 'ui/visits';
}

export async function handleDataMessage(msg: DataMessage): Promise<unknown> {
  const r = repository();
  switch (msg.type) {
    case 'ui/visits':
      return r.listVisits(msg.storyId);
    case 'items/save': {
      const saved = await r.saveItem({ ...msg.item, storyId: msg.item.storyId ?? null });
      void announce('items');
      return saved.item;
    }
    case 'items/update': {
      const item = await r.updateItem(msg.id, msg.patch);
      void announce('items');
      return item;
    }
    case 'items/delete': {
      const token = await r.deleteItems(msg.ids);
      void announce('items');
      return token;
    }
    case 'items/undo': {
      // Pages may hand back the token's id alone; the trash entry holds the rest.
      const token = typeof msg.token === 'string' ? { id: msg.token, count: 0, expiresAt: 0 } : msg.token;
      const restored = await r.undoDelete(token);
      void announce('items');
      return restored;
    }
    case 'items/list':
      return r.listItems(msg.query);
    case 'items/export':
      return r.exportAll();
    case 'items/import': {
      const summary = await importFile(r, msg.text, msg.settings);
      const settings = await r.getSettings();
      await mirrorDisabledSites(settings);
      void announce('items');
      void announce('settings');
      return summary;
    }
    case 'settings/get':
      return r.getSettings();
    case 'settings/update': {
      const settings = await r.updateSettings(msg.patch);
      void announce('settings');
      return settings;
    }
    case 'site/setEnabled': {
      const settings = msg.enabled ? await r.enableSite(msg.site) : await r.disableSite(msg.site);
      await mirrorDisabledSites(settings);
      void announce('settings');
      // Open tabs on that site follow at once: the sidebar goes, or comes back.
      void redetectSite(msg.site);
      return settings;
    }
    case 'visits/clear': {
      await r.clearVisits();
      void announce('visits');
      return true;
    }
  }
}

export async function sidebarMode(): Promise<SidebarMode> {
  try {
    return (await repository().getSettings()).sidebarMode;
  } catch {
    // No database (a Firefox private window): the default still shows the context.
    return DEFAULT_SETTINGS.sidebarMode;
  }
}

export async function recordCoverageVisit(url: string, storyId: string): Promise<void> {
  try {
    await repository().recordVisit(url, storyId);
    void announce('visits');
  } catch {
    // Visits are a convenience; the reader still gets the page and the context.
  }
}

export async function purgeTrash(): Promise<void> {
  await repository().purgeExpiredTrash().catch(() => undefined);
}
