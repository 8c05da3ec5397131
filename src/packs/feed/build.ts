/**
 * Makes a feed (for the pack tooling and the tests): the index for a set of pack files and its
 * signature. Signing happens only on the author's machine; the extension has verify.ts.
 */
import { FEED_FORMAT_VERSION, packPath, sha256Hex, toBase64, type FeedIndex } from './format';

const ED25519 = { name: 'Ed25519' } as const;

export interface FeedPackFile {
  id: string;
  version: number;
  /** The pack's JSON exactly as it will be served. */
  bytes: Uint8Array;
}

export interface BuiltFeed {
  index: FeedIndex;
  indexBytes: Uint8Array;
  /** Path inside the feed folder → bytes. */
  files: Map<string, Uint8Array>;
}

export async function buildFeed(packs: readonly FeedPackFile[], now: Date, lifetimeDays: number): Promise<BuiltFeed> {
  if (!(lifetimeDays > 0)) throw new Error('The feed lifetime must be a positive number of days.');
  const files = new Map<string, Uint8Array>();
  const index: FeedIndex = {
    feedFormatVersion: FEED_FORMAT_VERSION,
    generated: now.toISOString(),
    expires: new Date(now.getTime() + lifetimeDays * 86_400_000).toISOString(),
    packs: [],
  };
  for (const pack of packs) {
    const path = packPath(pack.id, pack.version);
    files.set(path, pack.bytes);
    index.packs.push({ id: pack.id, version: pack.version, sha256: await sha256Hex(pack.bytes), size: pack.bytes.length, path });
  }
  const indexBytes = new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`);
  return { index, indexBytes, files };
}

/** A PKCS #8 private key, PEM ("-----BEGIN PRIVATE KEY-----", as `openssl genpkey -algorithm ed25519` writes) or bare base64. */
export async function importPrivateKey(text: string): Promise<CryptoKey> {
  const body = text.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('pkcs8', der as BufferSource, ED25519, true, ['sign']);
}

export async function signBytes(bytes: Uint8Array, privateKey: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign(ED25519, privateKey, bytes as BufferSource)));
}

/** A new key pair: the private key as PEM (keep it out of the repository), the public key as shipped (raw, base64). */
export async function generateKeyPair(): Promise<{ privatePem: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
  const raw = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)));
  return { privatePem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`, publicKey: raw };
}

/** The public key (raw, base64) that goes with a private key. */
export async function publicKeyOf(privateKey: CryptoKey): Promise<string> {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  if (!jwk.x) throw new Error('Not an Ed25519 private key.');
  return toBase64(Uint8Array.from(atob(jwk.x.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(jwk.x.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
}
