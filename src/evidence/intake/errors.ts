import { BaseError } from '../../errors.js';

/** Stable codes of upload intake failures (docs/life-of-a-deposit.md, docs/errors.md). */
export type IntakeErrorCode =
  | 'INVALID_MULTIPART'
  | 'NO_FILES'
  | 'TOO_MANY_FILES'
  | 'UNEXPECTED_FIELD'
  | 'FIELD_TOO_LONG'
  | 'EMPTY_FILE'
  | 'INVALID_FILE_NAME'
  | 'FILE_TOO_LARGE'
  | 'UPLOAD_ABORTED'
  | 'REQUEST_TOO_SLOW'
  | 'INSUFFICIENT_STORAGE';

/**
 * An upload was refused. Whatever the code, nothing from the request is left behind: no temp
 * file, and no blob that no record or other upload references.
 */
export class IntakeError extends BaseError<IntakeErrorCode> {}
