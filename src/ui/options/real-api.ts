// The options page's OptionsApi in the extension. Counts are read from the database directly
// (this page runs in the extension origin, as the popup does); every change goes through the
// background, the database's only writer, or through the browser's own permission API.
import { browser } from '../../platform/browser';
import type { SidebarMode } from '../../model/shapes';
import { openDb } from '../../storage/db';
import { onBroadcast, request, t } from '../shared/client';
import { listen, stopAll } from '../shared/listen';
import { messagesLocale } from '../shared/document-language';
import { saveTextFile } from '../popup/download';
import { chooseAnySite, chooseListedOnly, currentSiteAccess, listedSiteNames } from '../settings/site-access';
import type { OptionsApi } from './api';

export function createOptionsApi(): OptionsApi {
  const db = openDb();
  const settings = () => request({ type: 'settings/get' });
  return {
    locale: messagesLocale(t),
    t,
    listedSites: listedSiteNames(),
    siteAccess: currentSiteAccess,
    chooseAnySite,
    chooseListedOnly,
    disabledSites: async () => [...(await settings()).disabledSites].sort(),
    async setSiteEnabled(site, enabled) {
      await request({ type: 'site/setEnabled', site, enabled });
    },
    sidebarMode: async () => (await settings()).sidebarMode,
    async setSidebarMode(mode: SidebarMode) {
      await request({ type: 'settings/update', patch: { sidebarMode: mode } });
    },
    async counts() {
      const [items, visits] = await Promise.all([db.items.count(), db.visits.count()]);
      return { items, visits };
    },
    async exportAll() {
      const [{ exportFileName, stringifyExport }, snapshot] = await Promise.all([
        import('../../formats'),
        request({ type: 'items/export' }),
      ]);
      const text = stringifyExport(snapshot);
      const count = snapshot.items.length;
      const name = exportFileName('json');
      saveTextFile(document, name, 'application/json', text);
      return { name, count };
    },
    async deleteAll() {
      const ids = await db.items.toCollection().primaryKeys();
      if (ids.length) await request({ type: 'items/delete', ids });
      return ids.length;
    },
    packUpdates: {
      status: () => request({ type: 'packs/status' }),
      check: () => request({ type: 'packs/check' }),
      setFeed: (feed) => request({ type: 'packs/setFeed', feed }),
      setOff: (off) => request({ type: 'packs/setOff', off }),
      onChange: (cb) =>
        onBroadcast((b) => {
          if (b.what === 'packs') cb();
        }),
    },
    async forgetVisits() {
      await request({ type: 'visits/clear' });
    },
    watch(cb) {
      const stop = onBroadcast((b) => {
        if (b.what !== 'tab') cb();
      });
      // The browser's own site access settings can change from its menus too.
      const onPermissions = () => cb();
      return stopAll(stop, listen(browser.permissions.onAdded, onPermissions), listen(browser.permissions.onRemoved, onPermissions));
    },
  };
}
