// After the e2e suite: every request every test browser made went through the logging proxy.
// Fails when any went somewhere other than the local test servers and the browsers' own
// known endpoints (test/e2e/harness/network-policy.ts).
import { existsSync, readFileSync } from 'node:fs';
import { NETWORK_LOG } from '../test/e2e/harness/browsers';
import { BROWSER_OWN_HOSTS, PACK_FEED_HOST, hostOf, hostsNamedByFixtures, isFeedRequest, unexpected } from '../test/e2e/harness/network-policy';

if (!existsSync(NETWORK_LOG)) {
  console.error('no network log: the e2e suite did not run');
  process.exit(1);
}
const sessions = readFileSync(NETWORK_LOG, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { browser: string; local: string[]; foreign: string[]; standIns?: string[] });
const pageHosts = hostsNamedByFixtures();
let pageOwn = 0;
let local = 0;
let browserOwn = 0;
let feed = 0;
const bad: string[] = [];
for (const s of sessions) {
  local += s.local.length;
  const u = unexpected(s.foreign, pageHosts);
  const notBrowser = unexpected(s.foreign);
  browserOwn += s.foreign.length - notBrowser.length;
  pageOwn += notBrowser.length - u.length;
  bad.push(...u.map((l) => `${s.browser}: ${l}`));
  // The pack feed's host answers only its own files: any other request there is the
  // extension asking for something it must not.
  const toFeedHost = (s.standIns ?? []).filter((l) => hostOf(l) === PACK_FEED_HOST);
  feed += toFeedHost.length;
  bad.push(...toFeedHost.filter((l) => !isFeedRequest(l)).map((l) => `${s.browser}: ${l}`));
}
console.log(
  `${sessions.length} browser sessions: ${local} requests to local test pages, ${browserOwn} by the browsers themselves (${Object.keys(BROWSER_OWN_HOSTS).join(', ')}), ` +
    `${pageOwn} to hosts the served fixture pages name themselves (refused by the proxy), ${feed} to the test pack feed, ${bad.length} other`,
);
for (const b of bad) console.error(`unexpected request: ${b} (${hostOf(b.split(': ')[1] ?? '')})`);
process.exit(bad.length ? 1 : 0);
