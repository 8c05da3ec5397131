import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serveFeed } from '../../../src/cli/pack/serve';
import { bundledPacks } from '../../../src/packs/bundled';
import { DEFAULT_FEED_CAPS, INDEX_FILE, SIGNATURE_FILE } from '../../../src/packs/feed/format';
import { importPublicKey, verifyFeed } from '../../../src/packs/feed/verify';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pack-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pack(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/pack/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PACK_SIGNING_KEY: '' } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run pack', () => {
  it('check: every bundled pack passes', () => {
    const { code, out } = pack('check');
    expect(out).toContain('ok   src/packs/data/alibaba-pla-memo.json');
    expect(out).toContain('ok   src/packs/data/nvidia-h20-backdoor.json');
    expect(code).toBe(0);
  });

  it('check: a pack with an invented link fails and says where', () => {
    const raw = JSON.parse(readFileSync(join(ROOT, 'src/packs/data/nvidia-h20-backdoor.json'), 'utf8'));
    raw.coverage[2].url = 'https://invented.example/x';
    const file = join(work, 'bad.json');
    writeFileSync(file, JSON.stringify(raw));
    const { code, out } = pack('check', file);
    expect(code).toBe(1);
    expect(out).toContain('coverage.2.url: URL not found in the evidence files: https://invented.example/x');
  });

  it('build: reports the compiled index and its sizes', () => {
    const { code, out } = pack('build');
    expect(code).toBe(0);
    expect(out).toMatch(/nvidia-h20-backdoor v1: \d+ signals \(\d+ terms\), 4 mention kinds/);
    expect(out).toMatch(/prefilter index: .*KB gzipped/);
  });

  it('sign: refuses a key inside the repository and asks for one when none is given', () => {
    expect(pack('sign', 'package.json', '--key', 'package.json')).toMatchObject({ code: 1, err: expect.stringMatching(/inside the repository/) });
    expect(pack('sign', 'package.json')).toMatchObject({ code: 1, err: expect.stringMatching(/No signing key/) });
  });

  it('keygen, feed, serve: the packs installed from the served feed are the bundled packs', async () => {
    const key = join(work, 'key.pem');
    const made = pack('keygen', '--out', key);
    expect(made.code).toBe(0);
    const publicKey = /public key \(ship this in the extension\): (\S+)/.exec(made.out)![1]!;
    const out = join(work, 'feed');
    expect(pack('feed', '--out', out, '--key', key, '--days', '2').code).toBe(0);
    const { server, url } = await serveFeed(out);
    try {
      const get = async (path: string) => {
        const res = await fetch(new URL(path, url));
        return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
      };
      expect((await fetch(new URL('../../etc/passwd', url))).status).toBe(404);
      const verdict = await verifyFeed({
        indexBytes: (await get(INDEX_FILE))!,
        signature: new TextDecoder().decode((await get(SIGNATURE_FILE))!),
        publicKey: await importPublicKey(publicKey),
        installed: {},
        now: new Date(),
        caps: DEFAULT_FEED_CAPS,
        packFile: (entry) => get(entry.path),
      });
      expect(verdict.error).toBeNull();
      expect(verdict.refused).toEqual([]);
      expect(verdict.install).toEqual([...bundledPacks]);
    } finally {
      server.close();
    }
  });

  it('export-claimreview and import-claimreview print JSON', () => {
    const exported = pack('export-claimreview', 'nvidia-h20-backdoor');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toHaveLength(bundledPacks[1]!.claims.length);
    const imported = pack('import-claimreview', 'test/fixtures/claimreview/google-factcheck-example.html');
    expect(JSON.parse(imported.out).claims[0].allegedBy).toBe('Square World Society');
    expect(pack('export-claimreview', 'no-such-story')).toMatchObject({ code: 1, err: expect.stringMatching(/No bundled pack/) });
  });
});
