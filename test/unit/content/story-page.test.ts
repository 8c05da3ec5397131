// @vitest-environment happy-dom
// The second stage's state machine against a stand-in runtime: mount on a story page, decline
// other pages, follow a single-page site from page to page, wait for late text, and take
// everything down through the content script's signal.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_ATTRIBUTE } from '../../../src/content/copies';
import { buildPage } from '../detection/helpers';

// The e2e build's settled event (the unit build leaves it out): counted here instead.
const settles = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/content/settled', () => ({ announceSettled: () => (settles.count += 1) }));

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

const SECRET = 's'.repeat(32);
const STORY_URL = 'https://news.example/world/alibaba-memo';
const STORY = [
  'Washington has accused Alibaba of helping China’s People’s Liberation Army, the Financial Times reported on Friday, citing a White House memo based on declassified intelligence.',
  'The memo alleged that Alibaba gave the PLA access to customer data including IP addresses, WiFi information and payment records, and passed on knowledge of zero-day vulnerabilities.',
  'Alibaba called the claims completely false and a malicious PR operation. The FT said it could not independently verify them, and the White House declined to comment.',
];
/** A whole article about the same company, not about the memo: judged at once, declined. */
const OTHER = [
  'Alibaba reported quarterly revenue above analysts’ estimates on Tuesday, as its cloud computing unit grew faster than expected on demand for artificial intelligence services.',
  'The company said revenue from its cloud intelligence group rose 34 percent from a year earlier, while its domestic e-commerce business posted steady growth in customer management revenue.',
  'Chief executive Eddie Wu told analysts that the company would keep investing heavily in AI infrastructure over the next three years, and that demand still outstripped supply.',
  'Shares of the company rose in premarket trading in New York after the results, recovering part of the ground they had lost over the previous month.',
  'Analysts said the results showed the cloud business was becoming the main driver of growth, although margins in the core shopping business remained under pressure from competition.',
  'The company also announced a new share buyback programme and said it would continue to return capital to shareholders through dividends.',
  'Alibaba’s international commerce unit, which includes AliExpress, narrowed its losses as it cut marketing spending in Europe and the United States.',
];

const sent: { type: string; url?: string }[] = [];
const listeners = new Set<Listener>();
let disabledSites: string[] = [];
let sidebar: 'open' | 'collapsed' = 'open';
let storyPage: typeof import('../../../src/content/story-page');

/** happy-dom's own handle on its window. */
const happyDom = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

function showPage(url: string, title: string, paragraphs: readonly string[]): void {
  happyDom().setURL(url);
  const parsed = new DOMParser().parseFromString(buildPage({ title, paragraphs }), 'text/html');
  document.head.replaceChildren(...parsed.head.childNodes);
  document.body.replaceChildren(...parsed.body.childNodes);
}

const hostPresent = () => document.documentElement.querySelector(`[${HOST_ATTRIBUTE}]`) !== null;

function ask(message: unknown): unknown {
  let reply: unknown;
  for (const listener of listeners) listener(message, {}, (r) => (reply = r));
  return reply;
}

beforeAll(async () => {
  // No frame loads here (happy-dom would refuse on the console): the address is only kept, and an
  // empty document stands in. The frame's side has tests of its own (ui/sidebar/frame-handshake.test.ts).
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      return this.dataset['address'] ?? '';
    },
    set(this: HTMLIFrameElement, address: string) {
      this.dataset['address'] = address;
      this.setAttribute('srcdoc', '');
    },
  });
  (globalThis as { browser?: unknown }).browser = {
    runtime: {
      id: 'extension-id',
      getURL: (path: string) => `moz-extension://0000/${path}`,
      sendMessage: async (message: { type: string; url?: string }) => {
        sent.push(message);
        return message.type === 'content/detected' ? { ok: true, value: { sidebar, secret: SECRET } } : { ok: true, value: null };
      },
      onMessage: { addListener: (cb: Listener) => listeners.add(cb), removeListener: (cb: Listener) => listeners.delete(cb) },
    },
    i18n: { getMessage: () => '' },
    storage: { local: { get: async () => ({ disabledSites }) } },
  };
  storyPage = await import('../../../src/content/story-page');
});

let life: AbortController;
beforeEach(() => {
  life = new AbortController();
  sent.length = 0;
  settles.count = 0;
  disabledSites = [];
  sidebar = 'open';
});
afterEach(() => life.abort());

describe('a story page', () => {
  it('is reported, gets the host, and says it shows a story', async () => {
    showPage(STORY_URL, 'White House memo links Alibaba to Chinese military', STORY);
    await storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    expect(sent.map((m) => m.type)).toEqual(['content/detected']);
    expect(hostPresent()).toBe(true);
    expect(ask({ type: 'bg/ping' })).toEqual({ showing: true });
    expect(settles.count).toBe(1);
  });

  it('is left when the single-page site moves to a page about something else', async () => {
    showPage(STORY_URL, 'White House memo links Alibaba to Chinese military', STORY);
    await storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    const next = 'https://news.example/business/alibaba-results';
    showPage(next, 'Alibaba revenue beats estimates as cloud grows', OTHER);
    await storyPage.enter(next, ['alibaba-pla-memo'], life.signal);
    expect(hostPresent()).toBe(false);
    expect(sent.at(-1)).toEqual({ type: 'content/cleared', url: next });
    expect(ask({ type: 'bg/ping' })).toEqual({ showing: false });
  });

  it('is scored only against the packs the first stage named: named for another story, it gets nothing', async () => {
    showPage(STORY_URL, 'White House memo links Alibaba to Chinese military', STORY);
    await storyPage.enter(STORY_URL, ['nvidia-h20-backdoor'], life.signal);
    expect(sent.filter((m) => m.type === 'content/detected')).toEqual([]);
    expect(hostPresent()).toBe(false);
  });

  it('keeps one host when the background asks for a new look', async () => {
    showPage(STORY_URL, 'White House memo links Alibaba to Chinese military', STORY);
    await storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    ask({ type: 'bg/redetect' });
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'content/detected')).toHaveLength(2));
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('goes, with its listener, when the content script signal aborts', async () => {
    showPage(STORY_URL, 'White House memo links Alibaba to Chinese military', STORY);
    await storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    expect(listeners.size).toBe(1);
    life.abort();
    expect(hostPresent()).toBe(false);
    expect(listeners.size).toBe(0);
    // Teardown is not a navigation: the background is not told the page was cleared.
    expect(sent.map((m) => m.type)).toEqual(['content/detected']);
  });

  it('mounts nothing when the signal aborted while the report was on its way', async () => {
    showPage(STORY_URL, 'White House memo links Alibaba to Chinese military', STORY);
    const entering = storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    life.abort();
    await entering;
    expect(hostPresent()).toBe(false);
  });
});

describe('a page that gets no sidebar', () => {
  it('on a site the reader turned off, nothing is reported', async () => {
    disabledSites = ['example'];
    showPage('https://www.news.example/world/alibaba-memo', 'White House memo links Alibaba to Chinese military', STORY);
    disabledSites = ['news.example'];
    await storyPage.enter(location.href, ['alibaba-pla-memo'], life.signal);
    expect(sent).toEqual([]);
    expect(hostPresent()).toBe(false);
    expect(settles.count).toBe(1);
  });

  it('about something else: declined at once, nothing reported', async () => {
    const url = 'https://news.example/business/alibaba-results';
    showPage(url, 'Alibaba revenue beats estimates as cloud grows', OTHER);
    await storyPage.enter(url, ['alibaba-pla-memo'], life.signal);
    expect(sent).toEqual([]);
    expect(hostPresent()).toBe(false);
    expect(settles.count).toBe(1);
  });

  it('whose article arrives late: shown once the text is there, settled only then', async () => {
    showPage(STORY_URL, 'Alibaba: what the memo says', []);
    await storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    expect(hostPresent()).toBe(false);
    expect(settles.count).toBe(0);
    const article = document.querySelector('article');
    for (const text of STORY) article?.append(Object.assign(document.createElement('p'), { textContent: text }));
    await vi.waitFor(() => expect(hostPresent()).toBe(true), { timeout: 3000 });
    await vi.waitFor(() => expect(settles.count).toBe(1));
  });

  it('whose article is still awaited when the signal aborts: the wait ends with it', async () => {
    showPage(STORY_URL, 'Alibaba: what the memo says', []);
    await storyPage.enter(STORY_URL, ['alibaba-pla-memo'], life.signal);
    life.abort();
    expect(settles.count).toBe(1);
    const article = document.querySelector('article');
    for (const text of STORY) article?.append(Object.assign(document.createElement('p'), { textContent: text }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(hostPresent()).toBe(false);
    expect(sent).toEqual([]);
  });
});
