// One well-formed reply for every request kind, typed by the reply map: fakes of the background
// answer with these, so a fake cannot send a shape the background never sends.
import type { ContentReplies, FrameReplies, PageReplies, Reply, RequestKind } from '../../../src/protocol/replies';
import type { SavedItem, Settings, TabContext, UndoToken, Visit } from '../../../src/model/shapes';

export const sampleItem: SavedItem = {
  id: 'item-1',
  kind: 'claim',
  url: 'https://news.example/a',
  title: 'A claim',
  publisher: 'News',
  quote: '',
  note: '',
  tags: ['memo'],
  storyId: 'alibaba-pla-memo',
  site: 'news.example',
  ref: 'c1',
  key: 'claim|https://news.example/a|c1|',
  createdAt: 1,
  updatedAt: 2,
};
export const sampleVisit: Visit = { url: 'https://news.example/a', storyId: 'alibaba-pla-memo', firstAt: 1, lastAt: 2, count: 2 };
export const sampleSettings: Settings = { sidebarMode: 'first-open', disabledSites: ['off.example'] };
export const sampleToken: UndoToken = { id: 'undo-1', count: 1, expiresAt: 86_400_000 };
export const sampleContext: TabContext = {
  tabId: 4,
  url: 'https://news.example/a',
  sidebar: 'open',
  report: {
    storyId: 'alibaba-pla-memo',
    score: 30,
    threshold: 24,
    lang: 'en',
    title: 'Alibaba denies report',
    signals: [{ id: 'entity', label: 'Alibaba', where: 'title', weight: 10, text: 'alibaba' }],
    mentions: { denial: true, embassy: false, ftCaveat: false },
    knownCoverageId: null,
    caution: null,
  },
};

const samplePackUpdates: PageReplies['packs/status'] = {
  feed: { url: 'https://feed.test/packs/', chosenBy: 'reader' },
  offByReader: false,
  buildFeedUrl: null,
  last: { checkedAt: 1, feedUrl: 'https://feed.test/packs/', outcome: 'refused', error: null, installed: [], refused: [{ id: 'alibaba-pla-memo', reason: 'rollback' }] },
  packs: [{ id: 'alibaba-pla-memo', title: 'Alibaba and the PLA memo', version: 1, updated: '2025-11-20', from: 'bundled' }],
};

const page: PageReplies = {
  'ui/tabContext': sampleContext,
  'ui/sidebar': true,
  'ui/openSource': true,
  'ui/visits': [sampleVisit],
  'ui/openTab': true,
  'ui/checkPage': { found: true, storyTitle: 'Alibaba and the PLA memo' },
  'visits/clear': true,
  'items/save': sampleItem,
  'items/update': sampleItem,
  'items/delete': sampleToken,
  'items/undo': 1,
  'items/list': [sampleItem],
  'items/export': { items: [sampleItem], visits: [sampleVisit], settings: sampleSettings },
  'items/import': {
    itemsAdded: 1,
    itemsUpdated: 0,
    itemsUnchanged: 0,
    visitsAdded: 0,
    visitsUpdated: 0,
    settingsChanged: false,
    itemsWithTagsTruncated: 0,
  },
  'settings/get': sampleSettings,
  'settings/update': sampleSettings,
  'site/setEnabled': sampleSettings,
  'packs/status': samplePackUpdates,
  'packs/check': samplePackUpdates,
  'packs/setFeed': samplePackUpdates,
  'packs/setOff': samplePackUpdates,
};
const frame: FrameReplies = {
  'frame/context': sampleContext,
  'frame/visits': [sampleVisit],
  'frame/items': [sampleItem],
  'frame/settings': sampleSettings,
  'frame/save': sampleItem,
  'frame/update': sampleItem,
  'frame/undoSave': sampleToken,
  'frame/openSource': true,
  'frame/sidebar': 'collapsed',
  'frame/confirmSiteOff': true,
  'frame/openOptions': true,
};
const content: ContentReplies = {
  'content/detected': { sidebar: 'open', secret: 'ab'.repeat(16) },
  'content/cleared': { ok: true },
  'content/checked': { ok: true },
};

export const sampleReplies: { [K in RequestKind]: Reply<K> } = { ...page, ...frame, ...content };

/** The envelope the background would send for `message`, as a fake's sendMessage answers. */
export function sampleEnvelope(message: unknown): { ok: true; value: unknown } {
  const kind = (message as { type: RequestKind }).type;
  return { ok: true, value: structuredClone(sampleReplies[kind]) };
}
