import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { detectStory } from '../../../src/detection/detect';
import { buildPage, parse } from './helpers';

/*
 * SYNTHETIC TEST INPUTS written for these tests (not real articles, not pack content): pages
 * that share words with the story but are about something else, laid out like the corpus.
 */

const STORY_HEADLINES = [
  "Alibaba denies report it helps China's military target US",
  'White House memo alleges Alibaba assisting China’s military cyber operations',
  'Alibaba Falls After White House Memo Alleges Company Supports Chinese Military Targeting Of US',
];

const URL = 'https://news.example/markets/story';

function detect(title: string, paragraphs: string[], extra: { trending?: string[]; comments?: string[] } = {}) {
  return detectStory(parse(buildPage({ title, paragraphs, ...extra })), URL, bundledPacks);
}

const EARNINGS = [
  'Alibaba Group reported quarterly revenue of 247.8 billion yuan on Tuesday, beating analyst estimates as demand for its cloud and artificial intelligence services surged.',
  'The cloud intelligence unit grew 34%, its fastest pace in years, while the core e-commerce business grew 10% on the back of instant commerce.',
  'Chief executive Eddie Wu said the company would keep investing heavily in AI infrastructure and might raise its three-year spending target.',
  'Shares rose 4% in premarket trading in New York.',
];

describe('near misses stay silent', () => {
  it('an earnings story whose Trending box lists the story’s own headlines', () => {
    const result = detect('Alibaba revenue beats estimates as cloud unit grows 34%', EARNINGS, { trending: STORY_HEADLINES });
    expect(result.storyId).toBeNull();
  });

  it('an earnings story whose readers discuss the memo in the comments', () => {
    const result = detect('Alibaba revenue beats estimates as cloud unit grows 34%', EARNINGS, {
      comments: [
        'What about the White House memo saying Alibaba helps the PLA? The Financial Times could not verify it.',
        'Alibaba called it complete nonsense, and the embassy called it a distortion of facts.',
      ],
    });
    expect(result.storyId).toBeNull();
  });

  it('an earnings story that recalls the memo only in a later paragraph', () => {
    const result = detect('Alibaba revenue beats estimates as cloud unit grows 34%', [
      ...EARNINGS,
      "Earlier this month the Financial Times reported that a White House memo alleged Alibaba provided support to the People's Liberation Army, which the company dismissed as complete nonsense.",
    ]);
    expect(result.storyId).toBeNull();
    // It is seen, and explained, but below the bar.
    expect(result.signals.find((s) => s.id === 'memo')?.where).toBe('body');
  });

  it('the embassy spokesperson denying a different story', () => {
    const result = detect('Chinese embassy rejects hacking claims as groundless', [
      'Liu Pengyu, spokesperson for the Chinese Embassy in Washington, said on Thursday that accusations in a Financial Times report about hackers linked to China’s military were a distortion of facts.',
      '"China firmly opposes and combats all forms of cyber attacks in accordance with the law," he said.',
    ]);
    expect(result.storyId).toBeNull();
  });

  it('a 1260H listing of other companies that names Alibaba in passing', () => {
    const result = detect('Pentagon adds Tencent, CATL to list of Chinese military companies', [
      'The US Department of Defense added Tencent and battery maker CATL to its list of companies allegedly working with China’s military, the Financial Times and Reuters reported. Alibaba was not on the list.',
      'Tencent said the listing was a mistake and that it is not a military company or supplier.',
    ]);
    expect(result.storyId).toBeNull();
  });

  it('another White House move on Chinese AI that names Alibaba and the military', () => {
    const result = detect('White House weighs curbs on Alibaba AI models over military concerns', [
      "Officials at the White House are weighing restrictions on the use of Alibaba's Qwen models by federal contractors over concerns about China's military, people familiar with the matter said.",
      'The Financial Times reported last month that US agencies were reviewing Chinese open-weight models.',
    ]);
    expect(result.storyId).toBeNull();
    expect(result.requirementsMet).toBe(true);
    expect(result.score).toBeLessThan(result.threshold);
  });

  it('Salt Typhoon reporting from the FT with a denial', () => {
    const result = detect('China-linked Salt Typhoon hackers breached congressional email, FT reports', [
      'Hackers linked to the Chinese military breached email systems used by House committee staff, the Financial Times reported, citing people familiar with the matter.',
      'The Chinese embassy denied the report, calling it groundless accusations.',
    ]);
    expect(result.storyId).toBeNull();
  });
});

describe('story pages stay detected when the page around them is noisy', () => {
  it('a story page whose Trending box is full of Alibaba business news', () => {
    const result = detect(STORY_HEADLINES[0]!, [
      'Chinese tech giant Alibaba has denied helping Beijing target the United States, saying that a recent media report was "completely false."',
      'The Financial Times reported that Alibaba provides tech support for Chinese military operations against US targets, according to a White House memo provided to the newspaper.',
    ], { trending: ['Alibaba Cloud ramps up global foray on AI boom', 'Alibaba reports better-than-expected revenue'] });
    expect(result.storyId).toBe('alibaba-pla-memo');
    expect(result.signals.every((s) => s.where !== 'body' || s.id !== 'entity')).toBe(true);
  });
});
