// The AMO reproducible-build check: writes the source archive (scripts/source-archive.ts),
// unpacks it in a temporary folder, runs `npm ci` and the build there as SOURCE-BUILD.md says,
// and compares the Firefox zip byte for byte with the one built in this tree (`npm run build`,
// or under SC_DIST_ROOT). `npm ci` reaches the registry, but is told to prefer the local npm
// cache, so on a machine that has installed once it downloads nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { archiveFolder, manifestVersion, writeSourceArchive } from './source-archive';

const t0 = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const root = process.env['SC_DIST_ROOT'] ?? 'dist';
const zipName = `story-context-firefox-${manifestVersion()}.zip`;
const repoZip = resolve(root, zipName);

/** Files git does not track (and does not ignore): the archive lacks them, so a build that uses one fails there. */
function untracked(): string[] {
  const r = spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').filter((p) => p && !p.startsWith('test/')) : [];
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    const missing = untracked();
    const why = missing.length ? `\n  not in the archive because git does not track them: ${missing.join(', ')}` : '';
    throw new Error(`\`${cmd} ${args.join(' ')}\` failed in ${cwd}${why}`);
  }
}

if (!existsSync(repoZip)) {
  console.log(`No ${repoZip} yet: building it first.`);
  run('npx', ['tsx', 'scripts/build.ts'], process.cwd());
}

/** The versions SOURCE-BUILD.md names, against the ones running here (the output does not depend on them, so a difference is reported, not failed). */
function versionNote(): string {
  const doc = readFileSync('SOURCE-BUILD.md', 'utf8');
  const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const running = `node ${process.version}, npm ${npmVersion}`;
  const documented = doc.includes(`node ${process.version}`) && doc.includes(`npm ${npmVersion}`);
  return documented ? running : `${running} (SOURCE-BUILD.md names other versions)`;
}

const work = mkdtempSync(join(tmpdir(), 'sc-source-'));
try {
  const archive = join(work, 'source.zip');
  const count = writeSourceArchive(archive);
  const dir = join(work, archiveFolder());
  // Unpacked with the same library that wrote it: no unzip tool needed on a fresh machine.
  for (const [name, data] of Object.entries(unzipSync(readFileSync(archive)))) {
    const path = join(work, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  console.log(`source archive: ${count} files, unpacked in ${dir}`);

  // The steps of SOURCE-BUILD.md, in a clean environment: no output root from this tree.
  const env = { ...process.env };
  delete env['SC_DIST_ROOT'];
  let t = Date.now();
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir, env);
  console.log(`npm ci: ${seconds(t)}`);
  t = Date.now();
  run('npm', ['run', '--silent', 'build'], dir, env);
  console.log(`build: ${seconds(t)}`);

  const rebuilt = readFileSync(join(dir, 'dist', zipName));
  const original = readFileSync(repoZip);
  if (Buffer.compare(rebuilt, original) !== 0) {
    const a = unzipSync(original);
    const b = unzipSync(rebuilt);
    const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const differ = names.filter((n) => !a[n] || !b[n] || Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n])) !== 0);
    const detail = differ.length ? `entries that differ: ${differ.join(', ')}` : 'same entries and contents: the zip itself (order or metadata) differs';
    throw new Error(`${zipName} from the source archive differs from ${repoZip}\n  ${detail}`);
  }
  console.log(`reproducible build: ${zipName} is byte for byte the same (${original.length} bytes; ${versionNote()}) in ${seconds(t0)}`);
} catch (err) {
  console.error(`reproducible build: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  // The unpacked tree holds a whole node_modules: removing it takes seconds the check need not
  // wait for, so a detached `rm` does it after this exits (rmSync where there is no rm).
  if (existsSync('/bin/rm')) spawn('/bin/rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
  else rmSync(work, { recursive: true, force: true });
}
