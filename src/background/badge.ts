// The toolbar signal: a badge on the tab that shows story context, and a title that says why.
// Per tab, so another tab's button stays plain; cleared when the page stops being a story
// page or the tab goes elsewhere.
import { browser } from '../platform/browser';

const BADGE_TEXT = '1';

export async function showContextBadge(tabId: number, storyTitle: string): Promise<void> {
  const title = browser.i18n.getMessage('actionTitleContext', [storyTitle]) || `Context available: ${storyTitle}`;
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: BADGE_TEXT }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' }),
    browser.action.setTitle({ tabId, title }),
  ]).catch(() => undefined);
}

export async function clearContextBadge(tabId: number): Promise<void> {
  // An empty tab value falls back to the extension's own (no badge, the plain title).
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: '' }),
  ]).catch(() => undefined);
}
