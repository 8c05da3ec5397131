// A reader's library of saved items for the popup benchmark, written in the extension's own
// export format (src/formats/export-json.ts) so it goes through the real import path. The data
// is synthetic and deterministic (seeded), with lengths like a reader's: headlines of 40-120
// characters, notes from none to a few sentences, quotes of a sentence or two, a handful of
// tags. Sites use the reserved `.example` top-level domain: no URL here points anywhere real.
import { stringifyExport } from '../../src/formats/export-json';
import type { SavedItem, StorageSnapshot, Visit } from '../../src/storage/model';

/** mulberry32: tiny, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PUBLISHER_A = ['Northern', 'Coastal', 'Capital', 'Evening', 'Morning', 'Harbour', 'Valley', 'Metro', 'Frontier', 'Union', 'Prairie', 'Island'];
const PUBLISHER_B = ['Ledger', 'Courier', 'Gazette', 'Tribune', 'Herald', 'Chronicle', 'Observer', 'Dispatch', 'Review', 'Post'];
const STORIES: (string | null)[] = ['alibaba-pla-memo', 'alibaba-pla-memo', 'alibaba-pla-memo', null, null, null, 'port-strike-2025', 'chip-export-rules', 'river-flood-inquiry', 'central-bank-minutes'];
const CLAIM_REFS = ['tech-support', 'customer-data', 'ai-services', 'zero-days'];
const TAGS = [
  'follow-up', 'cloud', 'china', 'us-politics', 'trade', 'cybersecurity', 'denial', 'sourcing', 'wire-copy', 'ft',
  'reuters', 'afp', 'translation', 'verify', 'context', 'timeline', 'quote-check', 'embassy', 'memo', 'military',
  'markets', 'shares', 'regulation', 'sanctions', 'export-controls', 'ai', 'data', 'privacy', 'read-later', 'important',
  'to-cite', 'background', 'opinion', 'analysis', 'explainer', 'ports', 'labour', 'floods', 'insurance', 'rates',
];
const SUBJECTS = ['Alibaba', 'The White House', 'Port workers', 'Regulators', 'The central bank', 'Chipmakers', 'Insurers', 'City officials', 'The embassy', 'Cloud providers', 'Investors', 'Lawmakers', 'Union leaders', 'Analysts'];
const VERBS = ['deny', 'weigh', 'face questions over', 'push back on', 'respond to', 'warn about', 'prepare for', 'dispute', 'welcome', 'review', 'brace for', 'question'];
const OBJECTS = [
  'memo alleging military ties', 'new export rules on advanced chips', 'a strike that shut three terminals', 'rising flood claims along the river',
  'minutes showing a split on rates', 'report on customer data access', 'claims about zero-day vulnerabilities', 'calls to delist shares',
  'a leaked intelligence assessment', 'the cost of rebuilding levees', 'AI services sold to state bodies', 'tariffs on cloud hardware',
];
const TAILS = ['', '', ' as markets slide', ', report says', ' amid scrutiny', ' after weeks of talks', ' in Washington', ' despite denials', ': what we know', ' ahead of the vote'];
const NOTE_SENTENCES = [
  'Check whether this is the AFP or the Reuters version.', 'Compare with the FT original before citing.', 'The denial is quoted in full near the end.',
  'Useful background for the explainer.', 'Translated copy; wording differs from the wire.', 'No mention of the verification caveat.',
  'Ask the desk whether we have a second source.', 'Numbers differ from the earlier report.', 'Good timeline of events in the second half.',
  'Headline overstates what the memo says.', 'Keep for the weekly round-up.', 'The embassy statement is paraphrased, not quoted.',
  'Follow up once the hearing is scheduled.', 'Spokesperson named here but not elsewhere.', 'Possible rewrite of an older story.',
];
const QUOTE_SENTENCES = [
  'The claims are completely false and appear designed to mislead.', 'We have not been able to independently verify the contents of the memo.',
  'The terminals will stay closed until an agreement is signed.', 'Claims rose sharply in the weeks after the river broke its banks.',
  'Members agreed that further tightening may be needed if prices keep rising.', 'The rules apply to shipments ordered after the first of the month.',
  'We urge the United States to stop using cybersecurity issues to smear others.', 'Nothing in the report changes our assessment of the risk.',
  'The company said it had never provided such services to any military body.', 'Officials declined to say who drafted the assessment.',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function sentences(r: () => number, pool: readonly string[], min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, pool));
  return out.join(' ');
}

function uuid(r: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(r() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

export interface SavedLibrary {
  text: string;
  items: SavedItem[];
  bytes: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** A fixed "now" keeps the file byte-identical from run to run. */
const NOW = Date.UTC(2025, 10, 20, 12, 0, 0);

export function savedLibrary(count = 10_000, seed = 20251120): SavedLibrary {
  const r = rng(seed);
  const publishers = PUBLISHER_A.flatMap((a) => PUBLISHER_B.map((b) => `The ${a} ${b}`));
  const items: SavedItem[] = [];
  for (let n = 0; n < count; n++) {
    const publisher = pick(r, publishers);
    const site = `${slug(publisher.replace(/^The /, ''))}.example`;
    const roll = r();
    const kind = roll < 0.45 ? 'article' : roll < 0.7 ? 'quote' : roll < 0.85 ? 'claim' : 'source';
    const storyId = pick(r, STORIES);
    const title = `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)}${pick(r, TAILS)}`;
    const created = NOW - Math.floor(r() * 730 * DAY);
    const updated = r() < 0.3 ? created + Math.floor(r() * 30 * DAY) : created;
    const tagCount = Math.floor(r() * r() * 6);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(r, TAGS)))];
    const url = `https://www.${site}/${new Date(created).toISOString().slice(0, 10).replace(/-/g, '/')}/${slug(title)}-${n}`;
    items.push({
      id: uuid(r),
      kind,
      title,
      url,
      publisher,
      site: `www.${site}`.replace(/^www\./, ''),
      quote: kind === 'quote' ? sentences(r, QUOTE_SENTENCES, 1, 2) : '',
      note: r() < 0.5 ? '' : sentences(r, NOTE_SENTENCES, 1, 4),
      tags,
      storyId,
      ref: kind === 'claim' && storyId === 'alibaba-pla-memo' ? pick(r, CLAIM_REFS) : '',
      // Recomputed by the importer from kind, URL, ref and quote; left empty on purpose.
      key: '',
      createdAt: created,
      updatedAt: updated,
    });
  }
  const visits: Visit[] = Array.from({ length: 100 }, (_, n) => {
    const first = NOW - Math.floor(r() * 60 * DAY);
    return { url: `https://${slug(pick(r, publishers).replace(/^The /, ''))}.example/coverage/${n}`, storyId: 'alibaba-pla-memo', firstAt: first, lastAt: first + Math.floor(r() * DAY), count: 1 + Math.floor(r() * 4) };
  });
  const snapshot: StorageSnapshot = { items, visits, settings: { sidebarMode: 'always-open', disabledSites: [] } };
  const text = stringifyExport(snapshot, NOW);
  return { text, items, bytes: Buffer.byteLength(text) };
}

function haystacks(items: readonly SavedItem[]): string[] {
  return items.map((it) => [it.title, it.publisher, it.site, it.note, it.quote, ...it.tags].join('\u0000').toLowerCase());
}

function countMatches(hay: readonly string[], query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return hay.length;
  let n = 0;
  for (const h of hay) if (words.every((w) => h.includes(w))) n++;
  return n;
}

/**
 * Words a reader types one character at a time, for the search benchmark: only words whose
 * every keystroke changes the number of matches (so each keystroke has a visible result to
 * wait for). Counted with the popup's documented search rule (every word a case-insensitive
 * substring of title, publisher, site, note, quote or a tag); the run checks it in the page.
 */
export function keystrokePlan(items: readonly SavedItem[], wanted = 12): string[][] {
  const hay = haystacks(items);
  const vocabulary = [...new Set([...OBJECTS, ...NOTE_SENTENCES, ...QUOTE_SENTENCES, ...SUBJECTS].join(' ').toLowerCase().match(/[a-z]{5,}/g) ?? [])];
  const words: string[][] = [];
  let total = 0;
  for (const word of vocabulary) {
    const prefixes = Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1));
    const counts = prefixes.map((p) => countMatches(hay, p));
    // The first keystroke always changes the count line ("N items" becomes "M of N items").
    if (counts.some((c, i) => i > 0 && c === counts[i - 1]) || counts[counts.length - 1] === 0) continue;
    words.push(prefixes);
    total += prefixes.length;
    if (total >= wanted) break;
  }
  return words;
}
