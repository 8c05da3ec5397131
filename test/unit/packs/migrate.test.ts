import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectStory } from '../../../src/detection/detect';
import { packById } from '../../../src/packs/bundled';
import { parsePack, PackValidationError } from '../../../src/packs/load';
import { migrateV1 } from '../../../src/packs/migrate';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
/** The first story's pack as it was bundled in format 1 (see test/fixtures/packs/README.md). */
const v1 = JSON.parse(read('../../fixtures/packs/alibaba-pla-memo-v1.json'));

describe('pack format 1 to 2', () => {
  const migrated = parsePack(v1);

  it('reads a version 1 pack as a valid version 2 pack', () => {
    expect(v1.formatVersion).toBe(1);
    expect(migrated.formatVersion).toBe(2);
    expect(migrated.version).toBe(1);
    expect(migrated.id).toBe(v1.id);
  });

  it('turns the fixed mention keys into mention kinds with their terms and the shared negations', () => {
    expect(migrated.detection.mentionKinds.map((k) => k.id)).toEqual(['denial', 'embassy', 'ft-caveat']);
    const caveat = migrated.detection.mentionKinds[2]!;
    expect(caveat.terms).toEqual(v1.detection.mentions.ftCaveat);
    expect(caveat.label).toBe('Ft caveat');
    for (const kind of migrated.detection.mentionKinds) expect(kind.negations).toEqual(v1.detection.mentions.negations);
  });

  it('keeps every coverage flag under the new kind ids', () => {
    migrated.coverage.forEach((item, i) => {
      const old = v1.coverage[i].mentions;
      expect(item.mentions).toEqual({ denial: old.denial, embassy: old.embassy, 'ft-caveat': old.ftCaveat });
    });
  });

  it('makes claim statuses data and moves how the author knew the first report out of reader text', () => {
    expect(migrated.claimStatuses.map((s) => s.id)).toEqual(['alleged', 'denied', 'unverified']);
    for (const claim of migrated.claims) expect(migrated.claimStatuses.some((s) => s.id === claim.status)).toBe(true);
    expect(migrated.firstReport.authorNote).toBe(v1.firstReport.provenance);
    expect(migrated.firstReport.provenance).not.toMatch(/stored|mirror/);
  });

  it('detects the same pages with the same score as the bundled version 2 pack', () => {
    const bundled = packById('alibaba-pla-memo')!;
    const labels = JSON.parse(read('../../fixtures/corpus/pages/labels.json')) as { file: string }[];
    for (const { file } of labels.slice(0, 12)) {
      const { document } = parseHTML(read(`../../fixtures/corpus/pages/${file}`));
      const a = detectStory(document, 'https://news.example/a', [migrated]);
      const b = detectStory(document, 'https://news.example/a', [bundled]);
      expect([a.storyId, a.score, a.mentions['ft-caveat']], file).toEqual([b.storyId, b.score, b.mentions['ft-caveat']]);
    }
  });

  it('refuses a broken version 1 pack with the path of the problem, and an unknown version', () => {
    const broken = { ...v1, coverage: [{ ...v1.coverage[0], url: 'javascript:alert(1)' }] };
    expect(() => parsePack(broken)).toThrow(PackValidationError);
    expect(() => parsePack(broken)).toThrow(/coverage\.0\.url/);
    expect(() => parsePack({ ...v1, formatVersion: 3 })).toThrow(/formatVersion/);
    expect(migrateV1(v1 as never).formatVersion).toBe(2);
  });
});
