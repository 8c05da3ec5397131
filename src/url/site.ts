// The one rule for "is the extension turned off on this site?": the settings page, the popup,
// the sidebar, storage and the content script all ask it, so they cannot disagree about
// "www." or subdomains. Pure; imports only the URL parser beside it.
import { parseWebUrl } from './identity';

/**
 * A hostname in the form Settings.disabledSites keeps: lowercase, without a final dot or a
 * leading "www." (unless nothing would remain).
 */
export function siteOfHost(hostname: string): string {
  let host = hostname.trim().toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host.startsWith('www.') && host.length > 4 ? host.slice(4) : host;
}

/** The site of an http(s) URL; null for anything else. */
export function siteOfUrl(url: string | undefined): string | null {
  const parsed = url ? parseWebUrl(url) : null;
  return parsed ? siteOfHost(parsed.hostname) : null;
}

/** The hostname of an http(s) URL as the browser gives it (for showing and turning off); null for anything else. */
export function hostnameOf(url: string): string | null {
  return parseWebUrl(url)?.hostname ?? null;
}

/**
 * The disabledSites entry, as stored, that turns the extension off on `site`: the same site or
 * one it is a subdomain of. Null when none does.
 */
export function disabledEntryFor(disabledSites: readonly unknown[], site: string): string | null {
  const here = siteOfHost(site);
  if (here === '') return null;
  for (const entry of disabledSites) {
    if (typeof entry !== 'string') continue;
    const off = siteOfHost(entry);
    if (off !== '' && (here === off || here.endsWith(`.${off}`))) return entry;
  }
  return null;
}

/** Whether the extension is turned off for the page at this URL (never for a non-http(s) page). */
export function isSiteDisabled(disabledSites: readonly unknown[], pageUrl: string): boolean {
  const site = siteOfUrl(pageUrl);
  return site !== null && disabledEntryFor(disabledSites, site) !== null;
}
