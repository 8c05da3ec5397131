// One error type for everything the repository refuses or cannot do, so the background can
// tell the popup what happened in words a reader understands.

export type StorageErrorCode =
  /** The browser refused to store more data. */
  | 'quota'
  /** The input failed validation; the message names the field. */
  | 'invalid'
  /** The item, or the undo window, no longer exists. */
  | 'not-found'
  /** The database could not be opened or was closed (blocked, private mode, permission). */
  | 'unavailable'
  | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Plain data for a message reply; Error subclasses do not survive structured cloning. */
  toJSON(): { name: 'StorageError'; code: StorageErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const UNAVAILABLE_NAMES = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
  'MissingAPIError',
  'InvalidStateError',
  'VersionError',
  'UpgradeError',
  'SecurityError',
]);

function nameOf(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error) {
    const name = (error as { name: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return '';
}

// A full disk shows up as the error itself, as the `inner` of a Dexie AbortError (the
// transaction was aborted because a write failed), as one of a BulkError's failures, or as a
// `cause`. Walked breadth-first with a bound so a cyclic error object cannot hang us.
function findByName(error: unknown, names: ReadonlySet<string>): boolean {
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 64; seen++) {
    const current = queue.shift();
    if (names.has(nameOf(current))) return true;
    if (!current || typeof current !== 'object') continue;
    const record = current as Record<string, unknown>;
    for (const field of ['inner', 'cause']) {
      if (record[field]) queue.push(record[field]);
    }
    if (Array.isArray(record.failures)) queue.push(...record.failures.slice(0, 16));
  }
  return false;
}

export function isQuotaError(error: unknown): boolean {
  return findByName(error, QUOTA_NAMES);
}

export const QUOTA_MESSAGE =
  'Your browser has no room left to store saved items. Nothing was changed. ' +
  'Free some disk space or delete saved items you no longer need, then try again.';

/** Maps anything thrown by Dexie/IndexedDB to a StorageError; StorageErrors pass through. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError('quota', QUOTA_MESSAGE, { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  if (findByName(error, UNAVAILABLE_NAMES)) {
    return new StorageError(
      'unavailable',
      `The saved-items database could not be used (${detail}). Nothing was changed.`,
      { cause: error },
    );
  }
  return new StorageError(
    'unknown',
    `The saved-items database reported an error (${detail}). Nothing was changed.`,
    { cause: error },
  );
}
