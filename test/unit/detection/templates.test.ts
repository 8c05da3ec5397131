import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { detectStory } from '../../../src/detection/detect';
import { FIXTURES, buildPage, parse } from './helpers';

// The held-out pages are built like the corpus pages from texts like these: the same article in
// every template (semantic markup with metadata, bare divs, JSON-LD only), and on some pages a
// "Trending" box listing the story's own headlines. The verdict must not depend on the template.
const TEXT = join(FIXTURES, 'corpus/text');
const STORY_HEADLINES = [
  "Alibaba denies report it helps China's military target US",
  'White House Memo Links Alibaba to Chinese Military Targeting US',
  '阿里巴巴被指協助解放軍軍事行動',
  'Торгового гиганта из Китая обвинили в сотрудничестве с НОАК против США',
];

function readText(path: string) {
  const [urlLine, titleLine, ...rest] = readFileSync(path, 'utf8').split('\n');
  return {
    url: (urlLine ?? '').replace(/^URL: /, ''),
    title: (titleLine ?? '').replace(/^TITLE: /, '').replace(/^\([^)]*\)\s*/, ''),
    paragraphs: rest.map((l) => l.trim()).filter((l) => l !== ''),
  };
}

const cases = ['pos', 'neg'].flatMap((label) =>
  readdirSync(join(TEXT, label))
    .sort()
    .map((name) => [`${label}/${name}`, label === 'pos', join(TEXT, label, name)] as const),
);

describe('the verdict does not depend on the page template', () => {
  it.each(cases)('%s', (_name, positive, path) => {
    const { title, paragraphs } = readText(path);
    const expected = positive ? 'alibaba-pla-memo' : null;
    const trending = positive ? undefined : STORY_HEADLINES;
    for (const layout of ['article', 'bare'] as const) {
      const doc = parse(buildPage({ title, paragraphs, layout, trending, comments: ['Who else is following this?'] }));
      expect(detectStory(doc, 'https://news.example/x', bundledPacks).storyId, layout).toBe(expected);
    }
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: title, articleBody: paragraphs.join('\n\n') }).replace(/</g, '\\u003c');
    const jsonLdOnly = parse(`<html><head><script type="application/ld+json">${ld}</script></head><body><div class="app"></div></body></html>`);
    expect(detectStory(jsonLdOnly, 'https://news.example/x', bundledPacks).storyId, 'json-ld').toBe(expected);
  });
});
