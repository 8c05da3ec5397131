// The background's message router. Each incoming message is validated against the map for its
// direction before any handler sees it; the sender decides which map applies.
import { browser, type Runtime } from '../platform/browser';
import {
  ContentToBackground,
  FrameToBackground,
  PageToBackground,
  explain,
  parse,
  type ContentResponses,
  type Reply,
} from '../protocol/messages';
import { classifySender } from './senders';
import { broadcast } from './broadcast';
import { clearTab, firstStoryPageOfSession, frameSecretFor, getTab, grantFor, setTab } from './tab-state';
import { handleDataMessage, isDataMessage, recordCoverageVisit, sidebarMode } from './data';
import { handleFrame } from './frame';
import { packById } from '../packs/bundled';
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

async function handleContent(msg: ContentToBackground, sender: Runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id as number;
  if (sender.frameId !== 0) throw new Error('only the top frame reports');
  switch (msg.type) {
    case 'content/detected': {
      const pack = msg.report.storyId ? packById(msg.report.storyId) : undefined;
      if (!pack) throw new Error('unknown story');
      // A content script speaks only for the page it runs in.
      if (!sameDocument(msg.url, sender.url)) throw new Error('a page may only report about itself');
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
      const reply: ContentResponses['content/detected'] = { sidebar, secret };
      return reply;
    }
    case 'content/cleared': {
      if (!sameDocument(msg.url, sender.url)) throw new Error('a page may only report about itself');
      await clearTab(tabId);
      void clearContextBadge(tabId);
      void broadcast('tab', tabId);
      const reply: ContentResponses['content/cleared'] = { ok: true };
      return reply;
    }
    case 'content/checked': {
      if (!sameDocument(msg.url, sender.url)) throw new Error('a page may only report about itself');
      checkFinished(tabId, msg.url);
      const reply: ContentResponses['content/checked'] = { ok: true };
      return reply;
    }
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

async function handlePage(msg: PageToBackground, sender: Runtime.MessageSender): Promise<unknown> {
  switch (msg.type) {
    case 'ui/tabContext': {
      const tabId = msg.tabId ?? sender.tab?.id ?? (await activeTabId());
      if (tabId === undefined) return null;
      return getTab(tabId);
    }
    case 'ui/sidebar': {
      const tabId = msg.tabId ?? sender.tab?.id ?? (await activeTabId());
      if (tabId === undefined) return false;
      const ctx = await getTab(tabId);
      if (!ctx) return false;
      await applySidebarState(ctx, msg.state);
      return true;
    }
    case 'ui/openSource': {
      await recordCoverageVisit(msg.url, msg.storyId);
      const opener = sender.tab?.id;
      await browser.tabs.create({ url: msg.url, active: true, ...(opener !== undefined ? { openerTabId: opener } : {}) });
      return true;
    }
    case 'ui/checkPage':
      return checkPage(msg.tabId);
    case 'ui/openTab': {
      await browser.tabs.create({ url: msg.url, active: true });
      return true;
    }
    default:
      if (isDataMessage(msg)) return handleDataMessage(msg);
      throw new Error('unhandled message');
  }
}

/** Pure routing decision, exported for the fuzz tests: which map a sender may use. */
export async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  const kind = classifySender(sender);
  try {
    if (kind === 'content-script') {
      const msg = parse(ContentToBackground, message);
      if (!msg) return { ok: false, error: `invalid message: ${explain(ContentToBackground, message)}` };
      return { ok: true, value: await handleContent(msg, sender) };
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

