/**
 * Reads a pack of an older format as the current one, so that a version 1 pack (an import, an
 * old feed, a file an author kept) keeps working. Pure data in, data out; the result is then
 * validated like any version 2 pack.
 *
 * Version 1 → 2:
 * - `version` 1 (the first revision of the content);
 * - claim statuses become data: the three fixed version 1 statuses with their labels;
 * - the fixed mention keys of `detection.mentions` become `detection.mentionKinds`: an id in
 *   slug form, a label made from the key for the author to reword, and the shared negations
 *   copied into each kind (version 1 applied them to every kind);
 * - coverage flags are renamed to the new kind ids;
 * - `firstReport.provenance` described how the author knew the URL: it moves to `authorNote`,
 *   and the reader sees a neutral sentence until the author writes one.
 */
import * as v from 'valibot';
import { StoryPackV1Schema, type StoryPackV1 } from './schema-v1';
import type { StoryPackInput } from './schema';

/** "someKey" → "some-key": version 2 ids are slugs. */
function slug(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** "someKey" → "Some key": a placeholder label, reworded by the author. */
function words(key: string): string {
  const text = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const V1_STATUSES = [
  { id: 'alleged', label: 'Alleged', tone: 'alleged' },
  { id: 'denied', label: 'Denied', tone: 'denied' },
  { id: 'unverified', label: 'Unverified', tone: 'unverified' },
] as const;

export function migrateV1(pack: StoryPackV1): StoryPackInput {
  const { mentions, ...detection } = pack.detection;
  const { negations = {}, ...kinds } = mentions;
  const kindIds = new Map(Object.keys(kinds).map((key) => [key, slug(key)]));
  return {
    ...pack,
    formatVersion: 2,
    version: 1,
    firstReport: {
      publisher: pack.firstReport.publisher,
      date: pack.firstReport.date,
      url: pack.firstReport.url,
      provenance: `The first report, by ${pack.firstReport.publisher}.`,
      authorNote: pack.firstReport.provenance,
    },
    claimStatuses: V1_STATUSES.map((s) => ({ ...s })),
    coverage: pack.coverage.map((item) => ({
      ...item,
      mentions: Object.fromEntries(Object.entries(item.mentions).map(([key, flag]) => [kindIds.get(key) ?? slug(key), flag])),
    })),
    detection: {
      ...detection,
      mentionKinds: Object.entries(kinds).map(([key, terms]) => ({
        id: kindIds.get(key)!,
        label: words(key),
        yes: `This page reports it: ${words(key).toLowerCase()}.`,
        no: `This page does not report it: ${words(key).toLowerCase()}.`,
        terms,
        negations,
      })),
    },
  } as StoryPackInput;
}

/**
 * The pack as the current format, or the version 1 schema's problems when it claims to be
 * version 1 but is not a valid one. Anything else is returned untouched for the current
 * schema to judge.
 */
export function migrate(json: unknown): { pack: unknown } | { problems: v.BaseIssue<unknown>[] } {
  if (typeof json !== 'object' || json === null || (json as { formatVersion?: unknown }).formatVersion !== 1) return { pack: json };
  const result = v.safeParse(StoryPackV1Schema, json);
  if (!result.success) return { problems: result.issues };
  return { pack: migrateV1(result.output) };
}
