// "Check this page": the background runs the content script once in the tab and answers when
// the content script reports that it is done.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = new Map<string, unknown>();
const injected: Array<{ target: unknown; files?: string[]; func?: unknown }> = [];
let onFiles: (tabId: number) => void = () => undefined;
let refuse = false;
const fakeBrowser = {
  runtime: {
    getURL: (p: string) => `chrome-extension://id/${p}`,
    getManifest: () => ({ content_scripts: [{ js: ['src/content/index.js'], matches: [] }] }),
  },
  storage: {
    session: {
      get: async (k: string) => (session.has(k) ? { [k]: session.get(k) } : {}),
      set: async (o: Record<string, unknown>) => Object.entries(o).forEach(([k, v]) => session.set(k, v)),
      remove: async (k: string) => void session.delete(k),
    },
  },
  scripting: {
    executeScript: async (d: { target: { tabId: number }; files?: string[]; func?: unknown }) => {
      if (refuse) throw new Error('Cannot access contents of the page');
      injected.push(d);
      if (d.files) setTimeout(() => onFiles(d.target.tabId), 0);
      return [];
    },
  },
};
vi.mock('../../../src/platform/browser', () => ({ browser: fakeBrowser }));
const { checkFinished, checkPage } = await import('../../../src/background/check-page');
const { bundledPacks } = await import('../../../src/packs/bundled');

const URL_ = 'https://news.example/a';
const report = (storyId: string | null) => ({ storyId, score: 1, threshold: 1, lang: 'en', title: 't', signals: [], mentions: { denial: false, embassy: false, ftCaveat: false }, knownCoverageId: null, caution: null });

beforeEach(() => {
  session.clear();
  injected.length = 0;
  refuse = false;
});

describe('checkPage', () => {
  it('asks the content script to report, injects it, and names the story it found', async () => {
    const pack = bundledPacks[0]!;
    onFiles = (tabId) => {
      // What the content script does on a story page: report it, then say it is done.
      session.set(`tab:${tabId}`, { tabId, url: URL_, report: report(pack.id), sidebar: 'open' });
      checkFinished(tabId, URL_);
    };
    expect(await checkPage(7)).toEqual({ found: true, storyTitle: pack.title });
    expect(injected.map((d) => (d.files ? 'files' : 'flag'))).toEqual(['flag', 'files']);
    expect(injected[1]).toMatchObject({ target: { tabId: 7, frameIds: [0] }, files: ['src/content/index.js'] });
  });

  it('says "not a story" when the content script finishes without a report', async () => {
    onFiles = (tabId) => checkFinished(tabId, URL_);
    expect(await checkPage(8)).toEqual({ found: false, reason: 'not-a-story' });
  });

  it('says it cannot read the page when the browser refuses the injection', async () => {
    refuse = true;
    expect(await checkPage(9)).toEqual({ found: false, reason: 'cannot-read' });
  });
});
