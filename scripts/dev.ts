// `npm run dev`: a watch build for development. Builds one browser's extension (the test
// variant, which also runs on 127.0.0.1 and localhost, so the demo's pages work) into
// dist/dev/<browser>/ and rebuilds on every change to src/, the HTML pages, public/ or the
// manifest.
//   npm run dev                      Chrome: load dist/dev/chrome unpacked once, then press the
//                                    extension's reload button in chrome://extensions after a rebuild
//   npm run dev -- --target firefox  Firefox: dist/dev/firefox
//   npm start                        Firefox ESR with the extension, through `web-ext run`,
//                                    which reloads it by itself after each rebuild
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build, type Plugin } from 'vite';
import type { Target } from './manifest-variants';
import { setWebAccessible } from './web-accessible-output';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const run = process.argv.includes('--run');
const target = (arg('--target') ?? (run ? 'firefox' : 'chrome')) as Target;
if (target !== 'chrome' && target !== 'firefox') throw new Error(`--target chrome|firefox, not ${String(target)}`);
if (run && target !== 'firefox') throw new Error('--run starts Firefox (web-ext run): use --target firefox');
const outDir = `${process.env['SC_DIST_ROOT'] ?? 'dist'}/dev/${target}`;

process.env['EXT_TARGET'] = target;
process.env['EXT_E2E'] = '1';
process.env['EXT_PROBES'] = '1';
process.env['EXT_OUT_DIR'] = outDir;
rmSync(outDir, { recursive: true, force: true });

/** Resolves after the first build of a watch; logs each later one. */
function watched(name: string, after?: () => void): { plugin: Plugin; first: Promise<void> } {
  let done!: () => void;
  const first = new Promise<void>((resolve) => (done = resolve));
  let count = 0;
  const plugin: Plugin = {
    name: `story-context-dev-${name}`,
    closeBundle() {
      after?.();
      count++;
      if (count === 1) done();
      else console.log(`${new Date().toLocaleTimeString()} rebuilt ${name}`);
    },
  };
  return { plugin, first };
}

// The main build rewrites manifest.json each time: its web-accessible resources are set again.
const main = watched('extension', () => setWebAccessible(outDir, target));
const second = watched('second stage (content/story-page.js)');
// Both write into one folder: neither may empty it on a rebuild.
await build({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [main.plugin], build: { watch: {}, emptyOutDir: false } });
await build({ configFile: 'vite.story-page.config.ts', logLevel: 'warn', plugins: [second.plugin], build: { watch: {} } });
await Promise.all([main.first, second.first]);
console.log(`Built ${outDir}; watching for changes (Ctrl+C stops).`);

if (run) {
  const firefox = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
  // web-ext watches the folder and reloads the extension after each rebuild.
  const child = spawn('npx', ['web-ext', 'run', '--source-dir', outDir, '--firefox', firefox, '--no-config-discovery'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else if (target === 'chrome') {
  console.log(`Chrome: chrome://extensions → Developer mode → Load unpacked → ${outDir}; after a rebuild press the extension's reload button.`);
} else {
  console.log(`Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on… → ${outDir}/manifest.json; after a rebuild press Reload (or use npm start, which reloads by itself).`);
}
