// Loaded only on pages that passed the prefilter: full detection, the report to the
// background, and the sidebar host. Each address shown is a mounted page with a signal of its
// own (its host, its wait for late text), under the content script's signal from index.ts.
import { detectStory } from '../detection/detect';
import { awaitsText } from '../detection/late-text';
import type { DetectionResult } from '../detection/types';
import type { DetectionPack } from '../packs/detection-slice';
import { BackgroundToContent, parse, type DetectionReport } from '../protocol/messages';
import { readReply, type ContentPing } from '../protocol/replies';
import { ext, runtimeAlive } from '../platform/content-runtime';
import { extensionFrameOrigin } from '../platform/chromium';
import { watchLateText } from './late-text';
import { detectionPacks } from './detection-packs';
import { childController, onAbort } from './lifetime';
import { detectedStep, mountsHost } from './page-steps';
import { announceSettled } from './settled';
import { SidebarHost, type SidebarState } from './sidebar-host';
import { isSiteDisabled } from '../url/site';

/** The content script's signal, from the first enter(): aborted when this copy goes. */
let lifetime: AbortSignal | null = null;
/** The mounted page's controller: aborted when the page is left. */
let mounted: AbortController | null = null;
let host: SidebarHost | null = null;
/** The wait for late text, inside the mounted page: a new detection ends it. */
let textWatch: AbortController | null = null;
let reportedUrl: string | null = null;

function onMessage(message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): undefined {
  const msg = parse(BackgroundToContent, message);
  if (!msg) return undefined;
  if (msg.type === 'bg/ping') {
    // Answered at once (sendResponse works the same in both browsers, with or without a
    // returned promise): the background asks when the tab's address changed.
    const reply: ContentPing = { showing: reportedUrl !== null };
    sendResponse(reply);
  } else if (msg.type === 'bg/redetect') {
    if (lifetime) void enter(location.href, [], lifetime);
  } else if (host) {
    if (msg.state === 'toggle') host.toggle();
    else host.setState(msg.state);
  }
  return undefined;
}

/** Listens to the background for as long as the content script lives. */
function listen(signal: AbortSignal): void {
  if (lifetime === signal) return;
  lifetime = signal;
  ext().runtime.onMessage.addListener(onMessage);
  onAbort(signal, () => {
    unmount();
    reportedUrl = null;
    try {
      ext().runtime.onMessage.removeListener(onMessage);
    } catch {
      // The runtime is gone already.
    }
  });
}

/** The mounted page's signal, made on first need. */
function pageSignal(signal: AbortSignal): AbortSignal {
  mounted ??= childController(signal);
  return mounted.signal;
}

function unmount(): void {
  mounted?.abort();
  mounted = null;
  host = null;
}

async function siteDisabled(): Promise<boolean> {
  try {
    const stored = await ext().storage.local.get('disabledSites');
    const list = stored['disabledSites'];
    return Array.isArray(list) && isSiteDisabled(list, location.href);
  } catch {
    return false;
  }
}

/**
 * Detects the page at `url` and shows or leaves it. `signal` is the content script's: when it
 * aborts, everything this module set up goes with it.
 */
export async function enter(url: string, candidates: readonly string[], signal: AbortSignal): Promise<void> {
  if (signal.aborted || !runtimeAlive()) return;
  listen(signal);
  textWatch?.abort();
  if (await siteDisabled()) {
    leave(url);
    return announceSettled();
  }
  if (signal.aborted) return;
  const packs = await detectionPacks(candidates);
  const result = detectStory(document, url, packs);
  if (signal.aborted) return;
  const step = detectedStep(url, result.storyId, awaitsText(result));
  if (step === 'show') {
    await show(url, result, signal);
    return announceSettled();
  }
  leave(url);
  // The article may still be on its way (client-rendered sites): judge it when it arrives.
  if (step === 'watch') watchForText(url, packs, signal);
  else announceSettled();
}

function watchForText(url: string, packs: readonly DetectionPack[], signal: AbortSignal): void {
  textWatch = childController(pageSignal(signal));
  watchLateText(
    async () => {
      if (location.href !== url || !runtimeAlive()) return true;
      const result = detectStory(document, url, packs);
      if (result.storyId) {
        await show(url, result, signal);
        return true;
      }
      return !awaitsText(result);
    },
    textWatch.signal,
    { onEnd: announceSettled },
  );
}

/** Reports a story page to the background and shows its sidebar. */
async function show(url: string, result: DetectionResult, signal: AbortSignal): Promise<void> {
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
  // Torn down while the report was on its way: nothing more to mount.
  if (signal.aborted) return;
  // (A sandbox that keeps the origin is caught by the host, which waits for its frame to run.)
  if (!mountsHost(window.origin, secret)) return;
  host ??= new SidebarHost({
    sidebarUrl: ext().runtime.getURL('sidebar.html') + '?embedded=1',
    frameOrigin: extensionFrameOrigin(ext().runtime),
    secret,
    tabLabel: ext().i18n.getMessage('contextTab') || 'Context',
    frameTitle: ext().i18n.getMessage('sidebarTitle') || 'Story context',
    signal: pageSignal(signal),
  });
  host.setState(state);
}

/** The page at `url` is not (or no longer) a story page: its mount goes, the background is told. */
export function leave(url: string): void {
  unmount();
  if (reportedUrl && runtimeAlive()) {
    ext().runtime.sendMessage({ type: 'content/cleared', url }).catch(() => undefined);
  }
  reportedUrl = null;
}
