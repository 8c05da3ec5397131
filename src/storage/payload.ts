// Validation of import content (items, visits, settings), shared by the file parser and by
// importData, which checks again because its argument may have crossed a message boundary.
// All or nothing: one bad item refuses the whole import.

import { LIMITS, type ImportData, type SavedItem, type SettingsPatch, type Visit } from './model';
import { SavedItemSchema, SettingsPatchSchema, type Validated, validate, VisitSchema } from './schemas';

/**
 * Whether an import applies the file's settings. The reader decides, never the file: a shared
 * file could otherwise turn the extension off on many sites without anyone noticing.
 */
export const IMPORT_SETTINGS_CHOICES = ['apply', 'ignore'] as const;
export type ImportSettingsChoice = (typeof IMPORT_SETTINGS_CHOICES)[number];

export function isImportSettingsChoice(value: unknown): value is ImportSettingsChoice {
  return (IMPORT_SETTINGS_CHOICES as readonly unknown[]).includes(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Payloads this context's checkImportPayload passed. importData checks anything else again (it
// may have crossed a message boundary, which copies it), but the file the background has just
// parsed is not validated a second time: for 10,000 items that is a noticeable wait.
const checkedPayloads = new WeakSet<ImportData>();

/** True for a value checkImportPayload returned in this context. */
export function isCheckedPayload(data: unknown): data is ImportData {
  return typeof data === 'object' && data !== null && checkedPayloads.has(data as ImportData);
}

export function checkImportPayload(
  input: unknown,
  maxProblems = 5,
): Validated<ImportData> {
  if (!isRecord(input)) {
    return { ok: false, problems: [`expected an object with items, visits and settings, found ${describe(input)}`] };
  }
  const problems: string[] = [];
  const full = () => problems.length >= maxProblems;

  const rawItems = input.items;
  const rawVisits = input.visits ?? [];
  const rawSettings = input.settings ?? {};

  if (!Array.isArray(rawItems)) {
    problems.push(rawItems === undefined ? 'items: is missing' : `items: must be a list (found ${describe(rawItems)})`);
  } else if (rawItems.length > LIMITS.importItems) {
    problems.push(`items: ${rawItems.length} items; at most ${LIMITS.importItems} can be imported at once`);
  }
  if (!Array.isArray(rawVisits)) {
    problems.push(`visits: must be a list (found ${describe(rawVisits)})`);
  } else if (rawVisits.length > LIMITS.importVisits) {
    problems.push(`visits: ${rawVisits.length} visits; at most ${LIMITS.importVisits} can be imported at once`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const items: SavedItem[] = [];
  const firstIndexOfId = new Map<string, number>();
  (rawItems as unknown[]).forEach((raw, n) => {
    if (full()) return;
    const result = validate(SavedItemSchema, raw, `items[${n}]`, maxProblems - problems.length);
    if (!result.ok) {
      problems.push(...result.problems);
      return;
    }
    const earlier = firstIndexOfId.get(result.value.id);
    if (earlier !== undefined) {
      problems.push(`items[${n}].id: the same id as items[${earlier}]; each item needs its own id`);
      return;
    }
    firstIndexOfId.set(result.value.id, n);
    items.push(result.value);
  });

  const visits: Visit[] = [];
  (rawVisits as unknown[]).forEach((raw, n) => {
    if (full()) return;
    const result = validate(VisitSchema, raw, `visits[${n}]`, maxProblems - problems.length);
    if (result.ok) visits.push(result.value);
    else problems.push(...result.problems);
  });

  let settings: SettingsPatch = {};
  if (!full()) {
    const result = validate(SettingsPatchSchema, rawSettings, 'settings', maxProblems - problems.length);
    if (result.ok) settings = result.value;
    else problems.push(...result.problems);
  }

  if (problems.length > 0) return { ok: false, problems: problems.slice(0, maxProblems) };
  const value = { items, visits, settings };
  checkedPayloads.add(value);
  return { ok: true, value };
}
