/**
 * Writes src/packs/prefilter-index.ts from the bundled packs' `detection.prefilterTerms`.
 *
 *   npx tsx src/cli/build-prefilter-index.ts          # write
 *   npx tsx src/cli/build-prefilter-index.ts --check  # exit 1 when the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledPacks } from '../packs/bundled';
import { buildPrefilterIndex, renderPrefilterIndexModule } from '../detection/prefilter-build';

const target = fileURLToPath(new URL('../packs/prefilter-index.ts', import.meta.url));
const text = renderPrefilterIndexModule(buildPrefilterIndex(bundledPacks));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    process.stderr.write(`${target} is out of date: run npx tsx src/cli/build-prefilter-index.ts\n`);
    process.exit(1);
  }
  process.stdout.write('prefilter index is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
