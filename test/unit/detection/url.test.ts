import { describe, expect, it } from 'vitest';
import { packById } from '../../../src/packs/bundled';
import { findCaution, findKnownCoverage } from '../../../src/detection/url';

const pack = packById('alibaba-pla-memo')!;
describe('findKnownCoverage', () => {
  it('finds listed coverage under URL variants', () => {
    expect(findKnownCoverage(`http://hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769/?utm_campaign=x`, pack)?.id).toBe('hurriyetdailynews');
    // The pack's copy carries ?subscribeIntent=true; the reader's URL may not.
    expect(findKnownCoverage('https://www.firstpost.com/world/alibaba-enabled-chinese-military-cyber-activity-provided-data-access-us-memo-alleges-reports-13950848.html', pack)?.id).toBe('firstpost');
    // The pack lists the :443 variant as it was seen.
    expect(findKnownCoverage('https://trtworld.com/article/0040c6278aa7', pack)?.id).toBe('trtworld');
    // The pack lists the AMP page; the reader may be on the regular one.
    expect(findKnownCoverage('https://www.881903.com/news/international/2605621', pack)?.id).toBe('881903');
    expect(findKnownCoverage('https://www-881903-com.cdn.ampproject.org/c/s/www.881903.com/news/amp/international/2605621', pack)?.id).toBe('881903');
  });

  it('falls back to host and path when the page adds a parameter that does not name the article', () => {
    expect(findKnownCoverage('https://www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769?source=rss', pack)?.id).toBe('hurriyetdailynews');
    expect(findKnownCoverage('https://trends.glance.com/story/articles/Auto/US/en/rapid-read/s-c06640630b-94ba2326-e0c2-5659-b05b-6f17d91a5d93', pack)?.id).toBe('trends-glance');
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
