import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, StorageError, toStorageError } from '../../../src/storage/errors';

describe('toStorageError', () => {
  it.each([
    ['a DOMException', new DOMException('full', 'QuotaExceededError')],
    ['Firefox’s legacy name', Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
    ['Dexie’s class', new Dexie.QuotaExceededError('full')],
    ['an aborted transaction caused by it', new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'))],
    ['one failure of a bulk write', new Dexie.BulkError('1 of 2 failed', { 1: new DOMException('full', 'QuotaExceededError') })],
    ['a cause', new Error('wrapped', { cause: new DOMException('full', 'QuotaExceededError') })],
  ])('recognises a full disk reported as %s', (_name, error) => {
    expect(isQuotaError(error)).toBe(true);
    const mapped = toStorageError(error);
    expect(mapped.code).toBe('quota');
    expect(mapped.message).toMatch(/no room left/);
    expect(mapped.cause).toBe(error);
  });

  it('reports a database that cannot be opened as unavailable', () => {
    const mapped = toStorageError(new Dexie.OpenFailedError('The user denied permission to access the database.'));
    expect(mapped.code).toBe('unavailable');
    expect(mapped.message).toMatch(/could not be used \(.*denied permission.*\)/);
  });

  it('keeps the detail of anything else and passes StorageErrors through', () => {
    expect(toStorageError(new Error('boom'))).toMatchObject({ code: 'unknown', message: expect.stringMatching(/\(boom\)/) });
    const original = new StorageError('not-found', 'gone');
    expect(toStorageError(original)).toBe(original);
    expect(isQuotaError({ inner: { inner: { name: 'Other' } } })).toBe(false);
  });

  it('survives a message boundary as plain data', () => {
    expect(JSON.parse(JSON.stringify(new StorageError('quota', 'full')))).toEqual({ name: 'StorageError', code: 'quota', message: 'full' });
  });

  it('does not loop on a cyclic error', () => {
    const cyclic: { name: string; inner?: unknown } = { name: 'X' };
    cyclic.inner = cyclic;
    expect(isQuotaError(cyclic)).toBe(false);
  });
});
