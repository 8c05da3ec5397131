// The dedupe key of a saved item. Pure and synchronous: it is computed inside IndexedDB
// transactions (including schema upgrades), where awaiting crypto.subtle would let the
// transaction commit early.

import type { ItemKind } from './model';
import { normaliseUrl } from './url';

/** 53-bit string hash (cyrb53, public domain); collisions among one reader's quotes are negligible. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The same passage copied twice rarely has the same whitespace or Unicode form. */
export function quoteHash(quote: string): string {
  const normal = quote.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return normal === '' ? '' : hash53(normal);
}

// '#' separates the suffix of a legacy duplicate and '|' the parts, so neither may occur inside one.
function part(text: string): string {
  // Runs twice for every imported item; most URLs and refs hold none of these, and a test is cheaper than a rebuild.
  if (!/[%|#]/.test(text)) return text;
  return text.replace(/[%|#]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export interface KeyParts {
  kind: ItemKind;
  url: string;
  ref: string;
  quote: string;
}

export function itemKey({ kind, url, ref, quote }: KeyParts): string {
  const identity = normaliseUrl(url) ?? url.trim();
  return [kind, part(identity), part(ref), quoteHash(quote)].join('|');
}

/** The key with any legacy-duplicate suffix removed. */
export function keyBase(key: string): string {
  const hash = key.indexOf('#');
  return hash === -1 ? key : key.slice(0, hash);
}

/** The key a second row with the same content keeps, so neither row is lost. */
export function duplicateKey(base: string, id: string): string {
  return `${base}#${id}`;
}
