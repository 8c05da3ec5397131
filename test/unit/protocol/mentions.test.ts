// A report's mentions are the pack's own kind ids (format 2), each true or false. The content
// script's report arrives from a page's process, so the shape is checked where it lands.
import { describe, expect, it } from 'vitest';
import { ContentToBackground, parse } from '../../../src/protocol/messages';

const report = (mentions: unknown) => ({
  type: 'content/detected',
  url: 'https://news.example/a',
  report: { storyId: 'some-story', score: 3, threshold: 2, lang: 'en', title: 'A title', signals: [], mentions, knownCoverageId: null, caution: null },
});

describe('mentions in a detection report', () => {
  it('takes any kind ids a pack defines, slugs and format 1 camelCase, and none at all', () => {
    expect(parse(ContentToBackground, report({ 'ft-caveat': true, denial: false, ftCaveat: true }))).not.toBeNull();
    expect(parse(ContentToBackground, report({}))).not.toBeNull();
  });

  it('refuses an array, a value that is not true or false, an id that is not a slug, and too many kinds', () => {
    expect(parse(ContentToBackground, report([]))).toBeNull();
    expect(parse(ContentToBackground, report([true]))).toBeNull();
    expect(parse(ContentToBackground, report({ denial: 1 }))).toBeNull();
    expect(parse(ContentToBackground, report({ 'no spaces': true }))).toBeNull();
    expect(parse(ContentToBackground, report(Object.fromEntries(Array.from({ length: 33 }, (_, n) => [`k${n}`, true]))))).toBeNull();
  });

  it('drops an own "__proto__" key (as JSON makes it) instead of reading through it', () => {
    const parsed = parse(ContentToBackground, report(JSON.parse('{"__proto__": {"denial": true}, "embassy": false}')));
    expect(parsed).not.toBeNull();
    const mentions = (parsed as { report: { mentions: Record<string, boolean> } }).report.mentions;
    expect(Object.keys(mentions)).toEqual(['embassy']);
    expect(mentions['denial']).toBeUndefined();
  });
});
