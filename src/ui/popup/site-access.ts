// Which sites the content script runs on, as the popup works it out to offer "turn on".

/** A WebExtension match pattern (`https://*.example.com/*`) against a URL; ports are ignored, as browsers do. */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host] = m as unknown as [string, string, string];
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  if (scheme === '*' && !/^https?:$/.test(u.protocol)) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return u.hostname === base || u.hostname.endsWith(`.${base}`);
  }
  return u.hostname === host;
}

export function webOrigin(url: string | undefined): string | null {
  if (!url || !/^https?:/.test(url)) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The host permission that covers a site: scheme and host, every port and path. A pattern
 * with the port in it (host:8080) is accepted by Firefox but then matches nothing.
 */
export function sitePattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
