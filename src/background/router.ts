// The background's message router. Each incoming message is validated against the map for its
// direction before any handler sees it; the sender decides which map applies.
import { browser, type Runtime } from '../platform/browser';
import {
  ContentToBackground,
  PageToBackground,
  explain,
  parse,
  type ContentResponses,
  type Reply,
} from '../protocol/messages';
import { classifySender } from './senders';
import { broadcast } from './broadcast';
import { clearTab, firstStoryPageOfSession, getTab, setTab } from './tab-state';
import { handleDataMessage, isDataMessage, recordCoverageVisit, sidebarMode } from './data';
import { packById } from '../packs/bundled';


async function sendToTab(tabId: number, message: unknown): Promise<void> {
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

async function handleContent(msg: ContentToBackground, sender: Runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id as number;
  if (sender.frameId !== 0) throw new Error('only the top frame reports');
  switch (msg.type) {
    case 'content/detected': {
      if (!msg.report.storyId || !packById(msg.report.storyId)) throw new Error('unknown story');
      const previous = await getTab(tabId);
      const mode = await sidebarMode();
      let sidebar: 'open' | 'collapsed';
      if (previous && previous.url === msg.url) sidebar = previous.sidebar;
      else if (mode === 'always-open') sidebar = 'open';
      else if (mode === 'tab-only') sidebar = 'collapsed';
      else sidebar = (await firstStoryPageOfSession()) ? 'open' : 'collapsed';
      await setTab({ tabId, url: msg.url, report: msg.report, sidebar });
      if (msg.report.knownCoverageId) await recordCoverageVisit(msg.url, msg.report.storyId);
      void broadcast('tab', tabId);
      const reply: ContentResponses['content/detected'] = { sidebar };
      return reply;
    }
    case 'content/cleared': {
      await clearTab(tabId);
      void broadcast('tab', tabId);
      const reply: ContentResponses['content/cleared'] = { ok: true };
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
      const ctx = await getTab(tabId);
      return ctx;
    }
    case 'ui/sidebar': {
      const tabId = msg.tabId ?? sender.tab?.id ?? (await activeTabId());
      if (tabId === undefined) return false;
      const ctx = await getTab(tabId);
      if (!ctx) return false;
      const state = msg.state === 'toggle' ? (ctx.sidebar === 'open' ? 'collapsed' : 'open') : msg.state;
      await setTab({ ...ctx, sidebar: state });
      await sendToTab(tabId, { type: 'bg/sidebar', state });
      return true;
    }
    case 'ui/openSource': {
      await recordCoverageVisit(msg.url, msg.storyId);
      const opener = sender.tab?.id;
      await browser.tabs.create({ url: msg.url, active: true, ...(opener !== undefined ? { openerTabId: opener } : {}) });
      return true;
    }
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

export { sendToTab };
