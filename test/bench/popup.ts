// The toolbar popup with ten thousand saved items: import, first rows, search keystrokes and
// export. The popup is opened as a tab (popup.html), as the e2e suite does.
import type { Page } from 'puppeteer-core';
import { rmSync, writeFileSync } from 'node:fs';
import type { Session } from '../e2e/harness/browsers';
import { openExtensionPage } from '../e2e/harness/browsers';
import { VIEWPORT } from './page-cost';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Reply = { ok: true; value: unknown } | { ok: false; error: string };
interface ChromeGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<Reply> } };
}

/** An extension-origin document with no UI of its own: messages sent from it race nothing. */
async function quietExtensionPage(s: Session): Promise<Page> {
  const page = await s.browser.newPage();
  await page.goto(s.base + 'manifest.json');
  return page;
}

export interface ImportResult {
  ms: number;
  itemsAdded: number | null;
  /** How it was driven: the message alone (Chromium) or the popup's file input (Firefox). */
  method: 'message' | 'file-input';
  detail: string;
}

export async function importByMessage(s: Session, text: string): Promise<ImportResult> {
  const page = await quietExtensionPage(s);
  const r = await page.evaluate(async (text: string) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    const t0 = performance.now();
    const reply = await chrome.runtime.sendMessage({ type: 'items/import', text, settings: 'apply' });
    return { ms: performance.now() - t0, reply };
  }, text);
  await page.close();
  if (!r.reply.ok) throw new Error(`import refused: ${r.reply.error}`);
  const summary = r.reply.value as { itemsAdded?: number };
  return { ms: r.ms, itemsAdded: summary.itemsAdded ?? null, method: 'message', detail: JSON.stringify(r.reply.value) };
}

export async function exportByMessage(s: Session, repeats: number): Promise<{ ms: number[]; chars: number }> {
  const page = await quietExtensionPage(s);
  const ms: number[] = [];
  let chars = 0;
  for (let i = 0; i < repeats; i++) {
    const r = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'items/export' });
      const ms = performance.now() - t0;
      // Only the size crosses back to the benchmark.
      const chars = reply.ok ? (typeof reply.value === 'string' ? reply.value.length : JSON.stringify(reply.value).length) : -1;
      return { ms, chars, error: reply.ok ? null : reply.error };
    });
    if (r.error) throw new Error(`export refused: ${r.error}`);
    ms.push(r.ms);
    chars = r.chars;
  }
  await page.close();
  return { ms, chars };
}

// ---- io-status watching (import through the UI, export) ------------------------------------

interface IoWindow {
  __scIo?: { t0: number; t1: number; sawBusy: boolean; kind: string; text: string };
}
// Scripts that define functions of their own are passed to the page as source text: tsx
// compiles with keepNames, which wraps named inner functions in a helper the page lacks.

/**
 * Starts watching the popup's import/export status line: the figure ends when it has gone to
 * "busy" and then to a result, at the next animation frame. `startOn` names the event that
 * starts the clock: a click on a button, or the file input's change.
 */
const IO_WATCH = `(startOn, selector) => {
  const state = { t0: 0, t1: 0, sawBusy: false, kind: '', text: '' };
  window.__scIo = state;
  document.addEventListener(startOn, (e) => {
    if (!state.t0 && e.target instanceof Element && e.target.matches(selector)) state.t0 = performance.now();
  }, true);
  const mo = new MutationObserver(() => {
    const el = document.querySelector('[data-testid=io-status]');
    if (!el || state.t1) return;
    if (el.classList.contains('busy')) state.sawBusy = true;
    else if (state.sawBusy && (el.classList.contains('ok') || el.classList.contains('error'))) {
      state.kind = el.classList.contains('ok') ? 'ok' : 'error';
      state.text = el.textContent || '';
      mo.disconnect();
      requestAnimationFrame(() => { state.t1 = performance.now(); });
    }
  });
  mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
}`;

async function watchIoStatus(page: Page, startOn: 'click' | 'change', selector: string): Promise<void> {
  await page.evaluate(`(${IO_WATCH})(${JSON.stringify(startOn)}, ${JSON.stringify(selector)})`);
}

async function ioResult(page: Page, timeoutMs: number): Promise<{ ms: number; kind: string; text: string }> {
  const handle = await page.waitForFunction(
    () => {
      const s = (window as unknown as IoWindow).__scIo;
      return s && s.t1 ? { ms: s.t1 - s.t0, kind: s.kind, text: s.text } : null;
    },
    { polling: 50, timeout: timeoutMs },
  );
  return (await handle.jsonValue())!;
}

export async function importByFileInput(s: Session, text: string, path: string): Promise<ImportResult> {
  writeFileSync(path, text);
  const page = await openExtensionPage(s, 'popup.html');
  await watchIoStatus(page, 'change', '[data-testid=import-file]');
  const input = await page.$('input[data-testid=import-file]');
  if (!input) throw new Error('the popup has no import file input');
  await input.uploadFile(path);
  // The library carries the settings the bench set (always open); an import that would change
  // settings stops to ask, which would otherwise read as a two-minute timeout.
  const asks = page.waitForSelector('[data-testid=import-confirm]', { timeout: 120_000 }).then(() => 'asks' as const, () => null);
  const r = await Promise.race([ioResult(page, 120_000), asks]);
  if (r === 'asks' || r === null) throw new Error('the import stopped to confirm a change of settings: the bench did not set the library’s settings first');
  rmSync(path, { force: true });
  const added = /(\d[\d,.\s]*)/.exec(r.text)?.[1]?.replace(/[^\d]/g, '');
  await page.close();
  if (r.kind !== 'ok') throw new Error(`import through the popup failed: ${r.text}`);
  return { ms: r.ms, itemsAdded: added ? Number(added) : null, method: 'file-input', detail: r.text };
}

export async function exportByClick(s: Session, repeats: number): Promise<number[]> {
  const page = await openExtensionPage(s, 'popup.html', '[data-testid=item]');
  await page.bringToFront();
  await fullListReady(page);
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await watchIoStatus(page, 'click', '[data-testid=export-json]');
    await page.evaluate(() => (document.querySelector('[data-testid=export-json]') as HTMLButtonElement).click());
    const r = await ioResult(page, 60_000);
    if (r.kind !== 'ok') throw new Error(`export failed: ${r.text}`);
    out.push(r.ms);
    await sleep(200);
  }
  await page.close();
  return out;
}

// ---- first rows -----------------------------------------------------------------------------

interface RowsWindow {
  __scRows?: { first: number; firstFrame: number; complete: number; late: boolean };
}

/**
 * Installs, in the popup document only, an observer that stamps (performance.now(), so from
 * navigation start) the first saved-item row, the animation frame after it, and the full list
 * being read and indexed (the list stops being aria-busy). Returns null in other documents,
 * else whether the first row was already there when it was installed (an upper bound then).
 */
const ROWS_WATCH = `(() => {
  if (!/\\/popup\\.html$/.test(location.pathname)) return null;
  if (window.__scRows) return { late: window.__scRows.late };
  const rows = { first: 0, firstFrame: 0, complete: 0, late: false };
  window.__scRows = rows;
  const check = () => {
    if (!rows.first && document.querySelector('[data-testid=item]')) {
      rows.first = performance.now();
      requestAnimationFrame(() => { rows.firstFrame = performance.now(); });
    }
    const list = document.querySelector('ul.list');
    if (rows.first && !rows.complete && list && !list.hasAttribute('aria-busy')) rows.complete = performance.now();
    return rows.complete > 0;
  };
  check();
  rows.late = rows.first > 0;
  if (rows.complete) return { late: rows.late };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-testid'] });
  return { late: rows.late };
})();`;

export interface FirstRows {
  /** performance.now() in the popup when the first row exists. */
  firstMs: number;
  /** The animation frame after it. */
  firstFrameMs: number;
  /** When every item was read and indexed. */
  completeMs: number;
  /** The observer came after the first row (Firefox, which runs no preload script in extension pages): an upper bound. */
  late: boolean;
}

export async function firstRows(s: Session, repeats: number): Promise<FirstRows[]> {
  const out: FirstRows[] = [];
  for (let i = 0; i < repeats; i++) {
    const page = await s.browser.newPage();
    await page.setViewport(VIEWPORT);
    // Chromium runs it before the popup's own scripts; Firefox does not run preload scripts in
    // extension pages, so there it is installed as soon as the document answers (below).
    if (s.name === 'chromium') await page.evaluateOnNewDocument(ROWS_WATCH);
    // Firefox sends no load event for moz-extension pages over BiDi: start, do not await.
    void page.goto(s.base + 'popup.html').catch(() => undefined);
    const deadline = Date.now() + 30_000;
    let late: boolean | null = null;
    while (late === null && Date.now() < deadline) {
      const r = (await page.evaluate(ROWS_WATCH).catch(() => null)) as { late: boolean } | null;
      if (r) late = r.late;
      else await sleep(5);
    }
    if (late === null) throw new Error('the popup did not open');
    const h = await page.waitForFunction(
      () => {
        const r = (window as unknown as RowsWindow).__scRows;
        return r && r.firstFrame && r.complete ? { first: r.first, firstFrame: r.firstFrame, complete: r.complete } : null;
      },
      { polling: 50, timeout: 60_000 },
    );
    const r = (await h.jsonValue())!;
    out.push({ firstMs: r.first, firstFrameMs: r.firstFrame, completeMs: r.complete, late });
    await page.close();
    await sleep(300);
  }
  return out;
}

// ---- search ---------------------------------------------------------------------------------

async function fullListReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const list = document.querySelector('ul.list');
      return list !== null && !list.hasAttribute('aria-busy');
    },
    { polling: 50, timeout: 60_000 },
  );
}

export interface Keystroke {
  query: string;
  ms: number | null;
  countBefore: string;
  countAfter: string;
}

/**
 * One keystroke as the page sees it: the search box gets its new value and an input event; the
 * clock stops at the animation frame after the count line shows the new result.
 */
const KEYSTROKE = `async (query) => {
  const input = document.querySelector('[data-testid=search]');
  const countText = () => (document.querySelector('[data-testid=count]') || {}).textContent || '';
  const before = countText();
  input.focus();
  const t0 = performance.now();
  input.value = query;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, data: query.slice(-1) || null, inputType: query ? 'insertText' : 'deleteContentBackward' }));
  const changed = await new Promise((resolve) => {
    if (countText() !== before) return resolve(true);
    const timer = setTimeout(() => { mo.disconnect(); resolve(false); }, 5000);
    const mo = new MutationObserver(() => {
      if (countText() !== before) { mo.disconnect(); clearTimeout(timer); resolve(true); }
    });
    mo.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await new Promise((r) => requestAnimationFrame(r));
  const ms = performance.now() - t0;
  return { query, ms: changed ? ms : null, countBefore: before, countAfter: countText() };
}`;

async function keystroke(page: Page, query: string): Promise<Keystroke> {
  return (await page.evaluate(`(${KEYSTROKE})(${JSON.stringify(query)})`)) as Keystroke;
}

export async function searchKeystrokes(s: Session, plan: string[][]): Promise<Keystroke[]> {
  const page = await openExtensionPage(s, 'popup.html', '[data-testid=item]');
  await page.bringToFront();
  await fullListReady(page);
  const out: Keystroke[] = [];
  for (const word of plan) {
    for (const prefix of word) {
      out.push(await keystroke(page, prefix));
      // A reader types about five characters a second.
      await sleep(200);
    }
    await keystroke(page, '');
    await sleep(300);
  }
  await page.close();
  return out;
}

/** Chromium: exports must not land in the machine's download folder. */
export async function denyDownloads(s: Session): Promise<void> {
  const session = await s.browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'deny' });
  await session.detach();
}
