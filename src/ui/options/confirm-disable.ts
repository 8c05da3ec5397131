// The sidebar inside a web page may not change settings itself (a page could click it for the
// reader), so its "Turn off on this site" opens this options page at
// `options.html#confirm-disable=<host>`, and the reader confirms here, in a tab of its own.

/** The host a `#confirm-disable=<url-encoded host>` hash asks about, or null for any other hash. */
export function confirmDisableHost(hash: string): string | null {
  const m = /^#?confirm-disable=([^&]*)$/.exec(hash);
  if (!m) return null;
  let host: string;
  try {
    host = decodeURIComponent(m[1] ?? '');
  } catch {
    return null;
  }
  host = host.trim().toLowerCase().replace(/\.$/, '');
  // A hostname only (it is shown to the reader and stored as a setting): letters, digits,
  // hyphens and dots, within DNS's length; internationalised names arrive as punycode.
  if (host.length === 0 || host.length > 253 || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return null;
  return host;
}
