import { describe, expect, it } from 'vitest';
import { parsePack, PackValidationError } from '../../../src/packs/load';
import rawPack from '../../../src/packs/data/alibaba-pla-memo.json';

type Json = Record<string, unknown>;
const clone = (): Json => structuredClone(rawPack) as unknown as Json;

function problemsOf(json: unknown): string[] {
  try {
    parsePack(json);
  } catch (error) {
    expect(error).toBeInstanceOf(PackValidationError);
    return (error as PackValidationError).problems as string[];
  }
  throw new Error('expected the pack to be rejected');
}

describe('parsePack', () => {
  it('accepts the bundled pack and fills optional fields with their defaults', () => {
    const json = clone();
    const cautions = json.cautions as Json[];
    delete cautions[0]!.siteNames;
    const pack = parsePack(json);
    expect(pack.cautions[0]!.siteNames).toEqual([]);
  });

  it('names the path of a bad URL', () => {
    const json = clone();
    (json.coverage as Json[])[2]!.url = 'not a url';
    expect(problemsOf(json).some((p) => p.startsWith('coverage.2.url:'))).toBe(true);
  });

  it('rejects javascript: links in a pack', () => {
    const json = clone();
    (json.firstReport as Json).url = 'javascript:alert(1)';
    expect(problemsOf(json).some((p) => p.startsWith('firstReport.url:'))).toBe(true);
  });

  it('rejects another format version', () => {
    const json = clone();
    json.formatVersion = 3;
    expect(problemsOf(json).some((p) => p.startsWith('formatVersion:'))).toBe(true);
  });

  it('rejects an unknown claim status and a missing field', () => {
    const json = clone();
    (json.claims as Json[])[0]!.status = 'true';
    expect(problemsOf(json)).toContain('claims.0.status: no claim status with id "true"');
    delete (json as Json).summary;
    expect(problemsOf(json).some((p) => p.startsWith('summary:'))).toBe(true);
  });

  it('rejects references to things the pack does not have', () => {
    const json = clone();
    (json.claims as Json[])[0]!.responses = ['no-such-statement'];
    (json.coverage as Json[])[0]!.event = 'no-such-event';
    ((json.detection as Json).requireAll as string[][])[0] = ['no-such-signal'];
    const problems = problemsOf(json);
    expect(problems).toContain('claims.0.responses.0: no statement with id "no-such-statement"');
    expect(problems).toContain('coverage.0.event: no event with id "no-such-event"');
    expect(problems).toContain('detection.requireAll.0.0: no signal with id "no-such-signal"');
  });

  it('rejects duplicate ids', () => {
    const json = clone();
    const coverage = json.coverage as Json[];
    coverage[1]!.id = coverage[0]!.id;
    expect(problemsOf(json)).toContain(`coverage.1.id: duplicate id "${String(coverage[0]!.id)}"`);
  });

  it('rejects a non-object with a message', () => {
    expect(() => parsePack(null)).toThrow(/Story pack "\?" is invalid/);
  });
});

describe('the bundled pack files', () => {
  it('already hold every default the schema would fill, so the content script can use them as they are', async () => {
    const { bundledPackData } = await import('../../../src/packs/bundled-data');
    for (const raw of bundledPackData) expect(parsePack(structuredClone(raw))).toEqual(raw);
  });
});
