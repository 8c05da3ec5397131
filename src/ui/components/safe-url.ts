// Every href the extension's pages render goes through here: a pack, a saved item or a page
// report could carry `javascript:`, `data:` or a relative path, and none of those may become a link.

/** The URL's canonical form when it is an absolute http(s) URL with a host; otherwise null. */
export function httpHref(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}

/** Hostname without "www.", for link text; '' when the URL is not http(s). */
export function displayHost(raw: unknown): string {
  const href = httpHref(raw);
  if (!href) return '';
  const host = new URL(href).hostname;
  return host.startsWith('www.') ? host.slice(4) : host;
}
