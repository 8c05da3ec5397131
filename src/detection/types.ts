/** Where on the page a signal matched. Title and lead count more than the rest of the body. */
export type SignalPlace = 'title' | 'lead' | 'body' | 'url' | 'meta';

export interface MatchedSignal {
  /** Signal id from the pack ("entity", "memo", ...), or "known-coverage". */
  id: string;
  /** Human-readable name of what matched ("the company", "the report"). */
  label: string;
  where: SignalPlace;
  /** Points this signal added to the score. */
  weight: number;
  /** The matched words as they read after folding (lower case, no accents). */
  text: string;
}

/** Per mention kind of the story's pack (its `detection.mentionKinds` ids): whether the page reports it. */
export type PageMentions = Record<string, boolean>;

export interface DetectionResult {
  /** The story this page is about, or null. */
  storyId: string | null;
  /** Score of the best-scoring pack (also when it stayed below its threshold). */
  score: number;
  threshold: number;
  /** Primary language subtag the page declares or the text suggests ("en", "zh"), "und" if unknown. */
  lang: string;
  signals: MatchedSignal[];
  mentions: PageMentions;
  /** The words that made each mention true, for "why" in the sidebar. */
  mentionEvidence: Record<string, string | null>;
  /** Coverage item id when the page's URL is one the pack lists. */
  knownCoverageId: string | null;
  /** What is wrong with this page or site, when the pack has a caution for it. */
  caution: string | null;
  /** The page's headline as detection read it. */
  title: string;
  /** Whether every co-occurrence requirement of the best pack was met in the main text. */
  requirementsMet: boolean;
  /** How the main text was found: structured data, the article element, text density, or nothing. */
  extraction: ExtractionMethod;
  /** Weighted length of the main text read (a CJK character counts 3, Hangul 2): how much article there was to judge. */
  textWeight: number;
  /** Whether the main text (not just the headline) names the best pack's subject. */
  textNamesSubject: boolean;
  /** Set when detection gave up on an odd document (it never throws). */
  error?: string;
}

export type ExtractionMethod = 'json-ld' | 'dom' | 'none';

/** What the prefilter reads: cheap fields only, no walk over the article. */
export interface PrefilterInput {
  url: string;
  title: string;
  /** meta description, og/twitter title and description, keywords, JSON-LD headline, first h1. */
  meta: string[];
}

/** Compact, generated per bundled pack: see src/packs/prefilter-index.ts. */
export interface PrefilterIndex {
  formatVersion: 1;
  /** Traditional → simplified pairs for the characters the terms use ("軍军宮宫"). */
  t2s: string;
  packs: readonly PrefilterPackEntry[];
}

export interface PrefilterPackEntry {
  id: string;
  /**
   * Folded terms, words separated by single spaces. Words match whole, except that a word
   * ending in `*` may continue ("militar*" matches "militars"); terms in CJK or Arabic script
   * match anywhere.
   */
  terms: readonly string[];
}

/**
 * A compiled term as build-time data (see compile.ts): a substring is "=" and its needle, a
 * phrase is ":" and its words joined by spaces with their `*` marks, a same-sentence term the
 * list of its parts. Reading this back costs a split, not the Unicode folding and word scan of
 * compileTerm, which were most of a second-stage check on pages that turn out not to be stories.
 */
export type EncodedTerm = string | string[];

/**
 * A pack's compiled terms as build-time data, in the order of its `detection.signals` and
 * `detection.mentionKinds` (mentions as [terms, negations]).
 */
export interface EncodedPackTerms {
  signals: EncodedTerm[][];
  mentions: [EncodedTerm[], EncodedTerm[]][];
}

/**
 * A pack's coverage items as the URL lookup files them (see url.ts): [URL identity, host +
 * path, or 1 for the identity's own host and path, or null when the path alone does not name
 * the article], or null for a URL that is not a web page's.
 */
export type CoverageKeys = ([identity: string, byPath: string | 1 | null] | null)[];
