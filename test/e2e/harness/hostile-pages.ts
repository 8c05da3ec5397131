// Hostile pages for the "trust under attack" tests, and the checks that tell whether the page
// still works, whether the extension showed the story's context (or nothing), and whether
// anything the page controls ran in the extension's frame.
//
// Fixtures are HTML files in test/fixtures/hostile/ whose first comment says what they attack
// and what the extension must do there. Placeholders fill in the real story text, so each
// fixture stays short and readable:
//   {{probe}}          the page's own liveness probe (a script; see PROBE)
//   {{seed-title}}     the seed article's headline, HTML-escaped
//   {{seed-article}}   the seed article's paragraphs as <p> elements
//   {{seed-json}}      the seed article's text as a JSON string literal, safe inside <script>
//   {{unrelated-title}} / {{unrelated-article}}   a news page about something else
//   {{spoofed-url}}    the URL of a coverage item the page pretends to be
// The first comment holds `key: value` lines: `attacks:` (required), `expect:` sidebar |
// nothing | either, `scripts: no` (the page's own scripts cannot run, e.g. under CSP), and any
// number of `header: Name: value` lines, sent as HTTP response headers.
import type { Frame, Page } from 'puppeteer-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep, type Session } from './browsers';
import { escapeHtml, FIXTURES, UNRELATED_PAGES } from './pages';
import type { TestServer } from './server';

export const HOSTILE_DIR = join(FIXTURES, 'hostile');
export const SEED = '000_22b88a4c825870c9.txt';

/** What the extension must do on a fixture. */
export type Expect = 'sidebar' | 'nothing' | 'either';

export interface HostileFixture {
  /** File name (or generated name). */
  name: string;
  path: string;
  attacks: string;
  expect: Expect;
  /** False when the page's own scripts cannot run (CSP, sandbox): page health is read from the DOM. */
  scripts: boolean;
  /** True for documents that are not HTML (text, JSON, XML, SVG, images). */
  nonHtml: boolean;
  headers: Record<string, string>;
  type?: string;
  body: string | Buffer;
}

// ---- the story pack the sidebar must show -------------------------------------------------

interface PackJson {
  id: string;
  title: string;
  verification: { text: string }[];
  claims: { id: string }[];
  coverage: { id: string; url: string; publisher: string }[];
}
export const PACK: PackJson = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'packs', 'data', 'alibaba-pla-memo.json'), 'utf8'),
) as PackJson;

/** The coverage item a copycat page pretends to be (canonical-spoof.html). */
export const SPOOFED = PACK.coverage.find((c) => c.id === 'hurriyetdailynews') ?? PACK.coverage[0]!;

// ---- page text ----------------------------------------------------------------------------

function seedLines(file: string): { title: string; paragraphs: string[] } {
  const lines = readFileSync(join(FIXTURES, 'seeds', file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title = 'Untitled', ...rest] = lines;
  return { title, paragraphs: rest.filter((l) => l !== title) };
}

export const SEED_TEXT = seedLines(SEED);

/** A JSON string literal that cannot end the <script> element it sits in. */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The page's own code: ticks every 20 ms and records the longest gap between ticks (a page
 * whose main thread is blocked sees long gaps) and its own errors. It keeps references to the
 * built-ins it uses, so pages that break built-ins later still measure.
 */
export const PROBE = `<script>/* page-side liveness probe */
(function () {
  var now = performance.now.bind(performance);
  var p = { ticks: 0, maxGap: 0, errors: [], since: now() };
  var last = now();
  window.__probe = p;
  p.reset = function () { p.ticks = 0; p.maxGap = 0; p.since = last = now(); };
  setInterval(function () {
    var t = now();
    if (t - last > p.maxGap) p.maxGap = t - last;
    last = t;
    p.ticks++;
  }, 20);
  window.addEventListener('error', function (e) { p.errors.push(String(e.message)); });
})();
</script>`;

export function fillTemplate(html: string, vars: Record<string, string> = {}): string {
  const unrelated = UNRELATED_PAGES['city-budget']!;
  const table: Record<string, string> = {
    probe: PROBE,
    'seed-title': escapeHtml(SEED_TEXT.title),
    'seed-article': SEED_TEXT.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    'seed-json': jsonInScript(SEED_TEXT.paragraphs.join('\n\n')),
    'unrelated-title': escapeHtml(unrelated.title),
    'unrelated-article': unrelated.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    'spoofed-url': escapeHtml(SPOOFED.url),
    ...vars,
  };
  return html.replace(/\{\{([a-z-]+)\}\}/g, (whole, key: string) => table[key] ?? whole);
}

// ---- fixtures -----------------------------------------------------------------------------

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  xhtml: 'application/xhtml+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** Reads the `key: value` lines of a fixture's first comment (HTML/XML comment or the text's first lines). */
export function parseHeaderComment(text: string): { attacks: string; expect: Expect; scripts: boolean; headers: Record<string, string> } {
  const m = /<!--([\s\S]*?)-->/.exec(text) ?? /^([\s\S]*?)\n\n/.exec(text);
  const comment = m?.[1] ?? '';
  const fields: { key: string; value: string }[] = [];
  for (const raw of comment.split('\n')) {
    const line = raw.trim();
    const kv = /^(attacks|expect|scripts|header):\s*(.*)$/.exec(line);
    if (kv) fields.push({ key: kv[1]!, value: kv[2]! });
    else if (line && fields.length > 0 && fields[fields.length - 1]!.key === 'attacks') fields[fields.length - 1]!.value += ' ' + line;
  }
  const attacks = fields.find((f) => f.key === 'attacks')?.value ?? '';
  const expect = (fields.find((f) => f.key === 'expect')?.value ?? '') as Expect;
  if (!attacks || !['sidebar', 'nothing', 'either'].includes(expect)) {
    throw new Error(`hostile fixture without "attacks:" and "expect:" lines in its first comment:\n${text.slice(0, 300)}`);
  }
  const headers: Record<string, string> = {};
  for (const f of fields.filter((x) => x.key === 'header')) {
    const i = f.value.indexOf(':');
    headers[f.value.slice(0, i).trim()] = f.value.slice(i + 1).trim();
  }
  return { attacks, expect, scripts: fields.find((f) => f.key === 'scripts')?.value !== 'no', headers };
}

/** A 1x1 PNG (an image document has no DOM of its own to act on). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * 100,000 element nodes after an article: a comment section gone wild. `spa` starts as an
 * unrelated article and becomes the story when the test calls `__goStory()` (a single-page
 * app's navigation; `__goOther()` goes to another unrelated article), so detection runs on the
 * huge DOM at a moment the test chooses and its cost shows in the page's probe alone.
 */
function hugeDomHtml(kind: 'story' | 'plain' | 'spa'): string {
  const rows: string[] = [];
  // 25,000 comments of 4 elements each.
  for (let i = 0; i < 25_000; i++) rows.push(`<li class="c"><b>reader${i}</b><span>comment ${i}</span><i>+${i % 7}</i></li>`);
  const story = kind === 'story';
  const title = story ? escapeHtml(SEED_TEXT.title) : fillTemplate('{{unrelated-title}}');
  const article = story ? fillTemplate('{{seed-article}}') : fillTemplate('{{unrelated-article}}');
  const what = {
    story: 'a story page with a DOM of over 100,000 element nodes (a 25,000-comment thread): one check and one detection show the sidebar, then the content script leaves the page alone (the page’s responsiveness is timed in npm run bench)',
    plain: 'a page that is not a story with a DOM of over 100,000 element nodes: the prefilter ends the work, nothing is injected, the page stays responsive',
    spa: 'a single-page app with a DOM of over 100,000 element nodes that navigates (pushState) between an unrelated article and the story: each navigation is checked once, the story detected once over the whole huge DOM, the other article never (the blocks are timed in npm run bench)',
  }[kind];
  const budget = UNRELATED_PAGES['city-budget']!;
  // The control destination: another page about something else (the prefilter stops there).
  const other = { title: `${budget.title}: what changes for residents`, paragraphs: [...budget.paragraphs].reverse() };
  const spa =
    kind === 'spa'
      ? `<template id="story-title">${escapeHtml(SEED_TEXT.title)}</template><template id="story-article"><h1>${escapeHtml(SEED_TEXT.title)}</h1>${fillTemplate('{{seed-article}}')}</template>
<template id="other-title">${escapeHtml(other.title)}</template><template id="other-article"><h1>${escapeHtml(other.title)}</h1>${other.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</template>
<script>
// Single-page navigations: the same DOM work either way, only the destination differs.
function __go(path, which) {
  history.pushState({}, '', path);
  document.title = document.getElementById(which + '-title').content.textContent;
  document.querySelector('article').innerHTML = document.getElementById(which + '-article').innerHTML;
}
window.__goOther = function () { __go('/hostile/city-budget-what-changes.html', 'other'); };
window.__goStory = function () { __go('/hostile/us-accuses-alibaba-of-providing-pla-with-sensitive-data.html', 'story'); };
</script>`
      : '';
  return `<!--
  attacks: ${what}.
  expect: ${kind === 'plain' ? 'nothing' : 'sidebar'}
-->
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${PROBE}</head>
<body><main><article><h1>${title}</h1>
${article}
</article>
<section id="discussion"><h2>Comments</h2><ul>${rows.join('')}</ul></section></main>${spa}</body></html>`;
}

/** Documents that are not HTML, each with the story's words in it (so only the type protects them). */
function nonHtmlFixtures(): HostileFixture[] {
  const words = `${SEED_TEXT.title}\n\n${SEED_TEXT.paragraphs.slice(0, 4).join('\n\n')}`;
  const base = { expect: 'nothing' as const, scripts: false, nonHtml: true, headers: {} };
  return [
    {
      ...base,
      name: 'story.json',
      path: '/hostile/story.json',
      attacks: 'a JSON document (application/json) holding a story headline and text, with markup in its strings: nothing is injected, no error',
      body: JSON.stringify({ headline: SEED_TEXT.title, '<img src=x onerror=alert(1)>': true, __proto__x: 1, articleBody: words }, null, 2),
      type: TYPES['json'],
    },
    {
      ...base,
      name: 'story.png',
      path: '/hostile/story.png',
      attacks: 'an image document (image/png) at a URL that names the story: nothing is injected, no error',
      body: PNG_1X1,
      type: TYPES['png'],
    },
  ];
}

let cached: HostileFixture[] | null = null;

/** Every hostile fixture: the files in test/fixtures/hostile/ and the generated ones. */
export function hostileFixtures(): HostileFixture[] {
  if (cached) return cached;
  const files = readdirSync(HOSTILE_DIR).filter((f) => /\.(html|xhtml|txt|xml|svg)$/.test(f) && !f.startsWith('support-'));
  const fromFiles = files.map((name): HostileFixture => {
    const raw = readFileSync(join(HOSTILE_DIR, name), 'utf8');
    const meta = parseHeaderComment(raw);
    const ext = name.split('.').pop()!;
    return {
      name,
      path: `/hostile/${name}`,
      ...meta,
      nonHtml: !['html', 'xhtml'].includes(ext),
      type: TYPES[ext],
      body: raw,
    };
  });
  const generated: HostileFixture[] = (['story', 'plain', 'spa'] as const).map((kind) => {
    const body = hugeDomHtml(kind);
    return { name: `huge-dom-${kind}`, path: `/hostile/huge-dom-${kind}.html`, body, ...parseHeaderComment(body), nonHtml: false };
  });
  generated.push(...nonHtmlFixtures());
  cached = [...fromFiles, ...generated];
  return cached;
}

/** Serves every hostile fixture and the pages they embed (support-*.html, under /hostile/support/). */
export function serveHostile(server: TestServer): HostileFixture[] {
  const all = hostileFixtures();
  for (const f of all) {
    const body = typeof f.body === 'string' ? fillTemplate(f.body) : f.body;
    server.route(f.path, { body, headers: f.headers, ...(f.type ? { type: f.type } : {}) });
  }
  // Browsers ask for a favicon (Chromium again on every same-document navigation); a 404 would
  // fill the console with noise.
  server.route('/favicon.ico', { body: PNG_1X1, type: 'image/png' });
  for (const name of readdirSync(HOSTILE_DIR).filter((f) => f.startsWith('support-'))) {
    const body = fillTemplate(readFileSync(join(HOSTILE_DIR, name), 'utf8'));
    server.route(`/hostile/support/${name.replace(/^support-/, '')}`, { body, type: TYPES['html'] });
  }
  return all;
}

// ---- what the page sees -------------------------------------------------------------------

interface Probe {
  ticks: number;
  maxGap: number;
  errors: string[];
  since: number;
  reset(): void;
}
type ProbeWindow = Window & { __probe?: Probe; __pwned?: unknown };

/** The page's probe (null on pages whose scripts cannot run). */
export async function probe(page: Page): Promise<{ ticks: number; maxGap: number; errors: string[]; ms: number } | null> {
  return page.evaluate(() => {
    const p = (window as ProbeWindow).__probe;
    return p ? { ticks: p.ticks, maxGap: p.maxGap, errors: p.errors.slice(), ms: performance.now() - p.since } : null;
  });
}

export async function resetProbe(page: Page): Promise<void> {
  await page.evaluate(() => (window as ProbeWindow).__probe?.reset());
}

// ---- what the content script did ------------------------------------------------------------

/** The e2e build's events for the content script's work (src/content/settled.ts). */
const WORK_EVENTS = { checks: 'story-context:e2e-check', detections: 'story-context:e2e-detect', watchEnded: 'story-context:e2e-watch-ended' };

/**
 * What the content script has done in the page's current document: checks of the address
 * started, detections run, times it settled (finished with an address), and whether the
 * navigation watch gave up. Counts, not times: they do not depend on the machine's speed.
 */
export interface Work {
  checks: number;
  detections: number;
  settled: number;
  watchEnded: number;
}

/**
 * From now on, every document `page` loads counts the content script's work events, from
 * before the page's own scripts run (like `countSettled`, which counts `settled`). Call before `goto`.
 */
export async function countWork(page: Page): Promise<void> {
  await page.evaluateOnNewDocument((events: typeof WORK_EVENTS) => {
    let checks = 0;
    let detections = 0;
    let watchEnded = 0;
    EventTarget.prototype.addEventListener.call(document, events.checks, () => (checks += 1));
    EventTarget.prototype.addEventListener.call(document, events.detections, () => (detections += 1));
    EventTarget.prototype.addEventListener.call(document, events.watchEnded, () => (watchEnded += 1));
    Object.defineProperty(window, '__storyContextWork', { get: () => ({ checks, detections, watchEnded }) });
  }, WORK_EVENTS);
}

type WorkWindow = Window & { __storyContextWork?: Omit<Work, 'settled'>; __storyContextSettled?: number };

/** The counts so far (set up with `countWork` and `countSettled`). */
export async function work(page: Page): Promise<Work> {
  return page.evaluate(() => {
    const w = window as WorkWindow;
    const c = w.__storyContextWork;
    return { checks: c?.checks ?? 0, detections: c?.detections ?? 0, settled: w.__storyContextSettled ?? 0, watchEnded: c?.watchEnded ?? 0 };
  });
}

/** Waits until the navigation watch of the content script in `page` has given up. */
export async function watchEnded(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => ((window as WorkWindow).__storyContextWork?.watchEnded ?? 0) > 0, { timeout, polling: 50 });
}

/**
 * The page still works: its own timer keeps ticking (when it may run scripts) and nothing set
 * the `__pwned` marker that every payload in the fixtures aims for, or replaced the title.
 * Ticking means one more tick, whenever it comes: a busy machine delays it, a frozen page never
 * gets there (10 s).
 */
export async function pageHealth(page: Page, waitMs = 400): Promise<{ ticking: boolean | null; pwned: unknown; title: string; errors: string[] }> {
  const before = await probe(page);
  // Time for a payload on a timer, or behind an event, to go off: nothing marks that none will.
  await sleep(waitMs);
  let after = await probe(page);
  const deadline = Date.now() + 10_000;
  while (before && after && after.ticks <= before.ticks && Date.now() < deadline) {
    await sleep(50);
    after = await probe(page);
  }
  const rest = await page.evaluate(() => {
    let title = '';
    try {
      // The prototype's getter: a page may clobber document.title with a named element.
      title = String(Object.getOwnPropertyDescriptor(Document.prototype, 'title')!.get!.call(document));
    } catch {
      title = '(unreadable)';
    }
    return { pwned: (window as ProbeWindow).__pwned ?? null, title };
  });
  return {
    ticking: before && after ? after.ticks > before.ticks : null,
    pwned: rest.pwned,
    title: rest.title,
    errors: after?.errors ?? [],
  };
}

/** Errors the page reported to the browser (its console and uncaught exceptions). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err instanceof Error ? err.message : String(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** Errors that name the extension (its scripts or its URL): the page's own errors are its business. */
export function extensionErrors(errors: string[], s: Session): string[] {
  const host = s.base.replace(/\/$/, '');
  return errors.filter((e) => e.includes(host) || /story-context|chrome-extension:|moz-extension:/i.test(e));
}

/**
 * How many elements carry the extension's host marker, as the page sees its document. Main-world
 * helpers read the DOM through the prototypes' own accessors and plain loops, so a page that
 * clobbers `document.querySelector` or breaks `Array.from` does not blind the test.
 */
export async function hostCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const all = Document.prototype.getElementsByTagName.call(document, '*');
    let n = 0;
    for (let i = 0; i < all.length; i++) if (Element.prototype.hasAttribute.call(all[i], 'data-story-context')) n++;
    return n;
  });
}

/**
 * What the page can learn about the host: whether its shadow root is reachable (it must not be)
 * and whether any iframe in the page's own tree points at the extension.
 */
export async function hostExposure(page: Page): Promise<{ shadowRoot: boolean; extensionFramesInLightDom: number }> {
  return page.evaluate(() => {
    const all = Document.prototype.getElementsByTagName.call(document, '*');
    let shadowRoot = false;
    let ext = 0;
    const shadowGetter = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      if (Element.prototype.hasAttribute.call(el, 'data-story-context') && shadowGetter.call(el)) shadowRoot = true;
      const src = el.localName === 'iframe' ? (Element.prototype.getAttribute.call(el, 'src') ?? '') : '';
      if (src.indexOf('chrome-extension:') === 0 || src.indexOf('moz-extension:') === 0) ext++;
    }
    return { shadowRoot, extensionFramesInLightDom: ext };
  });
}

/**
 * Whether the reader sees the extension at a point of the viewport: the topmost element there
 * (as the page's hit testing reports it) is the host. The panel covers the right 380 px; the
 * collapsed tab sits at the right edge, 40% down.
 */
export async function visibleAt(page: Page, where: 'panel' | 'tab'): Promise<boolean> {
  return page.evaluate((w) => {
    const root = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')!.get!.call(document) as Element;
    // clientWidth, not innerWidth: the panel is fixed to the right edge of the viewport, left of
    // any classic scrollbar.
    const width = root.clientWidth;
    const height = window.innerHeight;
    const x = w === 'panel' ? width - 150 : width - 6;
    const y = w === 'panel' ? Math.round(height / 2) : Math.round(height * 0.4) + 30;
    const el = Document.prototype.elementFromPoint.call(document, x, y);
    return el !== null && Element.prototype.hasAttribute.call(el, 'data-story-context');
  }, where);
}

/** Clicks the collapsed "Context" tab (it lives in a closed shadow root: click where it is). */
export async function clickContextTab(page: Page): Promise<void> {
  const { x, y } = await page.evaluate(() => ({ x: document.documentElement.clientWidth - 6, y: Math.round(window.innerHeight * 0.4) + 30 }));
  await page.mouse.click(x, y);
}

function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}

/**
 * The ready sidebar frame in `page`, or null after `timeout`. Unlike `sidebarFrame` it never
 * hangs on a frame that is being removed (pages here remove and re-add the host).
 */
export async function findSidebar(s: Session, page: Page, timeout: number): Promise<Frame | null> {
  const deadline = Date.now() + timeout;
  do {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.detached) continue;
      const href = await within(frame.evaluate(() => location.href), 1_000, '');
      if (!href.startsWith(s.base + 'sidebar.html')) continue;
      const ready = await within(frame.evaluate(() => document.querySelector('[data-ready]') !== null), 1_000, false);
      if (ready) return frame;
    }
    await sleep(100);
  } while (Date.now() < deadline);
  return null;
}

/** Extension frames (sidebar.html) in the page, ready or not. */
export async function extensionFrameCount(s: Session, page: Page): Promise<number> {
  let n = 0;
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    const href = await within(frame.evaluate(() => location.href), 1_000, '');
    if (href.startsWith(s.base)) n++;
  }
  return n;
}

/** Hosts inside the page's own child frames: the content script must act in the top frame only. */
export async function hostsInChildFrames(s: Session, page: Page): Promise<number> {
  let n = 0;
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    const href = await within(frame.evaluate(() => location.href), 1_000, '');
    if (href.startsWith(s.base)) continue;
    n += await within(frame.evaluate(() => document.querySelectorAll('[data-story-context]').length), 1_000, 0);
  }
  return n;
}

// ---- what the extension shows ---------------------------------------------------------------

export interface SidebarView {
  /** Text of the verification section (the first thing a reader sees). */
  verification: string;
  claims: number;
  statements: number;
  coverageHrefs: string[];
  pageTitle: string | null;
  text: string;
}

export async function sidebarView(frame: Frame): Promise<SidebarView> {
  return frame.evaluate(() => {
    const q = (sel: string) => document.querySelector(sel);
    const hrefs: string[] = [];
    for (const item of Array.from(document.querySelectorAll('[data-testid="coverage-item"]'))) {
      for (const a of Array.from(item.querySelectorAll('a[href]'))) hrefs.push((a as HTMLAnchorElement).href);
    }
    const titleEl = q('#sb-page-title');
    return {
      verification: q('[data-testid="verification"]')?.textContent ?? '',
      claims: document.querySelectorAll('[data-testid="claim"]').length,
      statements: document.querySelectorAll('[data-testid="statement"]').length,
      coverageHrefs: hrefs,
      pageTitle: titleEl ? titleEl.textContent : null,
      text: document.body.textContent ?? '',
    };
  });
}

/** The sidebar shows this story's context: its verification notes first, every claim. */
export function showsStory(view: SidebarView): boolean {
  return view.verification.includes(PACK.verification[0]!.text) && view.claims === PACK.claims.length && view.statements > 0;
}

/**
 * Anything from the page that became live in the extension's frame: inline handlers, script
 * elements that are not the extension's own, non-http(s) links, embedded frames, a `__pwned`
 * marker, or keys added to Object.prototype.
 */
export async function frameContamination(frame: Frame, base: string): Promise<string[]> {
  return frame.evaluate((extBase) => {
    const bad: string[] = [];
    const w = window as Window & { __pwned?: unknown };
    if (w.__pwned !== undefined) bad.push(`__pwned=${String(w.__pwned)}`);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(a.value) && /^(href|src|action|formaction|xlink:href)$/i.test(a.name)) bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
      }
    }
    for (const sc of Array.from(document.querySelectorAll('script'))) {
      if (!(sc.src && sc.src.startsWith(extBase))) bad.push(`script ${sc.src || sc.textContent?.slice(0, 40)}`);
    }
    for (const a of Array.from(document.querySelectorAll('a[href]'))) {
      const href = (a as HTMLAnchorElement).href;
      if (!/^https?:/.test(href) && !href.startsWith(extBase)) bad.push(`link ${href.slice(0, 60)}`);
    }
    for (const el of Array.from(document.querySelectorAll('iframe, object, embed, frame'))) bad.push(`embedded ${el.tagName}`);
    const polluted = Object.keys(Object.prototype);
    if (polluted.length) bad.push(`Object.prototype: ${polluted.join(',')}`);
    return bad;
  }, base);
}

// ---- the e2e message bridge (test builds only, /__e2e/ pages) --------------------------------

/** Waits until the content script's test bridge answers on this page. */
export async function waitForBridge(page: Page, timeout = 10_000): Promise<void> {
  const ok = await page.evaluate(async (ms: number) => {
    const deadline = performance.now() + ms;
    let id = 1_000_000;
    while (performance.now() < deadline) {
      const myId = ++id;
      // No named functions in here: tsx's keepNames would wrap them in a helper the page lacks.
      const answered = await new Promise<boolean>((res) => {
        const stop = new AbortController();
        window.addEventListener(
          'message',
          (e: MessageEvent) => {
            const d = e.data as { e2eReplyTo?: number } | null;
            if (d && d.e2eReplyTo === myId) {
              stop.abort();
              res(true);
            }
          },
          { signal: stop.signal },
        );
        window.postMessage({ e2eId: myId, e2eSend: { type: 'e2e/ping' } }, '*');
        setTimeout(() => {
          stop.abort();
          res(false);
        }, 250);
      });
      if (answered) return true;
    }
    return false;
  }, timeout);
  if (!ok) throw new Error(`the e2e bridge did not answer on ${page.url()}`);
}

// ---- the fuzz page ------------------------------------------------------------------------------

/**
 * A story page on an /__e2e/ path (where the test build's content script installs its message
 * bridge) with a batch sender: `__fuzzBatch(jsonText, timeoutMs)` parses a JSON array of
 * messages (JSON.parse keeps "__proto__" keys as own keys, as an attacker's would be), turns
 * `{"$special": kind}` markers into values JSON cannot carry, posts them all to the bridge at
 * once and resolves with one result per message: `{reply}`, `{threw}` (the content script's
 * sendMessage refused it) or `{timeout: true}`.
 */
export function fuzzPageHtml(): string {
  return fillTemplate(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{seed-title}}</title>
{{probe}}
<script>
(function () {
  var seq = 0;
  var pending = {};
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || typeof d.e2eReplyTo !== 'number') return;
    var done = pending[d.e2eReplyTo];
    if (!done) return;
    delete pending[d.e2eReplyTo];
    done('threw' in d ? { threw: String(d.threw) } : { reply: d.reply });
  });
  function special(kind) {
    switch (kind) {
      case 'undefined': return undefined;
      case 'nan': return NaN;
      case 'infinity': return -Infinity;
      case 'bigint': return BigInt('123456789012345678901234567890');
      case 'date': return new Date(0);
      case 'regexp': return /content\\/detected/g;
      case 'map': return new Map([['type', 'items/save']]);
      case 'set': return new Set(['content/detected']);
      case 'buffer': return new Uint8Array([123, 34, 116, 121, 112, 101, 34, 125]).buffer;
      case 'typed': return new Float64Array([1, NaN, Infinity]);
      case 'cycle': { var o = { type: 'content/cleared', url: location.href }; o.self = o; return o; }
      case 'sparse': { var a = []; a[5000] = 'content/detected'; return a; }
      case 'error': return new TypeError('items/save');
      case 'blob': return new Blob(['{"type":"items/save"}'], { type: 'application/json' });
      default: return kind;
    }
  }
  function revive(v) {
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) v[i] = revive(v[i]); return v; }
    if (v && typeof v === 'object') {
      var keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$special') return special(v.$special);
      for (var k = 0; k < keys.length; k++) {
        var r = revive(v[keys[k]]);
        if (r !== v[keys[k]]) v[keys[k]] = r;
      }
    }
    return v;
  }
  function send(msg, timeoutMs) {
    var id = ++seq;
    return new Promise(function (resolve) {
      pending[id] = resolve;
      try {
        window.postMessage({ e2eId: id, e2eSend: msg }, '*');
      } catch (err) {
        delete pending[id];
        resolve({ threw: 'postMessage: ' + String(err) });
        return;
      }
      setTimeout(function () {
        if (pending[id]) { delete pending[id]; resolve({ timeout: true }); }
      }, timeoutMs);
    });
  }
  window.__fuzzBatch = function (text, timeoutMs) {
    var msgs = JSON.parse(text);
    var out = [];
    for (var i = 0; i < msgs.length; i++) out.push(send(revive(msgs[i]), timeoutMs));
    return Promise.all(out);
  };
})();
</script>
</head>
<body>
<main>
<article>
<h1>{{seed-title}}</h1>
{{seed-article}}
</article>
</main>
</body>
</html>`);
}
