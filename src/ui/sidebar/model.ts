// The sidebar's data logic, kept pure so it can be tested without a browser: what to count,
// which caution applies, which sources were opened, what a save sends and how saved items are
// found again.
import { findCaution, findKnownCoverage } from '../../detection/url';
import type {
  CautionKind,
  Claim,
  CoverageItem,
  MentionFlag,
  Statement,
  StoryEvent,
  StoryPack,
} from '../../packs/schema';
import type { SaveItemInput } from '../../protocol/messages';
import { pageKey } from '../../url/identity';
import { displayHost, httpHref } from '../components/safe-url';
import type { ItemKind, SavedItemView, TabContext, Visit } from './api';

/** Pack prose is written in English (format v1 has no language field), whatever the UI language. */
export const PACK_TEXT_LANG = 'en';

// Mirrors storage/model.ts LIMITS: longer values would be refused by the background.
const MAX_TITLE = 1000;
const MAX_PUBLISHER = 300;
const MAX_QUOTE = 10_000;
const MAX_TAGS = 32;
const MAX_TAG_LENGTH = 64;

export type MentionKey = 'denial' | 'embassy' | 'ftCaveat';
export const MENTION_KEYS: readonly MentionKey[] = ['denial', 'embassy', 'ftCaveat'];

// ---- coverage ------------------------------------------------------------------------------

export type FlagView = { kind: 'yes' | 'no' | 'not-in-excerpt' | 'n/a' } | { kind: 'other'; text: string };

/** A pack's mention flag as something to show; the free text of "other: ..." is kept as written. */
export function flagView(flag: MentionFlag): FlagView {
  if (flag === 'yes' || flag === 'no' || flag === 'not-in-excerpt' || flag === 'n/a') return { kind: flag };
  return { kind: 'other', text: flag.replace(/^other:\s*/, '') };
}

export interface MentionCount {
  /** Items whose excerpt was seen to mention it. */
  yes: number;
  /** Items for which the question applies (every flag except 'n/a'). */
  of: number;
}
export type CoverageCounts = Record<MentionKey, MentionCount>;

/**
 * How many coverage items were seen to mention each response or caveat. Only a plain 'yes'
 * counts: 'other: partly' and the like are not a mention a reader could rely on. Items where
 * the question does not apply ('n/a', e.g. later follow-ups) are left out of the total.
 */
export function coverageCounts(coverage: readonly CoverageItem[]): CoverageCounts {
  const count = (key: MentionKey): MentionCount => {
    let yes = 0;
    let of = 0;
    for (const item of coverage) {
      const flag = item.mentions[key];
      if (flag === 'n/a') continue;
      of++;
      if (flag === 'yes') yes++;
    }
    return { yes, of };
  };
  return { denial: count('denial'), embassy: count('embassy'), ftCaveat: count('ftCaveat') };
}

/** The party whose denial the coverage flags are about: the first with a denial statement. */
export function denyingParty(pack: StoryPack): string | null {
  return pack.parties.find((p) => p.statements.some((s) => s.kind === 'denial'))?.name ?? null;
}

export interface CoverageGroup {
  event: StoryEvent;
  items: CoverageItem[];
}

/** Coverage grouped under the pack's events, in the pack's order; empty groups are dropped. */
export function coverageByEvent(pack: StoryPack): CoverageGroup[] {
  return pack.events
    .map((event) => ({ event, items: pack.coverage.filter((item) => item.event === event.id) }))
    .filter((group) => group.items.length > 0);
}

/**
 * The sources the reader opened, by URL identity. Stored visits are identities already; keying
 * them again makes visits recorded under older rules match too.
 */
export function openedUrlSet(visits: readonly Visit[]): Set<string> {
  return new Set(visits.map((v) => pageKey(v.url)));
}

export function isOpened(opened: ReadonlySet<string>, url: string): boolean {
  return opened.has(pageKey(url));
}

// ---- this page -----------------------------------------------------------------------------

export interface PageCaution {
  /** The pack caution's id, null when only detection's text is known. */
  id: string | null;
  kind: CautionKind | null;
  text: string;
}

/**
 * What is wrong with the page being read: detection's caution (it also matches declared site
 * names, which the URL alone cannot) and the pack's cautions for this URL or domain, once each.
 */
export function pageCautions(ctx: TabContext, pack: StoryPack): PageCaution[] {
  const found: PageCaution[] = [];
  const add = (c: PageCaution) => {
    if (!found.some((f) => f.text === c.text || (c.id !== null && f.id === c.id))) found.push(c);
  };
  const reported = ctx.report.caution?.trim();
  if (reported) {
    const known = pack.cautions.find((c) => c.text === reported);
    add(known ? { id: known.id, kind: known.kind, text: known.text } : { id: null, kind: null, text: reported });
  }
  const byUrl = findCaution(ctx.url, '', pack);
  if (byUrl) add({ id: byUrl.id, kind: byUrl.kind, text: byUrl.text });
  return found;
}

/** The coverage item this page is, by detection's id or, failing that, by its URL. */
export function knownCoverage(ctx: TabContext, pack: StoryPack): CoverageItem | null {
  const id = ctx.report.knownCoverageId;
  if (id) {
    const byId = pack.coverage.find((item) => item.id === id);
    if (byId) return byId;
  }
  return findKnownCoverage(ctx.url, pack);
}

/** The hostname to turn the sidebar off for, or null when the page is not an http(s) page. */
export function hostnameOf(url: string): string | null {
  const href = httpHref(url);
  return href ? new URL(href).hostname : null;
}

/** Whether the sidebar is turned off for this host (a disabled site covers its subdomains). */
export function siteIsDisabled(disabledSites: readonly string[], host: string): boolean {
  const bare = (h: string) => h.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  const site = bare(host);
  if (site === '') return false;
  return disabledSites.some((entry) => {
    const off = bare(entry);
    return off !== '' && (site === off || site.endsWith(`.${off}`));
  });
}

// ---- responses -----------------------------------------------------------------------------

export function statementsById(pack: StoryPack): Map<string, Statement> {
  return new Map(pack.parties.flatMap((party) => party.statements.map((s) => [s.id, s] as const)));
}

/** Who answered a claim, each speaker once, in the order the claim lists the statements. */
export function respondents(claim: Claim, statements: ReadonlyMap<string, Statement>): string[] {
  const names: string[] = [];
  for (const id of claim.responses) {
    const speaker = statements.get(id)?.speaker;
    if (speaker && !names.includes(speaker)) names.push(speaker);
  }
  return names;
}

// ---- saving --------------------------------------------------------------------------------

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/**
 * The key a save target and a saved item share: pack items by kind and id, articles by the URL
 * identity storage dedupes them by, so "Saved" and Undo point at the item a save merges into.
 */
export function savedKey(kind: ItemKind, ref: string, url: string): string {
  return kind === 'article' ? `article|${pageKey(url)}` : `${kind}|${ref}`;
}

export function indexSaved(items: readonly SavedItemView[]): Map<string, SavedItemView> {
  const index = new Map<string, SavedItemView>();
  for (const item of items) {
    const key = savedKey(item.kind, item.ref, item.url);
    if (!index.has(key)) index.set(key, item);
  }
  return index;
}

export function savedFor(index: ReadonlyMap<string, SavedItemView>, input: SaveItemInput): SavedItemView | undefined {
  return index.get(savedKey(input.kind, input.ref ?? '', input.url));
}

/** Saving the page being read; null when it has no http(s) URL to save. */
export function articleInput(ctx: TabContext, pack: StoryPack, coverage: CoverageItem | null): SaveItemInput | null {
  const url = httpHref(ctx.url);
  if (!url) return null;
  const title = ctx.report.title.trim() || coverage?.title || url;
  return {
    kind: 'article',
    url,
    title: clip(title, MAX_TITLE),
    publisher: clip(coverage?.publisher ?? displayHost(url), MAX_PUBLISHER),
    storyId: pack.id,
    ref: '',
  };
}

/** A claim is saved with its source's URL (the first report when it has none), not the page's. */
export function claimInput(claim: Claim, pack: StoryPack): SaveItemInput {
  const url = claim.source.url ?? pack.firstReport.url;
  const publisher = url === pack.firstReport.url ? pack.firstReport.publisher : claim.source.note;
  return {
    kind: 'claim',
    url,
    title: clip(claim.text, MAX_TITLE),
    publisher: clip(publisher, MAX_PUBLISHER),
    storyId: pack.id,
    ref: claim.id,
  };
}

/** The quote's text is every verbatim passage of the statement, as separate paragraphs. */
export function quoteText(statement: Statement): string {
  return statement.quoteContinued ? `${statement.quote}\n\n${statement.quoteContinued}` : statement.quote;
}

export function quoteInput(statement: Statement, pack: StoryPack): SaveItemInput {
  return {
    kind: 'quote',
    url: statement.sourceUrl,
    title: clip(statement.speaker, MAX_TITLE),
    publisher: clip(statement.sourceNote, MAX_PUBLISHER),
    quote: clip(quoteText(statement), MAX_QUOTE),
    storyId: pack.id,
    ref: statement.id,
  };
}

export function sourceInput(item: CoverageItem, pack: StoryPack): SaveItemInput {
  return {
    kind: 'source',
    url: item.url,
    title: clip(item.title ?? item.publisher, MAX_TITLE),
    publisher: clip(item.publisher, MAX_PUBLISHER),
    storyId: pack.id,
    ref: item.id,
  };
}

/**
 * Tags as typed: separated by commas (also the CJK ones), trimmed, each once regardless of
 * case, within the background's limits.
 */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[,，、]/)) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
    const folded = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}

// ---- language ------------------------------------------------------------------------------

export { dirForLanguage } from '../shared/document-language';

/** A valid `lang` attribute value for a tag as a pack gives it, or undefined ("ja/en" is two). */
export function langAttribute(tag: string): string | undefined {
  if (tag.includes('/')) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** "zh-Hant" → "Chinese (Traditional)" in the UI language; the tag itself when unknown. */
export function languageName(tag: string, uiLanguage: string): string {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([uiLanguage.replace('_', '-'), 'en'], { type: 'language' });
  } catch {
    return tag;
  }
  return tag
    .split('/')
    .map((part) => {
      try {
        return names.of(part) ?? part;
      } catch {
        return part;
      }
    })
    .join(' / ');
}
