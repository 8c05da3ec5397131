// A spreadsheet export (RFC 4180: every field quoted, quotes doubled, CRLF between records).
// Cells come from web pages and readers' notes, so any that a spreadsheet would run as a
// formula are neutralised. Pure.

import type { SavedItem } from '../storage/model';

export interface CsvExportOptions {
  /**
   * Start with a UTF-8 byte order mark (default true): without it Excel reads the file as the
   * local code page and garbles accents and CJK.
   */
  bom?: boolean;
}

export const CSV_COLUMNS = [
  'id',
  'kind',
  'title',
  'publisher',
  'url',
  'site',
  'quote',
  'note',
  'tags',
  'storyId',
  'ref',
  'createdAt',
  'updatedAt',
] as const;

/** Separator between tags in the tags column. */
export const CSV_TAG_SEPARATOR = '; ';

// OWASP's list: a leading = + - @ starts a formula in Excel, LibreOffice and Google Sheets;
// tab and carriage return can smuggle one past a naive check.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text: a leading apostrophe when it could start a formula. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function quoteCsvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function cells(item: SavedItem): string[] {
  return [
    item.id,
    item.kind,
    item.title,
    item.publisher,
    item.url,
    item.site,
    item.quote,
    item.note,
    item.tags.join(CSV_TAG_SEPARATOR),
    item.storyId ?? '',
    item.ref,
    new Date(item.createdAt).toISOString(),
    new Date(item.updatedAt).toISOString(),
  ];
}

export function exportCsv(items: readonly SavedItem[], options: CsvExportOptions = {}): string {
  const records = [[...CSV_COLUMNS], ...items.map(cells)].map((row) =>
    row.map((cell) => quoteCsvField(neutraliseCell(cell))).join(','),
  );
  return `${options.bom === false ? '' : '\ufeff'}${records.join('\r\n')}\r\n`;
}
