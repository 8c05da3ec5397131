import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../../src/packs/bundled';
import type { CoverageItem, StoryPack } from '../../../../src/packs/schema';
import { dirForLanguage, langAttribute, languageName } from '../../../../src/ui/sidebar/language';
import {
  coverageByEvent,
  coverageCounts,
  denyingParty,
  flagView,
  isOpened,
  knownCoverage,
  openedUrlSet,
  pageCautions,
  respondents,
  statementsById,
} from '../../../../src/ui/sidebar/pack-views';
import { articleInput, claimInput, indexSaved, quoteInput, savedFor, sourceInput } from '../../../../src/ui/sidebar/save-inputs';
import type { SavedItemView } from '../../../../src/ui/sidebar/api';
import { tabContext } from './fake-api';

const pack = bundledPacks.find((p) => p.id === 'alibaba-pla-memo') as StoryPack;

function coverage(id: string, mentions: Partial<CoverageItem['mentions']>, extra: Partial<CoverageItem> = {}): CoverageItem {
  return {
    id,
    url: `https://example.com/${id}`,
    publisher: id,
    wireOrigin: null,
    title: null,
    date: null,
    lang: 'en',
    event: 'memo-report',
    mentions: { denial: 'no', embassy: 'no', ftCaveat: 'no', ...mentions },
    summary: 's',
    ...extra,
  };
}

function saved(kind: SavedItemView['kind'], ref: string, url: string): SavedItemView {
  return { id: `${kind}-${ref}`, kind, url, title: 't', publisher: '', quote: '', note: '', tags: [], storyId: pack.id, ref, createdAt: 1, updatedAt: 1 };
}

describe('coverageCounts', () => {
  it('counts only plain "yes" and leaves items where the question does not apply out of the total', () => {
    const items = [
      coverage('a', { denial: 'yes', ftCaveat: 'yes' }),
      coverage('b', { denial: 'yes', ftCaveat: 'other: partly' }),
      coverage('c', { denial: 'not-in-excerpt', ftCaveat: 'no' }),
      coverage('d', { denial: 'n/a', embassy: 'n/a', ftCaveat: 'n/a' }),
    ];
    expect(coverageCounts(items, ['denial', 'embassy', 'ftCaveat'])).toEqual({
      denial: { yes: 2, of: 3 },
      embassy: { yes: 0, of: 3 },
      ftCaveat: { yes: 1, of: 3 },
    });
    // A kind an item has no flag for is not counted for it: unknown is not "not mentioned".
    expect(coverageCounts(items, ['unlisted'])).toEqual({ unlisted: { yes: 0, of: 0 } });
  });

  it('agrees with a direct tally over the bundled pack', () => {
    const applicable = pack.coverage.filter((c) => c.mentions.denial !== 'n/a');
    const counts = coverageCounts(pack.coverage, ['denial']);
    expect(counts.denial!.of).toBe(applicable.length);
    expect(counts.denial!.yes).toBe(applicable.filter((c) => c.mentions.denial === 'yes').length);
    expect(counts.denial!.of).toBeLessThan(pack.coverage.length);
  });
});

describe('flagView', () => {
  it('keeps the free text of an "other" flag as written', () => {
    expect(flagView("other: garbled ('officials ... unable to verify')")).toEqual({ kind: 'other', text: "garbled ('officials ... unable to verify')" });
    expect(flagView('not-in-excerpt')).toEqual({ kind: 'not-in-excerpt' });
  });
});

describe('coverageByEvent', () => {
  it("groups every coverage item under its event, in the pack's event order", () => {
    const groups = coverageByEvent(pack);
    expect(groups.map((g) => g.event.id)).toEqual(pack.events.filter((e) => pack.coverage.some((c) => c.event === e.id)).map((e) => e.id));
    expect(groups.flatMap((g) => g.items).length).toBe(pack.coverage.length);
    for (const g of groups) expect(g.items.every((i) => i.event === g.event.id)).toBe(true);
  });
});

describe('opened sources', () => {
  it('matches a visit to a coverage URL however either side is written', () => {
    const opened = openedUrlSet([{ url: 'http://www.firstpost.com/world/x.html?utm_source=tw', storyId: pack.id, firstAt: 1, lastAt: 1, count: 1 }]);
    expect(isOpened(opened, 'https://firstpost.com/world/x.html/')).toBe(true);
    expect(isOpened(opened, 'https://firstpost.com/world/y.html')).toBe(false);
  });
});

describe('pageCautions', () => {
  it("finds the pack's caution for a page on a listed domain (and its subdomains)", () => {
    const ctx = tabContext({ url: 'https://m.globalspark.news/alibaba-story' });
    const found = pageCautions(ctx, pack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'globalspark-misdated', kind: 'low-quality' });
  });

  it("shows detection's caution once even when the URL also matches it, and keeps one the URL cannot find", () => {
    const lookalike = pack.cautions.find((c) => c.id === 'cnnbc-lookalike')!;
    const same = tabContext({ url: 'https://cnnbc.com/some-page' }, { caution: lookalike.text });
    expect(pageCautions(same, pack)).toEqual([{ id: lookalike.id, kind: lookalike.kind, text: lookalike.text }]);

    const bySiteName = pack.cautions.find((c) => c.id === 'chinacrunch-paraphrase')!;
    const named = tabContext({ url: 'https://unknown.example/story' }, { caution: bySiteName.text });
    expect(pageCautions(named, pack)).toEqual([{ id: bySiteName.id, kind: 'paraphrase', text: bySiteName.text }]);
  });

  it('finds nothing for an ordinary page', () => {
    expect(pageCautions(tabContext({ url: 'https://www.reuters.com/world/x' }), pack)).toEqual([]);
  });
});

describe('knownCoverage', () => {
  it("uses detection's id, and falls back to the page's URL", () => {
    expect(knownCoverage(tabContext({}, { knownCoverageId: 'zerohedge' }), pack)?.publisher).toBe('ZeroHedge');
    const firstpost = pack.coverage.find((c) => c.id === 'firstpost')!;
    const withoutQuery = firstpost.url.replace(/\?.*$/, '');
    expect(knownCoverage(tabContext({ url: withoutQuery }), pack)?.id).toBe('firstpost');
    expect(knownCoverage(tabContext({ url: 'https://example.com/other' }), pack)).toBeNull();
  });
});

describe('responses', () => {
  it('lists each speaker who answered a claim once', () => {
    const claim = pack.claims[0]!;
    const names = respondents(claim, statementsById(pack));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Alibaba Group (spokesperson)');
  });

  it('names the party whose denial the coverage flags describe', () => {
    expect(denyingParty(pack)).toBe('Alibaba Group');
  });
});

describe('save inputs', () => {
  it('saves a claim with its source URL and id, not the page being read', () => {
    const claim = pack.claims[0]!;
    const input = claimInput(claim, pack);
    expect(input).toMatchObject({ kind: 'claim', url: claim.source.url, ref: claim.id, title: claim.text, storyId: pack.id });
  });

  it("falls back to the first report's URL for a claim whose source has none", () => {
    const claim = { ...pack.claims[0]!, source: { url: null, note: 'a wire desk' } };
    expect(claimInput(claim, pack).url).toBe(pack.firstReport.url);
  });

  it('saves a quote with every verbatim passage and its source', () => {
    const st = statementsById(pack).get('alibaba-to-reuters')!;
    const input = quoteInput(st, pack);
    expect(input.quote).toBe(`${st.quote}\n\n${st.quoteContinued}`);
    expect(input).toMatchObject({ kind: 'quote', url: st.sourceUrl, ref: st.id, title: st.speaker });
  });

  it('saves a coverage source by its id, titled by its headline or publisher', () => {
    const untitled = pack.coverage.find((c) => c.title === null)!;
    expect(sourceInput(untitled, pack)).toMatchObject({ kind: 'source', url: untitled.url, ref: untitled.id, title: untitled.publisher });
  });

  it("saves the article with the page's URL and title, and refuses a page that is not http(s)", () => {
    const ctx = tabContext({ url: 'https://news.example.org/a' }, { title: '  A headline ' });
    expect(articleInput(ctx, pack, null)).toMatchObject({ kind: 'article', url: 'https://news.example.org/a', title: 'A headline', publisher: 'news.example.org' });
    expect(articleInput(tabContext({ url: 'file:///tmp/a.html' }), pack, null)).toBeNull();
  });

  it('clips a title to what the background accepts', () => {
    const ctx = tabContext({ url: 'https://news.example.org/a' }, { title: 'x'.repeat(1500) });
    expect(articleInput(ctx, pack, null)!.title.length).toBe(1000);
  });
});

describe('saved items index', () => {
  it('finds pack items by kind and id, and the article by normalised URL', () => {
    const index = indexSaved([
      saved('claim', 'tech-support', 'https://www.ft.com/content/x'),
      saved('article', '', 'https://www.news.example.org/a/?utm_source=feed'),
    ]);
    expect(savedFor(index, claimInput(pack.claims[0]!, pack))?.id).toBe('claim-tech-support');
    expect(savedFor(index, claimInput(pack.claims[1]!, pack))).toBeUndefined();
    const article = articleInput(tabContext({ url: 'https://news.example.org/a' }), pack, null)!;
    expect(savedFor(index, article)?.id).toBe('article-');
    const quote = quoteInput(statementsById(pack).get('alibaba-to-ft')!, pack);
    expect(savedFor(index, quote)).toBeUndefined();
  });
});

describe('language helpers', () => {
  it('lays out right-to-left languages right to left', () => {
    expect(dirForLanguage('ar')).toBe('rtl');
    expect(dirForLanguage('he-IL')).toBe('rtl');
    expect(dirForLanguage('zh-CN')).toBe('ltr');
    expect(dirForLanguage('ru')).toBe('ltr');
  });

  it('gives a lang attribute only for a valid single tag', () => {
    expect(langAttribute('zh-Hant')).toBe('zh-Hant');
    expect(langAttribute('ja/en')).toBeUndefined();
    expect(langAttribute('not a tag')).toBeUndefined();
  });

  it('names languages in the UI language, falling back to the tag', () => {
    expect(languageName('ru', 'en-US')).toBe('Russian');
    expect(languageName('ru', 'ru')).toBe('русский');
    expect(languageName('ja/en', 'en')).toBe('Japanese / English');
    expect(languageName('qqq-invalid tag', 'en')).toBe('qqq-invalid tag');
  });
});
