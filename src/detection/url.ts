import type { CoverageRef } from '../packs/detection-slice';
import type { Caution } from '../packs/schema';
import type { CoverageKeys } from './types';
import { identityOfUrl, identityParts, namesArticle, parseWebUrl, urlIdentity } from '../url/identity';

interface UrlParts {
  /** The URL identity: what `exact` lookups compare. */
  identity: string;
  /** Host and path alone, when the path names the article and no parameter picks it. */
  byPath: string | null;
}

function parts(input: string): UrlParts | null {
  const url = parseWebUrl(input);
  if (!url) return null;
  const { origin, path, params } = identityParts(url);
  const pathNamesIt = path.length > 1 && !params.some(([name]) => namesArticle(name));
  return { identity: identityOfUrl(url), byPath: pathNamesIt ? `${origin}${path}` : null };
}

interface CoverageLookup<I> {
  exact: Map<string, I>;
  /** host + path → item, for items whose path alone names the article. */
  byPath: Map<string, I>;
}

const lookups = new WeakMap<object, CoverageLookup<CoverageRef>>();

/** The identity's host and path: what `byPath` usually is, so the build's keys can say so in one character. */
const hostAndPath = (identity: string) => identity.slice(identity.indexOf('//') + 2).split('?')[0]!;

/**
 * Each coverage item's lookup keys, in the pack's order. The build writes them for the bundled
 * packs (content/bundled-detection.ts): parsing every coverage URL of every pack was a
 * measurable part of the second stage on each page that passed the prefilter.
 */
export function coverageKeys(pack: { coverage: readonly CoverageRef[] }): CoverageKeys {
  return pack.coverage.map((item) => {
    const p = parts(item.url);
    if (!p) return null;
    return [p.identity, p.byPath !== null && p.byPath === hostAndPath(p.identity) ? 1 : p.byPath];
  });
}

function keyFits(k: unknown): boolean {
  return k === null || (Array.isArray(k) && k.length === 2 && typeof k[0] === 'string' && (k[1] === null || k[1] === 1 || typeof k[1] === 'string'));
}

/** Takes the build's keys for this pack; keys that do not fit its coverage are ignored, and the lookup is built from the URLs. */
export function useCoverageKeys<I extends CoverageRef>(pack: { coverage: readonly I[] }, keys: unknown): void {
  if (!Array.isArray(keys) || keys.length !== pack.coverage.length || !keys.every(keyFits)) return;
  const lookup: CoverageLookup<I> = { exact: new Map(), byPath: new Map() };
  (keys as CoverageKeys).forEach((k, i) => {
    if (!k) return;
    const item = pack.coverage[i]!;
    lookup.exact.set(k[0], item);
    if (k[1] !== null) lookup.byPath.set(k[1] === 1 ? hostAndPath(k[0]) : k[1], item);
  });
  lookups.set(pack, lookup);
}

function lookupFor<I extends CoverageRef>(pack: { coverage: readonly I[] }): CoverageLookup<I> {
  let lookup = lookups.get(pack) as CoverageLookup<I> | undefined;
  if (!lookup) {
    lookup = { exact: new Map(), byPath: new Map() };
    for (const item of pack.coverage) {
      const p = parts(item.url);
      if (!p) continue;
      lookup.exact.set(p.identity, item);
      if (p.byPath !== null) lookup.byPath.set(p.byPath, item);
    }
    lookups.set(pack, lookup);
  }
  return lookup;
}

/**
 * The pack's coverage item at this URL. Falls back to host + path when the page adds or drops
 * query parameters that do not name the article: the pack's copy of a URL may carry a
 * parameter the identity keeps because it is not known to be tracking, the reader's may not.
 */
export function findKnownCoverage<I extends CoverageRef>(url: string, pack: { coverage: readonly I[] }): I | null {
  const p = parts(url);
  if (!p) return null;
  const lookup = lookupFor(pack);
  return lookup.exact.get(p.identity) ?? (p.byPath !== null ? lookup.byPath.get(p.byPath) ?? null : null);
}

/** The pack's caution for this page: by URL, by domain (and its subdomains), or by declared site name. */
export function findCaution(url: string, siteName: string, pack: { cautions: readonly Caution[] }): Caution | null {
  const key = urlIdentity(url);
  const host = key === null ? null : new URL(key).hostname;
  const site = siteName.trim().toLowerCase();
  for (const caution of pack.cautions) {
    if (key !== null && (caution.urls ?? []).some((u) => urlIdentity(u) === key)) return caution;
    if (host !== null && (caution.domains ?? []).some((d) => host === d || host.endsWith(`.${d}`))) return caution;
    if (site && (caution.siteNames ?? []).some((name) => name.toLowerCase() === site)) return caution;
  }
  return null;
}
