// The first screen's view model and the coverage filters: pure functions over pack data, tried
// on the bundled pack and on variations of it that a next story could bring.
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../../src/packs/bundled';
import type { StoryPack } from '../../../../src/packs/schema';
import { ALL_COVERAGE, filteredCoverage, filterOptions, NO_WIRE, sortableDate } from '../../../../src/ui/sidebar/coverage-view';
import { barSegments, coverageGlance, pageMentions, sharedClaimFacts, shortQuote, statusLines, topResponse } from '../../../../src/ui/sidebar/glance';

const pack = bundledPacks.find((p) => p.id === 'alibaba-pla-memo') as StoryPack;

const nvidia = bundledPacks.find((p) => p.id === 'nvidia-h20-backdoor');

describe('status lines', () => {
  it('says what could not be verified, then each status in the pack\'s words, a denial with who denies', () => {
    const lines = statusLines(pack);
    expect(lines[0]).toEqual({ kind: 'not-verified', text: pack.verification[0]!.text });
    expect(lines[1]).toMatchObject({ kind: 'status', id: 'denied', tone: 'denied', claims: pack.claims.length, of: pack.claims.length, by: ['Alibaba Group', "Embassy of the People's Republic of China in Washington"], detail: null });
    expect(lines).toHaveLength(2);
  });

  it('counts claims of each status, and names as deniers only parties whose answer is a denial', () => {
    const varied: StoryPack = {
      ...pack,
      claims: [
        { ...pack.claims[0]!, status: 'alleged', responses: [] },
        { ...pack.claims[1]!, status: 'denied', responses: ['embassy-on-x', 'alibaba-to-ft'] },
      ],
    };
    const lines = statusLines(varied);
    expect(lines.map((l) => (l.kind === 'status' ? l.id : l.kind))).toEqual(['not-verified', 'alleged', 'denied']);
    expect(lines[2]).toMatchObject({ claims: 1, of: 2, by: ['Alibaba Group'] });
  });

  it('puts what could not be verified on an "unverified" status, and does not repeat a name the label says', () => {
    const varied: StoryPack = {
      ...pack,
      claimStatuses: [...pack.claimStatuses, { id: 'denied-by-alibaba', label: 'Denied by Alibaba Group', tone: 'denied' }],
      claims: [
        { ...pack.claims[0]!, status: 'unverified' },
        { ...pack.claims[1]!, status: 'denied-by-alibaba', responses: ['alibaba-to-ft'] },
      ],
    };
    const lines = statusLines(varied);
    expect(lines.some((l) => l.kind === 'not-verified')).toBe(false);
    expect(lines.find((l) => l.kind === 'status' && l.tone === 'unverified')).toMatchObject({ detail: pack.verification[0]!.text });
    expect(lines.find((l) => l.kind === 'status' && l.id === 'denied-by-alibaba')).toMatchObject({ by: [] });
  });

  it('reads a second story from its data alone', () => {
    expect(nvidia).toBeDefined();
    const lines = statusLines(nvidia!);
    expect(lines.every((l) => l.kind === 'status')).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect(topResponse(nvidia!)?.statement.kind).toBe('denial');
  });
});

describe('the response to quote', () => {
  it('is the denial that answers the most claims, quoted by its first sentence', () => {
    const top = topResponse(pack)!;
    expect(top.statement.id).toBe('alibaba-to-reuters');
    expect(top.short).toBe('The assertions and innuendos in the article are completely false.');
  });

  it('clips a long first sentence at a word', () => {
    const long = `${'word '.repeat(60)}end.`;
    const short = shortQuote(long, 40);
    expect(short.length).toBeLessThanOrEqual(41);
    expect(short.endsWith('word…')).toBe(true);
    expect(shortQuote('中方对此坚决反对。这是第二句。')).toBe('中方对此坚决反对。');
  });
});

describe('shared claim facts', () => {
  it('finds the claimant, the responders and the source every claim shares', () => {
    const shared = sharedClaimFacts(pack);
    expect(shared.allegedBy).toBe(pack.claims[0]!.allegedBy);
    expect(shared.source).toEqual({ url: pack.firstReport.url, note: pack.claims[0]!.source.note });
    expect(shared.responders).toEqual(['Alibaba Group', "Embassy of the People's Republic of China in Washington"]);
  });

  it('shares nothing that differs between claims', () => {
    const varied: StoryPack = { ...pack, claims: [pack.claims[0]!, { ...pack.claims[1]!, allegedBy: 'Someone else', responses: [], source: { url: null, note: 'n' } }] };
    expect(sharedClaimFacts(varied)).toEqual({ allegedBy: null, source: null, responders: null });
  });
});

describe('coverage at a glance', () => {
  it('counts articles by language, the largest first, the rest together', () => {
    const glance = coverageGlance(pack);
    expect(glance.total).toBe(pack.coverage.length);
    expect(glance.languages[0]).toEqual({ lang: 'en', count: pack.coverage.filter((c) => c.lang === 'en').length });
    expect(glance.languages.at(-1)!.lang).toBeNull();
    expect(glance.languages.reduce((n, l) => n + l.count, 0)).toBe(pack.coverage.length);
    expect(glance.mentions.map((m) => m.kind.id)).toEqual(pack.detection.mentionKinds.map((k) => k.id));
    const denial = glance.mentions[0]!;
    expect(denial.yes).toBe(pack.coverage.filter((c) => c.mentions[denial.kind.id] === 'yes').length);
    expect(denial.of).toBe(pack.coverage.filter((c) => c.mentions[denial.kind.id] !== 'n/a').length);
  });

  it('lays bar segments out from the inline start, mirrored for right to left', () => {
    expect(barSegments([3, 1], 100, false)).toEqual([{ x: 0, width: 75 }, { x: 75, width: 25 }]);
    expect(barSegments([3, 1], 100, true)).toEqual([{ x: 25, width: 75 }, { x: 0, width: 25 }]);
    expect(barSegments([0, 0], 100, false).every((s) => s.width === 0)).toBe(true);
  });

  it('splits what the page mentions from what it leaves out', () => {
    const [a, b, c] = pack.detection.mentionKinds;
    expect(pageMentions({ [a!.id]: true, [b!.id]: false }, [a!, b!, c!])).toEqual({ found: [a], missing: [b, c] });
  });
});

describe('coverage filters', () => {
  it('offers the languages and wires present, most first, and "no wire" last', () => {
    const options = filterOptions(pack.coverage);
    expect(options.langs[0]).toBe('en');
    expect(options.wires.at(-1)).toBe(NO_WIRE);
  });

  it('filters by language, wire and event, and keeps the pack order unless sorted', () => {
    expect(filteredCoverage(pack.coverage, ALL_COVERAGE)).toEqual(pack.coverage);
    const ja = filteredCoverage(pack.coverage, { ...ALL_COVERAGE, lang: 'ja' });
    expect(ja.map((c) => c.id)).toEqual(pack.coverage.filter((c) => c.lang.split('/')[0] === 'ja').map((c) => c.id));
    const own = filteredCoverage(pack.coverage, { ...ALL_COVERAGE, wire: NO_WIRE, event: 'followup' });
    expect(own.every((c) => c.wireOrigin === null && c.event === 'followup')).toBe(true);
  });

  it('sorts by the date as given, undated last, ties in pack order', () => {
    expect(sortableDate('c. 2025-11-15/16')).toBe('2025-11-15');
    expect(sortableDate('c. 2026-02')).toBe('2026-02');
    expect(sortableDate(null)).toBeNull();
    const oldest = filteredCoverage(pack.coverage, { ...ALL_COVERAGE, sort: 'oldest' });
    const dates = oldest.map((c) => sortableDate(c.date));
    const dated = dates.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
  });
});
