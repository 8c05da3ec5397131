// The first screen's view model, kept pure: what is claimed and by whom, the status lines, the
// response to quote, coverage at a glance and what is shared by every claim. Everything comes
// from the pack's data; nothing here knows a story.
import type { Claim, CoverageItem, MentionKindDef, Party, Statement, StatusTone, StoryPack } from '../../packs/schema';
import { coverageCounts } from './pack-views';

// ---- claims --------------------------------------------------------------------------------

/** The value every item has in common, or null when they differ (or there are none). */
function common<T>(items: readonly T[], key: (item: T) => string): string | null {
  if (items.length === 0) return null;
  const first = key(items[0]!);
  return items.every((item) => key(item) === first) ? first : null;
}

/** Speakers' parties that answer a claim, each once, in the order the claim lists the statements. */
export function responderParties(claim: Claim, pack: StoryPack): Party[] {
  const found: Party[] = [];
  for (const id of claim.responses) {
    const party = pack.parties.find((p) => p.statements.some((s) => s.id === id));
    if (party && !found.includes(party)) found.push(party);
  }
  return found;
}

/** What every claim shares, so a list of claims says it once instead of on every card. */
export interface SharedClaimFacts {
  allegedBy: string | null;
  /** The source all claims cite; null when they differ. */
  source: { url: string | null; note: string } | null;
  /** Party names answering every claim (the same list on each), or null when they differ. */
  responders: string[] | null;
}

export function sharedClaimFacts(pack: StoryPack): SharedClaimFacts {
  // The source is shared when its address and its reader note are the same on every claim.
  const claims = pack.claims;
  const names = (c: Claim) => responderParties(c, pack).map((p) => p.name);
  const responders = common(claims, (c) => names(c).join('\u0000'));
  return {
    allegedBy: common(claims, (c) => c.allegedBy),
    source: common(claims, (c) => `${c.source.url ?? ''} ${c.source.note}`) === null ? null : { url: claims[0]!.source.url, note: claims[0]!.source.note },
    responders: responders === null || responders === '' ? null : responders.split('\u0000'),
  };
}

// ---- status --------------------------------------------------------------------------------

export type StatusLine =
  /** No claim has an "unverified" status: the first verification note says what could not be checked. */
  | { kind: 'not-verified'; text: string }
  | {
      kind: 'status';
      /** The status's id and its words, as the pack gives them. */
      id: string;
      label: string;
      tone: StatusTone;
      claims: number;
      of: number;
      /** For a denial: the parties whose statements deny these claims, unless the label names them. */
      by: string[];
      /** For an "unverified" status: the first verification note, which says why. */
      detail: string | null;
    };

/** Parties with a denial among the statements that answer these claims, each once. */
function deniers(claims: readonly Claim[], pack: StoryPack): string[] {
  const names: string[] = [];
  for (const claim of claims) {
    for (const party of pack.parties) {
      const denies = party.statements.some((s) => s.kind === 'denial' && claim.responses.includes(s.id));
      if (denies && !names.includes(party.name)) names.push(party.name);
    }
  }
  return names;
}

/**
 * The story's status in a few lines, from the pack alone: each claim status in the pack's words
 * with how many claims have it, a denial with who denies, and what could not be verified (on
 * the "unverified" status when one is in use, else on a line of its own).
 */
export function statusLines(pack: StoryPack): StatusLine[] {
  const note = pack.verification[0]?.text ?? null;
  const of = pack.claims.length;
  const lines: StatusLine[] = [];
  for (const def of pack.claimStatuses) {
    const claims = pack.claims.filter((c) => c.status === def.id);
    if (claims.length === 0) continue;
    const label = def.label.toLowerCase();
    // "Denied by the company" already says by whom.
    const by = def.tone === 'denied' ? deniers(claims, pack).filter((name) => !label.includes(name.toLowerCase())) : [];
    lines.push({ kind: 'status', id: def.id, label: def.label, tone: def.tone, claims: claims.length, of, by, detail: def.tone === 'unverified' ? note : null });
  }
  const unverified = lines.some((l) => l.kind === 'status' && l.tone === 'unverified');
  if (note && !unverified) lines.unshift({ kind: 'not-verified', text: note });
  return lines;
}

// ---- the response to quote -----------------------------------------------------------------

export interface TopResponse {
  statement: Statement;
  /** The quote's first sentence (clipped at a word when it is long). */
  short: string;
}

const SHORT_QUOTE = 160;

/** The first sentence of a quote, clipped at a word boundary to about `max` characters. */
export function shortQuote(quote: string, max = SHORT_QUOTE): string {
  const text = quote.trim();
  // A Latin full stop ends a sentence before a space (not in "U.S."); a CJK one always does.
  const sentence = /^.+?(?:[.!?](?=\s|$)|[。！？])/u.exec(text)?.[0] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * The response a first screen quotes: a denial before any other kind, then the statement that
 * answers the most claims, then the pack's order (which lists the main speaker first).
 */
export function topResponse(pack: StoryPack): TopResponse | null {
  const answered = new Map<string, number>();
  for (const claim of pack.claims) for (const id of claim.responses) answered.set(id, (answered.get(id) ?? 0) + 1);
  const all = pack.parties.flatMap((p) => p.statements);
  const rank = (s: Statement) => (s.kind === 'denial' ? 1000 : 0) + (answered.get(s.id) ?? 0);
  let best: Statement | null = null;
  for (const s of all) if (!best || rank(s) > rank(best)) best = s;
  return best ? { statement: best, short: shortQuote(best.quote) } : null;
}

// ---- coverage at a glance ------------------------------------------------------------------

export interface LanguageShare {
  /** The language tag as the pack gives it; "ja/en" counts as its first language. */
  lang: string | null;
  count: number;
}

/** How many outlets' excerpts were seen to report one kind of mention. */
export interface MentionShare {
  kind: MentionKindDef;
  /** Items whose flag is a plain 'yes', of the items the question applies to (see coverageCounts). */
  yes: number;
  of: number;
}

export function mentionShares(pack: StoryPack): MentionShare[] {
  const kinds = pack.detection.mentionKinds;
  const counts = coverageCounts(pack.coverage, kinds.map((k) => k.id));
  return kinds.map((kind) => ({ kind, ...counts[kind.id]! })).filter((share) => share.of > 0);
}

export interface CoverageGlance {
  total: number;
  /** How many different languages the coverage is in. */
  languageCount: number;
  /** The largest languages, then (lang null) all the others together. */
  languages: LanguageShare[];
  mentions: MentionShare[];
}

function primaryLanguage(item: CoverageItem): string {
  return item.lang.split('/')[0]!;
}

/** Coverage by language and the share that mention each response or caveat. */
export function coverageGlance(pack: StoryPack, maxLanguages = 3): CoverageGlance {
  const byLang = new Map<string, number>();
  for (const item of pack.coverage) byLang.set(primaryLanguage(item), (byLang.get(primaryLanguage(item)) ?? 0) + 1);
  const sorted = [...byLang].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // "Others" only when it stands for more than one language; one more named bar says more.
  const named = sorted.length > maxLanguages + 1 ? sorted.slice(0, maxLanguages) : sorted;
  const languages: LanguageShare[] = named.map(([lang, count]) => ({ lang, count }));
  const rest = sorted.slice(named.length).reduce((n, [, count]) => n + count, 0);
  if (rest > 0) languages.push({ lang: null, count: rest });
  return { total: pack.coverage.length, languageCount: byLang.size, languages, mentions: mentionShares(pack) };
}

/** Segments of a bar `width` wide, laid out from the inline start (right to left when `rtl`). */
export function barSegments(counts: readonly number[], width: number, rtl: boolean): Array<{ x: number; width: number }> {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => ({ x: rtl ? width : 0, width: 0 }));
  let start = 0;
  return counts.map((count) => {
    const w = (count / total) * width;
    const x = rtl ? width - start - w : start;
    start += w;
    return { x, width: w };
  });
}

// ---- this page -----------------------------------------------------------------------------

/** The pack's mention kinds this page was found to report, and those it was not. */
export function pageMentions(mentions: Readonly<Record<string, boolean | undefined>>, kinds: readonly MentionKindDef[]): { found: MentionKindDef[]; missing: MentionKindDef[] } {
  return {
    found: kinds.filter((kind) => mentions[kind.id] === true),
    missing: kinds.filter((kind) => mentions[kind.id] !== true),
  };
}
