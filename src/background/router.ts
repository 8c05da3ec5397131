// The background's message router. Each incoming message is validated against the map for its
// direction before any handler sees it; the sender decides which map applies.
import { browser, type Runtime } from '../platform/browser';
import { ContentToBackground, FrameToBackground, PageToBackground, explain, parse } from '../protocol/messages';
import type { ContentReplies, Envelope, PageReplies } from '../protocol/replies';
import { dispatch, type Handlers } from './handlers';
import { classifySender } from './senders';
import { broadcast } from './broadcast';
import { clearTab, firstStoryPageOfSession, frameSecretFor, getTab, grantFor, setTab } from './tab-state';
import { handleDataMessage, isDataMessage, recordCoverageVisit, sidebarMode, type DataMessage } from './data';
import { handleFrame } from './frame';
import { checkForUpdates, packInForce, packUpdatesView, setReaderFeed, setUpdatesOff } from './pack-updates';
import { findKnownCoverage } from '../detection/url';
import { clearContextBadge, showContextBadge } from './badge';
import { checkFinished, checkPage } from './check-page';
import { applySidebarState } from './sidebar-state';

/**
 * Whether a reported address is on the site the sender is on. Same origin, not same URL: the
 * browser's MessageSender.url stays the address the document was loaded at (Chromium and
 * Firefox alike), while single-page sites move on with pushState.
 */
function sameDocument(reported: string, senderUrl: string | undefined): boolean {
  if (!senderUrl) return false;
  try {
    return new URL(reported).origin === new URL(senderUrl).origin;
  } catch {
    return false;
  }
}

/** Where a content script may speak: its own tab's top frame, about its own site. */
function ownPage(msg: ContentToBackground, sender: Runtime.MessageSender): number {
  if (sender.frameId !== 0) throw new Error('only the top frame reports');
  // A content script speaks only for the page it runs in.
  if (!sameDocument(msg.url, sender.url)) throw new Error('a page may only report about itself');
  return sender.tab?.id as number;
}

const contentHandlers: Handlers<ContentToBackground, ContentReplies, [Runtime.MessageSender]> = {
  'content/detected': async (msg, sender) => {
    const pack = msg.report.storyId ? await packInForce(msg.report.storyId) : undefined;
    if (!pack) throw new Error('unknown story');
    const tabId = ownPage(msg, sender);
    // Whether the page is known coverage is decided here, from the reported address (on the
    // sender's own site, checked above): a page must not be able to mark a source as opened
    // that the reader never opened.
    const known = findKnownCoverage(msg.url, pack);
    const report = { ...msg.report, knownCoverageId: known?.id ?? null };
    const previous = await getTab(tabId);
    const mode = await sidebarMode();
    let sidebar: 'open' | 'collapsed';
    if (previous && previous.url === msg.url) sidebar = previous.sidebar;
    else if (mode === 'always-open') sidebar = 'open';
    else if (mode === 'tab-only') sidebar = 'collapsed';
    else sidebar = (await firstStoryPageOfSession()) ? 'open' : 'collapsed';
    await setTab({ tabId, url: msg.url, report, sidebar });
    const secret = await frameSecretFor(tabId);
    if (known) await recordCoverageVisit(known.url, pack.id);
    void showContextBadge(tabId, pack.title);
    void broadcast('tab', tabId);
    return { sidebar, secret };
  },
  'content/cleared': async (msg, sender) => {
    const tabId = ownPage(msg, sender);
    await clearTab(tabId);
    void clearContextBadge(tabId);
    void broadcast('tab', tabId);
    return { ok: true };
  },
  'content/checked': (msg, sender) => {
    checkFinished(ownPage(msg, sender), msg.url);
    return { ok: true };
  },
};

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** The tab a page request is about: the one it names, the one the page is in, or the active one. */
async function targetTab(tabId: number | undefined, sender: Runtime.MessageSender): Promise<number | undefined> {
  return tabId ?? sender.tab?.id ?? (await activeTabId());
}

type TabMessage = Exclude<PageToBackground, DataMessage>;

const pageHandlers: Handlers<TabMessage, PageReplies, [Runtime.MessageSender]> = {
  'ui/tabContext': async (msg, sender) => {
    const tabId = await targetTab(msg.tabId, sender);
    return tabId === undefined ? null : getTab(tabId);
  },
  'ui/sidebar': async (msg, sender) => {
    const tabId = await targetTab(msg.tabId, sender);
    const ctx = tabId === undefined ? null : await getTab(tabId);
    if (!ctx) return false;
    await applySidebarState(ctx, msg.state);
    return true;
  },
  'ui/openSource': async (msg, sender) => {
    await recordCoverageVisit(msg.url, msg.storyId);
    const opener = sender.tab?.id;
    await browser.tabs.create({ url: msg.url, active: true, ...(opener !== undefined ? { openerTabId: opener } : {}) });
    return true as const;
  },
  'ui/checkPage': (msg) => checkPage(msg.tabId),
  'ui/openTab': async (msg) => {
    await browser.tabs.create({ url: msg.url, active: true });
    return true as const;
  },
  // Only extension pages the web cannot embed get here (see senders.ts): a page cannot make the
  // extension fetch, or point it at a feed of its own.
  'packs/status': () => packUpdatesView(),
  'packs/check': async () => {
    await checkForUpdates();
    return packUpdatesView();
  },
  'packs/setFeed': (msg) => setReaderFeed(msg.feed),
  'packs/setOff': (msg) => setUpdatesOff(msg.off),
};

function handlePage(msg: PageToBackground, sender: Runtime.MessageSender): Promise<PageReplies[keyof PageReplies]> {
  return isDataMessage(msg) ? handleDataMessage(msg) : dispatch(pageHandlers, msg, sender);
}

/** Which map a sender may use, checked before any handler sees the message; every answer is an envelope. */
export async function route(message: unknown, sender: Runtime.MessageSender): Promise<Envelope<unknown>> {
  const kind = classifySender(sender);
  try {
    if (kind === 'content-script') {
      const msg = parse(ContentToBackground, message);
      if (!msg) return { ok: false, error: `invalid message: ${explain(ContentToBackground, message)}` };
      return { ok: true, value: await dispatch(contentHandlers, msg, sender) };
    }
    if (kind === 'embedded-frame') {
      const msg = parse(FrameToBackground, message);
      if (!msg) return { ok: false, error: `invalid message: ${explain(FrameToBackground, message)}` };
      const tabId = sender.tab?.id as number;
      const grant = await grantFor(tabId, msg.secret);
      if (!grant) return { ok: false, error: 'not this tab\'s sidebar' };
      return { ok: true, value: await handleFrame(msg, tabId, grant) };
    }
    if (kind === 'extension-page') {
      const msg = parse(PageToBackground, message);
      if (!msg) return { ok: false, error: `invalid message: ${explain(PageToBackground, message)}` };
      return { ok: true, value: await handlePage(msg, sender) };
    }
    return { ok: false, error: 'unknown sender' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

