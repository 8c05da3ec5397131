// What `npm test` and `npm run demo` need from the machine beyond node_modules: Debian's
// Chromium and Firefox ESR (the e2e suite and the demo drive them; no browser is ever
// downloaded) and, for the demo's screenshots, a CJK font, without which Chinese and Japanese
// text renders as empty boxes. What is missing is installed when this runs as root with apt
// (`apt-get update`, then `apt-get install -y --no-install-recommends …`); otherwise it stops
// with one line that says exactly what to run. SC_NO_INSTALL=1 never installs.
//
//   npx tsx scripts/ensure-system.ts test|demo
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export type Purpose = 'test' | 'demo';

interface Requirement {
  /** The Debian package that provides it. */
  pkg: string;
  what: string;
  present(): boolean;
  /** Said when it is present, for the log. */
  version?(): string;
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout.split('\n').find((l) => l.trim()) ?? '').trim() : '';
}

function executable(envName: string, fallback: string): string {
  return process.env[envName] ?? fallback;
}

const CHROMIUM: Requirement = {
  pkg: 'chromium',
  what: 'Chromium',
  present: () => existsSync(executable('CHROMIUM_PATH', '/usr/bin/chromium')),
  version: () => firstLine(executable('CHROMIUM_PATH', '/usr/bin/chromium'), ['--version']),
};

const FIREFOX: Requirement = {
  pkg: 'firefox-esr',
  what: 'Firefox ESR',
  present: () => existsSync(executable('FIREFOX_PATH', '/usr/bin/firefox-esr')),
  version: () => firstLine(executable('FIREFOX_PATH', '/usr/bin/firefox-esr'), ['--version']),
};

/** A font with Chinese and Japanese glyphs, as fontconfig (which Chromium uses) sees it. */
const CJK_FONT: Requirement = {
  pkg: 'fonts-noto-cjk',
  what: 'a CJK font',
  present: () => ['zh', 'ja'].every((lang) => firstLine('fc-list', [`:lang=${lang}`, 'family']) !== ''),
  version: () => firstLine('fc-list', [':lang=zh', 'family']).split(',')[0] ?? '',
};

const NEEDS: Record<Purpose, Requirement[]> = {
  test: [CHROMIUM, FIREFOX],
  demo: [CHROMIUM, CJK_FONT],
};

function canInstall(): boolean {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get') && process.env['SC_NO_INSTALL'] !== '1';
}

function installCommand(pkgs: string[]): string {
  return `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

/**
 * Makes sure the machine has what `purpose` needs. Returns null when it does (after installing
 * what was missing, if it could), or the one line to print before stopping.
 */
export function ensureSystem(purpose: Purpose): string | null {
  let missing = NEEDS[purpose].filter((r) => !r.present());
  if (missing.length && canInstall()) {
    const pkgs = missing.map((r) => r.pkg);
    console.log(`Installing what ${purpose === 'test' ? 'npm test' : 'npm run demo'} needs: ${pkgs.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    if (update.status === 0) {
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
    }
    missing = missing.filter((r) => !r.present());
  }
  if (missing.length) {
    const pkgs = missing.map((r) => r.pkg);
    const what = missing.map((r) => r.what).join(' and ');
    if (!existsSync('/usr/bin/apt-get')) {
      return `Missing ${what}: install the equivalent of Debian's ${pkgs.join(', ')} (set CHROMIUM_PATH / FIREFOX_PATH to the browsers), then run this again.`;
    }
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    return `Missing ${what}: run \`${sudo}${installCommand(pkgs).replace('&& apt-get', `&& ${sudo}apt-get`)}\`, then run this again.`;
  }
  const found = NEEDS[purpose].map((r) => r.version?.() || r.pkg);
  console.log(`System: ${found.join('; ')}`);
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const purpose = process.argv[2];
  if (purpose !== 'test' && purpose !== 'demo') {
    console.error('usage: npx tsx scripts/ensure-system.ts test|demo');
    process.exit(2);
  }
  const problem = ensureSystem(purpose);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
