/**
 * Story-pack format, version 1, read only to migrate a version 1 pack to the current format
 * (migrate.ts). What version 2 changed is spelled out here; what it kept is the current
 * schema's, so a version 1 pack is held to the same rules as a new one wherever the two agree.
 *
 * Version 1 differed in: no `version`, no `claimStatuses` (a claim's status was one of three
 * fixed words), coverage flags and `detection.mentions` keyed by three fixed mention keys with
 * one shared `negations` list, and no author-only notes.
 */
import * as v from 'valibot';
import {
  CautionSchema,
  ClaimSchema,
  ContextNoteSchema,
  CoverageItemSchema,
  DetectionLangSchema,
  DetectionSchema,
  FirstReportSchema,
  MentionFlagSchema,
  PartySchema,
  StoryEventSchema,
  StoryPackSchema,
  TimelineEntrySchema,
  VerificationNoteSchema,
} from './schema';

const { mentionKinds: _kinds, ...detectionEntries } = DetectionSchema.entries;
const { formatVersion: _format, version: _version, claimStatuses: _statuses, evidence: _evidence, ...packEntries } = StoryPackSchema.entries;

export const StoryPackV1Schema = v.object({
  ...packEntries,
  formatVersion: v.literal(1),
  claims: v.array(v.object({ ...ClaimSchema.entries, status: v.picklist(['alleged', 'denied', 'unverified']) })),
  /** Version 1 had three fixed mention keys; read as a record so the migration stays story-blind. */
  coverage: v.array(v.object({ ...CoverageItemSchema.entries, mentions: v.record(v.string(), MentionFlagSchema) })),
  detection: v.object({
    ...detectionEntries,
    /** Terms per mention key, plus `negations` shared by all of them. */
    mentions: v.record(v.string(), v.record(DetectionLangSchema, v.array(v.pipe(v.string(), v.trim(), v.minLength(1))))),
  }),
  // Unchanged in shape; named so that a reader sees what a version 1 pack holds.
  firstReport: FirstReportSchema,
  verification: v.pipe(v.array(VerificationNoteSchema), v.minLength(1)),
  parties: v.array(PartySchema),
  events: v.pipe(v.array(StoryEventSchema), v.minLength(1)),
  timeline: v.array(TimelineEntrySchema),
  context: v.optional(v.array(ContextNoteSchema), []),
  cautions: v.array(CautionSchema),
});

export type StoryPackV1Input = v.InferInput<typeof StoryPackV1Schema>;
export type StoryPackV1 = v.InferOutput<typeof StoryPackV1Schema>;
