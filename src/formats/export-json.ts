// The backup format: everything a reader would want back, versioned, one item per line so the
// file stays readable and diffable. The format is documented in README.md beside this file;
// change both together. Pure.

import { SAVED_ITEM_FIELDS, VISIT_FIELDS, type SavedItem, type Settings, type StorageSnapshot, type Visit } from '../storage/model';

export const EXPORT_FORMAT = 'story-context-export';
export const EXPORT_VERSION = 1;
/** Versions parseImport reads. Add, never remove: old backups must stay importable. */
export const SUPPORTED_IMPORT_VERSIONS = [1] as const;

export interface StoryContextExportV1 {
  format: typeof EXPORT_FORMAT;
  version: 1;
  /** ISO 8601, UTC. */
  exportedAt: string;
  settings: Settings;
  items: SavedItem[];
  visits: Visit[];
}

// Explicit field order: people read these files, and a stable order keeps diffs small.
function inOrder<T extends object>(value: T, fields: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const field of fields) {
    const v = value[field];
    out[field] = (Array.isArray(v) ? [...v] : v) as T[keyof T];
  }
  return out as T;
}

const itemForExport = (item: SavedItem): SavedItem => inOrder(item, SAVED_ITEM_FIELDS);
const visitForExport = (visit: Visit): Visit => inOrder(visit, VISIT_FIELDS);

export function buildExport(snapshot: StorageSnapshot, now: number = Date.now()): StoryContextExportV1 {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: {
      sidebarMode: snapshot.settings.sidebarMode,
      disabledSites: [...snapshot.settings.disabledSites],
    },
    items: snapshot.items.map(itemForExport),
    visits: snapshot.visits.map(visitForExport),
  };
}

function list(values: readonly unknown[]): string {
  if (values.length === 0) return '[]';
  return `[\n${values.map((value) => `    ${JSON.stringify(value)}`).join(',\n')}\n  ]`;
}

/** The export file's text (UTF-8 JSON). */
export function stringifyExport(snapshot: StorageSnapshot, now: number = Date.now()): string {
  const doc = buildExport(snapshot, now);
  return (
    '{\n' +
    `  "format": ${JSON.stringify(doc.format)},\n` +
    `  "version": ${doc.version},\n` +
    `  "exportedAt": ${JSON.stringify(doc.exportedAt)},\n` +
    `  "settings": ${JSON.stringify(doc.settings)},\n` +
    `  "items": ${list(doc.items)},\n` +
    `  "visits": ${list(doc.visits)}\n` +
    '}\n'
  );
}

/** e.g. "story-context-2025-11-16.json", the date in UTC. */
export function exportFileName(extension: 'json' | 'md' | 'csv', now: number = Date.now()): string {
  return `story-context-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}
