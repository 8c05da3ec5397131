// Loads what the sidebar shows and keeps it current. The story content comes from the pack in
// force (bundled, or newer from the pack feed), so it shows even when the background's
// database is unavailable (e.g. a Firefox private window); only saved items, visits and
// settings depend on storage.
import { useCallback, useRef, useState } from 'preact/hooks';
import { packInForce } from '../shared/packs-in-force';
import type { StoryPack } from '../../packs/schema';
import type { SavedItemView, SidebarApi, Settings, TabContext, Visit } from './api';

export interface SidebarData {
  phase: 'loading' | 'ready' | 'error';
  ctx: TabContext | null;
  pack: StoryPack | null;
  items: SavedItemView[];
  /** 'unavailable' when the background could not list saved items: saving is off. */
  storage: 'ok' | 'unavailable';
  visits: Visit[];
  /** null when the settings could not be read. */
  settings: Settings | null;
}

const INITIAL: SidebarData = {
  phase: 'loading',
  ctx: null,
  pack: null,
  items: [],
  storage: 'ok',
  visits: [],
  settings: null,
};

export interface SidebarDataControls {
  data: SidebarData;
  reload: () => Promise<void>;
  reloadItems: () => Promise<void>;
  reloadVisits: () => Promise<void>;
  reloadSettings: () => Promise<void>;
  update: (fn: (data: SidebarData) => SidebarData) => void;
}

export function useSidebarData(api: SidebarApi, followActiveTab: boolean): SidebarDataControls {
  const [data, setData] = useState<SidebarData>(INITIAL);
  // The story shown now, for partial reloads started by broadcasts.
  const storyRef = useRef<string | null>(null);
  // Each full reload gets a number; an answer that arrives after a newer reload started is
  // dropped, so a quick tab switch cannot leave the previous tab's story on screen.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    let ctx: TabContext | null;
    try {
      const tabId = followActiveTab ? await api.activeTabId() : undefined;
      ctx = followActiveTab && tabId === undefined ? null : await api.tabContext(tabId);
    } catch {
      if (mine === generation.current) setData((d) => ({ ...d, phase: 'error' }));
      return;
    }
    const pack = ctx?.report.storyId ? ((await packInForce(ctx.report.storyId)) ?? null) : null;
    if (!pack) {
      if (mine !== generation.current) return;
      storyRef.current = null;
      setData({ ...INITIAL, phase: 'ready', ctx });
      return;
    }
    const [items, visits, settings] = await Promise.allSettled([
      api.listItems(pack.id),
      api.visits(pack.id),
      api.getSettings(),
    ]);
    if (mine !== generation.current) return;
    storyRef.current = pack.id;
    setData({
      phase: 'ready',
      ctx,
      pack,
      items: items.status === 'fulfilled' ? items.value : [],
      storage: items.status === 'fulfilled' ? 'ok' : 'unavailable',
      visits: visits.status === 'fulfilled' ? visits.value : [],
      settings: settings.status === 'fulfilled' ? settings.value : null,
    });
  }, [api, followActiveTab]);

  const reloadItems = useCallback(async () => {
    const storyId = storyRef.current;
    if (!storyId) return;
    try {
      const items = await api.listItems(storyId);
      if (storyRef.current === storyId) setData((d) => ({ ...d, items, storage: 'ok' }));
    } catch {
      if (storyRef.current === storyId) setData((d) => ({ ...d, storage: 'unavailable' }));
    }
  }, [api]);

  const reloadVisits = useCallback(async () => {
    const storyId = storyRef.current;
    if (!storyId) return;
    try {
      const visits = await api.visits(storyId);
      if (storyRef.current === storyId) setData((d) => ({ ...d, visits }));
    } catch {
      // Keep what is shown: an "opened" mark that stays is better than one that flickers off.
    }
  }, [api]);

  const reloadSettings = useCallback(async () => {
    try {
      const settings = await api.getSettings();
      setData((d) => ({ ...d, settings }));
    } catch {
      setData((d) => ({ ...d, settings: null }));
    }
  }, [api]);

  return { data, reload, reloadItems, reloadVisits, reloadSettings, update: setData };
}
