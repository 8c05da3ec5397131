/**
 * Writes the content script's generated data from the bundled packs: src/packs/prefilter-index.ts
 * (the first stage's index, from `detection.prefilterTerms`) and src/packs/detection-data.ts
 * (the second stage's slice of each pack, packs/detection-slice.ts, with its terms compiled and its coverage URLs' lookup keys).
 *
 *   npx tsx src/cli/build-prefilter-index.ts          # write
 *   npx tsx src/cli/build-prefilter-index.ts --check  # exit 1 when the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledPacks } from '../packs/bundled';
import { buildPrefilterIndex, renderPrefilterIndexModule } from '../detection/prefilter-build';
import { encodePackTerms } from '../detection/compile';
import { coverageKeys } from '../detection/url';
import { renderDetectionDataModule } from '../packs/detection-slice';

const outputs: [string, string][] = [
  [fileURLToPath(new URL('../packs/prefilter-index.ts', import.meta.url)), renderPrefilterIndexModule(buildPrefilterIndex(bundledPacks))],
  [fileURLToPath(new URL('../packs/detection-data.ts', import.meta.url)), renderDetectionDataModule(bundledPacks, bundledPacks.map(encodePackTerms), bundledPacks.map(coverageKeys))],
];

for (const [target, text] of outputs) {
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
    process.stdout.write(`${target} is up to date\n`);
  } else {
    writeFileSync(target, text);
    process.stdout.write(`wrote ${target}\n`);
  }
}
