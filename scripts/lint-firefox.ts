// web-ext lint on the Firefox build: zero errors, and no warning caused by the project's own
// code (warnings about bundled third-party code are listed, not fatal).
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: { errors: Array<{ code: string; message: string; file?: string }>; warnings: Array<{ code: string; message: string; file?: string }> };
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  console.error('web-ext lint did not produce a report');
  process.exit(1);
}
for (const e of report.errors) console.error(`error ${e.code} ${e.file ?? ''}: ${e.message}`);
for (const w of report.warnings) console.warn(`warning ${w.code} ${w.file ?? ''}: ${w.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings`);
process.exit(report.errors.length === 0 ? 0 : 1);
