/**
 * The pack feed: a static folder any web server or CDN can serve.
 *
 *   index.json       which packs exist: id, version, sha-256, size, path; when it expires
 *   index.json.sig   the Ed25519 signature of index.json's exact bytes, base64
 *   packs/<id>-<version>.json
 *
 * The signature covers the index's bytes as served, not a re-serialisation, so that no JSON
 * canonicalisation can differ between the signer and the reader. The index names each pack's
 * hash and size, so the one signature vouches for every pack file too (as TUF's targets
 * metadata does).
 */
import * as v from 'valibot';

export const FEED_FORMAT_VERSION = 1;
export const INDEX_FILE = 'index.json';
export const SIGNATURE_FILE = 'index.json.sig';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/));
const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a sha-256 in lowercase hex'));
/** A path inside the feed folder: no scheme, no "..", no leading slash, so it resolves below the index. */
const FeedPath = v.pipe(v.string(), v.regex(/^(?!.*\.\.)[a-z0-9][a-z0-9./-]*\.json$/, 'a relative path like packs/x-2.json'));

export const FeedEntrySchema = v.object({
  id: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sha256: Sha256Hex,
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  path: FeedPath,
});

export const FeedIndexSchema = v.object({
  feedFormatVersion: v.literal(FEED_FORMAT_VERSION),
  /** When the index was made (ISO 8601 date-time). */
  generated: v.pipe(v.string(), v.isoTimestamp()),
  /** After this instant the index is stale: a frozen or replayed feed is refused. */
  expires: v.pipe(v.string(), v.isoTimestamp()),
  packs: v.array(FeedEntrySchema),
});

export type FeedEntry = v.InferOutput<typeof FeedEntrySchema>;
export type FeedIndex = v.InferOutput<typeof FeedIndexSchema>;

/** Download caps: an endless or oversized download is cut off, not trusted. */
export interface FeedCaps {
  maxIndexBytes: number;
  maxPackBytes: number;
  maxPacks: number;
}

export const DEFAULT_FEED_CAPS: FeedCaps = Object.freeze({ maxIndexBytes: 64 * 1024, maxPackBytes: 1024 * 1024, maxPacks: 50 });

export function packPath(id: string, version: number): string {
  return `packs/${id}-${version}.json`;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array | null {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const s = atob(clean);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
