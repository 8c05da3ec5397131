// "Check this page": on a site the extension does not read, the reader asks from the popup.
// The toolbar click granted activeTab for that tab, so the background can run the content
// script there once (no new permission). If the page is a story page the content script
// shows the sidebar as on any listed site; either way it reports back when it is done
// (content/checked), and the popup says which it was.
import { browser } from '../platform/browser';
import type { CheckPageResult } from '../protocol/replies';
import { installedIndexFiles, packInForce } from './pack-updates';
import { listenAgain } from './spa-navigation';
import { getTab } from './tab-state';
import { manifestContentFiles } from './site-access';

/** Detection takes milliseconds; a page this slow to answer is treated as unreadable. */
const ANSWER_TIMEOUT_MS = 15_000;

const waiting = new Map<number, (url: string | null) => void>();

/** Runs in the content script's world, before the script: asks it to report when done (see content/index.ts). */
function askForReport(): void {
  (globalThis as { storyContextCheck?: boolean }).storyContextCheck = true;
}

async function resultFor(tabId: number, url: string | null): Promise<CheckPageResult> {
  if (url === null) return { found: false, reason: 'cannot-read' };
  const ctx = await getTab(tabId);
  const pack = ctx && ctx.url === url && ctx.report.storyId ? await packInForce(ctx.report.storyId) : undefined;
  return pack ? { found: true, storyTitle: pack.title } : { found: false, reason: 'not-a-story' };
}

export async function checkPage(tabId: number): Promise<CheckPageResult> {
  const files = manifestContentFiles();
  if (files.length === 0) return { found: false, reason: 'cannot-read' };
  // A newer check of the tab replaces one still waiting.
  waiting.get(tabId)?.(null);
  const answered = new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => finish(null), ANSWER_TIMEOUT_MS);
    const finish = (url: string | null) => {
      clearTimeout(timer);
      if (waiting.get(tabId) === finish) waiting.delete(tabId);
      resolve(url);
    };
    waiting.set(tabId, finish);
  });
  try {
    const target = { tabId, frameIds: [0] };
    listenAgain(tabId);
    await browser.scripting.executeScript({ target, func: askForReport });
    // With packs installed from the feed, the first stage tests the page against their index too.
    await browser.scripting.executeScript({ target, files: [...(await installedIndexFiles()), ...files] });
  } catch {
    // No access to this tab (the popup was not opened from it, or it is a browser page).
    waiting.get(tabId)?.(null);
  }
  return resultFor(tabId, await answered);
}

/** The content script's report that a requested check is done. */
export function checkFinished(tabId: number, url: string): void {
  waiting.get(tabId)?.(url);
}
