// One check of the pack feed, from the first request to the verified packs, apart from the
// browser: `fetch`, the clock and the installed versions come in, a verdict in words goes out.
// pack-updates.ts installs what it returns and records the result.
//
// Every request is the same for every reader: a plain GET of a static file, without cookies,
// credentials or referrer, never served from or stored in the HTTP cache, carrying nothing about
// any page. The feed host learns the reader's IP address and the time, as from any download.
import { DEFAULT_FEED_CAPS, INDEX_FILE, SIGNATURE_FILE, type FeedCaps, type FeedEntry } from '../packs/feed/format';
import { importPublicKey, verifyFeed } from '../packs/feed/verify';
import type { StoryPack } from '../packs/schema';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The only request options the extension ever uses. Cross-origin, it relies on the feed's CORS. */
export const FEED_REQUEST: RequestInit = Object.freeze({
  method: 'GET',
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  cache: 'no-store',
  mode: 'cors',
  redirect: 'follow',
}) as RequestInit;

/** A stalled server must not hold a check open for ever. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface FeedSource {
  /** The feed folder's address (its index is `<url>/index.json`). */
  url: string;
  /** Ed25519 public key, raw 32 bytes in base64. */
  publicKey: string;
}

export interface FeedCheck {
  /** Why nothing from the feed could be trusted, or null. */
  error: string | null;
  install: StoryPack[];
  upToDate: string[];
  refused: { id: string; reason: string }[];
}

class FeedFetchError extends Error {}

/** Only https: a feed over plain http could be swapped for an old signed one on the way. */
export function feedUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The feed address is not a URL.';
  }
  if (parsed.protocol !== 'https:') return 'The feed address must start with https://.';
  if (parsed.username || parsed.password) return 'The feed address must not hold a user name or password.';
  return null;
}

/** The folder address with one trailing slash, so that relative paths resolve inside it. */
export function feedBase(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/index.json')) u.pathname = u.pathname.slice(0, -'index.json'.length);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

/**
 * Reads a response body, stopping as soon as it passes `cap` bytes: an endless or oversized
 * download is cut off and refused, never buffered whole.
 */
export async function readCapped(response: Response, cap: number, what: string): Promise<Uint8Array> {
  const tooBig = () => new FeedFetchError(`${what} is larger than the ${Math.ceil(cap / 1024)} KB allowed; the download was stopped.`);
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).slice(0, cap + 1);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function download(fetchFn: Fetch, url: string, cap: number, what: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchFn(url, { ...FEED_REQUEST, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const detail = error instanceof Error && error.name === 'TimeoutError' ? 'no answer in 30 seconds' : 'network error or the server does not allow cross-origin reads';
    throw new FeedFetchError(`${what} could not be downloaded from ${url} (${detail}).`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedFetchError(`${what} could not be downloaded from ${url} (HTTP ${response.status}).`);
  }
  return readCapped(response, cap, what);
}

/**
 * Downloads the index and its signature, verifies them, then downloads and verifies each pack
 * the index offers newer than `installed`. Never throws: every failure is a sentence.
 */
export async function checkFeed(input: {
  source: FeedSource;
  installed: Readonly<Record<string, number>>;
  now: Date;
  fetch: Fetch;
  caps?: FeedCaps;
}): Promise<FeedCheck> {
  const caps = input.caps ?? DEFAULT_FEED_CAPS;
  const nothing: FeedCheck = { error: null, install: [], upToDate: [], refused: [] };
  const problem = feedUrlProblem(input.source.url);
  if (problem) return { ...nothing, error: problem };
  let publicKey: CryptoKey;
  try {
    publicKey = await importPublicKey(input.source.publicKey);
  } catch (error) {
    return { ...nothing, error: error instanceof Error ? error.message : String(error) };
  }
  const base = feedBase(input.source.url);
  let indexBytes: Uint8Array;
  let signature: string;
  try {
    indexBytes = await download(input.fetch, new URL(INDEX_FILE, base).href, caps.maxIndexBytes, 'The feed index');
    signature = new TextDecoder().decode(await download(input.fetch, new URL(SIGNATURE_FILE, base).href, 1024, 'The feed index signature'));
  } catch (error) {
    return { ...nothing, error: error instanceof Error ? error.message : String(error) };
  }
  const reasons = new Map<string, string>();
  const verdict = await verifyFeed({
    indexBytes,
    signature,
    publicKey,
    installed: input.installed,
    now: input.now,
    caps,
    packFile: async (entry: FeedEntry) => {
      try {
        return await download(input.fetch, new URL(entry.path, base).href, caps.maxPackBytes, `The pack "${entry.id}"`);
      } catch (error) {
        reasons.set(entry.id, error instanceof Error ? error.message : String(error));
        return null;
      }
    },
  });
  // verifyFeed says only "could not be downloaded"; the download's own words say why.
  const refused = verdict.refused.map((r) => ({ id: r.id, reason: reasons.get(r.id) ?? r.reason }));
  return { error: verdict.error, install: verdict.install, upToDate: verdict.upToDate, refused };
}
