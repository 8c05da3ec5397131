// One typed message protocol, one map per direction. Every map has a valibot schema that the
// receiving side runs before it trusts anything: a content script lives in a hostile page, and
// even extension pages only get what their schema allows.
import * as v from 'valibot';

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL'),
);
const Id = v.pipe(v.string(), v.maxLength(200));
const TabId = v.pipe(v.number(), v.integer());

export const SidebarMode = v.picklist(['first-open', 'always-open', 'tab-only']);
export type SidebarMode = v.InferOutput<typeof SidebarMode>;

/** What detection found, as the content script reports it. Mirrors detection's DetectionResult. */
export const DetectionReport = v.object({
  storyId: v.nullable(Id),
  score: v.number(),
  threshold: v.number(),
  lang: Str(40),
  title: Str(2000),
  signals: v.pipe(
    v.array(
      v.object({
        id: Id,
        label: Str(300),
        where: v.picklist(['title', 'lead', 'body', 'url', 'meta']),
        weight: v.number(),
        text: Str(300),
      }),
    ),
    v.maxLength(200),
  ),
  mentions: v.object({ denial: v.boolean(), embassy: v.boolean(), ftCaveat: v.boolean() }),
  knownCoverageId: v.nullable(Id),
  caution: v.nullable(Str(2000)),
});
export type DetectionReport = v.InferOutput<typeof DetectionReport>;

// ---- content script -> background -------------------------------------------------------
export const ContentToBackground = v.variant('type', [
  v.object({ type: v.literal('content/detected'), url: HttpUrl, report: DetectionReport }),
  v.object({ type: v.literal('content/cleared'), url: HttpUrl }),
  /** After a check the reader asked for (ui/checkPage): the content script has finished with this page. */
  v.object({ type: v.literal('content/checked'), url: HttpUrl }),
]);
export type ContentToBackground = v.InferOutput<typeof ContentToBackground>;

export interface ContentResponses {
  /** `secret` is this tab's frame secret, for the sidebar frame the content script mounts. */
  'content/detected': { sidebar: 'open' | 'collapsed'; secret: string };
  'content/cleared': { ok: true };
  'content/checked': { ok: true };
}

// ---- background -> content script ------------------------------------------------------
export const BackgroundToContent = v.variant('type', [
  v.object({ type: v.literal('bg/sidebar'), state: v.picklist(['open', 'collapsed', 'toggle']) }),
  v.object({ type: v.literal('bg/redetect') }),
  /** Does this document still show a story? Answered with ContentPing; no answer means no. */
  v.object({ type: v.literal('bg/ping') }),
]);
export type BackgroundToContent = v.InferOutput<typeof BackgroundToContent>;
export interface ContentPing {
  showing: boolean;
}

// ---- extension pages (sidebar, popup, side panel) -> background ---------------------------
const ItemKind = v.picklist(['article', 'claim', 'quote', 'source']);
const Tags = v.pipe(v.array(Str(64)), v.maxLength(32));

export const SaveItemInput = v.object({
  kind: ItemKind,
  url: HttpUrl,
  title: Str(2000),
  publisher: v.optional(Str(300)),
  quote: v.optional(Str(10000)),
  note: v.optional(Str(10000)),
  tags: v.optional(Tags),
  storyId: v.optional(v.nullable(Id)),
  ref: v.optional(Str(300)),
});
export type SaveItemInput = v.InferOutput<typeof SaveItemInput>;

export const ItemQueryInput = v.object({
  text: v.optional(Str(500)),
  storyId: v.optional(v.nullable(Id)),
  kind: v.optional(ItemKind),
  tag: v.optional(Str(64)),
  site: v.optional(Str(300)),
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
    patch: v.object({ note: v.optional(Str(10000)), tags: v.optional(Tags) }),
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
    text: v.pipe(v.string(), v.maxLength(60 * 1024 * 1024)),
    settings: v.picklist(['apply', 'ignore']),
  }),
  v.object({ type: v.literal('settings/get') }),
  v.object({ type: v.literal('settings/update'), patch: v.object({ sidebarMode: v.optional(SidebarMode) }) }),
  v.object({ type: v.literal('site/setEnabled'), site: Str(300), enabled: v.boolean() }),
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
    patch: v.object({ note: v.optional(Str(10000)), tags: v.optional(Tags) }),
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
  what: v.picklist(['items', 'visits', 'settings', 'tab']),
  tabId: v.optional(TabId),
});
export type Broadcast = v.InferOutput<typeof Broadcast>;

/** The answer to ui/checkPage: whether the page is about a tracked story, and which. */
export type CheckPageResult = { found: true; storyTitle: string } | { found: false; reason: 'not-a-story' | 'cannot-read' };

/** Every reply has this envelope so a failure is an answer, not a silent undefined. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

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
