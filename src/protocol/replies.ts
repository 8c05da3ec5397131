// What the background answers to each request, as one map per direction, and the schemas the
// receiving side checks those answers against. The background is trusted, so these check shape,
// not length caps: their job is to turn a reply that drifted from its type (an old background
// after an update, a handler changed on one side only) into a clear error at the first place
// that reads it, instead of an undefined three calls later.
import * as v from 'valibot';
import {
  ITEM_KINDS,
  SIDEBAR_MODES,
  type ImportSummary,
  type SavedItem,
  type Settings,
  type SidebarState,
  type StorageSnapshot,
  type TabContext,
  type UndoToken,
  type Visit,
} from '../model/shapes';
import { DetectionReport, type ContentKind, type FrameKind, type PageKind } from './messages';

/** The answer to ui/checkPage: whether the page is about a tracked story, and which. */
export type CheckPageResult = { found: true; storyTitle: string } | { found: false; reason: 'not-a-story' | 'cannot-read' };

/** The answer to bg/ping. No answer means no. */
export interface ContentPing {
  showing: boolean;
}

export interface PageReplies {
  /** Null when the tab shows no story. */
  'ui/tabContext': TabContext | null;
  /** False when the tab shows no story, so there is no sidebar to change. */
  'ui/sidebar': boolean;
  'ui/openSource': true;
  'ui/visits': Visit[];
  'ui/openTab': true;
  'ui/checkPage': CheckPageResult;
  'visits/clear': true;
  'items/save': SavedItem;
  'items/update': SavedItem;
  'items/delete': UndoToken;
  /** How many items came back. */
  'items/undo': number;
  'items/list': SavedItem[];
  'items/export': StorageSnapshot;
  'items/import': ImportSummary;
  'settings/get': Settings;
  'settings/update': Settings;
  'site/setEnabled': Settings;
  'packs/status': PackUpdatesView;
  'packs/check': PackUpdatesView;
  'packs/setFeed': PackUpdatesView;
  'packs/setOff': PackUpdatesView;
}

export interface FrameReplies {
  'frame/context': TabContext | null;
  'frame/visits': Visit[];
  'frame/items': SavedItem[];
  'frame/settings': Settings;
  'frame/save': SavedItem;
  'frame/update': SavedItem;
  'frame/undoSave': UndoToken;
  'frame/openSource': true;
  /** The state the sidebar is in now. */
  'frame/sidebar': SidebarState;
  'frame/confirmSiteOff': true;
  'frame/openOptions': true;
}

export interface ContentReplies {
  /** `secret` is this tab's frame secret, for the sidebar frame the content script mounts. */
  'content/detected': { sidebar: SidebarState; secret: string };
  'content/cleared': { ok: true };
  'content/checked': { ok: true };
}

type AllReplies = PageReplies & FrameReplies & ContentReplies;
export type RequestKind = PageKind | FrameKind | ContentKind;
/** The answer to a request of kind K. */
export type Reply<K extends RequestKind> = AllReplies[K];

/** Every answer travels in this envelope, so a failure is an answer, not a silent undefined. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

// ---- schemas --------------------------------------------------------------------------------
const Sidebar = v.picklist(['open', 'collapsed']);
const Done = v.literal(true);
const Ok = v.object({ ok: v.literal(true) });
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const TabContextSchema = v.object({ tabId: v.number(), url: v.string(), report: DetectionReport, sidebar: Sidebar });
const VisitSchema = v.object({
  url: v.string(),
  storyId: v.nullable(v.string()),
  firstAt: v.number(),
  lastAt: v.number(),
  count: v.number(),
});
const SavedItemSchema = v.object({
  id: v.string(),
  kind: v.picklist(ITEM_KINDS),
  url: v.string(),
  title: v.string(),
  publisher: v.string(),
  quote: v.string(),
  note: v.string(),
  tags: v.array(v.string()),
  storyId: v.nullable(v.string()),
  site: v.string(),
  ref: v.string(),
  key: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
});
const SettingsSchema = v.object({ sidebarMode: v.picklist(SIDEBAR_MODES), disabledSites: v.array(v.string()) });
const UndoTokenSchema = v.object({ id: v.string(), count: Count, expiresAt: v.number() });

const RefusalSchema = v.object({ id: v.string(), reason: v.string() });
const PackUpdatesViewSchema = v.object({
  feed: v.nullable(v.object({ url: v.string(), chosenBy: v.picklist(['build', 'reader']) })),
  /** The reader turned updates off (whatever feed is set). */
  offByReader: v.boolean(),
  buildFeedUrl: v.nullable(v.string()),
  last: v.nullable(
    v.object({
      checkedAt: v.number(),
      feedUrl: v.string(),
      outcome: v.picklist(['updated', 'up-to-date', 'refused', 'failed']),
      error: v.nullable(v.string()),
      installed: v.array(v.object({ id: v.string(), version: v.number() })),
      refused: v.array(RefusalSchema),
    }),
  ),
  packs: v.array(v.object({ id: v.string(), title: v.string(), version: v.number(), updated: v.string(), from: v.picklist(['bundled', 'feed']) })),
});

/** The options page's view of story pack updates (packs/status, packs/check, packs/setFeed). */
export type PackUpdatesView = v.InferOutput<typeof PackUpdatesViewSchema>;
/** One check of the pack feed, as recorded. */
export type PackUpdateStatus = NonNullable<PackUpdatesView['last']>;

type ReplySchemas<Replies> = { [K in keyof Replies]: v.GenericSchema<unknown, Replies[K]> };

const pageReplies: ReplySchemas<PageReplies> = {
  'ui/tabContext': v.nullable(TabContextSchema),
  'ui/sidebar': v.boolean(),
  'ui/openSource': Done,
  'ui/visits': v.array(VisitSchema),
  'ui/openTab': Done,
  'ui/checkPage': v.variant('found', [
    v.object({ found: v.literal(true), storyTitle: v.string() }),
    v.object({ found: v.literal(false), reason: v.picklist(['not-a-story', 'cannot-read']) }),
  ]),
  'visits/clear': Done,
  'items/save': SavedItemSchema,
  'items/update': SavedItemSchema,
  'items/delete': UndoTokenSchema,
  'items/undo': Count,
  'items/list': v.array(SavedItemSchema),
  'items/export': v.object({ items: v.array(SavedItemSchema), visits: v.array(VisitSchema), settings: SettingsSchema }),
  'items/import': v.object({
    itemsAdded: Count,
    itemsUpdated: Count,
    itemsUnchanged: Count,
    visitsAdded: Count,
    visitsUpdated: Count,
    settingsChanged: v.boolean(),
    itemsWithTagsTruncated: Count,
  }),
  'settings/get': SettingsSchema,
  'settings/update': SettingsSchema,
  'site/setEnabled': SettingsSchema,
  'packs/status': PackUpdatesViewSchema,
  'packs/check': PackUpdatesViewSchema,
  'packs/setFeed': PackUpdatesViewSchema,
  'packs/setOff': PackUpdatesViewSchema,
};

const frameReplies: ReplySchemas<FrameReplies> = {
  'frame/context': pageReplies['ui/tabContext'],
  'frame/visits': pageReplies['ui/visits'],
  'frame/items': pageReplies['items/list'],
  'frame/settings': SettingsSchema,
  'frame/save': SavedItemSchema,
  'frame/update': SavedItemSchema,
  'frame/undoSave': UndoTokenSchema,
  'frame/openSource': Done,
  'frame/sidebar': Sidebar,
  'frame/confirmSiteOff': Done,
  'frame/openOptions': Done,
};

const contentReplies: ReplySchemas<ContentReplies> = {
  'content/detected': v.object({ sidebar: Sidebar, secret: v.string() }),
  'content/cleared': Ok,
  'content/checked': Ok,
};

const replySchemas: ReplySchemas<AllReplies> = { ...pageReplies, ...frameReplies, ...contentReplies };

/** A reply that is missing, a failure, or not the shape its request promises. */
export class ReplyError extends Error {}

const NO_ANSWER = 'The extension did not answer. Try reopening this page.';

/**
 * Opens the envelope of the answer to a request of kind `kind` and checks its value. Throws a
 * ReplyError saying what is wrong: no answer, the background's own error, or which field of
 * the value is not what `kind` promises.
 */
export function readReply<K extends RequestKind>(kind: K, answer: unknown): Reply<K> {
  if (answer === undefined || answer === null) throw new ReplyError(NO_ANSWER);
  if (typeof answer !== 'object' || typeof (answer as { ok?: unknown }).ok !== 'boolean') {
    throw new ReplyError(`The extension answered ${kind} with something that is not a reply.`);
  }
  const envelope = answer as { ok: boolean; value?: unknown; error?: unknown };
  if (!envelope.ok) throw new ReplyError(typeof envelope.error === 'string' ? envelope.error : `${kind} failed.`);
  const schema = replySchemas[kind] as v.GenericSchema<unknown, Reply<K>>;
  const checked = v.safeParse(schema, envelope.value);
  if (checked.success) return checked.output;
  const issue = checked.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  throw new ReplyError(`The extension's answer to ${kind} is not what this page expects (${path ? `${path}: ` : ''}${issue.message}).`);
}
