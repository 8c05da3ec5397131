import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { prefilterIndex } from '../../../src/packs/prefilter-index';
import { detectStory } from '../../../src/detection/detect';
import { extractPage } from '../../../src/detection/extract';
import { prefilter, readPrefilterInput } from '../../../src/detection/prefilter';
import { FIXTURES, buildPage, htmlFiles, loadPage, parse } from './helpers';

const URL = 'https://news.example/a';

describe('extractPage', () => {
  it('keeps the article and drops navigation, Trending, comments and footer', () => {
    const page = extractPage(
      parse(
        buildPage({
          title: 'Harbour reopens after storm',
          paragraphs: ['The harbour reopened on Monday after three days of closure, the port authority said in a statement.'],
          trending: ['Markets rally on rate hopes'],
          comments: ['First!'],
        }),
      ),
    );
    expect(page.title).toBe('Harbour reopens after storm');
    expect(page.mainText).toContain('The harbour reopened on Monday');
    for (const junk of ['Markets rally', 'First!', 'All rights reserved', 'World', 'Trending']) expect(page.mainText).not.toContain(junk);
    expect(page.siteName).toBe('Example News');
    expect(page.declaredLang).toBe('en');
  });

  it('prefers the JSON-LD article body', () => {
    const body = 'The harbour reopened on Monday after three days of closure. '.repeat(5);
    const doc = parse(
      `<html><head><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': ['NewsArticle'], headline: 'Harbour reopens', articleBody: body, inLanguage: 'en-GB' }] })}</script></head><body><div class="teaser"><p>${'Unrelated teaser text that is long enough to count. '.repeat(10)}</p></div></body></html>`,
    );
    const page = extractPage(doc);
    expect(page.method).toBe('json-ld');
    expect(page.title).toBe('Harbour reopens');
    expect(page.mainText).toBe(body.trim());
    expect(page.declaredLang).toBe('en-GB');
  });

  it('finds the article in a bare div layout without metadata', () => {
    const page = extractPage(parse(buildPage({ title: 'Harbour reopens', paragraphs: ['The harbour reopened on Monday after three days of closure, the port authority said.'], layout: 'bare' })));
    expect(page.title).toBe('Harbour reopens');
    expect(page.mainText).toContain('The harbour reopened');
    expect(page.mainText).not.toContain('Central bank');
  });

  it('does not change the document it reads', () => {
    for (const file of htmlFiles(join(FIXTURES, 'corpus/pages')).slice(0, 6)) {
      const doc = loadPage(file);
      const before = doc.documentElement.outerHTML;
      detectStory(doc, URL, bundledPacks);
      prefilter(readPrefilterInput(doc, URL), prefilterIndex);
      expect(doc.documentElement.outerHTML).toBe(before);
    }
  });
});

describe('odd documents never make detection throw', () => {
  const cases: [string, () => Document][] = [
    ['an XML document without a body', () => new DOMParser().parseFromString('<rss><channel><item>Alibaba memo PLA</item></channel></rss>', 'text/xml') as unknown as Document],
    ['a frameset', () => parse('<html><head><title>Frames</title></head><frameset><frame src="a.html"><frame src="b.html"></frameset></html>')],
    ['an empty document', () => parse('')],
    ['text only', () => parse('Alibaba')],
    ['broken JSON-LD', () => parse('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": </script></head><body><p>x</p></body></html>')],
  ];

  it.each(cases)('%s', (_name, make) => {
    const doc = make();
    const result = detectStory(doc, URL, bundledPacks);
    expect(result.storyId).toBeNull();
    expect(() => prefilter(readPrefilterInput(doc, URL), prefilterIndex)).not.toThrow();
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('a page of 100,000 elements, without quadratic blow-up', { timeout: 60000 }, () => {
    const spans = '<span>word </span>'.repeat(100_000);
    const doc = parse(`<html><body><div>${spans}</div><p>${'Alibaba '.repeat(20)}</p></body></html>`);
    // A walk that revisited nodes would take minutes and hit the test's timeout; how long it
    // really takes: npm run bench:budgets.
    const result = detectStory(doc, URL, bundledPacks);
    expect(result.storyId).toBeNull();
  });

  it('a document nested 20,000 levels deep', () => {
    const depth = 20_000;
    const doc = parse(`<html><body>${'<div>'.repeat(depth)}<p>Alibaba memo</p>${'</div>'.repeat(depth)}</body></html>`);
    const result = detectStory(doc, URL, bundledPacks);
    expect(result.storyId).toBeNull();
  });

  it('no packs', () => {
    expect(detectStory(parse('<p>x</p>'), URL, []).storyId).toBeNull();
  });

  it('returns plain JSON', () => {
    const doc = loadPage(join(FIXTURES, 'corpus/pages/pos/p01_hurriyetdailynews_afp.html'));
    const result = detectStory(doc, URL, bundledPacks);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.storyId).toBe('alibaba-pla-memo');
  });
});
