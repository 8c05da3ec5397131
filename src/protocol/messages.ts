// One typed message protocol, one map per direction. Every map has a valibot schema that the
// receiving side runs before it trusts anything: a content script lives in a hostile page, and
// even extension pages only get what their schema allows. The answers to these requests, and
// their schemas, are in replies.ts; the shapes both carry are in model/shapes.ts.
import * as v from 'valibot';
import {
  ITEM_KINDS,
  LIMITS,
  MAX_MENTION_KINDS,
  SIDEBAR_MODES,
  SIGNAL_PLACES,
  type DetectionReport as DetectionReportShape,
  type SidebarMode as SidebarModeShape,
} from '../model/shapes';

export const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlLength),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
);
/** Story ids, pack item ids and saved item ids alike: the longest of them is a story id. */
const Id = Str(LIMITS.storyIdLength);
const TabId = v.pipe(v.number(), v.integer());
/** A page title as detection reads it: longer than a saved title may be, since nothing stores it. */
const PAGE_TITLE_MAX = 2000;

export const SidebarMode = v.picklist(SIDEBAR_MODES);
export type SidebarMode = SidebarModeShape;

/** Per mention kind id of the story's pack (slugs; camelCase from format 1), a bounded number of them. */
const Mentions = v.pipe(
  // A record schema would read an array's indices as keys; a report's mentions are an object.
  v.custom<Record<string, unknown>>((m) => typeof m === 'object' && m !== null && !Array.isArray(m), 'Invalid type: Expected an object of mention kinds'),
  v.record(v.pipe(Id, v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)), v.boolean()),
  v.check((m) => Object.keys(m).length <= MAX_MENTION_KINDS, `at most ${MAX_MENTION_KINDS} mention kinds`),
);

/** What detection found, as the content script reports it. Mirrors detection's DetectionResult. */
export const DetectionReport = v.object({
  storyId: v.nullable(Id),
  score: v.number(),
  threshold: v.number(),
  lang: Str(40),
  title: Str(PAGE_TITLE_MAX),
  signals: v.pipe(
    v.array(
      v.object({
        id: Id,
        label: Str(300),
        where: v.picklist(SIGNAL_PLACES),
        weight: v.number(),
        text: Str(300),
      }),
    ),
    v.maxLength(200),
  ),
  mentions: Mentions,
  knownCoverageId: v.nullable(Id),
  caution: v.nullable(Str(2000)),
});
export type DetectionReport = DetectionReportShape;

// ---- content script -> background -------------------------------------------------------
export const ContentToBackground = v.variant('type', [
  v.object({ type: v.literal('content/detected'), url: HttpUrl, report: DetectionReport }),
  v.object({ type: v.literal('content/cleared'), url: HttpUrl }),
  /** After a check the reader asked for (ui/checkPage): the content script has finished with this page. */
  v.object({ type: v.literal('content/checked'), url: HttpUrl }),
]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackground>;

// ---- background -> content script ------------------------------------------------------
export const BackgroundToContent = v.variant('type', [
  v.object({ type: v.literal('bg/sidebar'), state: v.picklist(['open', 'collapsed', 'toggle']) }),
  v.object({ type: v.literal('bg/redetect') }),
  /** Does this document still show a story? Answered with ContentPing; no answer means no. */
  v.object({ type: v.literal('bg/ping') }),
]);
export type BackgroundToContent = v.InferOutput<typeof BackgroundToContent>;

// ---- extension pages (sidebar, popup, side panel) -> background ---------------------------
const ItemKind = v.picklist(ITEM_KINDS);
const Tags = v.pipe(v.array(Str(LIMITS.tagLength)), v.maxLength(LIMITS.tagCount));
// The caps are storage's: a request that passes here is not refused there for its length.
const ItemPatch = v.object({ note: v.optional(Str(LIMITS.noteLength)), tags: v.optional(Tags) });

export const SaveItemInput = v.object({
  kind: ItemKind,
  url: HttpUrl,
  title: Str(LIMITS.titleLength),
  publisher: v.optional(Str(LIMITS.publisherLength)),
  quote: v.optional(Str(LIMITS.quoteLength)),
  note: v.optional(Str(LIMITS.noteLength)),
  tags: v.optional(Tags),
  storyId: v.optional(v.nullable(Id)),
  ref: v.optional(Str(LIMITS.refLength)),
});
export type SaveItemInput = v.InferOutput<typeof SaveItemInput>;

export const ItemQueryInput = v.object({
  text: v.optional(Str(LIMITS.queryTextLength)),
  storyId: v.optional(v.nullable(Id)),
  kind: v.optional(ItemKind),
  tag: v.optional(Str(LIMITS.tagLength)),
  site: v.optional(Str(LIMITS.urlLength)),
  sort: v.optional(v.picklist(['createdAt', 'updatedAt', 'title', 'site'])),
  order: v.optional(v.picklist(['asc', 'desc'])),
});

export const PageToBackground = v.variant('type', [
  v.object({ type: v.literal('ui/tabContext'), tabId: v.optional(TabId) }),
  v.object({ type: v.literal('ui/sidebar'), tabId: v.optional(TabId), state: v.picklist(['open', 'collapsed', 'toggle']) }),
  v.object({ type: v.literal('ui/openSource'), url: HttpUrl, storyId: Id }),
  v.object({ type: v.literal('ui/visits'), storyId: Id }),
  v.object({ type: v.literal('ui/openTab'), url: HttpUrl }),
  /** "Check this page": run the detector once on a tab the extension does not read (activeTab). */
  v.object({ type: v.literal('ui/checkPage'), tabId: TabId }),
  v.object({ type: v.literal('visits/clear') }),
  v.object({ type: v.literal('items/save'), item: SaveItemInput }),
  v.object({
    type: v.literal('items/update'),
    id: Id,
    patch: ItemPatch,
  }),
  v.object({ type: v.literal('items/delete'), ids: v.pipe(v.array(Id), v.maxLength(100000)) }),
  v.object({
    type: v.literal('items/undo'),
    token: v.union([Id, v.object({ id: Id, count: v.pipe(v.number(), v.integer()), expiresAt: v.number() })]),
  }),
  v.object({ type: v.literal('items/list'), query: ItemQueryInput }),
  v.object({ type: v.literal('items/export') }),
  // Required: a file's settings are applied only when the reader has said so.
  v.object({
    type: v.literal('items/import'),
    // Characters, not bytes: a file within the byte cap is within this too.
    text: v.pipe(v.string(), v.maxLength(LIMITS.importBytes)),
    settings: v.picklist(['apply', 'ignore']),
  }),
  v.object({ type: v.literal('settings/get') }),
  v.object({ type: v.literal('settings/update'), patch: v.object({ sidebarMode: v.optional(SidebarMode) }) }),
  /** `site` is a hostname or an address on the site. */
  v.object({ type: v.literal('site/setEnabled'), site: Str(LIMITS.urlLength), enabled: v.boolean() }),
  /** The pack feed: where updates come from, the last check, the packs in force. */
  v.object({ type: v.literal('packs/status') }),
  /** Check the pack feed now (the options page's button). */
  v.object({ type: v.literal('packs/check') }),
  /** The reader's own pack feed (https address and its Ed25519 public key), or null: the build's. */
  v.object({
    type: v.literal('packs/setFeed'),
    feed: v.nullable(v.object({ url: v.pipe(Str(2000), v.url(), v.startsWith('https://')), publicKey: v.pipe(Str(100), v.regex(/^[A-Za-z0-9+/]{43}=$/)) })),
  }),
  /** The reader's switch for story updates: off fetches nothing. */
  v.object({ type: v.literal('packs/setOff'), off: v.boolean() }),
]);
export type PageToBackground = v.InferOutput<typeof PageToBackground>;

// ---- the sidebar frame inside a web page -> background -----------------------------------
// An extension page embedded in a web page is not the popup: the page around it decides where
// it sits and where clicks land, so it may speak only for its own tab, only with the secret
// the background minted for that tab (handed to the frame by the content script over a
// channel the page cannot read), and never change settings or delete what it did not save.
/** What the content script posts to its sidebar frame, with a MessagePort for the reply. */
export const FRAME_HELLO = 'story-context:hello';
export const FrameSecret = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'must be a frame secret'));

export const FrameToBackground = v.variant('type', [
  v.object({ type: v.literal('frame/context'), secret: FrameSecret }),
  v.object({ type: v.literal('frame/visits'), secret: FrameSecret, storyId: Id }),
  v.object({ type: v.literal('frame/items'), secret: FrameSecret, storyId: Id }),
  v.object({ type: v.literal('frame/settings'), secret: FrameSecret }),
  v.object({ type: v.literal('frame/save'), secret: FrameSecret, item: SaveItemInput }),
  v.object({
    type: v.literal('frame/update'),
    secret: FrameSecret,
    id: Id,
    patch: ItemPatch,
  }),
  /** Undoes saves this tab's sidebar made; anything else is deleted only from the popup. */
  v.object({ type: v.literal('frame/undoSave'), secret: FrameSecret, ids: v.pipe(v.array(Id), v.maxLength(100)) }),
  v.object({ type: v.literal('frame/openSource'), secret: FrameSecret, url: HttpUrl, storyId: Id }),
  v.object({ type: v.literal('frame/sidebar'), secret: FrameSecret, state: v.picklist(['open', 'collapsed', 'toggle']) }),
  /** Opens the options page at top level, where the reader confirms turning this tab's site off. */
  v.object({ type: v.literal('frame/confirmSiteOff'), secret: FrameSecret }),
  v.object({ type: v.literal('frame/openOptions'), secret: FrameSecret }),
]);
export type FrameToBackground = v.InferOutput<typeof FrameToBackground>;

// ---- background -> all extension pages (broadcast) ---------------------------------------
/**
 * The storage.local key that remembers the reader's answer on the welcome page ("any site" or
 * "listed sites"), so that it is asked once.
 */
export const SITE_ACCESS_KEY = 'siteAccessChoice';

/** The storage.session key the background writes its broadcasts to. */
export const BROADCAST_KEY = 'broadcast';
export const Broadcast = v.object({
  type: v.literal('bg/changed'),
  what: v.picklist(['items', 'visits', 'settings', 'tab', 'packs']),
  tabId: v.optional(TabId),
});
export type Broadcast = v.InferOutput<typeof Broadcast>;

export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> | null {
  const r = v.safeParse(schema, input);
  return r.success ? r.output : null;
}

export function explain<S extends v.GenericSchema>(schema: S, input: unknown): string | null {
  const r = v.safeParse(schema, input);
  if (r.success) return null;
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A request's kind, in any direction. */
export type PageKind = PageToBackground['type'];
export type FrameKind = FrameToBackground['type'];
export type ContentKind = ContentToBackground['type'];
/** The message of one kind, from the union of its direction. */
export type MessageOf<U extends { type: string }, K extends U['type']> = Extract<U, { type: K }>;

// The schemas agree with the shapes, checked by the compiler: each side of these must accept the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _reportAgrees: Same<v.InferOutput<typeof DetectionReport>, DetectionReportShape> = true;
void _reportAgrees;
