// The background's pack updates over a real (in-memory) IndexedDB and a feed built and signed
// here: what is requested, what is installed, and each refusal, with the installed packs kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFeed, generateKeyPair, importPrivateKey, signBytes, type FeedPackFile } from '../../../src/packs/feed/build';
import { INDEX_FILE, SIGNATURE_FILE } from '../../../src/packs/feed/format';
import { INSTALLED_PACKS_KEY, PACK_PREFILTER_KEY } from '../../../src/packs/installed';
import { parsePack } from '../../../src/packs/load';
import { createPacksStore, StoryContextDb, type PacksStore } from '../../../src/storage';

const local = new Map<string, unknown>();
const registered: Array<{ id: string; js: string[] }> = [];
const fakeBrowser = {
  runtime: {
    getURL: (p: string) => `chrome-extension://id/${p}`,
    getManifest: () => ({ content_scripts: [{ js: ['src/content/index.js'], matches: ['*://*.ft.com/*'] }] }),
  },
  storage: {
    local: {
      get: async (key: string) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
      set: async (values: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(values)) local.set(k, structuredClone(v));
      },
      remove: async (keys: string | string[]) => {
        for (const k of [keys].flat()) local.delete(k);
      },
    },
  },
  permissions: { contains: async () => false },
  scripting: {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((r) => ids.includes(r.id)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) {
        const i = registered.findIndex((r) => r.id === id);
        if (i >= 0) registered.splice(i, 1);
      }
    },
    registerContentScripts: async (scripts: typeof registered) => void registered.push(...scripts),
  },
  alarms: { get: vi.fn(async () => undefined), create: vi.fn() },
};
vi.mock('../../../src/platform/browser', () => ({ browser: fakeBrowser }));
const updates = await import('../../../src/background/pack-updates');
const { FEED_REQUEST, readCapped } = await import('../../../src/background/pack-feed');

const DATA = fileURLToPath(new URL('../../../src/packs/data/', import.meta.url));
const firstJson = JSON.parse(readFileSync(`${DATA}alibaba-pla-memo.json`, 'utf8')) as Record<string, unknown> & { version: number; coverage: Array<Record<string, unknown>> };
const FEED = 'https://packs.feed.test/v1/';
const NOW = new Date('2026-12-02T03:00:00Z');
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The first pack, one version up, with one coverage item more (a copy of an existing one under a new id: the test needs no new facts). */
function firstPackVersion(version: number): FeedPackFile {
  const base = firstJson.coverage[0]!;
  const pack = { ...firstJson, version, coverage: [...firstJson.coverage, { ...base, id: `test-extra-${version}` }] };
  return { id: firstJson['id'] as string, version, bytes: encode(pack) };
}

let privatePem: string;
let publicKey: string;
beforeAll(async () => {
  ({ privatePem, publicKey } = await generateKeyPair());
});

/** Files of a signed feed; `edit` may change them after signing (a tampered feed). */
async function serveFeed(packs: FeedPackFile[], opts: { lifetimeDays?: number; now?: Date } = {}): Promise<Map<string, Uint8Array>> {
  const feed = await buildFeed(packs, opts.now ?? NOW, opts.lifetimeDays ?? 7);
  const signature = await signBytes(feed.indexBytes, await importPrivateKey(privatePem));
  const files = new Map<string, Uint8Array>([
    [INDEX_FILE, feed.indexBytes],
    [SIGNATURE_FILE, new TextEncoder().encode(signature)],
  ]);
  for (const [path, bytes] of feed.files) files.set(path, bytes);
  return files;
}

const requests: Array<{ url: string; init: RequestInit }> = [];
function fetchFrom(files: Map<string, Uint8Array | ReadableStream<Uint8Array>>) {
  return async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    const path = url.startsWith(FEED) ? url.slice(FEED.length) : null;
    const body = path === null ? undefined : files.get(path);
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body as BodyInit);
  };
}

let store: PacksStore;
let dbCount = 0;
beforeEach(() => {
  local.clear();
  registered.length = 0;
  requests.length = 0;
  store = createPacksStore(new StoryContextDb(`pack-updates-${++dbCount}`));
  updates.usePacksStore(store);
  local.set('packFeed', { url: FEED, publicKey });
});

const check = (files: Map<string, Uint8Array | ReadableStream<Uint8Array>>, now = NOW) => updates.checkForUpdates(fetchFrom(files), () => now);

async function installVersion2(): Promise<void> {
  const status = await check(await serveFeed([firstPackVersion(2)]));
  expect(status).toMatchObject({ outcome: 'updated', error: null, installed: [{ id: 'alibaba-pla-memo', version: 2 }] });
}

describe('pack updates', () => {
  it('with no feed set, fetches nothing and reports updates off', async () => {
    local.delete('packFeed');
    expect(await updates.checkForUpdates(async () => {
      throw new Error('no request may be made');
    })).toBeNull();
    expect((await updates.packUpdatesView()).feed).toBeNull();
  });

  it('with updates turned off by the reader, fetches nothing and keeps the installed packs', async () => {
    await installVersion2();
    requests.length = 0;
    const view = await updates.setUpdatesOff(true);
    expect(view).toMatchObject({ feed: null, offByReader: true });
    expect(await updates.checkForUpdates(fetchFrom(await serveFeed([firstPackVersion(3)])), () => NOW)).toBeNull();
    expect(requests).toEqual([]);
    expect((await updates.packInForce('alibaba-pla-memo'))?.version).toBe(2);
  });

  it('installs a newer pack: the same pack that went into the feed, its copy, prefilter index and first-stage script follow', async () => {
    expect(await updates.installedIndexFiles()).toEqual([]);
    await installVersion2();
    // "Check this page" injects the first stage's helper too once packs are installed.
    expect(await updates.installedIndexFiles()).toEqual(['content/installed-index.js']);
    const pack = await updates.packInForce('alibaba-pla-memo');
    expect(pack).toEqual(parsePack(JSON.parse(new TextDecoder().decode(firstPackVersion(2).bytes))));
    expect(pack?.coverage.some((c) => c.id === 'test-extra-2')).toBe(true);
    expect((await store.getPack('alibaba-pla-memo'))?.version).toBe('2');
    const mirror = local.get(INSTALLED_PACKS_KEY) as { packs: Array<{ id: string; version: number }>; updatedAt: number };
    expect(mirror.packs.map((p) => [p.id, p.version])).toEqual([['alibaba-pla-memo', 2]]);
    expect((local.get(PACK_PREFILTER_KEY) as { packs: Array<{ id: string }> }).packs.map((p) => p.id)).toContain('alibaba-pla-memo');
    expect(registered.map((r) => r.id)).toContain('installed-index');
    const view = await updates.packUpdatesView();
    expect(view.packs.find((p) => p.id === 'alibaba-pla-memo')).toMatchObject({ version: 2, from: 'feed' });
    expect(view.last).toMatchObject({ outcome: 'updated', feedUrl: FEED });
  });

  it('asks for the index, its signature and the changed pack only, the same plain GET for everyone', async () => {
    await installVersion2();
    expect(requests.map((r) => r.url)).toEqual([`${FEED}index.json`, `${FEED}index.json.sig`, `${FEED}packs/alibaba-pla-memo-2.json`]);
    for (const { init } of requests) {
      expect(init).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
      expect(init.headers).toBeUndefined();
      expect(init.body).toBeUndefined();
    }
    expect(FEED_REQUEST.credentials).toBe('omit');
    requests.length = 0;
    // Up to date: the index and its signature, no pack.
    expect(await check(await serveFeed([firstPackVersion(2)]))).toMatchObject({ outcome: 'up-to-date' });
    expect(requests.map((r) => r.url)).toEqual([`${FEED}index.json`, `${FEED}index.json.sig`]);
  });

  it('refuses a tampered index and keeps the installed pack', async () => {
    await installVersion2();
    const files = await serveFeed([firstPackVersion(3)]);
    const index = new TextDecoder().decode(files.get(INDEX_FILE)).replace('"version": 3', '"version": 4');
    files.set(INDEX_FILE, new TextEncoder().encode(index));
    const status = await check(files);
    expect(status?.outcome).toBe('failed');
    expect(status?.error).toMatch(/signature does not match/);
    expect((await updates.packInForce('alibaba-pla-memo'))?.version).toBe(2);
    expect((await updates.packUpdatesView()).last?.error).toMatch(/signature/);
  });

  it('refuses a pack file that does not match its signed hash', async () => {
    const files = await serveFeed([firstPackVersion(2)]);
    const bytes = files.get('packs/alibaba-pla-memo-2.json')!;
    const altered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"summary":"', '"summary":"X'));
    files.set('packs/alibaba-pla-memo-2.json', altered.slice(0, bytes.length));
    const status = await check(files);
    expect(status?.outcome).toBe('refused');
    expect(status?.refused[0]?.reason).toMatch(/sha-256/);
    expect((await updates.packInForce('alibaba-pla-memo'))?.version).toBe(1);
  });

  it('refuses an older version than the installed one (rollback)', async () => {
    await installVersion2();
    // A validly signed, unexpired feed that offers version 1 again.
    const status = await check(await serveFeed([{ ...firstPackVersion(1), bytes: encode({ ...firstJson, version: 1 }) }]));
    expect(status?.outcome).toBe('refused');
    expect(status?.refused[0]?.reason).toMatch(/rollback/);
    expect((await updates.packInForce('alibaba-pla-memo'))?.version).toBe(2);
  });

  it('refuses an expired index (a frozen feed)', async () => {
    const files = await serveFeed([firstPackVersion(2)], { now: new Date('2026-11-01T00:00:00Z'), lifetimeDays: 7 });
    const status = await check(files);
    expect(status?.outcome).toBe('failed');
    expect(status?.error).toMatch(/expired/);
    expect((await updates.packInForce('alibaba-pla-memo'))?.version).toBe(1);
  });

  it('refuses a malformed pack, signed and hashed correctly', async () => {
    const broken = { ...firstJson, version: 2, coverage: [{ id: 'x', url: 'javascript:alert(1)' }] };
    const status = await check(await serveFeed([{ id: 'alibaba-pla-memo', version: 2, bytes: encode(broken) }]));
    expect(status?.outcome).toBe('refused');
    expect(status?.refused[0]?.reason).toMatch(/not a valid story pack/);
    expect(await store.listPacks()).toEqual([]);
  });

  it('stops reading an endless download at the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      },
    });
    const files = new Map<string, Uint8Array | ReadableStream<Uint8Array>>(await serveFeed([firstPackVersion(2)]));
    files.set(INDEX_FILE, endless);
    const status = await check(files);
    expect(status?.outcome).toBe('failed');
    expect(status?.error).toMatch(/larger than the 64 KB allowed; the download was stopped/);
    expect(pulled).toBeLessThan(10);
    await expect(readCapped(new Response('x'.repeat(11)), 10, 'It')).rejects.toThrow(/larger than/);
  });

  it('installs nothing when the database refuses the transaction, and says so', async () => {
    updates.usePacksStore({ ...store, installPacks: async () => Promise.reject(new Error('disk full')) });
    const status = await check(await serveFeed([firstPackVersion(2)]));
    expect(status?.outcome).toBe('failed');
    expect(status?.error).toMatch(/nothing was installed: disk full/);
    expect(await store.listPacks()).toEqual([]);
    expect(local.has(INSTALLED_PACKS_KEY)).toBe(false);
  });

  it('installs all verified packs of a check in one transaction, or none', async () => {
    const rows = [
      { id: 'alibaba-pla-memo', version: '2', json: '{}' },
      { id: 'nvidia-h20-backdoor', version: '', json: '{}' },
    ];
    await expect(store.installPacks(rows)).rejects.toThrow();
    expect(await store.listPacks()).toEqual([]);
  });

  it('checks a reader-chosen feed only when it is https with a 32-byte key', () => {
    expect(updates.readerFeedProblem({ url: 'http://packs.example/', publicKey })).toMatch(/https/);
    expect(updates.readerFeedProblem({ url: 'https://packs.example/', publicKey: 'AAAA' })).toMatch(/32 bytes/);
    expect(updates.readerFeedProblem({ url: 'https://packs.example/', publicKey })).toBeNull();
  });

  it('schedules one daily check and leaves an existing one alone', async () => {
    await updates.scheduleDailyCheck();
    expect(fakeBrowser.alarms.create).toHaveBeenCalledWith('pack-feed', { delayInMinutes: 1440, periodInMinutes: 1440 });
    fakeBrowser.alarms.create.mockClear();
    fakeBrowser.alarms.get.mockResolvedValueOnce({ name: 'pack-feed' } as never);
    await updates.scheduleDailyCheck();
    expect(fakeBrowser.alarms.create).not.toHaveBeenCalled();
  });
});
