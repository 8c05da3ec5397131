// The sites the content script runs on without asking: every host a story pack names (its
// coverage, its first report, its timeline's sources, and the hosts its cautions warn about,
// so that the caution shows there), plus the curated outlets. Derived, never hand-kept: the
// build turns them into the manifest's matches, and a pack installed later hands its hosts to
// the background's registerPackSites (background/pack-sites.ts).
import curated from './data/curated-outlets.json' with { type: 'json' };

/** The parts of a pack that name sites. Structural, so raw pack JSON fits as well as a parsed pack. */
export interface PackSites {
  firstReport?: { url?: string | null } | null;
  coverage?: ReadonlyArray<{ url: string }>;
  timeline?: ReadonlyArray<{ sources?: ReadonlyArray<string> }>;
  cautions?: ReadonlyArray<{ domains?: ReadonlyArray<string>; urls?: ReadonlyArray<string> }>;
}

/** A host as a site: lower case, no trailing dot, no leading "www." (a site covers its subdomains). */
export function siteOf(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

function hostOfUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && u.hostname ? u.hostname : null;
  } catch {
    return null;
  }
}

/** Every site one pack names, in no particular order, duplicates included. */
export function sitesNamedBy(pack: PackSites): string[] {
  const urls = [
    pack.firstReport?.url ?? '',
    ...(pack.coverage ?? []).map((c) => c.url),
    ...(pack.timeline ?? []).flatMap((t) => t.sources ?? []),
    ...(pack.cautions ?? []).flatMap((c) => c.urls ?? []),
  ];
  const hosts = [
    ...urls.map(hostOfUrl).filter((h): h is string => h !== null),
    ...(pack.cautions ?? []).flatMap((c) => c.domains ?? []),
  ];
  return hosts.map(siteOf).filter((s) => /^[a-z0-9.-]+$/.test(s) && s.includes('.') && !/^[\d.]+$/.test(s));
}

/** The curated outlets' sites (src/packs/data/curated-outlets.json says why each is there). */
export const CURATED_SITES: readonly string[] = curated.outlets.map((o) => siteOf(o.host));

/** True when `site` is `other` or one of its subdomains. */
export function siteCovers(other: string, site: string): boolean {
  return site === other || site.endsWith(`.${other}`);
}

/**
 * The sorted, minimal list of sites: a site already covered by another in the list (a
 * subdomain of a listed site) is dropped, since the other's pattern matches it.
 */
export function minimalSites(sites: Iterable<string>): string[] {
  const unique = [...new Set(sites)].sort((a, b) => a.split('.').length - b.split('.').length || a.localeCompare(b));
  const kept: string[] = [];
  for (const s of unique) if (!kept.some((k) => siteCovers(k, s))) kept.push(s);
  return kept.sort();
}

/** The listed sites for these packs: what they name plus the curated outlets. */
export function listedSites(packs: readonly PackSites[], curatedSites: readonly string[] = CURATED_SITES): string[] {
  return minimalSites([...packs.flatMap(sitesNamedBy), ...curatedSites]);
}

/**
 * The match pattern for a site and its subdomains, over http and https: a few outlets still
 * serve (or link) plain http, and the pattern must match wherever the pack's links lead.
 */
export function matchPatternFor(site: string): string {
  return `*://*.${site}/*`;
}

export function matchPatternsFor(sites: readonly string[]): string[] {
  return sites.map(matchPatternFor);
}
