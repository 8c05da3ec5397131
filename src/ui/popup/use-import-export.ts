// Export to a file and import from one. An import whose settings would change something waits
// for the reader's answer before anything is written.
import { useState } from 'preact/hooks';
import { exportFileName } from '../../formats/export-json';
import type { ImportSettingsChoice, SettingsChanges } from '../../formats/import-json';
import type { ImportSummary } from '../../storage/model';
import { messageOf } from '../shared/error-message';
import { plural } from '../shared/plural';
import type { PopupApi } from './api';
import { exportMime, type ExportFormat } from './download';
import type { ImportConfirmChoice } from './ImportConfirm';
import type { IoMessage } from './ImportExport';

/** The background refuses bigger imports; refusing here saves reading the file. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A valid file whose settings would change something, held while the reader decides. */
interface PendingImport {
  text: string;
  name: string;
  changes: SettingsChanges;
}

export interface ImportExportControls {
  busy: boolean;
  message: IoMessage | null;
  /** What the held file would change, while the reader is asked. */
  confirm: SettingsChanges | null;
  exportAs: (format: ExportFormat) => void;
  importFile: (file: File) => Promise<void>;
  answer: (choice: ImportConfirmChoice) => void;
}

/** `asked` is the reader's answer about the file's settings, or null when there was nothing to ask. */
export function importedText(t: PopupApi['t'], summary: ImportSummary, asked: ImportSettingsChoice | null): string {
  const added = String(summary.itemsAdded);
  const merged = String(summary.itemsUpdated + summary.itemsUnchanged);
  const n = summary.itemsAdded;
  if (asked === 'apply') return plural(t, 'pp_importedSettingsApplied', n, added, merged);
  if (asked === 'ignore') return plural(t, 'pp_importedSettingsIgnored', n, added, merged);
  return plural(t, 'pp_imported', n, added, merged);
}

export function useImportExport(api: PopupApi): ImportExportControls {
  const t = api.t;
  const [message, setMessage] = useState<IoMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const exportAs = (format: ExportFormat) => {
    setBusy(true);
    setMessage({ kind: 'busy', text: t('pp_exporting') });
    api
      .exportItems(format)
      .then((file) => {
        const name = exportFileName(format);
        api.saveFile(name, exportMime(format), file.text);
        setMessage({ kind: 'ok', text: plural(t, 'pp_exported', file.count, String(file.count), name) });
      })
      .catch((error) => setMessage({ kind: 'error', text: t('pp_exportFailed', messageOf(error)) }))
      .finally(() => setBusy(false));
  };

  const send = (text: string, settings: ImportSettingsChoice, asked: boolean) =>
    api
      .importText(text, settings)
      .then((summary) => setMessage({ kind: 'ok', text: importedText(t, summary, asked ? settings : null) }))
      .catch((error) => setMessage({ kind: 'error', text: t('pp_importFailed', messageOf(error)) }))
      .finally(() => setBusy(false));

  const importFile = async (file: File) => {
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'error', text: t('pp_importTooBig', file.name) });
      return;
    }
    setBusy(true);
    setMessage({ kind: 'busy', text: t('pp_importing', file.name) });
    try {
      const text = await file.text();
      // The same checks the background makes, here first: the reader must hear what the
      // file's settings would change before anything is written. Loaded on first use.
      const { parseImport, settingsChanges } = await import('../../formats');
      const parsed = parseImport(text);
      if (!parsed.ok) throw new Error(parsed.error);
      const fileSettings = parsed.data.settings;
      const changes =
        Object.keys(fileSettings).length > 0 ? settingsChanges(await api.currentSettings(), fileSettings) : null;
      if (changes) {
        setMessage(null);
        setPending({ text, name: file.name, changes });
        return;
      }
      // Nothing to change, so nothing the reader did not see is applied either.
      await send(text, 'ignore', false);
    } catch (error) {
      setMessage({ kind: 'error', text: t('pp_importFailed', messageOf(error)) });
      setBusy(false);
    }
  };

  const answer = (choice: ImportConfirmChoice) => {
    const held = pending;
    if (!held) return;
    setPending(null);
    if (choice === 'cancel') {
      setMessage({ kind: 'ok', text: t('pp_importCancelled', held.name) });
      setBusy(false);
      return;
    }
    setMessage({ kind: 'busy', text: t('pp_importing', held.name) });
    void send(held.text, choice, true);
  };

  return { busy, message, confirm: pending?.changes ?? null, exportAs, importFile, answer };
}
