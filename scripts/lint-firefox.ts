// web-ext lint on the Firefox build: zero errors, and no warning caused by the project's own
// code. A warning is excused only when the flagged source is a known piece of bundled
// third-party code, recognised by its text, or when it is a manifest warning explained below;
// anything else fails the run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The Firefox build to lint: dist/firefox, or the one under SC_DIST_ROOT (see scripts/build.ts).
const sourceDir = join(process.env['SC_DIST_ROOT'] ?? 'dist', 'firefox');

interface Finding {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

const THIRD_PARTY: Array<{ code: string; source: RegExp; why: string }> = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's diff applies `dangerouslySetInnerHTML`; src/ never passes it (ESLint bans it).
    source: /dangerouslySetInnerHTML[\s\S]{0,300}\.innerHTML=\w+\.__html/,
    why: "Preact's support for dangerouslySetInnerHTML, which the project's code never uses",
  },
];

/**
 * Warnings about the manifest that say nothing wrong about this add-on, each with the reason.
 * Recognised by code and by the linter's description, so any other warning of the code fails.
 */
const EXPLAINED: Array<{ code: string; description: RegExp; why: string }> = [
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    // data_collection_permissions came to Firefox 140 on desktop and 142 on Android.
    description: /data_collection_permissions/,
    why:
      'the add-on is for Firefox desktop only: the manifest has no gecko_android key, so AMO does ' +
      'not offer it on Android, where it is untested; the linter assumes the desktop minimum for Android',
  },
];

/** The flagged spot, with some text around it (bundles are minified onto one line). */
function around(f: Finding): string {
  if (!f.file || f.line === undefined) return '';
  const lines = readFileSync(join(sourceDir, f.file), 'utf8').split('\n');
  const text = lines[f.line - 1] ?? '';
  const at = f.column ?? 0;
  return text.slice(Math.max(0, at - 400), at + 200);
}

function excuse(f: Finding): string | null {
  const explained = EXPLAINED.find((e) => e.code === f.code && e.description.test(f.description ?? ''));
  if (explained) return `explained: ${explained.why}`;
  const source = around(f);
  const why = THIRD_PARTY.find((t) => t.code === f.code && t.source.test(source))?.why;
  return why ? `third-party: ${why}` : null;
}

const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: { errors: Finding[]; warnings: Finding[] };
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  console.error('web-ext lint did not produce a report');
  process.exit(1);
}
for (const e of report.errors) console.error(`error ${e.code} ${e.file ?? ''}: ${e.message}`);
let own = 0;
for (const w of report.warnings) {
  const why = excuse(w);
  if (why) {
    console.warn(`warning ${w.code} ${w.file ?? ''}: ${w.message} (${why})`);
  } else {
    own++;
    console.error(`warning ${w.code} ${w.file ?? ''}:${w.line ?? ''}:${w.column ?? ''}: ${w.message} (the project's own code)`);
  }
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${own} of them unexplained`);
process.exit(report.errors.length === 0 && own === 0 ? 0 : 1);
