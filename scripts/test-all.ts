// `npm test`: every check the project promises, in order, in real browsers, then one summary
// line `N passed, N failed` over all suites. A step that fails stops the ones that depend on it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystem } from './ensure-system';

interface Step {
  name: string;
  cmd: string;
  /** Vitest JSON report whose counts stand for this step; otherwise the step counts as one. */
  report?: string;
}

const steps: Step[] = [
  { name: 'typecheck', cmd: 'npx tsc --noEmit -p .' },
  { name: 'lint', cmd: 'npx eslint --max-warnings=0 .' },
  { name: 'unit tests', cmd: 'npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/unit-results.json', report: '.tmp/unit-results.json' },
  { name: 'build', cmd: 'npx tsx scripts/build.ts' },
  { name: 'reproducible build from the source archive', cmd: 'npx tsx scripts/check-reproducible.ts' },
  { name: 'build (e2e)', cmd: 'npx tsx scripts/build.ts --e2e' },
  { name: 'content script size budget', cmd: 'npx tsx scripts/check-size.ts' },
  { name: 'web-ext lint', cmd: 'npx tsx scripts/lint-firefox.ts' },
  { name: 'e2e (Chromium and Firefox)', cmd: 'npx vitest run -c vitest.e2e.config.ts', report: '.tmp/e2e-results.json' },
  { name: 'network audit of the e2e browsers', cmd: 'npx tsx scripts/network-audit.ts' },
];

// Debian's Chromium and Firefox ESR, installed first when missing and possible (ensure-system.ts).
const missing = ensureSystem('test');
if (missing) {
  console.error(missing);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
for (const step of steps) {
  if (step.report) rmSync(step.report, { force: true });
  if (step.name.startsWith('e2e')) rmSync('.tmp/network-log.jsonl', { force: true });
  console.log(`\n=== ${step.name}: ${step.cmd}`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, { shell: true, stdio: 'inherit' });
  const ok = r.status === 0;
  let counted = false;
  if (step.report && existsSync(step.report)) {
    const rep = JSON.parse(readFileSync(step.report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    passed += rep.numPassedTests;
    failed += rep.numFailedTests;
    counted = true;
    // A suite file that fails to load has no failed tests but still fails the step.
    if (!ok && rep.numFailedTests === 0) failed += 1;
  }
  if (!counted) {
    if (ok) passed += 1;
    else failed += 1;
  }
  console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!ok) break;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
