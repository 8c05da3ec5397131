// What the sidebar shows of a story pack, as pure functions of the pack, the page and the
// reader's visits: what to count, which caution applies, which sources were opened, who answered.
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
import { pageKey } from '../../url/identity';
import type { TabContext, Visit } from './api';

/** A kind of mention a pack checks pages for: an id of its `detection.mentionKinds`. */
export type MentionKey = string;

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
export function coverageCounts(coverage: readonly CoverageItem[], keys: readonly MentionKey[]): CoverageCounts {
  const count = (key: MentionKey): MentionCount => {
    let yes = 0;
    let of = 0;
    for (const item of coverage) {
      const flag = item.mentions[key];
      if (flag === undefined || flag === 'n/a') continue;
      of++;
      if (flag === 'yes') yes++;
    }
    return { yes, of };
  };
  return Object.fromEntries(keys.map((key) => [key, count(key)]));
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
