import type { Caution, CoverageItem, StoryPack } from '../packs/schema';

/**
 * Query parameters that never change what a page is: campaign tracking (utm_* and the like),
 * click ids, share referrers, AMP switches. Compared in lower case.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'igsh',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  'ref', 'ref_src', 'ref_url', 'referrer', 'src', 'source', 'cmpid', 'cmp', 'ocid', 'smid', 'smtyp', 'sr_share',
  's_cid', 'ito', 'icid', 'int_source', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ncid',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'share', 'shared', 'spm', 'scm', 'from', 'feature',
  'amp', 'outputtype', '_amp', 'amp_js_v', 'usqp', 'output', 'subscribeintent', 'ss', 'ftag', 'tpcc',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_', 'at_', 'fb_', 'ga_'];
/** Query keys that carry which article it is (CMS post ids); without them the URL is a home page. */
const IDENTITY_PARAMS = new Set(['p', 'id', 'page_id', 'post', 'wr_id', 'bo_table', 'aid', 'article', 'articleid', 'newsid', 'docid', 'story', 'v', 'no', 'idx', 'nid', 'sid']);

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return TRACKING_PARAMS.has(k) || TRACKING_PREFIXES.some((prefix) => k.startsWith(prefix));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface UrlParts {
  host: string;
  path: string;
  /** Sorted "key=value" pairs left after tracking parameters are removed. */
  query: string[];
}

function parts(input: string): UrlParts | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  let host = u.hostname.toLowerCase().replace(/\.$/, '');
  let path = u.pathname;
  // Google's AMP cache serves example.com/x at example-com.cdn.ampproject.org/c/s/example.com/x.
  if (host.endsWith('.cdn.ampproject.org')) {
    const m = /^\/[cv]\/(?:s\/)?([^/]+)(\/.*)?$/.exec(path);
    if (m) {
      host = m[1]!.toLowerCase();
      path = m[2] ?? '/';
    }
  }
  host = host.replace(/^www\d?\./, '').replace(/^amp\./, '');
  const segments = path
    .split('/')
    .map(safeDecode)
    .filter((segment) => segment.toLowerCase() !== 'amp');
  path = segments.join('/').replace(/\.amp(\.html?)$/, '$1').replace(/\/amp\.html?$/, '').replace(/\/+$/, '');
  if (path === '') path = '/';
  const query: string[] = [];
  u.searchParams.forEach((value, key) => {
    if (!isTracking(key)) query.push(`${key}=${value}`);
  });
  query.sort();
  return { host, path, query };
}

/**
 * A comparison key for a URL: scheme, "www.", default ports, fragments, AMP paths and
 * parameters, tracking parameters and a trailing slash make no difference; remaining query
 * parameters are sorted. Not a URL to open. Returns the trimmed input when it is not http(s).
 */
export function normalizeUrl(url: string): string {
  const p = parts(url);
  if (!p) return url.trim();
  return `${p.host}${p.path}${p.query.length > 0 ? `?${p.query.join('&')}` : ''}`;
}

function hasIdentityQuery(p: UrlParts): boolean {
  return p.query.some((pair) => IDENTITY_PARAMS.has(pair.slice(0, pair.indexOf('=')).toLowerCase()));
}

interface CoverageLookup {
  exact: Map<string, CoverageItem>;
  /** host + path → item, for items whose path alone names the article. */
  byPath: Map<string, CoverageItem>;
}

const lookups = new WeakMap<StoryPack, CoverageLookup>();

function lookupFor(pack: StoryPack): CoverageLookup {
  let lookup = lookups.get(pack);
  if (!lookup) {
    lookup = { exact: new Map(), byPath: new Map() };
    for (const item of pack.coverage) {
      lookup.exact.set(normalizeUrl(item.url), item);
      const p = parts(item.url);
      if (p && p.path.length > 1 && !hasIdentityQuery(p)) lookup.byPath.set(`${p.host}${p.path}`, item);
    }
    lookups.set(pack, lookup);
  }
  return lookup;
}

/**
 * The pack's coverage item at this URL. Falls back to host + path when the page adds or drops
 * query parameters that do not name the article (the pack's copy of a URL may carry a
 * `?subscribeIntent=true`, the reader's may not).
 */
export function findKnownCoverage(url: string, pack: StoryPack): CoverageItem | null {
  const p = parts(url);
  if (!p) return null;
  const lookup = lookupFor(pack);
  const exact = lookup.exact.get(normalizeUrl(url));
  if (exact) return exact;
  if (p.path.length > 1 && !hasIdentityQuery(p)) return lookup.byPath.get(`${p.host}${p.path}`) ?? null;
  return null;
}

/** The pack's caution for this page: by URL, by domain (and its subdomains), or by declared site name. */
export function findCaution(url: string, siteName: string, pack: StoryPack): Caution | null {
  const p = parts(url);
  const key = p ? normalizeUrl(url) : '';
  const site = siteName.trim().toLowerCase();
  for (const caution of pack.cautions) {
    if (p && (caution.urls ?? []).some((u) => normalizeUrl(u) === key)) return caution;
    if (p && (caution.domains ?? []).some((d) => p.host === d || p.host.endsWith(`.${d}`))) return caution;
    if (site && (caution.siteNames ?? []).some((name) => name.toLowerCase() === site)) return caution;
  }
  return null;
}
