// Reading and using the sidebar the way a reader does: axe-core in its own realm, and opening
// the sections a control sits in (they are closed disclosures until the reader opens them).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'puppeteer-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
}

/** Runs axe in the frame's own realm (evaluated code is not subject to the page's CSP). */
export async function axe(frame: Frame): Promise<Violation[]> {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

/**
 * Opens the disclosure around the first element matching `selector` by clicking its summary,
 * as a reader would, so the element can be seen and clicked.
 */
export async function openSectionOf(frame: Frame, selector: string): Promise<void> {
  const summaries = await frame.$$eval(selector, (els) => {
    const el = els[0];
    const ids: string[] = [];
    for (let d = el?.closest('details') ?? null; d; d = d.parentElement?.closest('details') ?? null) if (!d.open) ids.unshift(d.id);
    return ids;
  });
  // Headless Chromium completes no click in a background tab: the reader's tab is in front.
  if (summaries.length > 0) await frame.page().bringToFront();
  for (const id of summaries) await (await frame.waitForSelector(`#${id} > summary`, { visible: true, timeout: 10_000 }))!.click();
  await frame.waitForSelector(selector, { visible: true, timeout: 10_000 });
}
