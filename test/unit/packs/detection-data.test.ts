// The second stage's slice of the bundled packs (packs/detection-slice.ts, generated into
// packs/detection-data.ts): in sync with the packs, the same verdicts as the full packs on every
// labelled page, and what keeps the second stage light: none of the packs' reader-facing text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { bundledDetection } from '../../../src/content/bundled-detection';
import { bundledDetectionEntries } from '../../../src/packs/detection-data';
import { compilePack, encodePackTerms, usePrecompiled } from '../../../src/detection/compile';
import { detectionSlice, readBundledEntry, renderDetectionDataModule } from '../../../src/packs/detection-slice';

// What the build wrote, read back as the content script reads it.
const built = bundledDetectionEntries.map(readBundledEntry);
const bundledDetectionData = built.map((b) => b.pack);
const bundledDetectionTerms = built.map((b) => b.terms);
const bundledCoverageKeys = built.map((b) => b.coverage);
import { detectStory } from '../../../src/detection/detect';
import { coverageKeys, findKnownCoverage, useCoverageKeys } from '../../../src/detection/url';
import { FIXTURES, htmlFiles, loadPage } from '../detection/helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATA_FILE = `${ROOT}src/packs/detection-data.ts`;

describe('the detection slice of the bundled packs', () => {
  it('is in sync with the bundled packs (run src/cli/build-prefilter-index.ts when this fails)', () => {
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(renderDetectionDataModule(bundledPacks, bundledPacks.map(encodePackTerms), bundledPacks.map(coverageKeys)));
    expect(bundledDetectionData.map((p) => p.id)).toEqual(bundledPacks.map((p) => p.id));
  });

  const pages = [
    ...htmlFiles(join(FIXTURES, 'corpus/pages')),
    ...htmlFiles(join(FIXTURES, 'stories/nvidia-h20-backdoor/corpus/pages')),
    ...htmlFiles(join(FIXTURES, 'realpages/pages')),
  ];
  it(`gives the full packs' verdicts, scores and mentions on ${pages.length} labelled pages`, () => {
    expect(pages.length).toBeGreaterThan(100);
    let stories = 0;
    for (const path of pages) {
      const url = 'http://127.0.0.1:8080/page.html';
      const full = detectStory(loadPage(path), url, bundledPacks);
      expect(detectStory(loadPage(path), url, bundledDetection()), path).toEqual(full);
      if (full.storyId) stories += 1;
    }
    expect(stories, 'no story page among them: the comparison says nothing').toBeGreaterThan(20);
  });

  it('recognises the packs’ listed articles and cautions by address as the full packs do', () => {
    const story = htmlFiles(join(FIXTURES, 'corpus/pages')).find((p) => p.includes('/pos/'))!;
    for (const pack of bundledPacks) {
      for (const url of [...pack.coverage.slice(0, 5).map((c) => c.url), ...pack.cautions.flatMap((c) => c.urls ?? []).slice(0, 3)]) {
        const full = detectStory(loadPage(story), url, [pack]);
        expect(detectStory(loadPage(story), url, [detectionSlice(pack)]), url).toEqual(full);
      }
    }
  });

  it('parses only the packs a page\'s first stage names, once each', () => {
    const [first, second] = bundledPacks.map((p) => p.id);
    const named = bundledDetection([second!]);
    expect(named.map((p) => p.id)).toEqual([second]);
    const all = bundledDetection();
    expect(all.map((p) => p.id)).toEqual([first, second]);
    expect(all[1]).toBe(named[0]);
    expect(bundledDetection(['no-such-story'])).toEqual([]);
  });

  it('carries each coverage URL\'s lookup keys as the detector would file them, and the detector uses them', () => {
    const story = htmlFiles(join(FIXTURES, 'corpus/pages')).find((p) => p.includes('/pos/'))!;
    const packs = bundledDetection();
    expect(bundledCoverageKeys).toEqual(packs.map(coverageKeys));
    for (const [i, pack] of packs.entries()) {
      // Every listed article is found at its address, as with the keys worked out on the page.
      for (const item of pack.coverage) expect(findKnownCoverage(item.url, pack)?.id, item.url).toBe(findKnownCoverage(item.url, detectionSlice(pack))?.id);
      const full = bundledPacks[i]!;
      const url = full.coverage[0]!.url;
      expect(detectStory(loadPage(story), url, [pack]), url).toEqual(detectStory(loadPage(story), url, [full]));
      // Keys that differ from the URLs show that the lookup took them.
      const other = detectionSlice(pack);
      useCoverageKeys(other, other.coverage.map((_, k) => [`https://example.org/listed-${k}`, null]));
      expect(findKnownCoverage('https://example.org/listed-0', other)?.id).toBe(other.coverage[0]!.id);
    }
  });

  it('files a pack\'s coverage from its URLs when the keys given do not fit it', () => {
    const pack = bundledDetectionData[0]!;
    const keys = bundledCoverageKeys[0]!;
    for (const bad of [null, 'x', [], keys.slice(1), keys.map(() => [7, null]), keys.map(() => ['https://a.example/', 2])]) {
      const copy = detectionSlice(pack);
      useCoverageKeys(copy, bad);
      expect(findKnownCoverage(pack.coverage[0]!.url, copy)?.id, JSON.stringify(bad).slice(0, 40)).toBe(pack.coverage[0]!.id);
    }
  });

  it('carries the terms compiled as the detector would compile them, and the detector uses them', () => {
    const packs = bundledDetection();
    expect(bundledDetectionTerms).toHaveLength(packs.length);
    for (const [i, pack] of packs.entries()) {
      const own = compilePack(detectionSlice(pack));
      expect(compilePack(pack), pack.id).toEqual({ ...own, pack });
      expect(own.signals.some((s) => s.terms.length > 0)).toBe(true);
      // Terms that read back but differ show which ones the detector took.
      const other = detectionSlice(pack);
      const enc = bundledDetectionTerms[i]!;
      usePrecompiled(other, { signals: enc.signals.map(() => [':zzzz']), mentions: enc.mentions });
      expect(compilePack(other).signals.every((s) => s.terms.length === 1 && s.terms[0]!.kind === 'words')).toBe(true);
    }
  });

  it('compiles a pack from its own terms when the compiled ones do not fit it', () => {
    const pack = detectionSlice(bundledDetectionData[0]!);
    const enc = bundledDetectionTerms[0]!;
    for (const bad of [{ signals: [], mentions: [] }, { signals: enc.signals.map(() => ['?bad']), mentions: enc.mentions }, { signals: enc.signals, mentions: enc.mentions.slice(1) }]) {
      const copy = detectionSlice(pack);
      usePrecompiled(copy, bad);
      expect(compilePack(copy)).toEqual({ ...compilePack(detectionSlice(pack)), pack: copy });
    }
  });

  it('leaves the packs’ text for readers out of the second stage', async () => {
    const result = await build({ entryPoints: [`${ROOT}src/content/story-page.ts`], bundle: true, minify: true, format: 'esm', charset: 'utf8', write: false, define: { __E2E__: 'false' } });
    const code = new TextDecoder().decode(result.outputFiles[0]!.contents);
    for (const pack of bundledPacks) {
      expect(code, `${pack.id}: its summary is in the second stage`).not.toContain(pack.summary.slice(0, 60));
      expect(code, `${pack.id}: a claim is in the second stage`).not.toContain(JSON.stringify(pack.claims[0]!.text).slice(1, 40));
    }
    // With the packs whole it was about 185 KB; the slice alone about 107 KB, and its terms
    // compiled at build time add about 25 KB and the coverage URLs' lookup keys about 12 KB,
    // which a page parses in less time than it took to work them out.
    expect(result.outputFiles[0]!.contents.length, 'the second stage grew past 160 KB').toBeLessThan(160_000);
  });
});
