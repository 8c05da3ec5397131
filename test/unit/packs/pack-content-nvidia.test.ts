import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { T2S } from '../../../src/detection/cjk';
import { fold } from '../../../src/detection/fold';
import { bundledPacks, packById } from '../../../src/packs/bundled';

// The second story's pack may only say what its source material says (a frozen copy in
// test/fixtures/stories/nvidia-h20-backdoor, whose README gives the rules).
const DIR = fileURLToPath(new URL('../../fixtures/stories/nvidia-h20-backdoor/', import.meta.url));
const facts = JSON.parse(readFileSync(`${DIR}story-facts.json`, 'utf8'));
const coverageLines: Record<string, string | null>[] = readFileSync(`${DIR}coverage.jsonl`, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const pack = packById('nvidia-h20-backdoor')!;
const KINDS = {
  'nvidia-denial': 'mentions_nvidia_denial',
  'summons-basis': 'mentions_cac_summons_basis',
  'no-evidence': 'mentions_no_evidence_published',
  'state-media': 'mentions_state_media_commentary',
} as const;

describe('the nvidia-h20-backdoor pack', () => {
  it('is bundled beside the first story, in format 2', () => {
    expect(bundledPacks.map((p) => p.id)).toEqual(['alibaba-pla-memo', 'nvidia-h20-backdoor']);
    expect(pack.formatVersion).toBe(2);
  });

  it('quotes each statement with the speaker, addressee, date and URL the facts give', () => {
    const nvidia = pack.parties.find((p) => p.id === 'nvidia')!;
    for (const s of nvidia.statements) {
      const source = facts.statements.find((f: { quote: string }) => f.quote === s.quote);
      expect(source, s.quote).toBeDefined();
      expect([s.speaker, s.addressee, s.date, s.sourceUrl]).toEqual([source.speaker, source.to, source.date, source.source_url]);
      expect(s.authorNote).toBe(source.source_note);
    }
  });

  it('lists every normal-quality article as coverage with its flags as given, and no low-quality page', () => {
    const normal = coverageLines.filter((c) => c.quality !== 'low');
    expect(pack.coverage.map((c) => c.url).sort()).toEqual(normal.map((c) => c.url).sort());
    for (const item of pack.coverage) {
      const line = normal.find((c) => c.url === item.url)!;
      expect([item.publisher, item.title, item.wireOrigin, item.lang, item.date, item.event]).toEqual([line.publisher, line.title, line.wire_or_origin, line.lang, line.date, line.event]);
      for (const [kind, field] of Object.entries(KINDS)) expect(item.mentions[kind], `${item.id} ${kind}`).toBe(line[field]);
    }
  });

  it('warns on every low-quality page instead of listing it', () => {
    for (const line of coverageLines.filter((c) => c.quality === 'low')) {
      const host = new URL(line.url!).hostname.replace(/^www\./, '');
      expect(pack.cautions.some((c) => c.urls.includes(line.url!) || c.domains.some((d) => host === d || host.endsWith(`.${d}`))), line.url!).toBe(true);
    }
  });

  it('attributes every claim and marks none as established', () => {
    for (const claim of pack.claims) {
      expect(claim.text).toMatch(/^(The CAC|Yuyuan Tantian|CCTV)/);
      expect(claim.responses.length).toBeGreaterThan(0);
    }
    expect(pack.claimStatuses.map((s) => s.tone)).not.toContain('neutral');
    expect(pack.firstReport).toMatchObject({ url: facts.story.first_report.url, date: facts.story.first_report.date, authorNote: facts.story.first_report.provenance });
  });

  it('keeps the follow-ups with the dates and sources given', () => {
    expect(pack.timeline.map((t) => t.date)).toEqual(facts.story.followups.map((f: { date: string }) => f.date));
    expect(pack.timeline.map((t) => t.sources)).toEqual(facts.story.followups.map((f: { sources: string[] }) => f.sources));
  });

  it('writes Chinese terms in simplified characters and names the subject in every language of its corpus', () => {
    const zh = pack.detection.signals.flatMap((s) => s.terms.zh ?? []);
    for (const term of zh) expect(fold(term, T2S), term).toBe(fold(term));
    const backdoor = pack.detection.signals.find((s) => s.id === 'backdoor')!;
    for (const lang of ['en', 'zh', 'ja', 'ko', 'ru', 'es', 'fr', 'de', 'pt', 'ar', 'tr', 'pl', 'it'] as const) {
      expect(backdoor.terms[lang]?.length ?? 0, lang).toBeGreaterThan(0);
    }
  });
});
