import * as v from 'valibot';
import { migrate } from './migrate';
import { StoryPackSchema, type StoryPack } from './schema';

export class PackValidationError extends Error {
  override readonly name = 'PackValidationError';
  constructor(
    message: string,
    /** Every problem found, each as "path: message". */
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  return keys.length === 0 ? '(root)' : keys.join('.');
}

/**
 * Cross-references the schema cannot express: ids unique within their list, and every id that
 * points elsewhere in the pack pointing at something that exists.
 */
function referenceProblems(pack: StoryPack): string[] {
  const problems: string[] = [];
  const unique = (list: readonly { id: string }[], path: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) problems.push(`${path}.${i}.id: duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique(pack.claims, 'claims');
  unique(pack.parties, 'parties');
  unique(pack.events, 'events');
  unique(pack.coverage, 'coverage');
  unique(pack.timeline, 'timeline');
  unique(pack.cautions, 'cautions');
  unique(pack.verification, 'verification');
  unique(pack.context, 'context');
  unique(pack.detection.signals, 'detection.signals');
  unique(pack.detection.mentionKinds, 'detection.mentionKinds');
  unique(pack.claimStatuses, 'claimStatuses');
  const statements = pack.parties.flatMap((p) => p.statements);
  unique(statements, 'parties.*.statements');

  const statementIds = new Set(statements.map((s) => s.id));
  const statusIds = new Set(pack.claimStatuses.map((s) => s.id));
  pack.claims.forEach((claim, i) => {
    if (!statusIds.has(claim.status)) problems.push(`claims.${i}.status: no claim status with id "${claim.status}"`);
  });
  const kindIds = new Set(pack.detection.mentionKinds.map((k) => k.id));
  pack.coverage.forEach((item, i) => {
    for (const key of Object.keys(item.mentions)) {
      if (!kindIds.has(key)) problems.push(`coverage.${i}.mentions.${key}: no mention kind with id "${key}"`);
    }
  });
  pack.claims.forEach((claim, i) =>
    claim.responses.forEach((id, j) => {
      if (!statementIds.has(id)) problems.push(`claims.${i}.responses.${j}: no statement with id "${id}"`);
    }),
  );
  const eventIds = new Set(pack.events.map((e) => e.id));
  pack.coverage.forEach((item, i) => {
    if (!eventIds.has(item.event)) problems.push(`coverage.${i}.event: no event with id "${item.event}"`);
  });
  const signalIds = new Set(pack.detection.signals.map((s) => s.id));
  for (const key of ['requireAll', 'requireInOpening', 'requireInTitle'] as const) {
    pack.detection[key].forEach((group, i) =>
      group.forEach((id, j) => {
        if (!signalIds.has(id)) problems.push(`detection.${key}.${i}.${j}: no signal with id "${id}"`);
      }),
    );
  }
  pack.detection.signals.forEach((signal, i) => {
    if (Object.values(signal.terms).every((terms) => terms.length === 0)) {
      problems.push(`detection.signals.${i}.terms: no terms in any language`);
    }
  });
  return problems;
}

/**
 * Validates untrusted JSON (a bundled file or an imported pack) and returns a typed pack.
 * Throws PackValidationError naming the path of every problem, e.g.
 * `coverage.3.url: Invalid URL`.
 */
export function parsePack(json: unknown): StoryPack {
  const id = typeof json === 'object' && json !== null && 'id' in json ? String((json as { id: unknown }).id) : '?';
  const migrated = migrate(json);
  const result = 'pack' in migrated ? v.safeParse(StoryPackSchema, migrated.pack) : migrated;
  if ('problems' in result || !result.success) {
    const issues = 'problems' in result ? result.problems : result.issues;
    const problems = issues.map((issue) => `${pathOf(issue)}: ${issue.message}`);
    throw new PackValidationError(`Story pack "${id}" is invalid: ${problems.join('; ')}`, problems);
  }
  const problems = referenceProblems(result.output);
  if (problems.length > 0) {
    throw new PackValidationError(`Story pack "${result.output.id}" is invalid: ${problems.join('; ')}`, problems);
  }
  return result.output;
}
