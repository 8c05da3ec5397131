// Builds the extension for Chrome and Firefox (and, with --e2e, the test variants that also run
// on local addresses), then packs store-ready zips of the production builds.
import { build } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { Target } from './manifest-variants';
import { setWebAccessible } from './web-accessible-output';

const e2e = process.argv.includes('--e2e');
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

const version = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;
for (const target of targets) {
  const outDir = e2e ? `${root}/e2e/${target}` : `${root}/${target}`;
  process.env['EXT_TARGET'] = target;
  process.env['EXT_E2E'] = e2e ? '1' : '0';
  process.env['EXT_OUT_DIR'] = outDir;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await build({ configFile: 'vite.story-page.config.ts', logLevel: 'warn' });
  setWebAccessible(outDir, target);
  if (!e2e) zipDir(outDir, `${root}/story-context-${target}-${version}.zip`);
  console.log(`built ${outDir}`);
}
