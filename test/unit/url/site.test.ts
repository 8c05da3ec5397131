import { describe, expect, it } from 'vitest';
import { disabledEntryFor, hostnameOf, isSiteDisabled, siteOfHost, siteOfUrl } from '../../../src/url/site';

describe('the site a host or URL belongs to', () => {
  it('drops case, a final dot and a leading www., but never the whole name', () => {
    expect(siteOfHost('WWW.FT.com.')).toBe('ft.com');
    expect(siteOfHost(' news.example.org ')).toBe('news.example.org');
    expect(siteOfHost('www')).toBe('www');
  });

  it('reads http(s) URLs only', () => {
    expect(siteOfUrl('https://www.FT.com/content/x')).toBe('ft.com');
    expect(siteOfUrl('chrome://extensions')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
    expect(hostnameOf('https://www.example.com/a')).toBe('www.example.com');
    expect(hostnameOf('javascript:alert(1)')).toBeNull();
  });
});

describe('whether a site is turned off', () => {
  it('finds the entry, as stored, that covers a site or one of its parents', () => {
    expect(disabledEntryFor(['reuters.com', 'ft.com'], 'markets.ft.com')).toBe('ft.com');
    expect(disabledEntryFor(['example.com'], 'www.example.com')).toBe('example.com');
    expect(disabledEntryFor(['ft.com'], 'notft.com')).toBeNull();
    expect(disabledEntryFor([], 'example.com')).toBeNull();
    expect(disabledEntryFor(['example.com'], '')).toBeNull();
  });

  it('reads entries the way they are typed, so an old or hand-written list still matches', () => {
    expect(disabledEntryFor(['WWW.Example.com.'], 'news.example.com')).toBe('WWW.Example.com.');
    expect(disabledEntryFor(['', 42, null, 'example.com'], 'example.com')).toBe('example.com');
  });

  it('answers for a page URL, and never turns off a page that is not http(s)', () => {
    expect(isSiteDisabled(['yahoo.com'], 'https://tw.news.yahoo.com/a')).toBe(true);
    expect(isSiteDisabled(['yahoo.com'], 'https://www.yahoo.com/a')).toBe(true);
    expect(isSiteDisabled(['yahoo.com'], 'https://notyahoo.com/a')).toBe(false);
    expect(isSiteDisabled(['yahoo.com'], 'file:///yahoo.com/a')).toBe(false);
    expect(isSiteDisabled([], 'https://yahoo.com/a')).toBe(false);
  });
});
