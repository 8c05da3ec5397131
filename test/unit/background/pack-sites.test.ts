// Hosts of a pack installed after the build get the content script through
// scripting.registerContentScripts, for the sites the reader has granted.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const granted = new Set<string>();
const registered: Array<{ id: string; matches: string[]; excludeMatches?: string[]; js: string[] }> = [];
const fakeBrowser = {
  runtime: {
    getURL: (p: string) => `chrome-extension://id/${p}`,
    getManifest: () => ({ content_scripts: [{ js: ['src/content/index.js'], matches: ['*://*.ft.com/*'] }] }),
  },
  permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) },
  scripting: {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((r) => ids.includes(r.id)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) {
        const i = registered.findIndex((r) => r.id === id);
        if (i >= 0) registered.splice(i, 1);
      }
    },
    registerContentScripts: async (scripts: typeof registered) => void registered.push(...scripts),
  },
};
vi.mock('../../../src/platform/browser', () => ({ browser: fakeBrowser }));
const { registerPackSites } = await import('../../../src/background/pack-sites');

beforeEach(() => {
  granted.clear();
  registered.length = 0;
});

describe('registerPackSites', () => {
  it('registers the granted sites and returns the rest', async () => {
    granted.add('*://*.new-outlet.example/*');
    const r = await registerPackSites(['www.new-outlet.example', 'news.other.example', 'www.ft.com']);
    expect(r).toEqual({ registered: ['new-outlet.example'], needAccess: ['news.other.example'] });
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ matches: ['*://*.new-outlet.example/*'], excludeMatches: ['*://*.ft.com/*'], js: ['src/content/index.js'] });
  });

  it('replaces an earlier registration and registers nothing twice with access to every site', async () => {
    granted.add('*://*.a.example/*');
    await registerPackSites(['a.example']);
    granted.add('https://*/*');
    const r = await registerPackSites(['a.example', 'b.example']);
    expect(r.registered).toEqual(['a.example', 'b.example']);
    expect(registered).toEqual([]);
  });
});
