/**
 * Verifies a pack feed before anything from it is installed. Pure: bytes, a key and the clock
 * in, a verdict in words out. The browser side fetches (with the caps below applied to its
 * reads), calls these, and installs what they return in one transaction.
 *
 * The attacks it resists are the ones The Update Framework names:
 * - a forged index or pack: the index must carry a valid Ed25519 signature by the key shipped
 *   with the extension, and each pack must match the sha-256 and size the index gives;
 * - a rollback: a pack version lower than the installed one is refused;
 * - a frozen feed (an old, validly signed index replayed forever): an index past its expiry
 *   is refused;
 * - an endless download: index, packs and their number are capped.
 * A pack that passes all that is still validated like any pack (schema, references).
 */
import * as v from 'valibot';
import { parsePack, PackValidationError } from '../load';
import type { StoryPack } from '../schema';
import { FeedIndexSchema, fromBase64, sha256Hex, type FeedCaps, type FeedEntry, type FeedIndex } from './format';

export type Refusal = { ok: false; reason: string };
export type IndexVerdict = { ok: true; index: FeedIndex } | Refusal;
export type PackVerdict = { ok: true; pack: StoryPack } | Refusal;

const ED25519 = { name: 'Ed25519' } as const;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The public key as shipped in the extension: the 32 raw key bytes, base64. */
export async function importPublicKey(base64: string): Promise<CryptoKey> {
  const raw = fromBase64(base64);
  if (!raw || raw.length !== 32) throw new Error('The feed public key is not 32 bytes of base64.');
  return crypto.subtle.importKey('raw', raw as BufferSource, ED25519, false, ['verify']);
}

function kib(n: number): string {
  return `${Math.ceil(n / 1024)} KB`;
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The index, when its signature is good, it is well formed, within the caps and not expired.
 * `signature` is the signature file's text (base64) or its raw 64 bytes.
 */
export async function verifyIndex(input: {
  indexBytes: Uint8Array;
  signature: Uint8Array | string;
  publicKey: CryptoKey;
  now: Date;
  caps: FeedCaps;
}): Promise<IndexVerdict> {
  const { indexBytes, publicKey, now, caps } = input;
  if (indexBytes.length > caps.maxIndexBytes) {
    return { ok: false, reason: `The feed index is ${kib(indexBytes.length)}, more than the ${kib(caps.maxIndexBytes)} allowed; it was not read.` };
  }
  const signature = typeof input.signature === 'string' ? fromBase64(input.signature) : input.signature;
  if (!signature || signature.length !== 64) return { ok: false, reason: 'The feed index signature is missing or not an Ed25519 signature.' };
  let valid = false;
  try {
    valid = await crypto.subtle.verify(ED25519, publicKey, signature as BufferSource, indexBytes as BufferSource);
  } catch {
    valid = false;
  }
  // Checked before anything in the index is believed, its expiry included.
  if (!valid) return { ok: false, reason: 'The feed index signature does not match the key this extension trusts; the index may have been altered.' };
  const json = parseJson(indexBytes);
  if (!json.ok) return { ok: false, reason: `The feed index is not valid JSON: ${json.error}.` };
  const parsed = v.safeParse(FeedIndexSchema, json.value);
  if (!parsed.success) {
    const first = parsed.issues[0];
    const where = first?.path?.map((p) => String(p.key)).join('.') ?? '(root)';
    return { ok: false, reason: `The feed index is malformed (${where}: ${first?.message ?? 'invalid'}).` };
  }
  const index = parsed.output;
  if (Date.parse(index.expires) <= now.getTime()) {
    return { ok: false, reason: `The feed index expired on ${index.expires}; an old index is not trusted, as the feed may be frozen or replayed.` };
  }
  if (index.packs.length > caps.maxPacks) return { ok: false, reason: `The feed lists ${index.packs.length} packs, more than the ${caps.maxPacks} allowed.` };
  const ids = new Set<string>();
  for (const entry of index.packs) {
    if (ids.has(entry.id)) return { ok: false, reason: `The feed index lists the pack "${entry.id}" twice.` };
    ids.add(entry.id);
  }
  return { ok: true, index };
}

export interface UpdatePlan {
  /** Entries newer than what is installed (or not installed at all): to fetch and verify. */
  fetch: FeedEntry[];
  /** Pack ids whose installed version is the feed's. */
  upToDate: string[];
  /** Entries refused before any download. */
  refused: { id: string; reason: string }[];
}

/** Compares a verified index with the installed versions (pack id → version). */
export function planUpdates(index: FeedIndex, installed: Readonly<Record<string, number>>, caps: FeedCaps): UpdatePlan {
  const plan: UpdatePlan = { fetch: [], upToDate: [], refused: [] };
  for (const entry of index.packs) {
    const current = installed[entry.id];
    if (current !== undefined && entry.version < current) {
      plan.refused.push({ id: entry.id, reason: `The feed offers version ${entry.version} of "${entry.id}", older than the installed version ${current}; a rollback is refused.` });
    } else if (current === entry.version) {
      plan.upToDate.push(entry.id);
    } else if (entry.size > caps.maxPackBytes) {
      plan.refused.push({ id: entry.id, reason: `The pack "${entry.id}" is ${kib(entry.size)}, more than the ${kib(caps.maxPackBytes)} allowed; it was not downloaded.` });
    } else {
      plan.fetch.push(entry);
    }
  }
  return plan;
}

/** A downloaded pack file, checked against its index entry, then validated as a pack. */
export async function verifyPackFile(entry: FeedEntry, bytes: Uint8Array, caps: FeedCaps): Promise<PackVerdict> {
  const name = `The pack "${entry.id}" version ${entry.version}`;
  if (bytes.length > caps.maxPackBytes) return { ok: false, reason: `${name} is ${kib(bytes.length)}, more than the ${kib(caps.maxPackBytes)} allowed.` };
  if (bytes.length !== entry.size) return { ok: false, reason: `${name} is ${bytes.length} bytes, not the ${entry.size} the signed index gives; it was altered or cut off.` };
  if ((await sha256Hex(bytes)) !== entry.sha256) return { ok: false, reason: `${name} does not match the sha-256 the signed index gives; it was altered.` };
  const json = parseJson(bytes);
  if (!json.ok) return { ok: false, reason: `${name} is not valid JSON: ${json.error}.` };
  let pack: StoryPack;
  try {
    pack = parsePack(json.value);
  } catch (error) {
    const detail = error instanceof PackValidationError ? error.problems.slice(0, 3).join('; ') : String(error);
    return { ok: false, reason: `${name} is not a valid story pack (${detail}).` };
  }
  const version = (pack as { version?: number }).version ?? 1;
  if (pack.id !== entry.id || version !== entry.version) {
    return { ok: false, reason: `${name} holds "${pack.id}" version ${version} instead; the index and the file disagree.` };
  }
  return { ok: true, pack };
}

export interface FeedVerdict {
  /** The index-level refusal, when nothing from the feed can be trusted. */
  error: string | null;
  /** Verified packs to install together. */
  install: StoryPack[];
  upToDate: string[];
  refused: { id: string; reason: string }[];
}

/**
 * The whole check for a feed already downloaded: `packFile` returns the bytes fetched for an
 * index entry's path (or null when the fetch failed). Each pack stands or falls alone; the
 * installed ones stay as they are for every pack refused.
 */
export async function verifyFeed(input: {
  indexBytes: Uint8Array;
  signature: Uint8Array | string;
  publicKey: CryptoKey;
  installed: Readonly<Record<string, number>>;
  now: Date;
  caps: FeedCaps;
  packFile: (entry: FeedEntry) => Promise<Uint8Array | null> | Uint8Array | null;
}): Promise<FeedVerdict> {
  const verdict: FeedVerdict = { error: null, install: [], upToDate: [], refused: [] };
  const index = await verifyIndex(input);
  if (!index.ok) return { ...verdict, error: index.reason };
  const plan = planUpdates(index.index, input.installed, input.caps);
  verdict.upToDate = plan.upToDate;
  verdict.refused = plan.refused;
  for (const entry of plan.fetch) {
    const bytes = await input.packFile(entry);
    if (bytes === null) {
      verdict.refused.push({ id: entry.id, reason: `The pack "${entry.id}" could not be downloaded.` });
      continue;
    }
    const pack = await verifyPackFile(entry, bytes, input.caps);
    if (pack.ok) verdict.install.push(pack.pack);
    else verdict.refused.push({ id: entry.id, reason: pack.reason });
  }
  return verdict;
}
