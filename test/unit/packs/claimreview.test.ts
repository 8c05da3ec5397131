import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claimReviewsToDraft, packToClaimReviews, parseClaimReviewSource } from '../../../src/packs/claimreview';
import { packById } from '../../../src/packs/bundled';
import { isAttributed } from '../../../src/packs/evidence';

// Published examples, copied unchanged (test/fixtures/claimreview/README.md names their sources).
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/claimreview/${name}`, import.meta.url)), 'utf8');

describe('import-claimreview: published ClaimReview items as a draft pack section', () => {
  it("reads schema.org's example: a numeric rating, a claimant, the review page as source", () => {
    const reviews = parseClaimReviewSource(fixture('schemaorg-example.jsonld'));
    expect(reviews).toHaveLength(1);
    const draft = claimReviewsToDraft(reviews);
    expect(draft.claimStatuses).toEqual([{ id: '1-of-6', label: '1 of 6', tone: 'neutral' }]);
    const [claim] = draft.claims;
    expect(claim).toMatchObject({
      text: 'Rich Perry claims: "More than 3,000 homicides were committed by "illegal aliens" over the past six years."',
      allegedBy: 'Rich Perry',
      status: '1-of-6',
      source: { url: 'http://www.politifact.com/texas/statements/2014/jul/23/rick-perry/rick-perry-claim-about-3000-homicides-illegal-immi/' },
    });
    expect(claim!.source.authorNote).toContain('of 2014-07-23');
    expect(isAttributed(claim!.text)).toBe(true);
    expect(draft.todo.join('\n')).toMatch(/check the claim against the evidence files/);
  });

  it("reads Google's fact-check markup example from its HTML page: the rating's words, where the claim appeared", () => {
    const reviews = parseClaimReviewSource(fixture('google-factcheck-example.html'));
    const draft = claimReviewsToDraft(reviews);
    expect(draft.claimStatuses).toEqual([{ id: 'false', label: 'False', tone: 'neutral' }]);
    expect(draft.claims[0]).toMatchObject({
      id: 'the-world-is-flat',
      text: 'Square World Society claims: "The world is flat"',
      allegedBy: 'Square World Society',
      status: 'false',
      source: { url: 'https://example.com/news/a122121', note: "Where the claim appeared, as given by Example.com science watch's review" },
    });
    expect(draft.claims[0]!.source.authorNote).toContain('https://example.com/news/science/worldisflat.html');
  });

  it('finds no review in a page without one', () => {
    expect(parseClaimReviewSource('<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head></html>')).toEqual([]);
  });
});

describe('export-claimreview: a pack\'s claims as ClaimReview JSON-LD', () => {
  for (const id of ['alibaba-pla-memo', 'nvidia-h20-backdoor']) {
    it(`exports ${id} and reads back the same claims`, () => {
      const pack = packById(id)!;
      const reviews = packToClaimReviews(pack, { reviewer: 'Example reviewer' });
      expect(reviews).toHaveLength(pack.claims.length);
      for (const review of reviews) {
        expect(review).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview', author: { name: 'Example reviewer' } });
        expect(review).not.toHaveProperty('reviewRating.ratingValue');
      }
      const back = claimReviewsToDraft(JSON.parse(JSON.stringify(reviews)));
      expect(back.claims.map((c) => c.text)).toEqual(pack.claims.map((c) => c.text));
      expect(back.claims.map((c) => c.allegedBy)).toEqual(pack.claims.map((c) => c.allegedBy));
      expect(back.claims.map((c) => c.source.url)).toEqual(pack.claims.map((c) => c.source.url));
      const label = new Map(pack.claimStatuses.map((s) => [s.id, s.label]));
      expect(back.claims.map((c) => back.claimStatuses.find((s) => s.id === c.status)!.label)).toEqual(pack.claims.map((c) => label.get(c.status)));
    });
  }
});
