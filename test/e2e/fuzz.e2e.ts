// Message fuzzing from a real content-script context. The test build's content script carries
// a bridge on /__e2e/ pages: the page hands it any value and the content script sends it to the
// background with runtime.sendMessage, exactly as a compromised content script could. Over
// 10,000 generated messages per browser (fast-check, fixed seed): random JSON, valid messages
// with one field broken, every extension-page message type (privileged: a content script must
// be refused), valid reports naming stories that do not exist, prototype tricks, deep nesting,
// huge strings and values JSON cannot carry. Every reply must be `{ok:false, error}` or, for a
// valid content message, `{ok:true, value}`; afterwards the background still answers, nothing
// privileged took effect (no saved items, no opened tabs, no changed settings, no sidebar
// toggled, no source marked as opened) and nothing threw.
import fc from 'fast-check';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROWSERS, launch, openExtensionPage, type Session } from './harness/browsers';
import { startServer, type TestServer } from './harness/server';
import { collectErrors, findSidebar, fuzzPageHtml, PACK, serveHostile, showsStory, sidebarView, visibleAt, waitForBridge } from './harness/hostile-pages';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20251114);
const BATCH = 200;
const VIEWPORT = { width: 1280, height: 800 };

// ---- what a reply may be ----------------------------------------------------------------------

/**
 * accepted: a valid content message; the reply is `{ok:true, value}` of its type.
 * refused: `{ok:false, error: string}`.
 * unsent-or-refused / unsent-or-accepted: the browser itself may refuse to carry it (too big,
 * not cloneable): then the content script's sendMessage throws and nothing reaches the
 * background. If it is carried, the background's answer must be the other half.
 * envelope: values JSON cannot carry, whose shape after the browser's serialisation differs
 * between browsers: any well-formed reply (ok:true only for content/* types), or unsent.
 */
type Expectation = 'accepted' | 'refused' | 'unsent-or-refused' | 'unsent-or-accepted' | 'envelope';

interface Case {
  kind: string;
  msg: unknown;
  expect: Expectation;
  /** The message's type when `msg` is a marker the page turns into the real value. */
  type?: string;
}

type Result = { reply: unknown } | { threw: string } | { timeout: true };

function judge(c: Case, r: Result): string | null {
  const unsentOk = c.expect === 'unsent-or-refused' || c.expect === 'unsent-or-accepted' || c.expect === 'envelope';
  if ('timeout' in r) return unsentOk ? null : 'no reply within the time limit';
  if ('threw' in r) return unsentOk ? null : `sendMessage threw: ${r.threw}`;
  const reply = r.reply as { ok?: unknown; error?: unknown; value?: unknown } | null;
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') return `not a reply envelope: ${JSON.stringify(reply)?.slice(0, 200)}`;
  if (reply.ok === false) {
    if (typeof reply.error !== 'string' || reply.error.length === 0) return `refusal without an error message: ${JSON.stringify(reply).slice(0, 200)}`;
    return c.expect === 'accepted' || c.expect === 'unsent-or-accepted' ? `refused a valid message: ${reply.error}` : null;
  }
  if (c.expect === 'refused' || c.expect === 'unsent-or-refused') return `accepted: ${JSON.stringify(reply).slice(0, 200)}`;
  const type = c.type ?? (c.msg as { type?: unknown } | null)?.type;
  const value = reply.value as { sidebar?: unknown; ok?: unknown } | null;
  if (type === 'content/detected') return value && (value.sidebar === 'open' || value.sidebar === 'collapsed') ? null : `odd detected reply ${JSON.stringify(reply)}`;
  if (type === 'content/cleared') return value && value.ok === true ? null : `odd cleared reply ${JSON.stringify(reply)}`;
  return `accepted a message that is not a content message: ${JSON.stringify(reply).slice(0, 200)}`;
}

// ---- generators --------------------------------------------------------------------------------

/** Strings of at most `max` UTF-16 units (any code point takes at most two). */
const str = (max: number) => fc.string({ maxLength: Math.floor(max / 2), unit: 'binary' });
const num = fc.double({ noNaN: true, noDefaultInfinity: true });
const httpUrl = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 2048);
/**
 * Stands for the fuzz page's own address (known once the server runs), which is what an honest
 * content script reports: a report about another address is a different question, asked by
 * its own test below.
 */
const OWN_URL = 'http://own-page.invalid/__e2e/fuzz.html';
const WHERE = ['title', 'lead', 'body', 'url', 'meta'] as const;

const validSignal = fc.record({ id: str(200), label: str(300), where: fc.constantFrom(...WHERE), weight: num, text: str(300) });
/** Kind ids as packs name them: slugs, and camelCase from format 1. */
const MENTION_IDS = ['denial', 'embassy', 'ft-caveat', 'ftCaveat', 'nvidia-denial', 'no-evidence'] as const;

const validReport = fc.record({
  storyId: fc.constant(PACK.id),
  score: num,
  threshold: num,
  lang: str(40),
  title: str(2000),
  signals: fc.array(validSignal, { maxLength: 6 }),
  // Mention kinds are the pack's own ids (format 2): any number up to the cap, each a boolean.
  mentions: fc.dictionary(fc.constantFrom(...MENTION_IDS), fc.boolean(), { maxKeys: MENTION_IDS.length }),
  knownCoverageId: fc.option(str(200), { nil: null }),
  caution: fc.option(str(2000), { nil: null }),
});
const validDetected = fc.record({ type: fc.constant('content/detected'), url: fc.constant(OWN_URL), report: validReport });
const validCleared = fc.record({ type: fc.constant('content/cleared'), url: fc.constant(OWN_URL) });

type Kind = 'literal' | 'url' | 'object' | 'array' | 'string' | 'nullable-string' | 'number' | 'boolean' | 'storyId' | 'where';
interface Field {
  path: (string | number)[];
  kind: Kind;
  max?: number;
  /** May be left out: a report names only the mention kinds its pack checks for. */
  optional?: true;
}
const DETECTED_FIELDS: Field[] = [
  { path: ['type'], kind: 'literal' },
  { path: ['url'], kind: 'url', max: 2048 },
  { path: ['report'], kind: 'object' },
  { path: ['report', 'storyId'], kind: 'storyId', max: 200 },
  { path: ['report', 'score'], kind: 'number' },
  { path: ['report', 'threshold'], kind: 'number' },
  { path: ['report', 'lang'], kind: 'string', max: 40 },
  { path: ['report', 'title'], kind: 'string', max: 2000 },
  { path: ['report', 'signals'], kind: 'array', max: 200 },
  { path: ['report', 'mentions'], kind: 'object' },
  ...MENTION_IDS.map((id): Field => ({ path: ['report', 'mentions', id], kind: 'boolean', optional: true })),
  { path: ['report', 'knownCoverageId'], kind: 'nullable-string', max: 200 },
  { path: ['report', 'caution'], kind: 'nullable-string', max: 2000 },
  { path: ['report', 'signals', 0], kind: 'object' },
  { path: ['report', 'signals', 0, 'id'], kind: 'string', max: 200 },
  { path: ['report', 'signals', 0, 'label'], kind: 'string', max: 300 },
  { path: ['report', 'signals', 0, 'where'], kind: 'where' },
  { path: ['report', 'signals', 0, 'weight'], kind: 'number' },
  { path: ['report', 'signals', 0, 'text'], kind: 'string', max: 300 },
];

/** Values of the wrong type for each kind of field (all JSON, so both browsers carry them alike). */
const WRONG: Record<Kind, unknown[]> = {
  literal: ['content/detected ', 'Content/Detected', 'content/detect', 'content/', 'items/save', '', 1, null, [], {}, 'content/detected\u0000'],
  url: [1, null, true, [], {}, ['https://a.example/'], 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://a.example/', 'chrome-extension://abcdefghijklmnop/popup.html', 'moz-extension://00000000-0000-0000-0000-000000000000/popup.html', '//evil.example/', '/relative/path', '', 'about:blank', ' https://leading-space.example/', 'https:/one-slash.example/'],
  object: [null, 'x', 1, true, [], [{}], ''],
  array: [null, 'x', 1, true, {}, { length: 1, 0: {} }],
  string: [0, 1.5, true, false, null, [], {}, ['a'], { 0: 'a' }],
  'nullable-string': [0, true, [], {}, ['x']],
  number: ['1', '', true, null, [], {}, [1], '1e3'],
  boolean: ['true', 'false', 1, 0, null, [], {}],
  storyId: [1, true, [], {}, null, ''],
  where: ['header', '', 'TITLE', 'Title', 1, null, []],
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function parentOf(root: unknown, path: (string | number)[]): Record<string | number, unknown> | null {
  let cur = root as Record<string | number, unknown> | null;
  for (const key of path.slice(0, -1)) {
    if (!cur || typeof cur !== 'object') return null;
    cur = cur[key] as Record<string | number, unknown> | null;
  }
  return cur && typeof cur === 'object' ? cur : null;
}

function applicable(msg: unknown, f: Field): boolean {
  return parentOf(msg, f.path) !== null && (parentOf(msg, f.path) as Record<string | number, unknown>)[f.path[f.path.length - 1]!] !== undefined;
}

/** Nested arrays `depth` deep around a string. */
function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'toJSON', 'then', 'hasOwnProperty', '__defineGetter__', 'ok', 'error', 'value', 'sidebar', 'tabId'];

/**
 * A valid content/detected message with one mutation, labelled with what the background must
 * answer. The labels follow the protocol as documented (types, lengths, required keys, http(s)
 * URLs, known story ids), not the validator's code.
 */
const mutatedDetected: fc.Arbitrary<Case> = fc
  .tuple(
    validDetected,
    fc.constantFrom('wrong-type', 'too-long', 'missing', 'extra-keys', 'proto-assisted', 'deep-extra', 'deep-field', 'array-message', 'none'),
    fc.nat(),
    fc.nat(),
    fc.dictionary(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 5 }),
    fc.integer({ min: 20, max: 1500 }),
  )
  .map(([base, how, a, b, extra, depth]): Case => {
    const msg = clone(base) as Record<string, unknown>;
    const fields = DETECTED_FIELDS.filter((f) => applicable(msg, f));
    const field = fields[a % fields.length]!;
    switch (how) {
      case 'wrong-type': {
        const wrong = WRONG[field.kind];
        parentOf(msg, field.path)![field.path[field.path.length - 1]!] = clone(wrong[b % wrong.length]);
        return { kind: `detected/wrong-type ${field.path.join('.')}`, msg, expect: 'refused' };
      }
      case 'too-long': {
        const limited = fields.filter((f) => f.max !== undefined);
        const f = limited[a % limited.length]!;
        const p = parentOf(msg, f.path)!;
        const k = f.path[f.path.length - 1]!;
        const over = f.max! + 1 + (b % 500);
        if (f.kind === 'array') p[k] = Array.from({ length: over }, () => ({ id: 's', label: 'l', where: 'body', weight: 1, text: 't' }));
        else if (f.kind === 'url') p[k] = 'https://long.example/' + 'a'.repeat(over);
        else p[k] = 'x'.repeat(over);
        return { kind: `detected/too-long ${f.path.join('.')}`, msg, expect: 'refused' };
      }
      case 'missing': {
        const keyed = fields.filter((f) => typeof f.path[f.path.length - 1] === 'string' && !f.optional);
        const f = keyed[a % keyed.length]!;
        delete parentOf(msg, f.path)![f.path[f.path.length - 1]!];
        return { kind: `detected/missing ${f.path.join('.')}`, msg, expect: 'refused' };
      }
      case 'extra-keys': {
        // Unknown keys on any object level are ignored, whatever their names ("__proto__"
        // included: JSON makes it an own key, as an attacker's JSON would). Not in `mentions`:
        // its keys are the pack's kind ids, each value checked (wrong-type covers it).
        const targets = [msg, msg['report']] as Record<string, unknown>[];
        const target = targets[b % targets.length]!;
        for (const [k, v] of Object.entries(extra)) {
          if (!Object.prototype.hasOwnProperty.call(target, k)) Object.defineProperty(target, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        return { kind: 'detected/extra-keys', msg, expect: 'accepted' };
      }
      case 'proto-assisted': {
        // A required key is missing and offered through an own "__proto__" key instead: the
        // receiver must not read it through a prototype chain.
        const keyed = fields.filter((f) => typeof f.path[f.path.length - 1] === 'string' && !f.optional);
        const f = keyed[a % keyed.length]!;
        const p = parentOf(msg, f.path)!;
        const k = f.path[f.path.length - 1]!;
        const value = p[k];
        delete p[k];
        Object.defineProperty(p, '__proto__', { value: { [k]: value }, enumerable: true, writable: true, configurable: true });
        return { kind: `detected/proto-assisted ${f.path.join('.')}`, msg, expect: 'refused' };
      }
      case 'deep-extra':
        msg['deep'] = nested(depth);
        return { kind: 'detected/deep-extra', msg, expect: 'unsent-or-accepted' };
      case 'deep-field':
        (msg['report'] as Record<string, unknown>)['signals'] = nested(depth);
        return { kind: 'detected/deep-field', msg, expect: 'unsent-or-refused' };
      case 'array-message':
        return { kind: 'detected/array-message', msg: [msg], expect: 'refused' };
      default:
        return { kind: 'detected/valid', msg, expect: 'accepted' };
    }
  });

const mutatedCleared: fc.Arbitrary<Case> = fc.tuple(validCleared, fc.nat(), fc.boolean(), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })).map(([base, n, extra, keys]): Case => {
  const msg = clone(base) as Record<string, unknown>;
  if (n % 3 === 0) {
    msg['url'] = clone(WRONG.url[n % WRONG.url.length]);
    return { kind: 'cleared/bad-url', msg, expect: 'refused' };
  }
  if (n % 3 === 1 && extra) {
    for (const [k, v] of Object.entries(keys)) if (k !== 'type' && k !== 'url') Object.defineProperty(msg, k, { value: v, enumerable: true, writable: true, configurable: true });
    return { kind: 'cleared/extra-keys', msg, expect: 'accepted' };
  }
  return { kind: 'cleared/valid', msg, expect: 'accepted' };
});

const NOT_STORIES = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'length', '0', 'null', 'undefined', '*', '.*',
  PACK.id.toUpperCase(), ` ${PACK.id}`, `${PACK.id} `, `${PACK.id}\u0000`, `${PACK.id}\u200b`, `${PACK.id}/`, `../${PACK.id}`, PACK.id.replace(/-/g, '_'),
  PACK.id.slice(0, -1), `${PACK.id}-2`, 'x'.repeat(201),
];
const wrongStory: fc.Arbitrary<Case> = fc.tuple(validDetected, fc.oneof(fc.constantFrom(...NOT_STORIES), fc.string({ maxLength: 60 }))).map(([base, storyId]): Case => {
  const msg = clone(base);
  (msg.report as { storyId: string }).storyId = storyId === PACK.id ? `${storyId}?` : storyId;
  return { kind: 'detected/unknown-story', msg, expect: 'refused' };
});

// Every extension-page message, well formed: a content script may send none of them.
// Small ids hit real tabs in Firefox (it numbers them from 1); Chromium's are large.
const tabId = fc.oneof(fc.integer({ min: -1, max: 40 }), fc.integer({ min: 0, max: 2_000_000_000 }));
const saveItem = fc.record(
  {
    kind: fc.constantFrom('article', 'claim', 'quote', 'source'),
    url: httpUrl,
    title: str(500),
    publisher: str(300),
    quote: str(500),
    note: str(500),
    tags: fc.array(str(64), { maxLength: 5 }),
    storyId: fc.option(fc.constant(PACK.id), { nil: null }),
    ref: str(300),
  },
  { requiredKeys: ['kind', 'url', 'title'] },
);
function exportText(items: unknown[]): string {
  return JSON.stringify({
    format: 'story-context-export',
    version: 1,
    exportedAt: '2025-11-20T00:00:00.000Z',
    settings: { sidebarMode: 'always-open', disabledSites: ['127.0.0.1', 'localhost'] },
    items,
    visits: PACK.coverage.slice(0, 5).map((c) => ({ url: c.url, storyId: PACK.id, firstAt: 1, lastAt: 1, count: 1 })),
  });
}
const privileged: fc.Arbitrary<Case> = fc
  .oneof(
    fc.record({ type: fc.constant('ui/tabContext'), tabId }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('ui/sidebar'), tabId, state: fc.constantFrom('open', 'collapsed', 'toggle') }, { requiredKeys: ['type', 'state'] }),
    fc.record({ type: fc.constant('ui/openSource'), url: httpUrl, storyId: fc.constant(PACK.id) }),
    fc.record({ type: fc.constant('ui/visits'), storyId: fc.constant(PACK.id) }),
    fc.record({ type: fc.constant('ui/openTab'), url: httpUrl }),
    fc.record({ type: fc.constant('items/save'), item: saveItem }),
    fc.record({ type: fc.constant('items/update'), id: str(200), patch: fc.record({ note: str(500), tags: fc.array(str(64), { maxLength: 4 }) }) }),
    fc.record({ type: fc.constant('items/delete'), ids: fc.array(str(200), { maxLength: 20 }) }),
    fc.record({ type: fc.constant('items/undo'), token: str(200) }),
    fc.record({ type: fc.constant('items/list'), query: fc.record({ text: str(100) }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant('items/export') }),
    fc.record({ type: fc.constant('items/import'), settings: fc.constantFrom('apply', 'ignore'), text: fc.array(saveItem, { minLength: 1, maxLength: 3 }).map((items) => exportText(items.map((it, i) => ({ id: `planted-${i}`, publisher: '', quote: '', note: '', tags: [], storyId: null, ref: '', site: 'evil.example', key: `k${i}`, createdAt: 1, updatedAt: 1, ...it })))) }),
    fc.record({ type: fc.constant('settings/get') }),
    fc.record({ type: fc.constant('settings/update'), patch: fc.record({ sidebarMode: fc.constantFrom('always-open', 'tab-only', 'first-open') }) }),
    fc.record({ type: fc.constant('site/setEnabled'), site: fc.oneof(fc.constantFrom('127.0.0.1', 'localhost'), fc.domain()), enabled: fc.boolean() }),
  )
  .map((msg): Case => ({ kind: `privileged/${(msg as { type: string }).type}`, msg, expect: 'refused' }));

const randomJson: fc.Arbitrary<Case> = fc.jsonValue({ maxDepth: 4 }).map((msg): Case => {
  // A random value is refused unless it happens to be a well-formed content message, which
  // these generators cannot produce (no random URL starts with http).
  return { kind: 'random-json', msg, expect: 'refused' };
});

const SPECIALS = ['undefined', 'nan', 'infinity', 'bigint', 'date', 'regexp', 'map', 'set', 'buffer', 'typed', 'cycle', 'sparse', 'error', 'blob'];

/**
 * Values JSON cannot carry, built in the page: as the whole message, as the report's score, as
 * the URL and as an extra key of a valid report. Chromium's messaging serialises like JSON,
 * Firefox's uses structured clone, so what arrives differs; what the background may answer
 * follows from the field: a score of -Infinity is a number to one and null to the other.
 */
function specialCases(base: Record<string, unknown>): Case[] {
  const out: Case[] = [];
  for (const s of SPECIALS) {
    const special = { $special: s };
    // The "cycle" value is itself a well-formed content/cleared message with a looping extra key.
    out.push(s === 'cycle' ? { kind: 'special/whole cycle', msg: special, expect: 'envelope', type: 'content/cleared' } : { kind: `special/whole ${s}`, msg: special, expect: 'unsent-or-refused' });
    const inScore = clone(base);
    (inScore['report'] as Record<string, unknown>)['score'] = special;
    out.push({ kind: `special/score ${s}`, msg: inScore, expect: s === 'infinity' ? 'envelope' : 'unsent-or-refused' });
    const inUrl = clone(base);
    inUrl['url'] = special;
    out.push({ kind: `special/url ${s}`, msg: inUrl, expect: 'unsent-or-refused' });
    const extra = clone(base);
    extra['extra'] = special;
    out.push({ kind: `special/extra ${s}`, msg: extra, expect: 'unsent-or-accepted' });
  }
  return out;
}

function hugeCases(base: Record<string, unknown>): Case[] {
  const out: Case[] = [];
  for (const mb of [1, 3, 5]) {
    const big = 'A'.repeat(mb * 1024 * 1024);
    const url = clone(base);
    url['url'] = `https://huge.example/${big}`;
    out.push({ kind: `huge/url ${mb}MB`, msg: url, expect: 'unsent-or-refused' });
    const title = clone(base);
    (title['report'] as Record<string, unknown>)['title'] = big;
    out.push({ kind: `huge/title ${mb}MB`, msg: title, expect: 'unsent-or-refused' });
    const extra = clone(base);
    extra['padding'] = big;
    out.push({ kind: `huge/extra ${mb}MB`, msg: extra, expect: 'unsent-or-accepted' });
    out.push({ kind: `huge/privileged-import ${mb}MB`, msg: { type: 'items/import', settings: 'apply', text: exportText([]).slice(0, -1) + `,"pad":"${big}"}` }, expect: 'unsent-or-refused' });
  }
  const manySignals = clone(base);
  (manySignals['report'] as Record<string, unknown>)['signals'] = Array.from({ length: 100_000 }, () => ({ id: 's', label: 'l', where: 'body', weight: 1, text: 't' }));
  out.push({ kind: 'huge/100k-signals', msg: manySignals, expect: 'unsent-or-refused' });
  return out;
}

function generate(seed: number): { main: Case[]; specials: Case[]; huge: Case[] } {
  const sample = <T>(arb: fc.Arbitrary<T>, n: number, offset: number): T[] => fc.sample(arb, { numRuns: n, seed: seed + offset });
  const base = clone(sample(validDetected, 1, 99)[0]!) as Record<string, unknown>;
  const main = [
    ...sample(randomJson, 2_700, 1),
    ...sample(mutatedDetected, 3_800, 2),
    ...sample(privileged, 2_000, 3),
    ...sample(wrongStory, 1_000, 4),
    ...sample(mutatedCleared, 600, 5),
  ];
  // Mix the kinds so every batch holds a bit of everything.
  const order = sample(fc.array(fc.nat(), { minLength: main.length, maxLength: main.length }), 1, 6)[0]!;
  const shuffled = main.map((c, i) => ({ c, k: order[i]! })).sort((x, y) => x.k - y.k).map((x) => x.c);
  return { main: shuffled, specials: specialCases(base), huge: hugeCases(base) };
}

// ---- the run ------------------------------------------------------------------------------------

interface Tally {
  sent: number;
  byOutcome: Record<string, number>;
  failures: string[];
}

async function runCases(page: Page, cases: Case[], batch: number, timeoutMs: number, tally: Tally): Promise<void> {
  for (let i = 0; i < cases.length; i += batch) {
    const chunk = cases.slice(i, i + batch);
    const text = JSON.stringify(chunk.map((c) => c.msg)).split(OWN_URL).join(page.url());
    const results = (await page.evaluate(
      (t: string, ms: number) => (window as unknown as { __fuzzBatch(t: string, ms: number): Promise<unknown[]> }).__fuzzBatch(t, ms),
      text,
      timeoutMs,
    )) as Result[];
    results.forEach((r, j) => {
      const c = chunk[j]!;
      tally.sent++;
      const outcome = 'timeout' in r ? 'timeout' : 'threw' in r ? 'threw' : (r.reply as { ok?: boolean } | null)?.ok === true ? 'ok' : 'refused';
      tally.byOutcome[outcome] = (tally.byOutcome[outcome] ?? 0) + 1;
      const problem = judge(c, r);
      if (problem && tally.failures.length < 40) tally.failures.push(`${c.kind}: ${problem} <- ${JSON.stringify(c.msg)?.slice(0, 240)}`);
    });
  }
}

/** What a real content script sends on the fuzz page: must still be accepted after the fuzz. */
function honestReport(url: string): unknown {
  return {
    type: 'content/detected',
    url,
    report: {
      storyId: PACK.id,
      score: 40,
      threshold: 24,
      lang: 'en',
      title: 'US Accuses Alibaba of Providing PLA With Sensitive Data and AI Tools',
      signals: [{ id: 'entity', label: 'Alibaba', where: 'title', weight: 4, text: 'Alibaba' }],
      mentions: { denial: false, embassy: false, ftCaveat: true },
      knownCoverageId: null,
      caution: null,
    },
  };
}

async function sendOne(page: Page, msg: unknown): Promise<Result> {
  const [r] = (await page.evaluate(
    (t: string) => (window as unknown as { __fuzzBatch(t: string, ms: number): Promise<unknown[]> }).__fuzzBatch(t, 10_000),
    JSON.stringify([msg]),
  )) as Result[];
  return r!;
}

describe.each(BROWSERS)('message fuzzing from a content script in %s', (name) => {
  let s: Session;
  let server: TestServer;
  let page: Page;
  let victim: Page;
  let errors: string[];
  const backgroundErrors: string[] = [];
  let tabsBefore = 0;
  const { main, specials, huge } = generate(SEED);

  beforeAll(async () => {
    server = await startServer();
    serveHostile(server);
    server.route('/__e2e/fuzz.html', { body: fuzzPageHtml() });
    s = await launch(name);
    if (name === 'chromium') {
      // Chromium lets the test listen to the background service worker: any uncaught error or
      // console error there fails the run. (Firefox's background page is not reachable over
      // WebDriver BiDi; there the background's health is judged by its answers.)
      const target = await s.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(s.base), { timeout: 15_000 });
      const worker = (await target.worker())!;
      worker.on('console', (m) => {
        if (m.type() === 'error') backgroundErrors.push(`console: ${m.text()}`);
      });
      worker.client.on('Runtime.exceptionThrown', (e) => backgroundErrors.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`));
    }
    // A story tab the fuzz must not touch: its panel is collapsed and must stay so.
    victim = await s.browser.newPage();
    await victim.setViewport(VIEWPORT);
    await victim.goto(server.url('/hostile/support/story.html?victim'));
    const victimFrame = (await findSidebar(s, victim, 15_000))!;
    if (await visibleAt(victim, 'panel')) await victimFrame.evaluate(() => (document.querySelector('[data-testid="close"]') as HTMLButtonElement).click());
    // expect.poll belongs to tests; in a hook, vi.waitFor polls the same way.
    await vi.waitFor(
      async () => {
        if (await visibleAt(victim, 'panel')) throw new Error("the victim tab's panel did not close");
      },
      { timeout: 10_000, interval: 100 },
    );

    page = await s.browser.newPage();
    await page.setViewport(VIEWPORT);
    errors = collectErrors(page);
    await page.goto(server.url('/__e2e/fuzz.html'));
    await waitForBridge(page);
    expect(await findSidebar(s, page, 15_000), 'the fuzz page is a story page with its sidebar').not.toBeNull();
    tabsBefore = (await s.browser.pages()).length;
  });
  afterAll(async () => {
    await s?.close();
    await server?.close();
  });

  it(`answers ${main.length} generated messages with a refusal or, for valid content messages, an acceptance`, async () => {
    expect(main.length + specials.length + huge.length).toBeGreaterThanOrEqual(10_000);
    const tally: Tally = { sent: 0, byOutcome: {}, failures: [] };
    const started = Date.now();
    await runCases(page, main, BATCH, 20_000, tally);
    console.log(`${name}: ${tally.sent} messages in ${Date.now() - started} ms (seed ${SEED}): ${JSON.stringify(tally.byOutcome)}`);
    expect(tally.failures).toEqual([]);
    expect(tally.sent).toBe(main.length);
    // Refusals and acceptances both happened: the fuzz reached the background's judgement.
    expect(tally.byOutcome['ok'] ?? 0).toBeGreaterThan(500);
    expect(tally.byOutcome['refused'] ?? 0).toBeGreaterThan(5_000);
  });

  it(`copes with ${specials.length} values JSON cannot carry (BigInt, cycles, Map, Blob, NaN...)`, async () => {
    // A short wait: a value the browser cannot serialise never reaches the background, and the
    // content script's sendMessage throws instead of answering.
    const tally: Tally = { sent: 0, byOutcome: {}, failures: [] };
    await runCases(page, specials, specials.length, 3_000, tally);
    console.log(`${name}: special values: ${JSON.stringify(tally.byOutcome)}`);
    expect(tally.failures).toEqual([]);
    expect(tally.sent).toBe(specials.length);
  });

  it('copes with huge messages (megabytes of text, 100,000 signals)', async () => {
    const tally: Tally = { sent: 0, byOutcome: {}, failures: [] };
    await runCases(page, huge, 3, 30_000, tally);
    console.log(`${name}: huge messages: ${JSON.stringify(tally.byOutcome)}`);
    expect(tally.failures).toEqual([]);
  });

  it('keeps answering, and honours an honest report from the content script', async () => {
    const cleared = await sendOne(page, { type: 'content/cleared', url: page.url() });
    expect(cleared).toMatchObject({ reply: { ok: true } });
    const r = await sendOne(page, honestReport(page.url()));
    expect(r).toMatchObject({ reply: { ok: true, value: { sidebar: expect.stringMatching(/^(open|collapsed)$/) } } });
    // The page's own sidebar follows the background's answer and shows the story again. It
    // reloads once per change the background announces for its tab, and the fuzz announced
    // some two thousand: give it time to work through them.
    const frame = await findSidebar(s, page, 30_000);
    expect(frame).not.toBeNull();
    await frame!.waitForFunction((text: string) => (document.querySelector('[data-testid="verification"]')?.textContent ?? '').includes(text), { timeout: 30_000, polling: 250 }, PACK.verification[0]!.text);
    expect(showsStory(await sidebarView(frame!))).toBe(true);
  });

  it('let nothing privileged take effect: no items, no tabs, no settings, no sidebar toggled', async () => {
    const open = (await s.browser.pages()).map((p) => p.url());
    expect(open.length, `tabs open now: ${open.join(', ')}`).toBe(tabsBefore);
    // Thousands of items/save and items/import from the content script: the popup has nothing.
    const popup = await openExtensionPage(s, 'popup.html');
    await popup.waitForSelector('[data-testid="empty"]', { timeout: 10_000 });
    expect(await popup.$$eval('[data-testid="item"]', (els) => els.length)).toBe(0);
    await popup.close();
    // The victim tab's panel, and the fuzz page's own, stayed collapsed through thousands of
    // ui/sidebar requests (those without a tab id mean the sender's tab).
    expect(await visibleAt(victim, 'panel')).toBe(false);
    expect(await visibleAt(page, 'panel')).toBe(false);
    // Settings as they were: the default mode, and the test site still enabled (a fresh story
    // page gets its sidebar) despite settings/update, site/setEnabled and imports.
    const fresh = await s.browser.newPage();
    await fresh.setViewport(VIEWPORT);
    await fresh.goto(server.url('/hostile/support/story.html?after-fuzz'));
    const frame = await findSidebar(s, fresh, 15_000);
    expect(frame, 'the site was turned off by a content script').not.toBeNull();
    await fresh.close();
    const options = await openExtensionPage(s, 'options.html', '#op-mode-first-open');
    expect(await options.evaluate(() => (document.getElementById('op-mode-first-open') as HTMLInputElement).checked)).toBe(true);
    await options.close();
  });

  it('cannot report about another page than its own', async () => {
    // The browser knows which page a content script runs in; a report naming another address
    // would have this tab's sidebar offer to turn the extension off for a site the reader is not
    // on, and record visits there.
    const r = await sendOne(page, honestReport('https://victim-news.example/2025/11/alibaba-pla-memo.html'));
    expect(r, 'a report about another address was accepted').toMatchObject({ reply: { ok: false, error: expect.any(String) } });
    // The refusal is the background's whole answer: what the sidebar shows after it is final.
    const frame = await findSidebar(s, page, 30_000);
    expect(await frame!.evaluate(() => document.body.textContent ?? '')).not.toContain('victim-news.example');
  });

  it('may still report after a same-document navigation (pushState) on its own site', async () => {
    // Single-page news sites change the article with pushState. The browser's idea of the
    // sender's address (MessageSender.url) stays the address the document was loaded at, in
    // Chromium and Firefox alike, so a report from the new address must still be accepted.
    const loaded = page.url();
    await page.evaluate(() => history.pushState({}, '', '/__e2e/2025/11/alibaba-pla-memo-follow-up.html'));
    try {
      const now = await page.evaluate(() => location.href);
      const r = await sendOne(page, honestReport(now));
      expect(r, 'an honest report after pushState was refused').toMatchObject({ reply: { ok: true } });
    } finally {
      await page.evaluate((u: string) => history.pushState({}, '', u), loaded);
    }
  });

  it('cannot make the sidebar mark a source as opened that the reader never opened', async () => {
    // A content script reports "known coverage" with another site's URL (a pack coverage URL):
    // the reader did not open that source, so the sidebar must not say they did.
    const target = PACK.coverage[1]!;
    const msg = honestReport(target.url) as { report: { knownCoverageId: string | null } };
    msg.report.knownCoverageId = target.id;
    await sendOne(page, msg);
    const fresh = await s.browser.newPage();
    await fresh.setViewport(VIEWPORT);
    await fresh.goto(server.url('/hostile/support/story.html?opened-check'));
    const frame = (await findSidebar(s, fresh, 15_000))!;
    const opened = await frame.evaluate((id: string) => document.querySelector(`[data-coverage-id="${id}"]`)?.getAttribute('data-opened') ?? null, target.id);
    expect(opened, `${target.publisher} is marked as opened`).toBeNull();
    await fresh.close();
  });

  it('logged no error in the page (content script included) or the background', () => {
    // The fuzz page has no errors of its own: anything here was thrown in the content script's
    // world (the page sees those too) or by the extension.
    expect(errors).toEqual([]);
    expect(backgroundErrors).toEqual([]);
  });
});
