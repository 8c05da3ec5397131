import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { contentProblems, evidenceCorpus } from '../../../src/packs/evidence';
import type { StoryPack } from '../../../src/packs/schema';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const corpusOf = (pack: StoryPack) => evidenceCorpus(pack.evidence.map((name) => ({ name, text: readFileSync(`${ROOT}${name}`, 'utf8') })));
const clone = (pack: StoryPack): StoryPack => structuredClone(pack);

describe('pack content checks', () => {
  for (const pack of bundledPacks) {
    it(`finds every URL, quote and date of ${pack.id} in the evidence it names`, () => {
      expect(pack.evidence.length).toBeGreaterThan(0);
      expect(contentProblems(pack, corpusOf(pack))).toEqual([]);
    });
  }

  const pack = bundledPacks.find((p) => p.id === 'nvidia-h20-backdoor')!;
  const corpus = corpusOf(pack);

  it('names a URL that is not in the evidence', () => {
    const bad = clone(pack);
    bad.coverage[0]!.url = 'https://invented.example/story';
    expect(contentProblems(bad, corpus)).toEqual(['coverage.0.url: URL not found in the evidence files: https://invented.example/story']);
  });

  it('names a quote changed by one word, and a translation', () => {
    const bad = clone(pack);
    const s = bad.parties[1]!.statements[0]!;
    s.quote = s.quote.replace('critically', 'very');
    s.translations[0]!.text += '!';
    expect(contentProblems(bad, corpus)).toEqual([
      'parties.1.statements.0.quote: not found word for word in the evidence files',
      'parties.1.statements.0.translations.0.text: not found word for word in the evidence files',
    ]);
  });

  it('names a date the sources did not give', () => {
    const bad = clone(pack);
    bad.timeline[0]!.date = 'early August';
    bad.parties[1]!.statements[0]!.date = '2025-07-30';
    expect(contentProblems(bad, corpus)).toEqual([
      'parties.1.statements.0.date: "2025-07-30" is not a date the evidence files give',
      'timeline.0.date: "early August" is not a date the evidence files give',
    ]);
  });

  it('names a claim stated as fact', () => {
    const bad = clone(pack);
    bad.claims[0]!.text = "Nvidia's chips have serious security problems.";
    expect(contentProblems(bad, corpus)).toEqual([expect.stringMatching(/^claims\.0\.text: not attributed/)]);
  });

  it('names reader text about the author\'s material, and lets an authorNote say it', () => {
    const bad = clone(pack);
    bad.firstReport.provenance = 'URL seen only as a link inside a stored mirror.';
    bad.coverage[0]!.summary = 'Report (cut off in the excerpt).';
    bad.coverage[1]!.authorNote = 'The stored copy is cut off.';
    expect(contentProblems(bad, corpus)).toEqual([
      expect.stringMatching(/^firstReport\.provenance: readers see this, but it talks about the author's material \("seen only"\)/),
      expect.stringMatching(/^coverage\.0\.summary: readers see this.*\("excerpt"\)/),
    ]);
  });
});
