// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { prefilterIndex } from '../../../src/packs/prefilter-index';
import { detectStory } from '../../../src/detection/detect';
import { prefilter, readPrefilterInput } from '../../../src/detection/prefilter';
import { FIXTURES, htmlFiles, loadPage } from './helpers';

// The content script runs the same code on a browser DOM; happy-dom stands in for it here and
// must agree with linkedom, which the node CLIs use.
describe('detection on a browser-like DOM', () => {
  const files = htmlFiles(join(FIXTURES, 'corpus/pages'));

  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f] as const))('%s gives the same result as in node', (_name, file) => {
    const url = 'http://127.0.0.1:8080/page.html';
    const browserDoc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
    const nodeDoc = loadPage(file);
    const inBrowser = detectStory(browserDoc, url, bundledPacks);
    const inNode = detectStory(nodeDoc, url, bundledPacks);
    expect(inBrowser.storyId).toBe(inNode.storyId);
    expect(inBrowser.score).toBe(inNode.score);
    expect(inBrowser.mentions).toEqual(inNode.mentions);
    expect(prefilter(readPrefilterInput(browserDoc, url), prefilterIndex)).toEqual(prefilter(readPrefilterInput(nodeDoc, url), prefilterIndex));
  });
});
