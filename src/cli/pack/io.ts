// File access for the pack tooling: reading pack files and the evidence they name, finding the
// bundled packs. Kept apart from the pure checks in src/packs/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evidenceCorpus, type EvidenceCorpus } from '../../packs/evidence';
import { parsePack } from '../../packs/load';
import type { StoryPack } from '../../packs/schema';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const PACK_DATA_DIR = join(REPO_ROOT, 'src/packs/data');

/** The bundled packs' files: every story pack in src/packs/data (other JSON there is not a pack). */
export function bundledPackFiles(): string[] {
  return readdirSync(PACK_DATA_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(PACK_DATA_DIR, name))
    .filter((file) => {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { formatVersion?: unknown };
      return typeof json.formatVersion === 'number';
    });
}

export interface LoadedPack {
  file: string;
  bytes: Buffer;
  raw: unknown;
  pack: StoryPack;
}

/** Reads and validates a pack file; throws PackValidationError naming every problem. */
export function loadPackFile(file: string): LoadedPack {
  const bytes = readFileSync(file);
  const raw = JSON.parse(bytes.toString('utf8')) as unknown;
  return { file, bytes, raw, pack: parsePack(raw) };
}

/** The evidence files a pack names (paths from the repository root), read into a corpus. */
export function readEvidence(pack: StoryPack): { corpus: EvidenceCorpus; missing: string[] } {
  const missing: string[] = [];
  const files = pack.evidence.flatMap((path) => {
    const full = isAbsolute(path) ? path : join(REPO_ROOT, path);
    try {
      return [{ name: full, text: readFileSync(full, 'utf8') }];
    } catch {
      missing.push(path);
      return [];
    }
  });
  return { corpus: evidenceCorpus(files), missing };
}

export function resolveArg(path: string): string {
  return resolve(process.cwd(), path);
}

/** `--name value` from the arguments, and the arguments without it. */
export function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}
