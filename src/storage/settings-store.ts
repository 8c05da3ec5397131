// The reader's settings: one row per setting, each read on its own so that one value this
// version cannot read does not make the others unreadable.

import type { StoryContextDb } from './db';
import { StorageError } from './errors';
import { DEFAULT_SETTINGS, LIMITS, type Settings, type SettingsPatch } from './model';
import { guard, parse } from './rows';
import { SettingsPatchSchema, validate } from './schemas';
import { normaliseHost } from './url';
import type { Writes } from './writes';

export interface SettingsStore {
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** Adds a hostname (or the site of a URL) to disabledSites in one transaction. */
  disableSite(hostOrUrl: string): Promise<Settings>;
  /** Removes a hostname (or the site of a URL) from disabledSites. */
  enableSite(hostOrUrl: string): Promise<Settings>;
}

const SETTING_KEYS = ['sidebarMode', 'disabledSites'] as const satisfies ReadonlyArray<keyof Settings>;

/** Inside a transaction that includes db.settings. */
export async function readSettings(db: StoryContextDb): Promise<Settings> {
  const rows = await db.settings.bulkGet([...SETTING_KEYS]);
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [...DEFAULT_SETTINGS.disabledSites] };
  rows.forEach((row, n) => {
    const key = SETTING_KEYS[n]!;
    if (!row) return;
    // A value this version cannot read (written by a newer one, or damaged) falls back to
    // its default rather than making every setting unreadable.
    const checked = validate(SettingsPatchSchema, { [key]: row.value });
    if (checked.ok && checked.value[key] !== undefined) Object.assign(settings, { [key]: checked.value[key] });
  });
  return settings;
}

/** Inside a read-write transaction that includes db.settings. */
export async function writeSettings(db: StoryContextDb, settings: Settings): Promise<void> {
  await db.settings.bulkPut(SETTING_KEYS.map((key) => ({ key, value: settings[key] })));
}

export function createSettingsStore(db: StoryContextDb, { write }: Writes): SettingsStore {
  async function changeDisabledSites(hostOrUrl: string, change: (sites: string[], host: string) => string[]) {
    const host = normaliseHost(typeof hostOrUrl === 'string' ? hostOrUrl : '');
    if (host === null) throw new StorageError('invalid', 'site: must be a hostname such as example.com');
    return write([db.settings], async () => {
      const current = await readSettings(db);
      const next = { ...current, disabledSites: change(current.disabledSites, host) };
      if (next.disabledSites.length > LIMITS.disabledSites) {
        throw new StorageError('invalid', `disabledSites: at most ${LIMITS.disabledSites} sites`);
      }
      await writeSettings(db, next);
      return next;
    });
  }

  return {
    getSettings: () => guard(() => readSettings(db)),

    updateSettings: (patch) =>
      guard(async () => {
        const checked = parse(SettingsPatchSchema, patch);
        return write([db.settings], async () => {
          const next: Settings = { ...(await readSettings(db)), ...checked };
          await writeSettings(db, next);
          return next;
        });
      }),

    disableSite: (hostOrUrl) =>
      guard(() => changeDisabledSites(hostOrUrl, (sites, host) => (sites.includes(host) ? sites : [...sites, host]))),

    enableSite: (hostOrUrl) =>
      guard(() => changeDisabledSites(hostOrUrl, (sites, host) => sites.filter((site) => site !== host))),
  };
}
