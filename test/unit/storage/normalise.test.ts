import { describe, expect, it } from 'vitest';
import { itemKey, keyBase, quoteHash } from '../../../src/storage/key';
import { fold, normaliseTags, searchTerms, unionTags } from '../../../src/storage/text';
import { canonicalUrl, isSiteDisabled, normaliseHost, normaliseUrl, siteOf } from '../../../src/storage/url';

describe('normaliseUrl', () => {
  it.each([
    ['https://www.ettoday.net/news/20251115/3067837.htm', 'https://ettoday.net/news/20251115/3067837.htm'],
    ['http://ettoday.net/news/20251115/3067837.htm#top', 'https://ettoday.net/news/20251115/3067837.htm'],
    ['https://ETTODAY.net/news/20251115/3067837.htm?utm_source=x&utm_medium=y&fbclid=1', 'https://ettoday.net/news/20251115/3067837.htm'],
    ['https://www.stockstoday.com/?p=38683&gclid=abc', 'https://stockstoday.com/?p=38683'],
    ['https://example.com/a/?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://user:pw@example.com:443/x', 'https://example.com/x'],
    ['https://tw.news.yahoo.com/%e7%99%bd-035319472.html', 'https://tw.news.yahoo.com/%E7%99%BD-035319472.html'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'ftp://example.com/x', 'data:text/html,hi', 'not a url', '', `https://example.com/${'a'.repeat(2100)}`])(
    'refuses %s',
    (input) => {
      expect(normaliseUrl(input)).toBeNull();
    },
  );
});

describe('siteOf, canonicalUrl, normaliseHost, isSiteDisabled', () => {
  it('derives the site without www', () => {
    expect(siteOf('https://www.oe24.at/businesslive/x')).toBe('oe24.at');
    expect(siteOf('https://tw.news.yahoo.com/x')).toBe('tw.news.yahoo.com');
    expect(siteOf('mailto:a@b.c')).toBe('');
  });

  it('stores URLs escaped, so they cannot break out of a Markdown autolink, and without credentials', () => {
    expect(canonicalUrl('https://me:secret@example.com/a b<c>"d"')).toBe('https://example.com/a%20b%3Cc%3E%22d%22');
  });

  it('reads hostnames however they are typed', () => {
    expect(normaliseHost('WWW.Example.com')).toBe('example.com');
    expect(normaliseHost('https://news.example.com/path?q')).toBe('news.example.com');
    expect(normaliseHost('exa mple')).toBeNull();
    expect(normaliseHost('')).toBeNull();
  });

  it('treats a disabled site as covering its subdomains but not look-alikes', () => {
    expect(isSiteDisabled(['yahoo.com'], 'https://tw.news.yahoo.com/a')).toBe(true);
    expect(isSiteDisabled(['yahoo.com'], 'https://www.yahoo.com/a')).toBe(true);
    expect(isSiteDisabled(['yahoo.com'], 'https://notyahoo.com/a')).toBe(false);
    expect(isSiteDisabled([], 'https://yahoo.com/a')).toBe(false);
  });
});

describe('fold and search terms', () => {
  it('ignores case and accents', () => {
    expect(fold('Österreichische Quelle')).toBe('osterreichische quelle');
    expect(fold('Hürriyet DÉNI Straße Łódź Æsir')).toBe('hurriyet deni strasse lodz aesir');
  });

  it('maps full-width Latin to ASCII but leaves CJK as written', () => {
    expect(fold('ＦＴ報道')).toBe('ft報道');
    expect(fold('阿里巴巴否認指控')).toBe('阿里巴巴否認指控');
  });

  it('keeps Japanese voiced kana distinct and Hangul syllables whole', () => {
    expect(fold('が')).toBe('が');
    expect(fold('하나').includes(fold('한'))).toBe(false);
    expect(fold('알리바바가 중국군').includes(fold('중국군'))).toBe(true);
  });

  it('splits the query into words, all of which must match', () => {
    expect(searchTerms('  Alibaba   DÉNI ')).toEqual(['alibaba', 'deni']);
    expect(searchTerms('')).toEqual([]);
  });
});

describe('tags', () => {
  it('trims, collapses spaces, drops empties and keeps one spelling per folded tag', () => {
    expect(normaliseTags([' China ', 'china', 'Chiná', '', '  ', 'two   words', '中文'])).toEqual(['China', 'two words', '中文']);
  });

  it('unions with a cap, reporting what was cut', () => {
    expect(unionTags(['a', 'b'], ['B', 'c'], 3)).toEqual({ tags: ['a', 'b', 'c'], truncated: false });
    expect(unionTags(['a', 'b'], ['c', 'd'], 3)).toEqual({ tags: ['a', 'b', 'c'], truncated: true });
  });
});

describe('itemKey', () => {
  const base = { kind: 'article' as const, url: 'https://www.ettoday.net/news/20251115/3067837.htm', ref: '', quote: '' };

  it('is the same for the same article reached through different links', () => {
    expect(itemKey(base)).toBe(itemKey({ ...base, url: 'http://ettoday.net/news/20251115/3067837.htm?utm_source=x#c' }));
  });

  it('tells apart kind, page, pack item and quoted passage', () => {
    const keys = [
      itemKey(base),
      itemKey({ ...base, kind: 'source' }),
      itemKey({ ...base, url: 'https://www.ettoday.net/news/20251115/3067838.htm' }),
      itemKey({ ...base, kind: 'claim', ref: 'claim-1' }),
      itemKey({ ...base, kind: 'claim', ref: 'claim-2' }),
      itemKey({ ...base, kind: 'quote', quote: 'The assertions and innuendos in the article are completely false.' }),
      itemKey({ ...base, kind: 'quote', quote: 'This malicious PR operation' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('ignores whitespace differences in a quote', () => {
    expect(quoteHash('completely  false.\n')).toBe(quoteHash('completely false.'));
    expect(quoteHash('')).toBe('');
  });

  it('cannot be confused by separators inside the parts', () => {
    const a = itemKey({ ...base, kind: 'claim', url: 'https://example.com/x|y', ref: '' });
    const b = itemKey({ ...base, kind: 'claim', url: 'https://example.com/x', ref: 'y|' });
    expect(a).not.toBe(b);
    expect(keyBase(itemKey({ ...base, ref: 'a#b' }))).toBe(itemKey({ ...base, ref: 'a#b' }));
  });
});
