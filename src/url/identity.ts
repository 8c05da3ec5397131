// The identity of a web page's URL: the one answer to "are these two links the same page?",
// used by saved items' dedupe keys, visits, the sidebar's saved and opened marks, and
// detection's known-coverage lookup. Pure and free of imports, so every context can share it.
//
// A false "same" is worse than a false "different": merging two articles attaches a note to
// the wrong page and makes the sidebar say "Saved" for a page never saved, while a missed
// match only leaves a second item. So a query parameter is dropped only when its name is used
// for tracking and nothing else; generic words a site may use to pick content (source, src,
// ref, from, share, feature, output, ss, v, id, p, ...) are kept.

// Click ids, campaign and newsletter codes, share attributions and consent round-trips: they
// say how the reader arrived, never which page this is. Compared in lower case.
const TRACKING_NAMES = new Set([
  // ad and social click ids
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'igsh',
  // analytics cookies carried across domains
  '_ga', '_gl',
  // e-mail and marketing platforms (Mailchimp, HubSpot, Marketo, Olytics, Vero, Adobe)
  'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 's_cid',
  // publishers' campaign and share codes (NYT smid/smtyp, Guardian CMP, MSN ocid, FT ftag/tpcc, ...)
  'cmpid', 'cmp', 'ocid', 'smid', 'smtyp', 'sr_share', 'ito', 'icid', 'int_source', 'ncid', 'ftag', 'tpcc',
  // comScore
  'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname',
  // Twitter's referrer, Yahoo's consent redirect, a shop's position codes
  'ref_src', 'ref_url', 'referrer', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'spm', 'scm',
  // a paywall prompt's state, not the article (firstpost.com's ?subscribeIntent=true)
  'subscribeintent',
]);

// Families of tracking parameters: Google Analytics (utm_, ga_), Piwik and Matomo (pk_, mtm_),
// HubSpot (hmb_), AT Internet (at_), Facebook (fb_).
const TRACKING_PREFIXES = ['utm_', 'ga_', 'pk_', 'mtm_', 'hmb_', 'at_', 'fb_'];

// Switches that ask for the AMP rendering of the same article, and the AMP viewer's own state.
const AMP_SWITCHES = new Set(['amp', '_amp', 'amp_js_v', 'amp_gsa', 'amp_tf', 'ampshare', 'usqp']);
// Names that choose an output format; only their "amp" value is an AMP switch (output=print or
// output=json is a page of its own).
const OUTPUT_NAMES = new Set(['output', 'outputtype']);

// Parameters that name the article itself in common CMSs (WordPress ?p=, Gnuboard ?wr_id=, ...):
// never dropped, and a URL that has one is not a page its path alone identifies.
const ARTICLE_NAMES = new Set([
  'p', 'id', 'page_id', 'post', 'wr_id', 'bo_table', 'aid', 'article', 'articleid', 'newsid', 'docid', 'story', 'v', 'no',
  'idx', 'nid', 'sid',
]);

function dropsParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_NAMES.has(lower) || AMP_SWITCHES.has(lower)) return true;
  if (OUTPUT_NAMES.has(lower)) return value.toLowerCase() === 'amp';
  return TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Whether a query parameter of this name picks the article (a post id and the like). */
export function namesArticle(name: string): boolean {
  return ARTICLE_NAMES.has(name.toLowerCase());
}

// Google's and Bing's AMP caches serve example.com/x at example-com.cdn.ampproject.org/c/s/
// example.com/x (also /v/ for the viewer); Google's viewer at google.com/amp/s/example.com/x.
const AMP_CACHE_PATH = /^\/[cv]\/(s\/)?([^/?#]+\.[^/?#]+(?:\/.*)?)$/;
const GOOGLE_VIEWER_PATH = /^\/amp\/(s\/)?([^/?#]+\.[^/?#]+(?:\/.*)?)$/;

function unwrapOnce(url: URL): URL | null {
  const host = url.hostname;
  const match =
    host.endsWith('.cdn.ampproject.org') || host.endsWith('.bing-amp.com')
      ? AMP_CACHE_PATH.exec(url.pathname)
      : host === 'www.google.com' || host === 'google.com'
        ? GOOGLE_VIEWER_PATH.exec(url.pathname)
        : null;
  if (!match) return null;
  try {
    const inner = new URL(`${match[1] ? 'https' : 'http'}://${match[2]!}${url.search}`);
    return inner.hostname === '' ? null : inner;
  } catch {
    return null;
  }
}

/** The publisher's own URL of a page served through an AMP cache or viewer (a cache may wrap a cache). */
function publisherUrl(url: URL): URL {
  let current = url;
  for (let depth = 0; depth < 4; depth++) {
    const inner = unwrapOnce(current);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** Repeats a shortening rewrite until nothing changes, so the identity of an identity is itself. */
function settle(text: string, rewrite: (text: string) => string): string {
  for (;;) {
    const next = rewrite(text);
    if (next === text) return text;
    text = next;
  }
}

function bareHostOnce(host: string): string {
  // Only while a registrable name remains: "www.com" stays itself.
  const www = /^www\d{0,3}\./.exec(host);
  if (www && host.indexOf('.', www[0].length) !== -1) return host.slice(www[0].length);
  if (host.startsWith('amp.') && host.indexOf('.', 4) !== -1) return host.slice(4);
  return host;
}

function bareHost(hostname: string): string {
  return settle(hostname.endsWith('.') ? hostname.slice(0, -1) : hostname, bareHostOnce);
}

// RFC 3986 6.2.2: escapes of unreserved characters mean the characters themselves, and hex
// case means nothing.
function normaliseEscapes(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/%[0-9a-f]{2}/gi, (escape) => {
    const ch = String.fromCharCode(parseInt(escape.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : escape.toUpperCase();
  });
}

// An "amp" path segment, a last segment "amp.html", a ".amp" before the extension (a.amp.html
// is the AMP copy of a.html). Other extensions stay: /a and /a.html may be different pages.
const AMP_SEGMENT = /(^|\/)amp(\/|$|\.html?$)/i;
const AMP_SUFFIX = /([^/])\.amp(\.html?)?$/i;

function barePathOnce(path: string): string {
  let out = path.endsWith('/') ? path.replace(/\/+$/, '') : path;
  if (AMP_SEGMENT.test(out)) {
    out = out
      .split('/')
      .filter((segment) => segment.toLowerCase() !== 'amp')
      .join('/')
      .replace(/\/amp\.html?$/i, '');
  }
  return out.replace(AMP_SUFFIX, '$1$2');
}

function barePath(pathname: string): string {
  const path = settle(normaliseEscapes(pathname), barePathOnce);
  return path === '' ? '/' : path;
}

export interface IdentityParts {
  /** Lowercase host without "www." or "amp." and with a non-default port: "example.com:8080". */
  origin: string;
  /** Path without AMP markers or trailing slash, escapes normalised; "/" at least. */
  path: string;
  /** The parameters that may pick the page, sorted by name (same names keep their order). */
  params: Array<[string, string]>;
}

/**
 * The parts of a parsed http(s) URL that make its identity. Read from the parsed parts, never
 * through URL setters (each re-parses the whole URL): this runs for every item of a
 * 100,000-item import. `parsed` is left untouched; storage/url.ts shares it between calls.
 */
export function identityParts(parsed: URL): IdentityParts {
  const url = publisherUrl(parsed);
  const defaultPort = url.protocol === 'http:' ? '80' : '443';
  const port = url.port === '' || url.port === defaultPort ? '' : `:${url.port}`;
  const params: Array<[string, string]> = [];
  if (url.search.length > 1) {
    for (const [name, value] of url.searchParams) if (!dropsParam(name, value)) params.push([name, value]);
    params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return { origin: `${bareHost(url.hostname)}${port}`, path: barePath(url.pathname), params };
}

/**
 * The identity of a parsed http(s) URL, itself an https URL (so an identity's identity is
 * itself): no credentials, fragment, "www.", AMP markers, tracking parameters or trailing
 * slash; remaining parameters sorted. For comparing, not for opening.
 */
export function identityOfUrl(parsed: URL): string {
  const { origin, path, params } = identityParts(parsed);
  const search = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${origin}${path}${search}`;
}

/** The text parsed as an http(s) URL with a host, or null. */
export function parseWebUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return url;
}

/** identityOfUrl of the text, or null when it is not an http(s) URL. */
export function urlIdentity(raw: string): string | null {
  const url = parseWebUrl(raw);
  return url ? identityOfUrl(url) : null;
}

/** A comparison key for anything given as a URL: its identity, or the trimmed text when it is not http(s). */
export function pageKey(raw: string): string {
  return urlIdentity(raw) ?? raw.trim();
}
