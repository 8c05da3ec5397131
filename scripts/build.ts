// Builds the extension for Chrome and Firefox (and, with --e2e, the test variants that also run
// on local addresses), then packs store-ready zips of the production builds. With --bench, the
// local variants without the e2e suite's probes (content/settled.ts): the code readers run, on
// the benchmark's local pages, so that its cost figures include no test instrumentation.
import { build } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { Target } from './manifest-variants';
import { setWebAccessible } from './web-accessible-output';

const bench = process.argv.includes('--bench');
const e2e = bench || process.argv.includes('--e2e');
// Another output root lets two people build at once without overwriting each other's builds.
const root = process.env['SC_DIST_ROOT'] ?? 'dist';
const targets: Target[] = ['chrome', 'firefox'];

/** Sorted, so the zip's entry order does not depend on the file system's directory order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function zipDir(dir: string, zipPath: string): void {
  const entries: Record<string, Uint8Array> = {};
  // The .vite folder is crxjs bookkeeping, not part of the extension.
  for (const file of filesUnder(dir)) {
    const rel = relative(dir, file).split('\\').join('/');
    if (rel.startsWith('.vite/')) continue;
    entries[rel] = readFileSync(file);
  }
  writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: new Date('2025-11-14T00:00:00Z') }));
}

// The story pack feed the extension checks for updates: set both or neither. With neither the
// build has no feed and updates are off (the options page says so); there is no default address.
const feedUrl = process.env['PACK_FEED_URL']?.trim() ?? '';
const feedKey = process.env['PACK_FEED_PUBLIC_KEY']?.trim() ?? '';
if (Boolean(feedUrl) !== Boolean(feedKey)) throw new Error('Set PACK_FEED_URL and PACK_FEED_PUBLIC_KEY together (or neither: updates off).');
if (feedUrl && !feedUrl.startsWith('https://')) throw new Error(`PACK_FEED_URL must be an https:// address, not ${feedUrl}`);
if (feedKey && !/^[A-Za-z0-9+/]{43}=$/.test(feedKey)) throw new Error('PACK_FEED_PUBLIC_KEY must be the 32-byte Ed25519 public key in base64 (44 characters).');
console.log(feedUrl ? `pack feed: ${feedUrl}` : 'pack feed: none (updates off)');

const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;
for (const target of targets) {
  const outDir = bench ? `${root}/bench/${target}` : e2e ? `${root}/e2e/${target}` : `${root}/${target}`;
  process.env['EXT_TARGET'] = target;
  process.env['EXT_E2E'] = e2e ? '1' : '0';
  process.env['EXT_PROBES'] = e2e && !bench ? '1' : '0';
  process.env['EXT_OUT_DIR'] = outDir;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await build({ configFile: 'vite.story-page.config.ts', logLevel: 'warn' });
  // Registered at run time only while packs from the feed are installed (background/pack-updates.ts).
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: ['chrome130', 'firefox140'],
      minify: true,
      lib: { entry: 'src/content/installed-index.ts', formats: ['iife'], name: 'storyContextInstalledIndex', fileName: () => 'content/installed-index.js' },
    },
  });
  setWebAccessible(outDir, target);
  if (!e2e) zipDir(outDir, `${root}/story-context-${target}-${version}.zip`);
  console.log(`built ${outDir}`);
}
