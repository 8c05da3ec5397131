// The content script as first injected on every matching page. It must cost next to nothing on
// pages that are not story pages: a prefilter over URL, title and metadata decides, and only a
// page that passes loads the detector and the sidebar host (./story-page, a separate chunk).
import { prefilter, readPrefilterInput } from '../detection/prefilter';
import { ext, runtimeAlive } from '../platform/content-runtime';
import { sidebarShown, TEARDOWN_EVENT } from './copies';
import { watchNavigation } from './navigation';
import { checkStep } from './page-steps';
import { announceCheck, announceDetect, announceSettled } from './settled';
import { firstStageIndex } from './first-stage-index';

type StoryPageModule = typeof import('./story-page');

/**
 * The namespace both browsers give content scripts (Firefox aliases it to `browser`). The load
 * below names it literally: Firefox's add-on linter accepts a dynamic import only of an
 * argument written as `chrome.runtime.getURL(...)`, and flags anything else as unsafe.
 */
declare const chrome: { runtime: { getURL(path: string): string } };

/**
 * Built apart from this script (see scripts/build.ts) so that the detector's bytes are fetched
 * and compiled only on pages that pass the prefilter.
 */
const STORY_PAGE_MODULE = 'content/story-page.js';

let storyPage: StoryPageModule | null = null;
let lastUrl = '';
/**
 * This copy's lifetime: every listener, observer and timer it sets up, and the mounted page,
 * hang on its signal. Aborted for good when the copy goes; a check still in flight then mounts
 * nothing.
 */
const lifetime = new AbortController();

function isHtmlTopDocument(): boolean {
  if (window.top !== window) return false;
  const type = document.contentType;
  return type === 'text/html' || type === 'application/xhtml+xml';
}

async function check(): Promise<void> {
  announceCheck();
  const url = location.href;
  let candidates: string[] = [];
  if (url !== lastUrl) {
    try {
      const index = firstStageIndex();
      candidates = prefilter(readPrefilterInput(document, url), index instanceof Promise ? await index : index);
    } catch {
      candidates = [];
    }
  }
  // Only past the prefilter the extension's API: on the pages it dismisses it is never touched
  // (see platform/content-runtime.ts). An orphan left by a reload stops here.
  const step = checkStep(url, lastUrl, candidates.length, storyPage !== null, runtimeAlive);
  lastUrl = url;
  // A <title> change without a navigation: the check already under way announces itself.
  if (step === 'same') return;
  if (step === 'orphan') return teardown();
  if (step === 'leave') storyPage?.leave(url);
  if (step !== 'enter') return announceSettled();
  // From the first story page on, this copy may have a sidebar to take down when a newer one comes.
  if (!storyPage) document.addEventListener(TEARDOWN_EVENT, onTeardownCue, { signal: lifetime.signal });
  const page = (storyPage ??= (await import(/* @vite-ignore */ chrome.runtime.getURL(STORY_PAGE_MODULE))) as StoryPageModule);
  announceDetect();
  await page.enter(url, candidates, lifetime.signal);
}

function teardown(): void {
  lifetime.abort();
  storyPage = null;
}

function onTeardownCue(): void {
  // Nothing shown, nothing to remove: stay away from the extension namespace (see check()).
  if (!storyPage) return;
  if (!runtimeAlive()) teardown();
}

/**
 * The background sets this flag in the content script's world just before it injects the
 * script for the reader's "Check this page" (background/check-page.ts). Then, and only then,
 * the first check ends with a report, so the popup can say the page is not about a story.
 */
function reportIfAsked(): void {
  const g = globalThis as { storyContextCheck?: boolean };
  if (!g.storyContextCheck || !runtimeAlive()) return;
  g.storyContextCheck = false;
  ext().runtime.sendMessage({ type: 'content/checked', url: lastUrl || location.href }).catch(() => undefined);
}

function start(): void {
  if (!isHtmlTopDocument()) return announceSettled();
  if (__E2E__ && location.pathname.startsWith('/__e2e/')) void import('./e2e-bridge').then((m) => m.installE2eBridge());
  // An older copy of this script (the extension was reloaded or updated) removes its own UI
  // when it hears this; then this copy takes over. The page can send the same event, so it is
  // only a cue: a copy goes only when its own runtime is gone, which no page can fake.
  if (sidebarShown(document)) document.dispatchEvent(new CustomEvent(TEARDOWN_EVENT));
  watchNavigation(() => void check(), lifetime.signal);
  void check().finally(reportIfAsked);
}

start();
