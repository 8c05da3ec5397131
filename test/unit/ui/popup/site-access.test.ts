import { describe, expect, it } from 'vitest';
import { matchesPattern, sitePattern, webOrigin } from '../../../../src/ui/popup/site-access';

describe('which sites the content script reads', () => {
  it('matches a curated site and its subdomains, not look-alikes', () => {
    expect(matchesPattern('https://*.ft.com/*', 'https://www.ft.com/content/x')).toBe(true);
    expect(matchesPattern('https://*.ft.com/*', 'https://ft.com/')).toBe(true);
    expect(matchesPattern('https://*.ft.com/*', 'https://notft.com/')).toBe(false);
    expect(matchesPattern('https://*.ft.com/*', 'http://www.ft.com/')).toBe(false);
  });

  it('ignores ports, as browsers do, and refuses other schemes', () => {
    expect(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:8080/a')).toBe(true);
    expect(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.2:8080/a')).toBe(false);
    expect(matchesPattern('*://*/*', 'ftp://example.com/')).toBe(false);
    expect(matchesPattern('*://*/*', 'https://example.com/')).toBe(true);
  });

  it('gives the origin only for web pages', () => {
    expect(webOrigin('https://news.example:8443/a?b')).toBe('https://news.example:8443');
    expect(webOrigin('about:blank')).toBeNull();
    expect(webOrigin(undefined)).toBeNull();
  });

  it('asks for a whole site, every port included, since a pattern with a port matches nothing in Firefox', () => {
    expect(sitePattern('https://news.example:8443/a?b')).toBe('https://news.example/*');
    expect(sitePattern('http://127.0.0.2:35895')).toBe('http://127.0.0.2/*');
    expect(matchesPattern(sitePattern('http://127.0.0.2:35895'), 'http://127.0.0.2:35895/story.html')).toBe(true);
  });
});
