// Loaded only on pages that passed the prefilter: full detection, the report to the
// background, and the sidebar host. Everything here can be torn down with destroy().
import { detectStory } from '../detection/detect';
import { awaitsText } from '../detection/late-text';
import type { DetectionResult } from '../detection/types';
import { bundledPackData } from '../packs/bundled-data';
import { BackgroundToContent, parse, type DetectionReport } from '../protocol/messages';
import { readReply, type ContentPing } from '../protocol/replies';
import { ext, runtimeAlive } from '../platform/content-runtime';
import { watchLateText } from './late-text';
import { SidebarHost, type SidebarState } from './sidebar-host';

let host: SidebarHost | null = null;
let reportedUrl: string | null = null;
let listening = false;
let stopTextWatch: (() => void) | null = null;

function onMessage(message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): undefined {
  const msg = parse(BackgroundToContent, message);
  if (!msg) return undefined;
  if (msg.type === 'bg/ping') {
    // Answered at once (sendResponse works the same in both browsers, with or without a
    // returned promise): the background asks when the tab's address changed.
    const reply: ContentPing = { showing: reportedUrl !== null };
    sendResponse(reply);
  } else if (msg.type === 'bg/redetect') {
    void enter(location.href, []);
  } else if (host) {
    if (msg.state === 'toggle') host.toggle();
    else host.setState(msg.state);
  }
  return undefined;
}

async function siteDisabled(): Promise<boolean> {
  try {
    const stored = await ext().storage.local.get('disabledSites');
    const list = stored['disabledSites'];
    // Same rule as the settings: "www." is ignored and a site covers its subdomains.
    const host = location.hostname.toLowerCase().replace(/^www\./, '');
    return Array.isArray(list) && list.some((site) => typeof site === 'string' && (host === site || host.endsWith('.' + site)));
  } catch {
    return false;
  }
}

function extensionOrigin(): string {
  const base = ext().runtime.getURL('');
  // Chrome's getURL answers with the dynamic (per-session) address; its documents still have
  // the origin named by the extension id. Firefox's moz-extension:// address is the origin.
  return base.startsWith('chrome-extension:') ? `chrome-extension://${ext().runtime.id}` : new URL(base).origin;
}

export async function enter(url: string, _candidates: string[]): Promise<void> {
  if (!runtimeAlive()) return destroy();
  if (!listening) {
    ext().runtime.onMessage.addListener(onMessage);
    listening = true;
  }
  if (await siteDisabled()) return leave(url);

  const result = detectStory(document, url, bundledPackData);
  if (!result.storyId || !/^https?:/.test(url)) {
    leave(url);
    // The article may still be on its way (client-rendered sites): judge it when it arrives.
    if (result.storyId === null && /^https?:/.test(url) && awaitsText(result)) watchForText(url);
    return;
  }
  await show(url, result);
}

function stopWatchingText(): void {
  stopTextWatch?.();
  stopTextWatch = null;
}

function watchForText(url: string): void {
  stopWatchingText();
  stopTextWatch = watchLateText(async () => {
    if (location.href !== url || !runtimeAlive()) return true;
    const result = detectStory(document, url, bundledPackData);
    if (result.storyId) {
      await show(url, result);
      return true;
    }
    return !awaitsText(result);
  });
}

/** Reports a story page to the background and shows its sidebar. */
async function show(url: string, result: DetectionResult): Promise<void> {
  stopWatchingText();
  const report: DetectionReport = {
    storyId: result.storyId,
    score: result.score,
    threshold: result.threshold,
    lang: result.lang,
    title: result.title.slice(0, 2000),
    signals: result.signals.slice(0, 200).map((s) => ({ ...s, label: s.label.slice(0, 300), text: s.text.slice(0, 300) })),
    mentions: result.mentions,
    knownCoverageId: result.knownCoverageId,
    caution: result.caution,
  };
  let state: SidebarState = 'collapsed';
  let secret: string | null = null;
  // From here this document shows a story, before the report is even answered: the address
  // of a single-page site may move on meanwhile, and the background then asks (bg/ping).
  reportedUrl = url;
  try {
    const answer = readReply('content/detected', await ext().runtime.sendMessage({ type: 'content/detected', url, report }));
    state = answer.sidebar;
    secret = answer.secret;
  } catch {
    // The background could not be reached (extension reloading), refused the report, or
    // answered with something this script cannot read: the popup still shows the context.
  }
  // A sandboxed document (CSP sandbox) passes its sandbox on to every frame in it: the sidebar
  // could not run there. The toolbar popup and the browser's side panel still show the context.
  // (A sandbox that keeps the origin is caught by the host, which waits for its frame to run.)
  if (window.origin === 'null') return;
  // Without the tab's secret the frame could show nothing: the popup still can.
  if (!secret) return;
  if (!host) {
    host = new SidebarHost({
      sidebarUrl: ext().runtime.getURL('sidebar.html') + '?embedded=1',
      frameOrigin: extensionOrigin(),
      secret,
      tabLabel: ext().i18n.getMessage('contextTab') || 'Context',
      frameTitle: ext().i18n.getMessage('sidebarTitle') || 'Story context',
    });
  }
  host.setState(state);
}

export function leave(url: string): void {
  stopWatchingText();
  host?.destroy();
  host = null;
  if (reportedUrl && runtimeAlive()) {
    ext().runtime.sendMessage({ type: 'content/cleared', url }).catch(() => undefined);
  }
  reportedUrl = null;
}

export function destroy(): void {
  stopWatchingText();
  host?.destroy();
  host = null;
  reportedUrl = null;
  if (listening) {
    try {
      ext().runtime.onMessage.removeListener(onMessage);
    } catch {
      // The runtime is gone already.
    }
    listening = false;
  }
}
