// The import boundaries of eslint.config.js: every folder of src/ has its zone, and the zones
// refuse what the README says they refuse.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function refused(file: string, from: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath: `${root}/${file}` });
  return result!.messages.some((message) => message.ruleId === 'no-restricted-imports');
}

describe('lint zones', () => {
  it('cover every folder of src/', async () => {
    const folders = readdirSync(`${root}/src`, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) {
      const config = (await eslint.calculateConfigForFile(`${root}/src/${folder.name}/probe.ts`)) as { rules?: Record<string, unknown> };
      expect(config.rules?.['no-restricted-imports'], folder.name).toBeDefined();
    }
  });

  it.each([
    ['src/storage/probe.ts', '../formats/import-json'],
    ['src/storage/probe.ts', '../protocol/messages'],
    ['src/formats/probe.ts', '../storage/repository'],
    ['src/content/probe.ts', '../storage'],
    ['src/detection/probe.ts', '../platform/browser'],
    ['src/cli/probe.ts', '../platform/browser'],
    ['src/cli/probe.ts', '../storage/db'],
    ['src/platform/probe.ts', '../storage/db'],
    ['src/platform/probe.ts', '../background/data'],
    ['src/ui/popup/probe.ts', '../../background/data'],
  ])('refuse %s importing %s', async (file, from) => {
    expect(await refused(file, from)).toBe(true);
  });

  it.each([
    ['src/background/probe.ts', '../formats/import-json'],
    ['src/formats/probe.ts', '../storage/payload'],
    ['src/cli/probe.ts', '../detection/detect'],
    ['src/ui/popup/probe.ts', '../../storage/revision'],
  ])('allow %s importing %s', async (file, from) => {
    expect(await refused(file, from)).toBe(false);
  });
});
