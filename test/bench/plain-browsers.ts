// The baseline browsers: the same binaries, flags and preferences as the e2e harness's
// launch() (browserLaunchOptions in test/e2e/harness/browsers.ts), but with no extension
// installed. Each gets its own logging proxy, so page requests take the same path as in the
// browser with the extension.
import puppeteer, { type Browser } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyLog } from '../e2e/harness/proxy';
import { browserLaunchOptions } from '../e2e/harness/browsers';

export interface PlainSession {
  browser: Browser;
  network: ProxyLog;
  close(): Promise<void>;
}

export async function launchPlain(name: 'chromium' | 'firefox'): Promise<PlainSession> {
  const profileDir = mkdtempSync(join(tmpdir(), `sc-bench-plain-${name}-`));
  const proxy = await startProxy();
  let browser: Browser;
  try {
    browser = await puppeteer.launch(browserLaunchOptions(name, profileDir, proxy.port));
  } catch (err) {
    await proxy.close();
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(`${name} (without the extension) could not start: ${String(err)}`);
  }
  return {
    browser,
    network: proxy.log,
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
