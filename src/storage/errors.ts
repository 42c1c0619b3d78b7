import { BaseError } from '../errors.js';

export type StorageErrorCode = 'STORE_LOCKED' | 'SCHEMA_MISMATCH' | 'STORE_CORRUPT' | 'STORE_IO';

/** Storage failures: what the operator must do is in the message. */
export class StorageError extends BaseError<StorageErrorCode> {}
