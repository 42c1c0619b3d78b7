import { BaseError } from '../errors.js';

/**
 * - DEPOSIT_NOT_FOUND (404): no such deposit, or the caller may not see it (existence does not leak).
 * - FILE_NOT_FOUND (404): no file at that position of the deposit.
 * - INVALID_FIELD / UNKNOWN_FIELD / MISSING_TITLE (400): a hash-only body that is not as documented.
 * - INVALID_DIGEST (400): a digest that is not 64 hexadecimal characters.
 * - UNSUPPORTED_MEDIA_TYPE (415): a deposit body neither multipart/form-data nor JSON.
 * - BLOB_MISSING (503): the record exists but its stored file is gone (run `huicun audit`).
 */
export type DepositErrorCode =
  | 'DEPOSIT_NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'INVALID_FIELD'
  | 'UNKNOWN_FIELD'
  | 'MISSING_TITLE'
  | 'INVALID_DIGEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BLOB_MISSING';

export class DepositError extends BaseError<DepositErrorCode> {}
