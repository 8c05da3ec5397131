/**
 * Story-pack format, version 2.
 *
 * A pack is data only: everything that is specific to one story (its claims and their
 * statuses, the parties and their exact statements, the coverage, the cautions, the kinds of
 * mention a page is checked for and the words that reveal an article about it). The engine
 * (detection, protocol, storage, UI) reads packs and names no story.
 *
 * Two kinds of text: fields the reader sees (titles, claims, notes, labels) and `authorNote`
 * fields, which say how the pack's author knows something (where a URL was seen, what a
 * quote's source is) and are never shown. Version 1 packs are read through migrate.ts.
 * Field-by-field documentation: src/packs/README.md.
 */
import * as v from 'valibot';

export const PACK_FORMAT_VERSION = 2;

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));
/** Ids are referenced across the pack and by saved items in the database, so keep them slugs. */
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase slugs (a-z, 0-9, -)'));
const HttpUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'only http(s) URLs'));
/** Dates are kept as the source gave them ("2025-11-14", "c. 2025-11-15/16"); null when unknown. */
const DateAsGiven = v.nullable(NonEmpty);
/** BCP 47-ish language tag as the source gave it ("en", "zh-Hant", "ja/en"). */
const Lang = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:[-/][A-Za-z0-9]{2,8})*$/, 'language tag like "en" or "zh-Hant"'));
/** For the pack's author and reviewers only: how something is known. Never shown to readers. */
const AuthorNote = v.optional(v.nullable(NonEmpty));

export const SourceRefSchema = v.object({
  /** Where the reader can check it; null when the source has no public URL (e.g. a wire desk). */
  url: v.nullable(HttpUrl),
  /** What the source is, for the reader ("Reuters wire text, syndicated copy"). */
  note: NonEmpty,
  authorNote: AuthorNote,
});

export const FirstReportSchema = v.object({
  publisher: NonEmpty,
  date: DateAsGiven,
  url: HttpUrl,
  /** Shown to the reader: what to expect at the URL ("Paywalled.", "Known through a full repost."). */
  provenance: NonEmpty,
  /** How the URL is known, for the author (e.g. only from a link in another page). */
  authorNote: AuthorNote,
});

export const VerificationNoteSchema = v.object({
  id: Id,
  text: NonEmpty,
  source: SourceRefSchema,
});

/** How the UI colours a status; the words come from the pack's `claimStatuses`. */
export const StatusToneSchema = v.picklist(['alleged', 'denied', 'unverified', 'neutral']);

/** A status a claim can have in this story ("alleged", "denied", "unverified"), with its label. */
export const ClaimStatusSchema = v.object({
  id: Id,
  /** Shown on the claim ("Unverified"). */
  label: NonEmpty,
  tone: StatusToneSchema,
});

export const ClaimSchema = v.object({
  id: Id,
  /** Attributed wording: "The memo alleges that ...". */
  text: NonEmpty,
  /** Who makes the claim, and through whom it is known. */
  allegedBy: NonEmpty,
  /** An id from `claimStatuses`. */
  status: Id,
  source: SourceRefSchema,
  /** Statement ids that answer this claim. */
  responses: v.optional(v.array(Id), []),
});

export const StatementKindSchema = v.picklist(['denial', 'response', 'allegation', 'comment']);

export const StatementTranslationSchema = v.object({
  lang: Lang,
  /** Word for word as printed by the source named in `note`. */
  text: NonEmpty,
  note: NonEmpty,
});

export const StatementSchema = v.object({
  id: Id,
  kind: StatementKindSchema,
  /** Verbatim. */
  quote: NonEmpty,
  /** A later verbatim passage of the same statement, printed separately by the source. */
  quoteContinued: v.optional(v.nullable(NonEmpty), null),
  speaker: NonEmpty,
  /** To whom it was said ("Reuters", "post on X, quoted by AFP"). */
  addressee: NonEmpty,
  date: DateAsGiven,
  sourceUrl: HttpUrl,
  sourceNote: NonEmpty,
  authorNote: AuthorNote,
  translations: v.optional(v.array(StatementTranslationSchema), []),
});

export const PartySchema = v.object({
  id: Id,
  name: NonEmpty,
  /** The party's part in the story ("accused company", "Chinese embassy in Washington"). */
  role: NonEmpty,
  statements: v.array(StatementSchema),
});

export const EventKindSchema = v.picklist(['report', 'followup']);

/** The story's events that coverage is grouped by (the first report, each follow-up). */
export const StoryEventSchema = v.object({
  id: Id,
  kind: EventKindSchema,
  label: NonEmpty,
});

/**
 * What an excerpt of a page was seen to mention: 'yes' | 'no' | 'not-in-excerpt' | 'n/a' |
 * 'other: <free text>'. Describes only the excerpt that was seen, never the whole page.
 */
export const MentionFlagSchema = v.union([
  v.picklist(['yes', 'no', 'not-in-excerpt', 'n/a']),
  v.pipe(v.string(), v.regex(/^other: .+/, "'yes', 'no', 'not-in-excerpt', 'n/a' or 'other: ...'")),
]);

/** Per mention kind id (`detection.mentionKinds`): what the excerpt seen was found to mention. */
export const CoverageMentionsSchema = v.record(Id, MentionFlagSchema);

export const CoverageItemSchema = v.object({
  id: Id,
  url: HttpUrl,
  /** Where it was published (may carry a note such as "AFP copy"). */
  publisher: NonEmpty,
  /** The wire or outlet the text comes from (Reuters, AFP, ...), null when it is original or unknown. */
  wireOrigin: v.nullable(NonEmpty),
  title: v.nullable(NonEmpty),
  date: DateAsGiven,
  lang: Lang,
  /** An id from `events`. */
  event: Id,
  mentions: CoverageMentionsSchema,
  summary: NonEmpty,
  authorNote: AuthorNote,
});

export const TimelineEntrySchema = v.object({
  id: Id,
  date: NonEmpty,
  text: NonEmpty,
  sources: v.pipe(v.array(HttpUrl), v.minLength(1)),
});

export const ContextNoteSchema = v.object({
  id: Id,
  text: NonEmpty,
  source: SourceRefSchema,
});

export const CautionKindSchema = v.picklist(['low-quality', 'lookalike-domain', 'misattribution', 'paraphrase', 'note']);

export const CautionSchema = v.object({
  id: Id,
  kind: CautionKindSchema,
  /** Hostnames (without www.) whose pages this caution is about; empty when it is about no site. */
  domains: v.optional(v.array(v.pipe(NonEmpty, v.regex(/^[a-z0-9.-]+$/, 'bare lowercase hostname'))), []),
  /** Specific pages (compared after URL normalisation). */
  urls: v.optional(v.array(HttpUrl), []),
  /** Site names as pages declare them (og:site_name, JSON-LD publisher), when the domain is unknown. */
  siteNames: v.optional(v.array(NonEmpty), []),
  /** What is wrong with that page, in a sentence the reader sees. */
  text: NonEmpty,
});

// ---------------------------------------------------------------------------------------------
// Detection signals

/**
 * A term is matched against normalised text (NFKC, case-folded, Latin/Cyrillic diacritics
 * removed, Arabic diacritics and letter variants folded, traditional Chinese folded to
 * simplified). Terms in CJK scripts match as substrings. Other terms match whole words; a word
 * may end in `*` (any ending: inflections) or start with `*` (the end of a compound, German).
 */
const Term = NonEmpty;

export const DetectionLangSchema = v.picklist(['en', 'zh', 'ru', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'ar', 'tr', 'pl', 'it']);

export const SignalSchema = v.object({
  id: Id,
  /** Shown to the reader under "why this appeared". */
  label: NonEmpty,
  /** Points for the first match; later matches of the same signal add nothing. */
  weight: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  /** Terms per language; any language's terms are tried on every page. */
  terms: v.record(DetectionLangSchema, v.array(Term)),
});

const TermsByLang = v.record(DetectionLangSchema, v.array(Term));

/**
 * Something a page may or may not report (the accused party's denial, the first report's
 * caveat): shown for the page being read and counted over the coverage.
 */
export const MentionKindSchema = v.object({
  id: Id,
  /** Names the mention for the reader, as a heading over coverage flags ("The company's denial"). */
  label: NonEmpty,
  /** Shown when the page being read reports it ("This page reports the company's denial."). */
  yes: NonEmpty,
  /** Shown when it does not ("This page does not report the company's denial."). */
  no: NonEmpty,
  /** Terms per language that show the page reports it. */
  terms: TermsByLang,
  /**
   * A term does not count in a sentence that also matches one of these ("did not immediately
   * respond", "Stellungnahmen ... lagen zunächst nicht vor").
   */
  negations: v.optional(TermsByLang, {}),
});

export const DetectionSchema = v.object({
  /** Score at or above which a page (that meets `requireAll`) is about the story. */
  threshold: v.pipe(v.number(), v.minValue(0)),
  /** Multipliers for where a signal matched. */
  placeWeights: v.object({
    title: v.pipe(v.number(), v.minValue(0)),
    lead: v.pipe(v.number(), v.minValue(0)),
    body: v.pipe(v.number(), v.minValue(0)),
  }),
  /**
   * The lead is the first `leadParagraphs` paragraphs of the main text, at most `leadChars`
   * characters (a Chinese or Japanese character counts 3, a Korean syllable 2).
   */
  leadParagraphs: v.pipe(v.number(), v.integer(), v.minValue(1)),
  leadChars: v.pipe(v.number(), v.integer(), v.minValue(0)),
  signals: v.pipe(v.array(SignalSchema), v.minLength(1)),
  /**
   * Co-occurrence: every inner list must have at least one of its signal ids matched in the
   * main text (title, lead or body). Example: [["entity"], ["military"], ["memo", "ft"]].
   */
  requireAll: v.array(v.pipe(v.array(Id), v.minLength(1))),
  /**
   * Like `requireAll`, but the signal must match in the title or the lead: a page that names the
   * story only further down is about something else.
   */
  requireInOpening: v.optional(v.array(v.pipe(v.array(Id), v.minLength(1))), []),
  /**
   * Like `requireAll`, but in the headline: an article about something else (an earnings
   * report that recalls the story in its second paragraph) has a headline about that.
   */
  requireInTitle: v.optional(v.array(v.pipe(v.array(Id), v.minLength(1))), []),
  /**
   * Terms that let the cheap prefilter (URL, title, metadata) keep a page for full detection.
   * Usually the names of the central entity in every language.
   */
  prefilterTerms: v.record(DetectionLangSchema, v.array(Term)),
  /** The kinds of mention a page is checked for (the accused party's denial, a caveat, ...). */
  mentionKinds: v.array(MentionKindSchema),
});

export const StoryPackSchema = v.object({
  formatVersion: v.literal(PACK_FORMAT_VERSION),
  id: Id,
  /** Content revision, raised by one for every published change: a feed never installs a lower one. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /**
   * For authors, never shown: the files the pack's facts come from, as paths from the
   * repository root. `npm run pack -- check` traces every URL, quote and date to them.
   */
  evidence: v.optional(v.array(NonEmpty), []),
  /** Date of the last content change (YYYY-MM-DD). */
  updated: v.pipe(v.string(), v.isoDate()),
  title: NonEmpty,
  summary: NonEmpty,
  firstReport: FirstReportSchema,
  verification: v.pipe(v.array(VerificationNoteSchema), v.minLength(1)),
  claimStatuses: v.pipe(v.array(ClaimStatusSchema), v.minLength(1)),
  claims: v.array(ClaimSchema),
  parties: v.array(PartySchema),
  events: v.pipe(v.array(StoryEventSchema), v.minLength(1)),
  coverage: v.array(CoverageItemSchema),
  timeline: v.array(TimelineEntrySchema),
  context: v.optional(v.array(ContextNoteSchema), []),
  cautions: v.array(CautionSchema),
  detection: DetectionSchema,
});

export type SourceRef = v.InferOutput<typeof SourceRefSchema>;
export type FirstReport = v.InferOutput<typeof FirstReportSchema>;
export type VerificationNote = v.InferOutput<typeof VerificationNoteSchema>;
export type StatusTone = v.InferOutput<typeof StatusToneSchema>;
export type ClaimStatus = v.InferOutput<typeof ClaimStatusSchema>;
export type MentionKindDef = v.InferOutput<typeof MentionKindSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type StatementKind = v.InferOutput<typeof StatementKindSchema>;
export type StatementTranslation = v.InferOutput<typeof StatementTranslationSchema>;
export type Statement = v.InferOutput<typeof StatementSchema>;
export type Party = v.InferOutput<typeof PartySchema>;
export type EventKind = v.InferOutput<typeof EventKindSchema>;
export type StoryEvent = v.InferOutput<typeof StoryEventSchema>;
export type MentionFlag = v.InferOutput<typeof MentionFlagSchema>;
export type CoverageMentions = v.InferOutput<typeof CoverageMentionsSchema>;
export type CoverageItem = v.InferOutput<typeof CoverageItemSchema>;
export type TimelineEntry = v.InferOutput<typeof TimelineEntrySchema>;
export type ContextNote = v.InferOutput<typeof ContextNoteSchema>;
export type CautionKind = v.InferOutput<typeof CautionKindSchema>;
export type Caution = v.InferOutput<typeof CautionSchema>;
export type DetectionLang = v.InferOutput<typeof DetectionLangSchema>;
export type Signal = v.InferOutput<typeof SignalSchema>;
export type Detection = v.InferOutput<typeof DetectionSchema>;
export type StoryPack = v.InferOutput<typeof StoryPackSchema>;
/** The JSON as written, before defaults are filled in. */
export type StoryPackInput = v.InferInput<typeof StoryPackSchema>;
