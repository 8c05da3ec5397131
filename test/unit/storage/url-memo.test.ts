// url.ts remembers what it derived from the last string it parsed. Whatever order the
// functions are called in, each must answer as if it had parsed the string itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, isHttpUrl, normaliseHost, normaliseUrl, siteOf } from '../../../src/storage/url';

const URLS = [
  'https://user:pw@www.Example.com:443/a/?utm_source=x&b=2&a=1#f',
  'http://www.example.org./x//',
  ' https://x.example/ä?q=%e2 ',
  'https://www.oe24.at/businesslive/x',
  'ftp://example.com/x',
  'not a url',
  '',
];

// Each answer as first given, in one fixed order.
const expected = new Map(
  URLS.map((url) => [
    url,
    {
      isHttp: isHttpUrl(url),
      canonical: canonicalUrl(url),
      normalised: normaliseUrl(url),
      site: siteOf(url),
      host: normaliseHost(url),
    },
  ]),
);

describe('url functions in any order', () => {
  it('answer the same as on their own', () => {
    const call = fc.record({
      url: fc.constantFrom(...URLS),
      fn: fc.constantFrom('isHttp', 'canonical', 'normalised', 'site', 'host') as fc.Arbitrary<'isHttp' | 'canonical' | 'normalised' | 'site' | 'host'>,
    });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 12 }), (calls) => {
        for (const { url, fn } of calls) {
          const answer = {
            isHttp: () => isHttpUrl(url),
            canonical: () => canonicalUrl(url),
            normalised: () => normaliseUrl(url),
            site: () => siteOf(url),
            host: () => normaliseHost(url),
          }[fn]();
          expect(answer).toEqual(expected.get(url)![fn]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('strip credentials without changing what is remembered', () => {
    const url = 'https://user:pw@www.example.com/x?a=1';
    expect(canonicalUrl(url)).toBe('https://www.example.com/x?a=1');
    expect(canonicalUrl(url)).toBe('https://www.example.com/x?a=1');
    expect(normaliseUrl(url)).toBe('https://example.com/x?a=1');
    expect(siteOf(url)).toBe('example.com');
  });
});
