// Synthetic texts (test inputs, not pack content): an article about other Alibaba news that
// recalls the memo in its opening must stay silent; the story's own headlines pass the gate in
// every layout.
import { describe, expect, it } from 'vitest';
import { detectStory } from '../../../src/detection/detect';
import { bundledPacks } from '../../../src/packs/bundled';
import { buildPage, parse } from './helpers';

const URL = 'http://127.0.0.1:8080/news/a.html';
const detect = (title: string, paragraphs: string[], layout: 'article' | 'bare' = 'article') =>
  detectStory(parse(buildPage({ title, paragraphs, layout })), URL, bundledPacks);

const MEMO_RECAP =
  'Earlier this month the Financial Times reported a White House memo alleging that Alibaba helps China’s People’s Liberation Army, which the company denied as completely false.';

describe('the headline gate', () => {
  for (const layout of ['article', 'bare'] as const) {
    it(`keeps an earnings story that recalls the memo in its second paragraph silent (${layout})`, () => {
      const r = detect('Alibaba quarterly revenue beats estimates as cloud unit grows', ['Alibaba reported revenue above analysts’ estimates on Tuesday.', MEMO_RECAP], layout);
      expect(r.storyId).toBeNull();
    });

    it(`lets a market-reaction headline through (${layout})`, () => {
      const r = detect('Alibaba shares slide after report says it aids China’s military', [
        'Alibaba’s U.S.-listed shares fell 4% after the Financial Times reported that a White House memo said the company supports the People’s Liberation Army.',
        'The company called the claims completely false.',
      ], layout);
      expect(r.storyId).toBe('alibaba-pla-memo');
    });
  }

  it('lets a headline that only names the accusation through (German)', () => {
    const r = detect('USA werfen Alibaba Hilfestellung bei chinesischen Angriffen vor', [
      'Ein Memo des Weißen Hauses wirft Alibaba vor, die chinesische Volksbefreiungsarmee technisch zu unterstützen, berichtet die Financial Times.',
      'Alibaba wies die Vorwürfe als völlig falsch zurück.',
    ]);
    expect(r.storyId).toBe('alibaba-pla-memo');
  });
});
