// The baseline browsers: the same binaries, flags and preferences as the e2e harness's
// launch() (test/e2e/harness/browsers.ts), but with no extension installed. Each gets its own
// logging proxy, so page requests take the same path as in the browser with the extension.
import puppeteer, { type Browser } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy, type ProxyLog } from '../e2e/harness/proxy';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

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
    browser =
      name === 'chromium'
        ? await puppeteer.launch({
            browser: 'chrome',
            executablePath: CHROMIUM,
            headless: true,
            acceptInsecureCerts: true,
            pipe: true,
            // Extensions enabled as in the harness; none is installed.
            enableExtensions: true,
            userDataDir: profileDir,
            args: [
              '--enable-unsafe-extension-debugging',
              '--no-sandbox',
              '--disable-gpu',
              '--disable-dev-shm-usage',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
              '--no-default-browser-check',
              '--disable-quic',
              `--proxy-server=http://127.0.0.1:${proxy.port}`,
              '--proxy-bypass-list=<-loopback>',
            ],
          })
        : await puppeteer.launch({
            browser: 'firefox',
            executablePath: FIREFOX,
            headless: true,
            acceptInsecureCerts: true,
            userDataDir: profileDir,
            args: ['--remote-allow-system-access'],
            extraPrefsFirefox: {
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
              'browser.safebrowsing.malware.enabled': false,
              'browser.safebrowsing.phishing.enabled': false,
              'network.proxy.type': 1,
              'network.proxy.http': '127.0.0.1',
              'network.proxy.http_port': proxy.port,
              'network.proxy.ssl': '127.0.0.1',
              'network.proxy.ssl_port': proxy.port,
              'network.proxy.allow_hijacking_localhost': true,
              'network.proxy.no_proxies_on': '',
            },
          });
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
