// Story pack updates: when the background checks the feed, where the feed is, what it installs
// and what it tells the options page. The check itself is pack-feed.ts.
//
// - When: on install, once a day (an alarm), and when the reader asks in the options page.
// - Where: the feed set at build time (PACK_FEED_URL and PACK_FEED_PUBLIC_KEY), or the one
//   the reader set in the options page. With neither, updates are off and nothing is fetched.
// - What: the verified packs of one check are installed in one database transaction, all or
//   none. Then the copy that pages and content scripts read (storage.local, see
//   packs/installed.ts), the prefilter index and the listed sites follow. A failure changes
//   nothing installed and is recorded in words.
import { browser } from '../platform/browser';
import { bundledPacks } from '../packs/bundled';
import { parsePack } from '../packs/load';
import { INSTALLED_PACKS_KEY, PACK_PREFILTER_KEY, packVersion, packsInForce, versionsOf, type InstalledMirror } from '../packs/installed';
import { sitesNamedBy } from '../packs/listed-sites';
import { fromBase64 } from '../packs/feed/format';
import type { StoryPack } from '../packs/schema';
import { buildPrefilterIndex } from '../detection/prefilter-build';
import { createPacksStore, openDb, type PacksStore } from '../storage';
import type { PackUpdateStatus, PackUpdatesView } from '../protocol/replies';
import { broadcast } from './broadcast';
import { checkFeed, feedUrlProblem, type Fetch, type FeedSource } from './pack-feed';
import { registerPackSites } from './pack-sites';
import { manifestContentFiles } from './site-access';

declare const __PACK_FEED_URL__: string;
declare const __PACK_FEED_PUBLIC_KEY__: string;

export const PACK_ALARM = 'pack-feed';
const DAY_MINUTES = 24 * 60;
/** storage.local: the feed the reader set in the options page, replacing the build's. */
const READER_FEED_KEY = 'packFeed';
/** storage.local: set when the reader turned updates off in the options page. */
const UPDATES_OFF_KEY = 'packUpdatesOff';
/** storage.local: the last check's outcome, for the options page. */
const STATUS_KEY = 'packUpdateStatus';
/** The first stage's helper that starts reading the installed packs' index (content/installed-index.ts). */
const INDEX_SCRIPT_ID = 'installed-index';
const INDEX_SCRIPT_FILE = 'content/installed-index.js';

/** The build's feed; an empty or missing value means none (updates off), never a made-up default. */
export function buildFeed(): FeedSource | null {
  const url = typeof __PACK_FEED_URL__ === 'string' ? __PACK_FEED_URL__.trim() : '';
  const publicKey = typeof __PACK_FEED_PUBLIC_KEY__ === 'string' ? __PACK_FEED_PUBLIC_KEY__.trim() : '';
  return url && publicKey ? { url, publicKey } : null;
}

/** Why a feed the reader typed cannot be used, or null. Checked where the message arrives. */
export function readerFeedProblem(source: FeedSource): string | null {
  const url = feedUrlProblem(source.url);
  if (url) return url;
  const key = fromBase64(source.publicKey);
  return key && key.length === 32 ? null : 'The public key must be 32 bytes in base64 (44 characters, as `npm run pack -- keygen` prints it).';
}

async function readerFeed(): Promise<FeedSource | null> {
  const got = (await browser.storage.local.get(READER_FEED_KEY))[READER_FEED_KEY] as Partial<FeedSource> | undefined;
  return typeof got?.url === 'string' && typeof got.publicKey === 'string' ? { url: got.url, publicKey: got.publicKey } : null;
}

async function turnedOff(): Promise<boolean> {
  return (await browser.storage.local.get(UPDATES_OFF_KEY))[UPDATES_OFF_KEY] === true;
}

/** The feed to check: none when the reader turned updates off, or when neither they nor the build set one. */
async function feedInUse(): Promise<(NonNullable<PackUpdatesView['feed']> & FeedSource) | null> {
  if (await turnedOff()) return null;
  const reader = await readerFeed();
  if (reader) return { ...reader, chosenBy: 'reader' };
  const built = buildFeed();
  return built ? { ...built, chosenBy: 'build' } : null;
}

let store: PacksStore | null = null;
function packsStore(): PacksStore {
  store ??= createPacksStore(openDb());
  return store;
}

/** For the unit tests: another database. */
export function usePacksStore(s: PacksStore): void {
  store = s;
  inForce = null;
}

/** Installed packs as stored, validated again: a row that no longer parses is left out. */
async function installedPacks(): Promise<{ packs: StoryPack[]; updatedAt: number | null }> {
  const rows = await packsStore().listPacks();
  const packs: StoryPack[] = [];
  let updatedAt: number | null = null;
  for (const row of rows) {
    try {
      packs.push(parsePack(JSON.parse(row.json)));
      updatedAt = Math.max(updatedAt ?? 0, row.installedAt);
    } catch (error) {
      console.error(`installed pack ${row.id} is unreadable, the bundled one (if any) is used:`, error);
    }
  }
  return { packs, updatedAt };
}

let inForce: Promise<StoryPack[]> | null = null;

/** The packs in force (bundled, each replaced by a newer installed one). Read once, then cached. */
export function packsNow(): Promise<StoryPack[]> {
  inForce ??= installedPacks().then(
    ({ packs }) => packsInForce(bundledPacks, packs),
    (error: unknown) => {
      console.error('installed packs could not be read, the bundled ones are used:', error);
      inForce = null;
      return [...bundledPacks];
    },
  );
  return inForce;
}

export async function packInForce(id: string): Promise<StoryPack | undefined> {
  return (await packsNow()).find((p) => p.id === id);
}

/**
 * Makes everything derived from the installed packs follow them: the copy pages and content
 * scripts read, the first stage's prefilter index, and the content script on the installed
 * packs' sites. Run after every install and at startup, so that a background stopped between
 * the database's commit and these writes catches up.
 */
export async function syncInstalledPacks(): Promise<void> {
  inForce = null;
  const { packs, updatedAt } = await installedPacks();
  const all = packsInForce(bundledPacks, packs);
  const installed = all.filter((p) => !bundledPacks.includes(p));
  inForce = Promise.resolve(all);
  const mirror: InstalledMirror = { packs: installed, updatedAt: installed.length ? updatedAt : null };
  if (installed.length) {
    await browser.storage.local.set({ [INSTALLED_PACKS_KEY]: mirror, [PACK_PREFILTER_KEY]: buildPrefilterIndex(all) });
  } else {
    await browser.storage.local.remove([INSTALLED_PACKS_KEY, PACK_PREFILTER_KEY]);
  }
  await Promise.allSettled([syncIndexScript(installed.length > 0), registerPackSites(installed.flatMap(sitesNamedBy))]).then((results) => {
    for (const r of results) if (r.status === 'rejected') console.error('pack sites:', r.reason);
  });
}

/**
 * With packs installed, the first stage must test pages against their prefilter index rather
 * than the one built in. A small script registered to run first starts reading that index from
 * storage.local at document_start, so the read is over by the time the content script runs.
 * With nothing installed it is not registered, and pages pay nothing for updates.
 */
async function syncIndexScript(wanted: boolean): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [INDEX_SCRIPT_ID] }).catch(() => []);
  if (!wanted || manifestContentFiles().length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [INDEX_SCRIPT_ID] });
    return;
  }
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: INDEX_SCRIPT_ID,
      js: [INDEX_SCRIPT_FILE],
      // Runs only where the extension has access anyway: the listed, granted and pack sites.
      matches: ['http://*/*', 'https://*/*'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    },
  ]);
}

/** The first-stage helper's file while packs are installed (none otherwise), for scripts injected by hand. */
export async function installedIndexFiles(): Promise<string[]> {
  try {
    return (await browser.storage.local.get(PACK_PREFILTER_KEY))[PACK_PREFILTER_KEY] ? [INDEX_SCRIPT_FILE] : [];
  } catch {
    return [];
  }
}

let running: Promise<PackUpdateStatus | null> = Promise.resolve(null);

/** Checks the feed now. One check at a time: a second request waits for the first and runs after. */
export function checkForUpdates(fetchFn: Fetch = (url, init) => fetch(url, init), now: () => Date = () => new Date()): Promise<PackUpdateStatus | null> {
  const run = running.then(() => runCheck(fetchFn, now));
  running = run.catch(() => null);
  return run;
}

async function runCheck(fetchFn: Fetch, now: () => Date): Promise<PackUpdateStatus | null> {
  const feed = await feedInUse();
  if (!feed) return null;
  const at = now();
  const current = await packsNow();
  const result = await checkFeed({ source: feed, installed: versionsOf(current), now: at, fetch: fetchFn });
  const status: PackUpdateStatus = {
    checkedAt: at.getTime(),
    feedUrl: feed.url,
    outcome: 'up-to-date',
    error: result.error,
    installed: [],
    refused: result.refused,
  };
  if (result.error) status.outcome = 'failed';
  else if (result.install.length) {
    try {
      await packsStore().installPacks(
        result.install.map((pack) => ({ id: pack.id, version: String(packVersion(pack)), json: JSON.stringify(pack) })),
      );
      status.outcome = 'updated';
      status.installed = result.install.map((p) => ({ id: p.id, version: packVersion(p) }));
    } catch (error) {
      status.outcome = 'failed';
      status.error = `The verified packs could not be saved, nothing was installed: ${error instanceof Error ? error.message : String(error)}`;
    }
  } else if (result.refused.length) status.outcome = 'refused';
  if (status.outcome === 'updated') await syncInstalledPacks();
  await browser.storage.local.set({ [STATUS_KEY]: status });
  void broadcast('packs');
  return status;
}

export async function packUpdatesView(): Promise<PackUpdatesView> {
  const [feed, stored, packs, off] = await Promise.all([
    feedInUse(),
    browser.storage.local.get(STATUS_KEY),
    packsNow(),
    turnedOff(),
  ]);
  return {
    feed: feed ? { url: feed.url, chosenBy: feed.chosenBy } : null,
    offByReader: off,
    buildFeedUrl: buildFeed()?.url ?? null,
    last: (stored[STATUS_KEY] as PackUpdateStatus | undefined) ?? null,
    packs: packs.map((p) => ({ id: p.id, title: p.title, version: packVersion(p), updated: p.updated, from: bundledPacks.includes(p) ? 'bundled' : 'feed' })),
  };
}

/** The reader's own feed (or null: back to the build's). Takes effect with a check right away. */
export async function setReaderFeed(source: FeedSource | null): Promise<PackUpdatesView> {
  if (source) {
    const problem = readerFeedProblem(source);
    if (problem) throw new Error(problem);
    await browser.storage.local.set({ [READER_FEED_KEY]: { url: source.url.trim(), publicKey: source.publicKey.trim() } });
  } else {
    await browser.storage.local.remove(READER_FEED_KEY);
  }
  await checkForUpdates();
  return packUpdatesView();
}

/**
 * The reader's switch: off, nothing is fetched (the packs already installed stay in force);
 * on again, a check runs right away.
 */
export async function setUpdatesOff(off: boolean): Promise<PackUpdatesView> {
  if (off) await browser.storage.local.set({ [UPDATES_OFF_KEY]: true });
  else {
    await browser.storage.local.remove(UPDATES_OFF_KEY);
    await checkForUpdates();
  }
  void broadcast('packs');
  return packUpdatesView();
}

/** The daily check, created once: re-creating it at every start would push it back each time. */
export async function scheduleDailyCheck(): Promise<void> {
  const existing = await browser.alarms.get(PACK_ALARM);
  if (!existing) browser.alarms.create(PACK_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
}
