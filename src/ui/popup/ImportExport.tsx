// Export to JSON, Markdown or CSV; import a JSON export. Results and errors go to one visible
// alert region.
import { useEffect, useRef } from 'preact/hooks';
import type { SettingsChanges } from '../../formats/import-json';
import type { ExportFormat } from './download';
import { ImportConfirm, type ImportConfirmChoice } from './ImportConfirm';

export interface IoMessage {
  kind: 'ok' | 'error' | 'busy';
  text: string;
}

interface Props {
  t: (key: string, ...subs: string[]) => string;
  busy: boolean;
  message: IoMessage | null;
  onExport: (format: ExportFormat) => void;
  onImportFile: (file: File) => void;
  importInTab: (() => void) | null;
  locale: string;
  /** What the chosen file's settings would change, while the reader decides; else null. */
  confirm: SettingsChanges | null;
  onConfirm: (choice: ImportConfirmChoice) => void;
}

const EXPORTS: { format: ExportFormat; testid: string; key: string }[] = [
  { format: 'json', testid: 'export-json', key: 'pp_exportJson' },
  { format: 'md', testid: 'export-md', key: 'pp_exportMd' },
  { format: 'csv', testid: 'export-csv', key: 'pp_exportCsv' },
];

export function ImportExport({ t, busy, message, onExport, onImportFile, importInTab, locale, confirm, onConfirm }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const confirming = useRef(false);
  // Once the question is answered and the import is done, focus goes back where the reader
  // started instead of being lost with the removed panel.
  useEffect(() => {
    if (confirm) confirming.current = true;
    else if (confirming.current && !busy) {
      confirming.current = false;
      fileInput.current?.focus();
    }
  }, [confirm, busy]);
  return (
    <section class="io" aria-labelledby="pp-io-heading">
      <h2 id="pp-io-heading" class="sr-only">
        {t('pp_ioHeading')}
      </h2>
      <div class="io-buttons">
        <div class="export-group" role="group" aria-labelledby="pp-export-label">
          <span id="pp-export-label">{t('pp_exportLabel')}</span>
          {EXPORTS.map((e) => (
            <button key={e.format} type="button" data-testid={e.testid} disabled={busy} onClick={() => onExport(e.format)}>
              {t(e.key)}
            </button>
          ))}
        </div>
        {importInTab ? (
          <button type="button" class="import" disabled={busy} onClick={importInTab}>
            {t('pp_importInTab')}
          </button>
        ) : (
          <label class={busy ? 'import file-button disabled' : 'import file-button'}>
            <input
              ref={fileInput}
              type="file"
              class="sr-only"
              data-testid="import-file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                // Cleared so choosing the same file again (after fixing it) fires a change.
                input.value = '';
                if (file) onImportFile(file);
              }}
            />
            {t('pp_importJson')}
          </label>
        )}
      </div>
      {confirm ? <ImportConfirm t={t} locale={locale} changes={confirm} onChoose={onConfirm} /> : null}
      <p
        class={message ? `io-status ${message.kind}` : 'io-status'}
        role="alert"
        data-testid="io-status"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
