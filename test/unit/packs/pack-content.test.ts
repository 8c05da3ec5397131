import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPacks, packById } from '../../../src/packs/bundled';
import rawPack from '../../../src/packs/data/alibaba-pla-memo.json';
import { T2S } from '../../../src/detection/cjk';
import { fold } from '../../../src/detection/fold';

// The pack may only say what the project's source material says: every URL and quote in it
// must be found, character for character, in the frozen copy of that material.
const DATA_DIR = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const coverageText = readFileSync(`${DATA_DIR}coverage.jsonl`, 'utf8');
const factsText = readFileSync(`${DATA_DIR}story-facts.json`, 'utf8');
const facts = JSON.parse(factsText);
const coverageLines: Record<string, string | null>[] = coverageText
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
/** Strings exactly as the data files hold them once JSON-decoded. */
const dataStrings = new Set<string>();
const collect = (value: unknown): void => {
  if (typeof value === 'string') dataStrings.add(value);
  else if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(facts);
coverageLines.forEach(collect);
const dataCorpus = [...dataStrings].join('\n');

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}

const pack = packById('alibaba-pla-memo')!;

describe('the alibaba-pla-memo pack', () => {
  it('is bundled and valid', () => {
    expect(bundledPacks.map((p) => p.id)).toContain('alibaba-pla-memo');
    expect(pack.formatVersion).toBe(2);
  });

  it('holds no URL that the source data does not hold', () => {
    const urls = allStrings(rawPack).flatMap((s) => s.match(/https?:\/\/[^\s'")]+/g) ?? []);
    expect(urls.length).toBeGreaterThan(60);
    for (const url of urls) expect(dataCorpus, url).toContain(url);
  });

  it('quotes every statement word for word from the source data', () => {
    const statements = pack.parties.flatMap((p) => p.statements);
    expect(statements.length).toBe(4);
    for (const s of statements) {
      expect(dataStrings.has(s.quote), s.quote).toBe(true);
      if (s.quoteContinued) expect(dataStrings.has(s.quoteContinued), s.quoteContinued).toBe(true);
      for (const t of s.translations) expect(dataStrings.has(t.text), t.text).toBe(true);
      expect(dataCorpus).toContain(s.sourceUrl);
      expect(s.speaker.length).toBeGreaterThan(0);
      expect(s.addressee.length).toBeGreaterThan(0);
    }
    const byQuote = new Map(facts.statements.map((s: { quote: string }) => [s.quote, s]));
    for (const s of statements) {
      const source = byQuote.get(s.quote) as { speaker: string; to: string; source_url: string };
      expect(s.speaker).toBe(source.speaker);
      expect(s.addressee).toBe(source.to);
      expect(s.sourceUrl).toBe(source.source_url);
    }
  });

  it('lists every normal-quality article as coverage, with the data as given', () => {
    const normal = coverageLines.filter((c) => c.quality !== 'low');
    expect(pack.coverage.map((c) => c.url).sort()).toEqual(normal.map((c) => c.url).sort());
    for (const item of pack.coverage) {
      const line = normal.find((c) => c.url === item.url)!;
      expect(item.publisher).toBe(line.publisher);
      expect(item.title).toBe(line.title);
      expect(item.wireOrigin).toBe(line.wire_or_origin);
      expect(item.lang).toBe(line.lang);
      // Dates stay as given; "not shown" and missing dates become null, never a guess.
      expect(item.date).toBe(line.date === 'not shown' ? null : line.date);
      expect(item.mentions).toEqual({
        denial: line.mentions_alibaba_denial,
        embassy: line.mentions_embassy_response,
        'ft-caveat': line.mentions_ft_could_not_verify,
      });
      expect(item.event).toBe(line.event === 'memo-report' ? 'memo-report' : 'followup');
    }
  });

  it('puts low-quality pages in cautions, not in coverage', () => {
    const low = coverageLines.filter((c) => c.quality === 'low');
    expect(low.length).toBeGreaterThan(0);
    for (const line of low) {
      expect(pack.coverage.some((c) => c.url === line.url)).toBe(false);
      const host = new URL(line.url!).hostname.replace(/^www\./, '');
      expect(pack.cautions.some((c) => c.urls.includes(line.url!) || c.domains.includes(host))).toBe(true);
    }
    expect(pack.cautions.length).toBe(facts.cautions.length);
  });

  it('attributes every claim instead of stating it as fact', () => {
    expect(pack.claims.length).toBe(facts.story.allegations.length);
    for (const claim of pack.claims) {
      expect(claim.text).toMatch(/^The memo alleges that /);
      expect(claim.text).toMatch(/according to the FT\.$/);
      expect(claim.allegedBy).toMatch(/Financial Times/);
    }
  });

  it('keeps the first report and follow-ups as the data gives them', () => {
    expect(pack.firstReport.url).toBe(facts.story.first_report.url);
    expect(pack.firstReport.date).toBe(facts.story.first_report.date);
    // How the URL is known is for the pack's author; readers see only that it is paywalled.
    expect(pack.firstReport.authorNote).toBe(facts.story.first_report.provenance);
    expect(pack.firstReport.provenance).toBe('Paywalled.');
    expect(pack.timeline.map((t) => t.date)).toEqual(facts.story.followups.map((f: { date: string }) => f.date));
    expect(pack.timeline.map((t) => t.sources)).toEqual(facts.story.followups.map((f: { sources: string[] }) => f.sources));
  });

  it('writes Chinese terms in simplified characters, which traditional pages fold onto', () => {
    const zh = pack.detection.signals.flatMap((s) => s.terms.zh ?? []);
    expect(zh.length).toBeGreaterThan(10);
    for (const term of zh) expect(fold(term, T2S), term).toBe(fold(term));
  });

  it('has detection terms for every supported language', () => {
    for (const signal of pack.detection.signals.filter((s) => ['entity', 'military', 'memo', 'ft'].includes(s.id))) {
      for (const lang of ['en', 'zh', 'ru', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'ar'] as const) {
        expect(signal.terms[lang]?.length ?? 0, `${signal.id}/${lang}`).toBeGreaterThan(0);
      }
    }
  });
});
