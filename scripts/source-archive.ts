// `npm run source-archive`: the source code addons.mozilla.org asks for with each upload, since
// the shipped code is bundled and minified. A zip of the tracked files needed to build (`git
// ls-files`), under one folder, with the build steps in SOURCE-BUILD.md. Left out: test/ (unit
// and browser tests and their 19 MB of fixtures; nothing in the build reads them) and
// bench-results/. scripts/check-reproducible.ts rebuilds from this archive and compares the
// Firefox zip byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';

/** Tracked paths that are not needed to build the extension. */
export const LEFT_OUT = ['test/', 'bench-results/'];

/** The same fixed time as the extension zips (scripts/build.ts): the archive depends on content only. */
const MTIME = new Date('2025-11-14T00:00:00Z');

export function manifestVersion(): string {
  return (JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string }).version;
}

/** The tracked files that go into the archive, sorted; a tracked file deleted in the working tree is skipped. */
export function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out
    .split('\0')
    .filter((p) => p && !LEFT_OUT.some((prefix) => p.startsWith(prefix)) && existsSync(p) && statSync(p).isFile())
    .sort();
}

/** The archive's top folder: unpacking it makes one folder, not a heap of files. */
export function archiveFolder(): string {
  return `story-context-${manifestVersion()}-source`;
}

/** Writes the archive and returns how many files it holds. */
export function writeSourceArchive(zipPath: string): number {
  const top = archiveFolder();
  const entries: Record<string, Uint8Array> = {};
  const files = sourceFiles();
  for (const file of files) entries[`${top}/${file}`] = readFileSync(file);
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: MTIME }));
  return files.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = process.env['SC_DIST_ROOT'] ?? 'dist';
  const zipPath = `${root}/story-context-source-${manifestVersion()}.zip`;
  const count = writeSourceArchive(zipPath);
  console.log(`${zipPath}: ${count} files under ${archiveFolder()}/ (build steps: SOURCE-BUILD.md)`);
}
