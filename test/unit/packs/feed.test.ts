import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/packs/load';
import { buildFeed, generateKeyPair, importPrivateKey, publicKeyOf, signBytes, type FeedPackFile } from '../../../src/packs/feed/build';
import { DEFAULT_FEED_CAPS, fromBase64, INDEX_FILE, type FeedCaps, type FeedEntry } from '../../../src/packs/feed/format';
import { importPublicKey, planUpdates, verifyFeed, verifyIndex, verifyPackFile } from '../../../src/packs/feed/verify';

const DATA = fileURLToPath(new URL('../../../src/packs/data/', import.meta.url));
const packBytes = new Uint8Array(readFileSync(`${DATA}alibaba-pla-memo.json`));
const packJson = JSON.parse(new TextDecoder().decode(packBytes));
const version = (parsePack(packJson) as { version?: number }).version ?? 1;
const NOW = new Date('2026-12-02T00:00:00Z');
const caps: FeedCaps = DEFAULT_FEED_CAPS;
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

let privateKey: CryptoKey;
let publicKey: CryptoKey;
let otherPublicKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair();
  privateKey = await importPrivateKey(pair.privatePem);
  publicKey = await importPublicKey(pair.publicKey);
  otherPublicKey = await importPublicKey((await generateKeyPair()).publicKey);
  expect(await publicKeyOf(privateKey)).toBe(pair.publicKey);
});

async function feedOf(packs: FeedPackFile[], lifetimeDays = 7, now = NOW) {
  const feed = await buildFeed(packs, now, lifetimeDays);
  const signature = await signBytes(feed.indexBytes, privateKey);
  return { ...feed, signature };
}

async function verify(feed: Awaited<ReturnType<typeof feedOf>>, overrides: Partial<Parameters<typeof verifyFeed>[0]> = {}) {
  return verifyFeed({
    indexBytes: feed.indexBytes,
    signature: feed.signature,
    publicKey,
    installed: {},
    now: NOW,
    caps,
    packFile: (entry: FeedEntry) => feed.files.get(entry.path) ?? null,
    ...overrides,
  });
}

const bundled = (): FeedPackFile => ({ id: 'alibaba-pla-memo', version, bytes: packBytes });

describe('pack feed: build then verify', () => {
  it('round-trips: the pack installed from the feed is the pack that went in', async () => {
    const feed = await feedOf([bundled()]);
    expect(feed.index.packs[0]).toMatchObject({ id: 'alibaba-pla-memo', version, size: packBytes.length, path: `packs/alibaba-pla-memo-${version}.json` });
    const verdict = await verify(feed);
    expect(verdict.error).toBeNull();
    expect(verdict.refused).toEqual([]);
    expect(verdict.install).toEqual([parsePack(packJson)]);
  });

  it('installs nothing new when the installed version is the feed version', async () => {
    const verdict = await verify(await feedOf([bundled()]), { installed: { 'alibaba-pla-memo': version } });
    expect(verdict).toEqual({ error: null, install: [], upToDate: ['alibaba-pla-memo'], refused: [] });
  });
});

describe('pack feed: every refusal, in words', () => {
  it('refuses an index signed by another key', async () => {
    const verdict = await verify(await feedOf([bundled()]), { publicKey: otherPublicKey });
    expect(verdict.install).toEqual([]);
    expect(verdict.error).toMatch(/signature does not match/);
  });

  it('refuses an index altered after signing', async () => {
    const feed = await feedOf([bundled()]);
    const text = new TextDecoder().decode(feed.indexBytes).replace(feed.index.expires, '2099-01-01T00:00:00.000Z');
    const verdict = await verify(feed, { indexBytes: new TextEncoder().encode(text) });
    expect(verdict.error).toMatch(/signature does not match/);
  });

  it('refuses a missing or garbled signature', async () => {
    const feed = await feedOf([bundled()]);
    expect((await verify(feed, { signature: '' })).error).toMatch(/signature is missing/);
    expect((await verify(feed, { signature: 'not base64!' })).error).toMatch(/signature is missing/);
    expect(fromBase64(feed.signature)?.length).toBe(64);
  });

  it('refuses a pack whose bytes do not match the signed hash', async () => {
    const feed = await feedOf([bundled()]);
    const tampered = new Uint8Array(packBytes);
    // Same size, one byte changed: only the hash can tell.
    tampered[tampered.indexOf(0x61)] = 0x62;
    const verdict = await verify(feed, { packFile: () => tampered });
    expect(verdict.install).toEqual([]);
    expect(verdict.refused).toEqual([{ id: 'alibaba-pla-memo', reason: expect.stringMatching(/does not match the sha-256/) }]);
  });

  it('refuses a pack cut off or padded', async () => {
    const feed = await feedOf([bundled()]);
    const verdict = await verify(feed, { packFile: () => packBytes.subarray(0, 1000) });
    expect(verdict.refused[0]?.reason).toMatch(/not the \d+ the signed index gives/);
  });

  it('refuses an oversized index before reading it', async () => {
    const feed = await feedOf([bundled()]);
    const verdict = await verify(feed, { caps: { ...caps, maxIndexBytes: 100 } });
    expect(verdict.error).toMatch(/more than the 1 KB allowed; it was not read/);
  });

  it('refuses an oversized pack without downloading it, and one that turns out larger', async () => {
    const feed = await feedOf([bundled()]);
    let fetched = 0;
    const small = { ...caps, maxPackBytes: 10_000 };
    const verdict = await verify(feed, { caps: small, packFile: () => (fetched++, packBytes) });
    expect(fetched).toBe(0);
    expect(verdict.refused[0]?.reason).toMatch(/more than the 10 KB allowed; it was not downloaded/);
    const entry = { ...feed.index.packs[0]!, size: 5 };
    expect(await verifyPackFile(entry, packBytes, small)).toEqual({ ok: false, reason: expect.stringMatching(/more than the 10 KB allowed/) });
  });

  it('refuses more packs than the cap', async () => {
    const feed = await feedOf([bundled()]);
    expect((await verify(feed, { caps: { ...caps, maxPacks: 0 } })).error).toMatch(/lists 1 packs, more than the 0 allowed/);
  });

  it('refuses a rollback to a lower version', async () => {
    const verdict = await verify(await feedOf([bundled()]), { installed: { 'alibaba-pla-memo': version + 1 } });
    expect(verdict.install).toEqual([]);
    expect(verdict.refused).toEqual([{ id: 'alibaba-pla-memo', reason: expect.stringMatching(/older than the installed version \d+; a rollback is refused/) }]);
  });

  it('refuses an expired index, however well signed', async () => {
    const feed = await feedOf([bundled()], 1);
    const verdict = await verify(feed, { now: new Date(NOW.getTime() + 2 * 86_400_000) });
    expect(verdict.error).toMatch(/expired on 2026-12-03T00:00:00.000Z/);
    expect(verdict.install).toEqual([]);
  });

  it('refuses a malformed pack that the index signs correctly', async () => {
    const broken = { ...packJson, coverage: [{ ...packJson.coverage[0], url: 'javascript:alert(1)' }] };
    const feed = await feedOf([{ id: 'alibaba-pla-memo', version, bytes: encode(broken) }]);
    const verdict = await verify(feed);
    expect(verdict.install).toEqual([]);
    expect(verdict.refused[0]?.reason).toMatch(/is not a valid story pack \(coverage\.0\.url: /);
    const notJson = await feedOf([{ id: 'alibaba-pla-memo', version, bytes: new TextEncoder().encode('{"id": ') }]);
    expect((await verify(notJson)).refused[0]?.reason).toMatch(/is not valid JSON/);
  });

  it('refuses a pack file that is another pack or version than its entry', async () => {
    const feed = await feedOf([{ id: 'other-story', version, bytes: packBytes }]);
    expect((await verify(feed)).refused[0]?.reason).toMatch(/holds "alibaba-pla-memo" version \d+ instead/);
  });

  it('refuses a malformed index, a duplicate entry and a path that climbs out of the feed', async () => {
    const sign = async (value: unknown) => {
      const bytes = encode(value);
      return verifyIndex({ indexBytes: bytes, signature: await signBytes(bytes, privateKey), publicKey, now: NOW, caps });
    };
    const { index } = await feedOf([bundled()]);
    expect(await sign({ ...index, expires: 'soon' })).toEqual({ ok: false, reason: expect.stringMatching(/malformed \(expires: /) });
    expect(await sign({ ...index, packs: [index.packs[0], index.packs[0]] })).toEqual({ ok: false, reason: expect.stringMatching(/twice/) });
    expect(await sign({ ...index, packs: [{ ...index.packs[0], path: '../secret.json' }] })).toEqual({ ok: false, reason: expect.stringMatching(/malformed \(packs\.0\.path/) });
    const bytes = new TextEncoder().encode('not json');
    expect(await verifyIndex({ indexBytes: bytes, signature: await signBytes(bytes, privateKey), publicKey, now: NOW, caps })).toEqual({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
  });

  it('keeps a failed download apart from the packs that verified', async () => {
    const feed = await feedOf([bundled()]);
    const verdict = await verify(feed, { packFile: () => null });
    expect(verdict.refused).toEqual([{ id: 'alibaba-pla-memo', reason: 'The pack "alibaba-pla-memo" could not be downloaded.' }]);
    expect(planUpdates(feed.index, {}, caps).fetch.map((e) => e.path)).toEqual([feed.index.packs[0]!.path]);
    expect(INDEX_FILE).toBe('index.json');
  });
});
