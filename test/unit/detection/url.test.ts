import { describe, expect, it } from 'vitest';
import { packById } from '../../../src/packs/bundled';
import { findCaution, findKnownCoverage, normalizeUrl } from '../../../src/detection/url';

const pack = packById('alibaba-pla-memo')!;
const HURRIYET = 'https://www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769';

describe('normalizeUrl', () => {
  it.each([
    ['http://hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'scheme and www'],
    [`${HURRIYET}/`, 'trailing slash'],
    [`${HURRIYET}#comments`, 'fragment'],
    [`${HURRIYET}?utm_source=twitter&utm_medium=social&fbclid=abc&gclid=def`, 'tracking parameters'],
    ['https://www.hurriyetdailynews.com:443/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'default https port'],
    ['http://www.hurriyetdailynews.com:80/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'default http port'],
    ['https://www.hurriyetdailynews.com/amp/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'AMP path'],
    [`${HURRIYET}?amp=1`, 'AMP parameter'],
    ['https://www-hurriyetdailynews-com.cdn.ampproject.org/c/s/www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'AMP cache'],
    ['HTTPS://WWW.HURRIYETDAILYNEWS.COM/alibaba-denies-report-it-helps-chinas-military-target-us-215769', 'host case'],
  ])('ignores %s (%s)', (variant) => {
    expect(normalizeUrl(variant)).toBe(normalizeUrl(HURRIYET));
  });

  it('keeps what names the article: path case, post ids, other parameters (sorted)', () => {
    expect(normalizeUrl('https://www.stockstoday.com/?p=38683')).not.toBe(normalizeUrl('https://www.stockstoday.com/?p=38684'));
    expect(normalizeUrl('https://x.example/a?b=2&a=1')).toBe(normalizeUrl('https://x.example/a?a=1&b=2'));
    expect(normalizeUrl('https://x.example/Story')).not.toBe(normalizeUrl('https://x.example/story'));
  });

  it('treats percent-encoded and raw Unicode paths alike', () => {
    expect(normalizeUrl('https://tw.news.yahoo.com/%E7%99%BD%E5%AE%AE-1.html')).toBe(normalizeUrl('https://tw.news.yahoo.com/白宮-1.html'));
  });

  it('returns non-web input unchanged instead of throwing', () => {
    expect(normalizeUrl('not a url')).toBe('not a url');
    expect(normalizeUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});

describe('findKnownCoverage', () => {
  it('finds listed coverage under URL variants', () => {
    expect(findKnownCoverage(`http://hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769/?utm_campaign=x`, pack)?.id).toBe('hurriyetdailynews');
    // The pack's copy carries ?subscribeIntent=true; the reader's URL may not.
    expect(findKnownCoverage('https://www.firstpost.com/world/alibaba-enabled-chinese-military-cyber-activity-provided-data-access-us-memo-alleges-reports-13950848.html', pack)?.id).toBe('firstpost');
    // The pack lists the :443 variant as it was seen.
    expect(findKnownCoverage('https://trtworld.com/article/0040c6278aa7', pack)?.id).toBe('trtworld');
    // The pack lists the AMP page; the reader may be on the regular one.
    expect(findKnownCoverage('https://www.881903.com/news/international/2605621', pack)?.id).toBe('881903');
  });

  it('does not confuse posts that differ only by their id parameter', () => {
    expect(findKnownCoverage('https://www.stockstoday.com/?p=38683', pack)?.id).toBe('stockstoday');
    expect(findKnownCoverage('https://www.stockstoday.com/?p=1', pack)).toBeNull();
    expect(findKnownCoverage('https://www.stockstoday.com/', pack)).toBeNull();
  });
});

describe('findCaution', () => {
  it('warns on the look-alike domain and the misattributing page, not on the real outlet', () => {
    expect(findCaution('https://cnnbc.com/some-other-story', '', pack)?.id).toBe('cnnbc-lookalike');
    expect(findCaution('https://lachronicle.news/a/u-s-dod-memo-alleges-alibaba-s-covert-ties-to-pla?utm_source=x', '', pack)?.id).toBe('lachronicle-dod-memo');
    expect(findCaution('https://www.cnbc.com/2025/11/17/alibaba.html', '', pack)).toBeNull();
    expect(findCaution('https://notcnnbc.com/x', '', pack)).toBeNull();
  });

  it('matches a site by the name it declares when its domain is unknown', () => {
    expect(findCaution('https://unknown.example/x', 'ChinaCrunch', pack)?.id).toBe('chinacrunch-paraphrase');
  });
});
