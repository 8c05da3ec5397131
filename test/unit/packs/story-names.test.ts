import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';

// The engine knows no story: detection, protocol, storage, UI and the rest of src/ read packs
// and name none of them. Only the packs' own folder (and the two files generated from it) may.
// Code only: the README beside the packs documents them by name.
const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const ALLOWED = ['packs/data/', 'packs/prefilter-index.ts', 'packs/detection-data.ts'];

/** The bundled stories' names: their ids, the parties', and the words their mention kinds used to be keyed by. */
const NAMES = [
  ...bundledPacks.map((p) => p.id),
  ...bundledPacks.flatMap((p) => p.parties.map((party) => party.name)),
  'Alibaba',
  'Nvidia',
  'H20',
  'ftCaveat',
  'ft-caveat',
  'Liu Pengyu',
  '阿里巴巴',
  '英伟达',
  '网信办',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the engine names no story', () => {
  it('has the bundled stories to look for', () => {
    expect(bundledPacks.length).toBeGreaterThanOrEqual(2);
  });

  it('finds none of their names in src/ outside the packs\' data', () => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NAMES.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    const hits: string[] = [];
    for (const file of files(SRC)) {
      const rel = relative(SRC, file).replace(/\\/g, '/');
      if (ALLOWED.some((a) => rel.startsWith(a)) || !/\.(ts|tsx|js|css|html)$/.test(rel)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = pattern.exec(line);
          if (m) hits.push(`src/${rel}:${i + 1}: ${m[0]}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
