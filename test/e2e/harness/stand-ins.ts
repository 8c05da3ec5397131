// Pages at real-looking https addresses: the harness's proxy answers for the host with a page
// of the test's choosing, through the test certificate (see proxy.ts), and the welcome page's
// first-run question answered as a reader would. Shared by the reach e2e and the reach bench.
import type { Page } from 'puppeteer-core';
import type { Session } from './browsers';
import { allowInChromeExtensionsPage } from './chrome-site-access';

/** The pages one session serves, by address (query and fragment ignored). */
export class StandInSite {
  private readonly pages = new Map<string, Map<string, string>>();
  constructor(private readonly s: Session) {}

  serve(url: string, html: string): void {
    const { hostname, pathname } = new URL(url);
    const known = this.pages.has(hostname);
    const paths = this.pages.get(hostname) ?? new Map<string, string>();
    paths.set(pathname, html);
    this.pages.set(hostname, paths);
    if (!known) {
      this.s.serveLocally(hostname, (u) => {
        const body = this.pages.get(u.hostname)?.get(u.pathname);
        return body ? { body } : null;
      });
    }
  }
}

/**
 * True when the live document is exactly `source`, parsed: the extension added nothing. (The
 * harness's domUntouched fetches the page's URL again, which for these hosts would leave the
 * machine; here the source is known.)
 */
export async function untouched(page: Page, source: string): Promise<boolean> {
  const clean = source.replace(/<noscript\b[\s\S]*?<\/noscript\s*>/gi, '');
  return page.evaluate((source: string) => {
    const fresh = new DOMParser().parseFromString(source, 'text/html').documentElement;
    const live = document.documentElement.cloneNode(true) as HTMLElement;
    for (const root of [fresh, live]) for (const n of root.querySelectorAll('noscript')) n.remove();
    return fresh.outerHTML === live.outerHTML;
  }, clean);
}

/** The page the browser opened by itself at install, once it has rendered. */
export async function welcomePage(s: Session): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const p of await s.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(s.base + 'welcome.html') && (await p.$('[data-ready]').catch(() => null))) return p;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the welcome page did not open');
}

/**
 * The reader's answer on the welcome page. "Any site" asks the browser for every site: Firefox's
 * test profile grants optional permissions without a prompt; Chromium's dialog cannot be
 * answered by automation, so the sites are first allowed the way chrome://extensions does
 * (chrome-site-access.ts), and the click's request is then granted at once.
 */
export async function answerWelcome(s: Session, choice: 'any' | 'listed'): Promise<Page> {
  const welcome = await welcomePage(s);
  if (choice === 'any' && s.name === 'chromium') await allowInChromeExtensionsPage(s, ['https://*/*', 'http://*/*']);
  await welcome.bringToFront();
  await welcome.click(`button[data-choice=${choice}]`);
  await welcome.waitForSelector(`[data-choice=${choice}][data-ready]`, { timeout: 10_000 });
  return welcome;
}
