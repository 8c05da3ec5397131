import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../../src/storage/url';
import { namesArticle, pageKey, urlIdentity } from '../../../src/url/identity';

const HURRIYET = 'https://www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769';

describe('urlIdentity: what never changes the page', () => {
  it.each([
    ['http://hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'scheme and www'],
    [`${HURRIYET}/`, 'trailing slash'],
    [`${HURRIYET}#comments`, 'fragment'],
    [`${HURRIYET}?utm_source=twitter&utm_medium=social&fbclid=abc&gclid=def`, 'tracking parameters'],
    ['https://www.hurriyetdailynews.com:443/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'default https port'],
    ['http://www.hurriyetdailynews.com:80/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'default http port'],
    ['HTTPS://WWW.HURRIYETDAILYNEWS.COM/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'host case'],
    ['https://user:pw@hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'credentials'],
  ])('ignores %s (%s)', (variant) => {
    expect(urlIdentity(variant)).toBe(urlIdentity(HURRIYET));
  });

  it.each([
    'https://example.com/news/a',
    'https://www.example.com/news/a/',
    'https://www.example.com/amp/news/a',
    'https://www.example.com/news/amp/a',
    'https://www.example.com/news/a/amp',
    'https://www.example.com/news/a/amp.html',
    'https://amp.example.com/news/a',
    'https://www.example.com/news/a.amp',
    'https://www.example.com/news/a?amp=1',
    'https://www.example.com/news/a?amp',
    'https://www.example.com/news/a?outputType=amp',
    'https://www.example.com/news/a?_amp=true&usqp=mq331AQFKAGwASA%3D',
    'https://example-com.cdn.ampproject.org/c/s/example.com/news/a',
    'https://example-com.cdn.ampproject.org/v/s/www.example.com/amp/news/a?amp_js_v=0.1',
    'https://www.google.com/amp/s/www.example.com/amp/news/a',
  ])('takes the AMP copy %s for the article itself', (amp) => {
    expect(urlIdentity(amp)).toBe('https://example.com/news/a');
  });

  it('takes a.amp.html for a.html, and keeps other extensions apart', () => {
    expect(urlIdentity('https://www.example.com/news/a.amp.html')).toBe('https://example.com/news/a.html');
    expect(urlIdentity('https://www.example.com/news/a.amp.htm')).toBe('https://example.com/news/a.htm');
    expect(urlIdentity('https://www.example.com/news/a.html')).toBe('https://example.com/news/a.html');
    expect(urlIdentity('https://www.example.com/news/a.html')).not.toBe(urlIdentity('https://www.example.com/news/a'));
    expect(urlIdentity('https://www.example.com/.amp')).toBe('https://example.com/.amp');
  });

  it('drops click ids and campaign codes of either former list, gclsrc included', () => {
    expect(urlIdentity('https://www.example.com/a?gclsrc=aw.ds')).toBe('https://example.com/a');
    for (const name of ['twclid', 'ttclid', 'igsh', 'mc_eid', 'ns_campaign', 'pk_campaign', 'mtm_source', 'at_medium', 'CMP', 'subscribeIntent', 'spm']) {
      expect(urlIdentity(`https://example.com/a?${name}=x&q=1`), name).toBe('https://example.com/a?q=1');
    }
  });

  it('treats escapes of unreserved characters and hex case as the characters themselves', () => {
    expect(urlIdentity('https://tw.news.yahoo.com/%E7%99%BD%E5%AE%AE-1.html')).toBe(urlIdentity('https://tw.news.yahoo.com/白宮-1.html'));
    expect(urlIdentity('https://tw.news.yahoo.com/%e7%99%bd-1.html')).toBe('https://tw.news.yahoo.com/%E7%99%BD-1.html');
    expect(urlIdentity('https://example.com/%7Euser/%61')).toBe('https://example.com/~user/a');
    expect(urlIdentity('https://example.com/a%2Fb')).toBe('https://example.com/a%2Fb');
  });
});

describe('urlIdentity: what may pick the page is kept', () => {
  it.each(['source=rss', 'src=home', 'ref=main', 'from=20', 'share=abc123', 'feature=x', 'output=print', 'ss=1', 'v=dQw4w9WgXcQ', 'id=7', 'p=123'])(
    'keeps ?%s',
    (param) => {
      expect(urlIdentity(`https://example.com/a?${param}`)).toBe(`https://example.com/a?${param}`);
    },
  );

  it('never drops a parameter that names the article, with any value', () => {
    const names = ['p', 'id', 'page_id', 'post', 'wr_id', 'bo_table', 'aid', 'article', 'articleid', 'newsid', 'docid', 'story', 'v', 'no', 'idx', 'nid', 'sid'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('amp', '1', '38683', ''), (name, value) => {
        expect(namesArticle(name)).toBe(true);
        expect(new URL(urlIdentity(`https://example.com/?${name}=${value}`)!).searchParams.get(name)).toBe(value);
      }),
    );
    expect(urlIdentity('https://www.stockstoday.com/?p=38683')).not.toBe(urlIdentity('https://www.stockstoday.com/?p=38684'));
  });

  it('sorts parameters by name and keeps the path case', () => {
    expect(urlIdentity('https://x.example/a?b=2&a=1')).toBe(urlIdentity('https://x.example/a?a=1&b=2'));
    expect(urlIdentity('https://x.example/Story')).not.toBe(urlIdentity('https://x.example/story'));
    expect(urlIdentity('https://example.com:8080/a')).toBe('https://example.com:8080/a');
  });

  it('keeps a host that is nothing but www or amp and a name', () => {
    expect(urlIdentity('https://www.com/a')).toBe('https://www.com/a');
    expect(urlIdentity('https://amp.dev/a')).toBe('https://amp.dev/a');
  });
});

describe('urlIdentity and pageKey on other input', () => {
  it('refuses what is not an http(s) URL; pageKey returns it trimmed', () => {
    for (const raw of ['not a url', 'javascript:alert(1)', 'ftp://example.com/x', '']) expect(urlIdentity(raw)).toBeNull();
    expect(pageKey(' not a url ')).toBe('not a url');
    expect(pageKey('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});

// Variants of a few base articles: AMP markers, tracking and generic parameters, case, slashes.
const variantUrl = fc
  .record({
    host: fc.constantFrom('example.com', 'www.example.com', 'amp.example.com', 'www2.amp.example.com', 'amp.www.example.com', 'x.cdn.ampproject.org'),
    segments: fc.array(fc.constantFrom('news', 'amp', 'AMP', 'a.amp.html', 'a.amp', 'amp.html', '%61mp', 'b', '', 'c%7e', '%2e'), { maxLength: 5 }),
    params: fc.array(fc.tuple(fc.constantFrom('amp', 'utm_source', 'gclsrc', 'source', 'p', 'output', 'a', 'B'), fc.constantFrom('', '1', 'amp', 'rss', 'x y', '%')), { maxLength: 4 }),
    slash: fc.boolean(),
    fragment: fc.boolean(),
  })
  .map(({ host, segments, params, slash, fragment }) => {
    const path = segments.join('/') + (slash ? '/' : '');
    const prefix = host.endsWith('ampproject.org') ? 'c/s/www.example.com/' : '';
    const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
    return `https://${host}/${prefix}${path}${query}${fragment ? '#f' : ''}`;
  });

describe('the identity of an identity is itself', () => {
  it('for any web URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = urlIdentity(url);
        // Storage keys and visits are stored under the same identity.
        expect(normaliseUrl(url)).toBe(url.length > 2048 ? null : once);
        if (once !== null) expect(urlIdentity(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('for AMP, tracking and generic-parameter variants', () => {
    fc.assert(
      fc.property(variantUrl, (url) => {
        const once = urlIdentity(url)!;
        expect(once).not.toBeNull();
        expect(urlIdentity(once)).toBe(once);
        expect(normaliseUrl(url)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
