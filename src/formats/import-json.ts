// Reads a Story Context export (see README.md in this folder). Everything is checked before
// anything is written: a file is either entirely valid or refused with a message that says
// what is wrong and where. Pure: no Dexie, no browser APIs.

import { mergeSettings } from '../storage/merge';
import { LIMITS, type ImportData, type Settings, type SettingsPatch, type SidebarMode } from '../storage/model';
import { checkImportPayload } from '../storage/payload';
import { EXPORT_FORMAT, SUPPORTED_IMPORT_VERSIONS } from './export-json';
import { findExcessiveNesting, findForbiddenKey, utf8Length } from './json-guards';

export type ImportResult =
  | {
      ok: true;
      data: ImportData;
      /** The exportedAt of the file as written, or null if it had none. */
      exportedAt: string | null;
    }
  | {
      ok: false;
      /** One readable sentence for the reader, naming what is wrong and where. */
      error: string;
      /** The same problems one by one (at most 5), e.g. "items[3].url: must be an http(s) URL". */
      problems: string[];
    };

const MAX_PROBLEMS = 5;
const TOP_LEVEL_FIELDS = new Set(['format', 'version', 'exportedAt', 'items', 'visits', 'settings']);

function refuse(problems: string[]): ImportResult {
  const more = problems.length >= MAX_PROBLEMS ? '; there may be more' : '';
  const label = problems.length === 1 ? 'Problem' : 'Problems';
  return {
    ok: false,
    error: `This file was not imported and nothing was changed. ${label}: ${problems.join('; ')}${more}.`,
    problems,
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let n = 0; n < offset && n < text.length; n++) {
    if (text.charCodeAt(n) === 0x0a) {
      line++;
      lineStart = n + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function supportedVersions(): string {
  return SUPPORTED_IMPORT_VERSIONS.join(', ');
}

function checkHeader(doc: Record<string, unknown>): string[] {
  if (doc.format === undefined) {
    return [`format: is missing; this is not a Story Context export (expected "format": "${EXPORT_FORMAT}")`];
  }
  if (doc.format !== EXPORT_FORMAT) {
    return [`format: expected "${EXPORT_FORMAT}", found ${describe(doc.format)}; this is not a Story Context export`];
  }
  const version = doc.version;
  if (version === undefined) return [`version: is missing (supported: ${supportedVersions()})`];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return [`version: must be a whole number, found ${describe(version)} (supported: ${supportedVersions()})`];
  }
  if (!(SUPPORTED_IMPORT_VERSIONS as readonly number[]).includes(version)) {
    const newer = version > Math.max(...SUPPORTED_IMPORT_VERSIONS) ? ' It was made by a newer Story Context: update the extension, then import again.' : '';
    return [`version: export version ${version} is not supported; this Story Context reads version ${supportedVersions()}.${newer}`];
  }
  const problems: string[] = [];
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_FIELDS.has(key)) problems.push(`${JSON.stringify(key.slice(0, 40))}: is not a field of a Story Context export`);
  }
  if (doc.exportedAt !== undefined && (typeof doc.exportedAt !== 'string' || Number.isNaN(Date.parse(doc.exportedAt)))) {
    problems.push(`exportedAt: must be a date such as "2025-11-16T09:30:00.000Z", found ${describe(doc.exportedAt)}`);
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/**
 * Parses and validates an export file's text. Never throws. On success `data` is ready for
 * the repository's importData (the background's import path); on failure nothing should be written.
 */
export function parseImport(text: string): ImportResult {
  if (typeof text !== 'string') return refuse(['the file could not be read as text']);
  if (text.length > LIMITS.importBytes) {
    return refuse([`the file is larger than ${megabytes(LIMITS.importBytes)}, the most that can be imported at once`]);
  }
  // Counting UTF-8 bytes costs a pass over the text; it cannot exceed the cap below a third of it.
  const bytes = text.length * 3 <= LIMITS.importBytes ? 0 : utf8Length(text);
  if (bytes > LIMITS.importBytes) {
    return refuse([`the file is ${megabytes(bytes)}; at most ${megabytes(LIMITS.importBytes)} can be imported at once`]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/\S/.test(body)) return refuse(['the file is empty']);

  const nesting = findExcessiveNesting(body, LIMITS.importDepth);
  if (nesting) {
    return refuse([
      `the data is nested more than ${LIMITS.importDepth} levels deep at ${lineAndColumn(body, nesting.offset)}; a Story Context export never is`,
    ]);
  }

  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse([`the file is not valid JSON; it may be truncated or not a Story Context export (${detail})`]);
  }

  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return refuse([`expected a JSON object with "format": "${EXPORT_FORMAT}" at the top level, found ${describe(doc)}`]);
  }
  const forbidden = findForbiddenKey(doc);
  if (forbidden) {
    return refuse([`${forbidden.path}: the key "${forbidden.key}" is not allowed in an export`]);
  }

  const record = doc as Record<string, unknown>;
  const headerProblems = checkHeader(record);
  if (headerProblems.length > 0) return refuse(headerProblems);

  const payload = checkImportPayload(
    { items: record.items, visits: record.visits, settings: record.settings },
    MAX_PROBLEMS,
  );
  if (!payload.ok) return refuse(payload.problems);
  return {
    ok: true,
    data: payload.value,
    exportedAt: typeof record.exportedAt === 'string' ? record.exportedAt : null,
  };
}

// The choice is the storage layer's (its importData takes it); re-exported for the file's readers.
export { IMPORT_SETTINGS_CHOICES, type ImportSettingsChoice } from '../storage/payload';

/** What importing a file's settings with 'apply' would change, for the reader to confirm. */
export interface SettingsChanges {
  /** Set when the file would change when the sidebar opens. */
  sidebarMode: { from: SidebarMode; to: SidebarMode } | null;
  /** Sites the extension would be turned off on that are on now, in the file's order. */
  sitesOff: string[];
}

/**
 * Compares a file's settings with the current ones by the same rule the repository applies
 * (mergeSettings), so what the reader is told is what 'apply' does. Null when nothing changes.
 */
export function settingsChanges(current: Settings, incoming: SettingsPatch): SettingsChanges | null {
  const next = mergeSettings(current, incoming);
  const before = new Set(current.disabledSites);
  const sitesOff = next.disabledSites.filter((site) => !before.has(site));
  const sidebarMode = next.sidebarMode === current.sidebarMode ? null : { from: current.sidebarMode, to: next.sidebarMode };
  return sidebarMode || sitesOff.length > 0 ? { sidebarMode, sitesOff } : null;
}
