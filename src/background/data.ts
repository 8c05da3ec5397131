// The background's side of the database: it is the only writer. Each message becomes one
// repository call, which is one transaction; every change is announced to open extension pages.
import { browser } from '../platform/browser';
import type { Broadcast, PageToBackground, SidebarMode } from '../protocol/messages';
import type { PageReplies } from '../protocol/replies';
import { broadcast } from './broadcast';
import { dispatch, type Handlers } from './handlers';
import { importFile } from './import-file';
import { redetectSite } from './redetect';
import { createRepository, DEFAULT_SETTINGS, openDb, type Repository, type Settings } from '../storage';

export type DataMessage = Exclude<
  PageToBackground,
  { type: 'ui/tabContext' | 'ui/sidebar' | 'ui/openSource' | 'ui/openTab' | 'ui/checkPage' | `packs/${string}` }
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
  return !(msg.type.startsWith('ui/') || msg.type.startsWith('packs/')) || msg.type === 'ui/visits';
}

const handlers: Handlers<DataMessage, PageReplies, [Repository]> = {
  'ui/visits': (msg, r) => r.listVisits(msg.storyId),
  'items/save': async (msg, r) => {
    const saved = await r.saveItem({ ...msg.item, storyId: msg.item.storyId ?? null });
    void announce('items');
    return saved.item;
  },
  'items/update': async (msg, r) => {
    const item = await r.updateItem(msg.id, msg.patch);
    void announce('items');
    return item;
  },
  'items/delete': async (msg, r) => {
    const token = await r.deleteItems(msg.ids);
    void announce('items');
    return token;
  },
  'items/undo': async (msg, r) => {
    // Pages may hand back the token's id alone; the trash entry holds the rest.
    const token = typeof msg.token === 'string' ? { id: msg.token, count: 0, expiresAt: 0 } : msg.token;
    const restored = await r.undoDelete(token);
    void announce('items');
    return restored;
  },
  'items/list': (msg, r) => r.listItems(msg.query),
  'items/export': (_msg, r) => r.exportAll(),
  'items/import': async (msg, r) => {
    const summary = await importFile(r, msg.text, msg.settings);
    const settings = await r.getSettings();
    await mirrorDisabledSites(settings);
    void announce('items');
    void announce('settings');
    return summary;
  },
  'settings/get': (_msg, r) => r.getSettings(),
  'settings/update': async (msg, r) => {
    const settings = await r.updateSettings(msg.patch);
    void announce('settings');
    return settings;
  },
  'site/setEnabled': async (msg, r) => {
    const settings = msg.enabled ? await r.enableSite(msg.site) : await r.disableSite(msg.site);
    await mirrorDisabledSites(settings);
    void announce('settings');
    // Open tabs on that site follow at once: the sidebar goes, or comes back.
    void redetectSite(msg.site);
    return settings;
  },
  'visits/clear': async (_msg, r) => {
    await r.clearVisits();
    void announce('visits');
    return true as const;
  },
};

export function handleDataMessage<M extends DataMessage>(msg: M): Promise<PageReplies[M['type']]> {
  return dispatch(handlers, msg, repository());
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
