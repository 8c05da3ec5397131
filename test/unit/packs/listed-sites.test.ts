import { describe, expect, it } from 'vitest';
import { listedSites, matchPatternFor, minimalSites, siteOf, sitesNamedBy } from '../../../src/packs/listed-sites';

describe('listed sites', () => {
  it('takes sites from coverage, first report, timeline sources and cautions', () => {
    const sites = sitesNamedBy({
      firstReport: { url: 'https://www.first.example/a' },
      coverage: [{ url: 'https://news.cover.example/b' }],
      timeline: [{ sources: ['https://timeline.example/c'] }],
      cautions: [{ domains: ['lookalike.example'], urls: ['https://misdated.example/d'] }],
    });
    expect(sites.sort()).toEqual(['first.example', 'lookalike.example', 'misdated.example', 'news.cover.example', 'timeline.example']);
  });

  it('drops subdomains of a listed site and duplicates', () => {
    expect(minimalSites(['tw.news.yahoo.com', 'yahoo.com', 'yahoo.com', 'b.example'])).toEqual(['b.example', 'yahoo.com']);
  });

  it('ignores what is not a web host', () => {
    expect(sitesNamedBy({ coverage: [{ url: 'ftp://x.example/' }, { url: 'not a url' }, { url: 'https://127.0.0.1/' }] })).toEqual([]);
    expect(siteOf('WWW.Example.COM.')).toBe('example.com');
  });

  it('adds the curated outlets', () => {
    expect(listedSites([], ['ft.com'])).toEqual(['ft.com']);
    expect(listedSites([{ coverage: [{ url: 'https://www.ft.com/x' }] }], ['ft.com', 'bbc.com'])).toEqual(['bbc.com', 'ft.com']);
  });

  it('matches a site and its subdomains over http and https', () => {
    expect(matchPatternFor('example.com')).toBe('*://*.example.com/*');
  });
});
