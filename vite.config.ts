import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-variants.ts';

// `npm run build` calls this once per target through scripts/build.ts, which sets these.
const target = (process.env['EXT_TARGET'] ?? 'chrome') as Target;
const e2e = process.env['EXT_E2E'] === '1';
// The e2e suite's probes (content/settled.ts) only in test builds; see scripts/build.ts.
const probes = process.env['EXT_PROBES'] === '1';
const outDir = process.env['EXT_OUT_DIR'] ?? `dist/${target}`;

const manifest = manifestFor(baseManifest as Record<string, unknown>, { target, e2e });
// The story pack feed (see scripts/build.ts, which checks them): none unless the environment
// names one, so a build never carries a made-up address.
const packFeed = { url: process.env['PACK_FEED_URL'] ?? '', publicKey: process.env['PACK_FEED_PUBLIC_KEY'] ?? '' };

export default defineConfig({
  define: {
    __E2E__: JSON.stringify(probes),
    __PACK_FEED_URL__: JSON.stringify(packFeed.url),
    __PACK_FEED_PUBLIC_KEY__: JSON.stringify(packFeed.publicKey),
  },
  plugins: [
    preact(),
    crx({
      manifest: manifest as unknown as ManifestV3Export,
      browser: target,
      // One self-contained file, no loader: it runs on every matching page, so it must not
      // make the browser fetch and compile a second module before it can say "not a story".
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: ['chrome130', 'firefox140'],
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      // The sidebar is only a web-accessible resource and a side panel, and the welcome page is
      // opened by the background, so crxjs does not see them as entries by themselves.
      input: { sidebar: 'sidebar.html', popup: 'popup.html', welcome: 'welcome.html' },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
