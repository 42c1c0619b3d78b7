import { BaseError } from '../../errors.js';

/** Stable codes of upload intake failures (DESIGN §5, §12). */
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

/** HTTP status of each intake code, for the one mapper in `src/http/errors.ts`. */
export const INTAKE_STATUS: Readonly<Record<IntakeErrorCode, number>> = {
  INVALID_MULTIPART: 400,
  NO_FILES: 400,
  TOO_MANY_FILES: 400,
  UNEXPECTED_FIELD: 400,
  FIELD_TOO_LONG: 400,
  EMPTY_FILE: 400,
  INVALID_FILE_NAME: 400,
  // The client has gone; the status is for logs and for a proxy that still listens.
  UPLOAD_ABORTED: 400,
  // The body arrived slower than HUICUN_MIN_UPLOAD_BYTES_PER_S (src/evidence/intake/body-rate.ts).
  REQUEST_TOO_SLOW: 408,
  FILE_TOO_LARGE: 413,
  INSUFFICIENT_STORAGE: 507,
};
