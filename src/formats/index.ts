// Pure export/import formats: no Dexie, no browser APIs. Usable from the popup (to build a
// download) and from the background (to parse an upload before importData).

export { exportCsv, neutraliseCell, CSV_COLUMNS, CSV_TAG_SEPARATOR, type CsvExportOptions } from './export-csv';
export {
  buildExport,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  stringifyExport,
  SUPPORTED_IMPORT_VERSIONS,
  type StoryContextExportV1,
} from './export-json';
export { escapeMarkdownBlock, escapeMarkdownLine, exportMarkdown, type MarkdownExportOptions } from './export-markdown';
export {
  IMPORT_SETTINGS_CHOICES,
  parseImport,
  settingsChanges,
  type ImportResult,
  type ImportSettingsChoice,
  type SettingsChanges,
} from './import-json';
