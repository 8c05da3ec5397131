import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/packs/bundled';
import { prefilterIndex } from '../../../src/packs/prefilter-index';
import { buildPrefilterIndex, renderPrefilterIndexModule } from '../../../src/detection/prefilter-build';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const INDEX_FILE = `${ROOT}src/packs/prefilter-index.ts`;

describe('the generated prefilter index', () => {
  it('is in sync with the bundled packs (run src/cli/build-prefilter-index.ts when this fails)', () => {
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(renderPrefilterIndexModule(buildPrefilterIndex(bundledPacks)));
    expect(prefilterIndex.packs.map((p) => p.id)).toEqual(bundledPacks.map((p) => p.id));
  });

  it('imports no pack data, only types', () => {
    const imports = readFileSync(INDEX_FILE, 'utf8').match(/^import .*$/gm) ?? [];
    expect(imports.every((line) => line.startsWith('import type '))).toBe(true);
  });

  it('keeps the content script part (prefilter + index) under 3 KB gzipped', async () => {
    const result = await build({
      stdin: {
        contents:
          "export { prefilter, readPrefilterInput } from './src/detection/prefilter'; export { prefilterIndex } from './src/packs/prefilter-index';",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    const code = result.outputFiles[0]!.contents;
    expect(gzipSync(code).length).toBeLessThanOrEqual(3 * 1024);
    // The full pack must not leak into it.
    expect(new TextDecoder().decode(code)).not.toContain('ttmnote');
  });
});
