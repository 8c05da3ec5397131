// Exports reach the reader as a file saved through an <a download> click on a Blob URL, which
// needs no "downloads" permission in either browser. File names come from the formats module.
import { DOWNLOAD_URL_LIFETIME_MS } from '../../platform/firefox';

export const EXPORT_FORMATS = ['json', 'md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

export function exportMime(format: ExportFormat): string {
  return MIME[format];
}

/** Starts the download. The object URL is revoked later, not at once (see platform/firefox.ts). */
export function saveTextFile(doc: Document, name: string, mime: string, text: string): void {
  const view = doc.defaultView ?? globalThis;
  const url = view.URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
