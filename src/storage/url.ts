// URL handling shared by saved items, visits and site settings. Pure.

import { identityOfUrl, parseWebUrl } from '../url/identity';
import { siteOfHost } from '../url/site';
import { LIMITS } from './model';

// The site rule is url/site.ts's, so a stored entry and every context's check agree.
export { isSiteDisabled } from '../url/site';

function parseHttp(raw: string): URL | null {
  if (typeof raw !== 'string' || raw.length > LIMITS.urlLength) return null;
  return parseWebUrl(raw);
}

// An import asks isHttpUrl, canonicalUrl, normaliseUrl and siteOf about the same string one
// after another for each of up to 100,000 items, and in browsers every URL getter is a call into
// the engine: parsing once per string and remembering what was derived from it takes most of the
// import's URL cost away. One entry fits that pattern and cannot grow. The parsed URL is shared,
// so nothing may modify it.
interface Analysed {
  raw: string;
  url: URL | null;
  canonical?: string | null;
  normalised?: string | null;
  site?: string;
}
let last: Analysed | null = null;

function analyse(raw: string): Analysed {
  if (typeof raw !== 'string') return { raw, url: null };
  if (last === null || last.raw !== raw) last = { raw, url: parseHttp(raw) };
  return last;
}

export function isHttpUrl(raw: string): boolean {
  return analyse(raw).url !== null;
}

/**
 * The form a URL is stored in: the parser's canonical serialisation, which percent-encodes
 * spaces, quotes and angle brackets (so it is safe inside a Markdown autolink), without
 * user:password (never worth keeping in a saved item). Null when not an http(s) URL.
 */
export function canonicalUrl(raw: string): string | null {
  const entry = analyse(raw);
  if (entry.canonical === undefined) entry.canonical = entry.url ? canonicalOf(entry.url, raw) : null;
  return entry.canonical;
}

function canonicalOf(url: URL, raw: string): string {
  // URL setters re-parse the whole URL; skip them in the usual case of no credentials.
  if (url.username === '' && url.password === '') return url.href;
  // The remembered URL is shared: strip the credentials from a copy of it.
  const copy = parseHttp(raw)!;
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** Hostname without "www.", lowercase (punycode for IDNs), '' if not an http(s) URL. */
export function siteOf(raw: string): string {
  const entry = analyse(raw);
  entry.site ??= entry.url ? siteOfHost(entry.url.hostname) : '';
  return entry.site;
}

/**
 * The URL identity (url/identity.ts) that dedupe keys and visits are stored under, or null when
 * the input is not an http(s) URL within the length limit.
 */
export function normaliseUrl(raw: string): string | null {
  const entry = analyse(raw);
  if (entry.normalised === undefined) entry.normalised = entry.url ? identityOfUrl(entry.url) : null;
  return entry.normalised;
}

/**
 * A hostname as typed or pasted ("WWW.Example.com", "example.com/path", a full URL) in the
 * form kept in Settings.disabledSites, or null if it is not a hostname.
 */
export function normaliseHost(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > LIMITS.urlLength) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const site = siteOf(candidate);
  if (site === '' || site.length > LIMITS.hostLength) return null;
  return site;
}
