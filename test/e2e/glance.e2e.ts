// The sidebar's first screen, as a reader sees it in a 900 px high window: the status in words,
// a response quoted with its speaker, the coverage chart with its text, and what this page
// mentions and leaves out, all without scrolling; every other section closed, one action away
// (also by keyboard); at most three screens tall; axe-core clean in light and dark. The first
// screen, the height and axe are checked on a page of each bundled story; the second story's
// first screen (four mention kinds, a status line with its note) is the taller of the two.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, launch, openSidebarFromTab, sidebarFrame, type BrowserName, type Session } from './harness/browsers';
import { startServer, stripResourceHints, type TestServer } from './harness/server';
import { FIXTURES, seedPageHtml } from './harness/pages';
import { axe } from './harness/sidebar-view';

const SCREEN = 900;

/** What a story page's first screen must say; each entry is matched in full (a RegExp where the text varies). */
interface FirstScreen {
  story: string;
  path: string;
  chips: Array<string | RegExp>;
  quote: string;
  speaker: string;
  chartMention: RegExp;
  mentions: string[];
  leavesOut: string[];
}

const STORIES: FirstScreen[] = [
  {
    story: 'the Alibaba memo',
    path: '/story.html',
    chips: [/^Status: Not verified The FT said it could not independently verify the claims/, "Status: Denied by Alibaba Group and Embassy of the People's Republic of China in Washington"],
    quote: '“The assertions and innuendos in the article are completely false.”— Alibaba Group (spokesperson) · Denial',
    speaker: 'Alibaba Group (spokesperson)',
    chartMention: /^Alibaba's denial: \d+ of \d+ outlets/,
    // The seed article reports Alibaba's denial and the embassy's response, not the FT's caveat.
    mentions: ["✓This page reports Alibaba's denial.", "✓This page reports the Chinese embassy's response."],
    leavesOut: ['✗No mention found that the FT could not independently verify the claims.'],
  },
  {
    story: 'the Nvidia H20 summons',
    path: '/nvidia.html',
    // Four mention kinds and a status line with its note: the taller first screen of the two.
    chips: [/^Status: Unverified: no evidence published \(1 of 5 claims\) The CAC asked Nvidia to explain and document/, 'Status: Denied by Nvidia (4 of 5 claims)'],
    quote: '“There are no backdoors,”— Jensen Huang, NVIDIA CEO · Denial',
    speaker: 'Jensen Huang, NVIDIA CEO',
    chartMention: /^Nvidia's denial: \d+ of \d+ outlets/,
    // The AP copy reports the denial, the CAC's stated grounds and the missing evidence, not the state-media commentary.
    mentions: ["✓This page reports Nvidia's denial.", "✓This page reports the CAC's stated grounds: US lawmakers' calls for tracking, and unnamed US AI experts.", '✓This page points out that no specifics, evidence or test results were published.'],
    leavesOut: ['✗No mention found of state-media commentary.'],
  },
];

interface Seen {
  testid: string;
  /** Where the element ends, from the top of the sidebar's document, in CSS pixels. */
  bottom: number;
  text: string;
}

/** Every element with one of `testids`, where it ends and what it says. */
async function seen(frame: Frame, testids: string[]): Promise<Seen[]> {
  return frame.evaluate((ids: string[]) => {
    const out: Array<{ testid: string; bottom: number; text: string }> = [];
    for (const id of ids) {
      for (const el of document.querySelectorAll(`[data-testid="${id}"]`)) {
        out.push({ testid: id, bottom: el.getBoundingClientRect().bottom + window.scrollY, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() });
      }
    }
    return out;
  }, testids);
}

async function storyPage(s: Session, server: TestServer, scheme: 'light' | 'dark', path = STORIES[0]!.path): Promise<{ page: Page; frame: Frame }> {
  const page = await s.browser.newPage();
  await page.setViewport({ width: 1400, height: SCREEN });
  if (s.name === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.goto(server.url(path));
  const frame = await sidebarFrame(s, page);
  // It opens by itself on the first story page of a session; later ones show the Context tab.
  await openSidebarFromTab(page);
  await page.bringToFront();
  return { page, frame };
}

/** The sidebar's background, to check the colour scheme the test asked for is the one shown. */
function background(frame: Frame): Promise<string> {
  return frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(21, 23, 27)';

function firstScreenTests(name: BrowserName, scheme: 'light' | 'dark', firefoxPrefs: Record<string, number> = {}) {
  describe(`the first screen in ${name} (${scheme})`, () => {
    let s: Session;
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer({
        '/story.html': { body: seedPageHtml('000_22b88a4c825870c9.txt') },
        // The second story on a saved real article (AP copy); its own scripts and images stay off.
        '/nvidia.html': {
          file: join(FIXTURES, 'stories/nvidia-h20-backdoor/corpus/pages/pos/p01_lincolndailynews_ap.html'),
          headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
          transform: stripResourceHints,
        },
      });
      s = await launch(name, { firefoxPrefs });
    });
    afterAll(async () => {
      await s?.close();
      await server?.close();
    });

    for (const story of STORIES) {
      it(`shows the status chips, a response with its speaker, the chart with its words and what this page leaves out, above the fold (${story.story})`, async () => {
        const { page, frame } = await storyPage(s, server, scheme, story.path);
        expect(await background(frame)).toBe(scheme === 'dark' ? DARK : LIGHT);
        expect(await frame.evaluate(() => window.innerHeight)).toBe(SCREEN);
        const items = await seen(frame, ['status-chip', 'top-response', 'top-response-speaker', 'coverage-chart', 'chart-languages', 'chart-mentions', 'this-page', 'page-mentions', 'page-leaves-out']);
        const byId = (id: string) => items.filter((i) => i.testid === id);
        for (const item of items) expect(item.bottom, `${item.testid} ends within the first ${SCREEN} px`).toBeLessThanOrEqual(SCREEN);

        const chips = byId('status-chip').map((c) => c.text);
        expect(chips).toHaveLength(story.chips.length);
        story.chips.forEach((chip, i) => (typeof chip === 'string' ? expect(chips[i]).toBe(chip) : expect(chips[i]).toMatch(chip)));

        expect(byId('top-response')[0]!.text).toBe(story.quote);
        expect(byId('top-response-speaker')[0]!.text).toBe(story.speaker);

        // The chart's drawings are hidden from screen readers; its text says the same in words.
        const chart = await frame.$eval('[data-testid=coverage-chart]', (fig) => ({
          svgs: fig.querySelectorAll('svg').length,
          hidden: [...fig.querySelectorAll('svg')].every((svg) => svg.getAttribute('aria-hidden') === 'true'),
          name: document.getElementById(fig.getAttribute('aria-labelledby') ?? '')?.textContent ?? '',
          drawn: [...fig.querySelectorAll('svg rect')].filter((r) => Number(r.getAttribute('width')) > 0).length,
        }));
        expect(chart.svgs).toBeGreaterThanOrEqual(2);
        expect(chart.hidden).toBe(true);
        expect(chart.drawn).toBeGreaterThan(chart.svgs);
        expect(chart.name).toMatch(/^\d+ linked articles, by language$/);
        expect(byId('chart-languages')[0]!.text).toMatch(/^English \d+/);
        expect(byId('chart-mentions')[0]!.text).toMatch(story.chartMention);

        expect(byId('page-mentions').map((m) => m.text)).toEqual(story.mentions);
        expect(byId('page-leaves-out').map((m) => m.text)).toEqual(story.leavesOut);
        await page.close();
      });
    }

    for (const story of STORIES) {
      it(`is at most three screens tall with every section closed (${story.story})`, async () => {
        const { page, frame } = await storyPage(s, server, scheme, story.path);
        const layout = await frame.evaluate(() => ({
          height: document.documentElement.scrollHeight,
          sections: [...document.querySelectorAll('details.disclosure')].map((d) => (d as HTMLDetailsElement).open),
        }));
        expect(layout.sections.length).toBeGreaterThanOrEqual(7);
        expect(layout.sections.every((open) => !open)).toBe(true);
        expect(layout.height).toBeLessThanOrEqual(3 * SCREEN);
        await page.close();
      });
    }

    it('opens a section from the keyboard: Tab reaches it, Enter and Space open it', async () => {
      const { page, frame } = await storyPage(s, server, scheme);
      // The last control of the first screen; the next Tab goes to the first section.
      await frame.focus('[data-testid=save-article]');
      await page.keyboard.press('Tab');
      expect(await frame.evaluate(() => document.activeElement?.closest('details')?.id)).toBe('sb-claims');
      await page.keyboard.press('Enter');
      await frame.waitForFunction(() => (document.getElementById('sb-claims') as HTMLDetailsElement).open, { timeout: 10_000, polling: 50 });
      await frame.waitForSelector('[data-testid=claim]', { visible: true, timeout: 10_000 });
      // Past the open section's own controls to the next section's summary.
      const steps = await frame.evaluate(() => document.querySelectorAll('#sb-claims .disclosure-body button, #sb-claims .disclosure-body a[href]').length);
      for (let i = 0; i <= steps; i++) await page.keyboard.press('Tab');
      expect(await frame.evaluate(() => document.activeElement?.closest('details')?.id)).toBe('sb-responses');
      await page.keyboard.press(' ');
      await frame.waitForFunction(() => (document.getElementById('sb-responses') as HTMLDetailsElement).open, { timeout: 10_000, polling: 50 });
      await frame.waitForSelector('[data-testid=statement]', { visible: true, timeout: 10_000 });
      // Screen readers hear the state: the summary is an expanded disclosure now.
      await page.keyboard.press('Enter');
      await frame.waitForFunction(() => !(document.getElementById('sb-responses') as HTMLDetailsElement).open, { timeout: 10_000, polling: 50 });
      await page.close();
    });

    for (const story of STORIES) {
      it(`has no axe-core violations, with the sections closed and with all of them open (${story.story})`, async () => {
        const { page, frame } = await storyPage(s, server, scheme, story.path);
        expect(await background(frame)).toBe(scheme === 'dark' ? DARK : LIGHT);
        expect(await axe(frame)).toEqual([]);
        await frame.evaluate(() => {
          for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
        });
        expect(await axe(frame)).toEqual([]);
        await page.close();
      });
    }
  });
}

for (const name of BROWSERS) {
  firstScreenTests(name, 'light');
  // Chromium is told per page; Firefox takes the system's scheme from a preference at start.
  firstScreenTests(name, 'dark', name === 'firefox' ? { 'ui.systemUsesDarkTheme': 1 } : {});
}
