// `npm run bench`: the extension's performance, measured in real Chromium and Firefox.
// Builds the e2e, bench (what readers run, on local pages) and production variants into an output root of its own (.tmp/dist-bench, so
// it never overwrites anyone's dist/), then runs bench.ts, which prints the table and writes
// bench-results/latest.json. Exits 0 whatever the figures are; 1 only if something crashed.
//
// Environment: BENCH_REPEATS (rounds per page, default 5), BENCH_FIREFOX_STORY_REPEATS
// (default 3), BENCH_SKIP_BUILD=1 to reuse the last build, BENCH_QUICK=1 for the pages that are
// not story pages alone (both browsers, both ways of loading, three rounds; no production build,
// sizes or reach), SC_DIST_ROOT for another output root.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST_ROOT = process.env['SC_DIST_ROOT'] ?? '.tmp/dist-bench';
const QUICK = process.env['BENCH_QUICK'] === '1';
process.chdir(ROOT);

async function build(args: string[]): Promise<void> {
  const label = args.includes('--e2e') ? 'e2e build' : args.includes('--bench') ? 'bench build' : 'production build';
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync('npx', ['tsx', 'scripts/build.ts', ...args], {
      env: { ...process.env, SC_DIST_ROOT: DIST_ROOT },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status === 0) return;
    if (attempt === 3) throw new Error(`${label} failed three times`);
    // The tree is shared with engineers who are editing it: a half-written file breaks a build
    // for a moment, not for good.
    console.error(`${label} failed (attempt ${attempt}); retrying in 60 s`);
    await new Promise((r) => setTimeout(r, 60_000));
  }
}

const started = Date.now();
if (process.env['BENCH_SKIP_BUILD'] === '1' && ['e2e', 'bench'].every((v) => existsSync(resolve(DIST_ROOT, v, 'chrome/manifest.json')))) {
  console.error(`BENCH_SKIP_BUILD=1: using the existing build in ${DIST_ROOT}`);
} else {
  await build(['--e2e']);
  await build(['--bench']);
  if (!QUICK) await build([]);
}
process.env['SC_DIST_ROOT'] = resolve(DIST_ROOT);

// The harness's launch() appends every session's network log to ./.tmp/network-log.jsonl,
// which the e2e suite's network audit reads; the benchmark's sessions go to a log of its own.
const workDir = resolve('.tmp/bench-run');
mkdirSync(workDir, { recursive: true });
rmSync(resolve(workDir, '.tmp/network-log.jsonl'), { force: true });
process.chdir(workDir);
const { runBench } = await import('./bench');
const code = await runBench({ root: ROOT, distRoot: resolve(ROOT, DIST_ROOT), workDir, buildMs: Date.now() - started });
// Reach (npm run bench:reach) from the same production build: figures, whatever they are; a
// crash is a failure.
if (QUICK) process.exit(code);
const { runReach } = await import('./reach');
const reach = await runReach(resolve(ROOT, DIST_ROOT)).then(
  () => 0,
  (err: unknown) => {
    console.error(`reach: ${String(err)}`);
    return 1;
  },
);
process.exit(code || reach);
