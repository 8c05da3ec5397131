// An uploaded export on its way into the database: the file is parsed here, on the background's
// side, and the storage layer gets only the checked content (it never reads file formats).
import { parseImport } from '../formats/import-json';
import { StorageError, type ImportSettingsChoice, type ImportSummary, type Repository } from '../storage';

/** Parses and imports an export's text; a refused file throws StorageError 'invalid' with the parser's message. */
export async function importFile(repo: Pick<Repository, 'importData'>, text: string, settings: ImportSettingsChoice): Promise<ImportSummary> {
  const parsed = parseImport(text);
  if (!parsed.ok) throw new StorageError('invalid', parsed.error);
  return repo.importData(parsed.data, settings);
}
