import { defineConfig } from 'vite';

// The content script's second stage (detector, sidebar host), built as one ES module that the
// first stage imports by URL only on pages that pass the prefilter. scripts/build.ts runs this
// after the main build, into the same folder, and lists the file as web accessible.
// The e2e suite's probes (content/settled.ts) only in test builds; see scripts/build.ts.
const probes = process.env['EXT_PROBES'] === '1';
const outDir = process.env['EXT_OUT_DIR'] ?? 'dist/chrome';

export default defineConfig({
  define: { __E2E__: JSON.stringify(probes) },
  build: {
    outDir,
    emptyOutDir: false,
    target: ['chrome130', 'firefox140'],
    minify: true,
    sourcemap: false,
    lib: { entry: 'src/content/story-page.ts', formats: ['es'], fileName: () => 'content/story-page.js' },
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
