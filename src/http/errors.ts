/**
 * The one error mapper (docs/SECURITY.md, "Errors"): every error code of every domain maps to
 * its HTTP status in ONE typed table here, and every error response is written by
 * {@link errorResponse} with the shape `{"error": {"code", "message"}}`. Unknown errors are 500
 * with a generic message; their details go to the log, never to the client.
 *
 * The domains keep their code unions (`AccountErrorCode`, …); {@link ErrorCode} is their union,
 * and `satisfies Record<ErrorCode, number>` makes the compiler refuse a code without a status
 * (or a status without a code). A code several domains share (`INVALID_FIELD`, `BLOB_MISSING`)
 * therefore has exactly one status.
 */
import type { ErrorRequestHandler, Response } from 'express';
import type { AccountErrorCode } from '../accounts/errors.js';
import type { CertificateErrorCode } from '../certificate/index.js';
import type { PdfErrorCode } from '../pdf/index.js';
import type { CourtErrorCode } from '../courts/errors.js';
import type { ConfigErrorCode } from '../config/index.js';
import type { CustodyErrorCode } from '../custody/errors.js';
import { BaseError } from '../errors.js';
import type { DepositErrorCode, IntakeErrorCode } from '../evidence/index.js';
import type { InputErrorCode } from '../input/errors.js';
import type { LogErrorCode } from '../log/errors.js';
import type { NotaryErrorCode } from '../notary/errors.js';
import type { OpsErrorCode } from '../ops/index.js';
import type { SequencerErrorCode } from '../sequencer/errors.js';
import type { ShareErrorCode } from '../sharing/errors.js';
import type { BlobErrorCode, StorageErrorCode } from '../storage/index.js';
import type { TimestampErrorCode } from '../timestamp/index.js';
import type { VerifyErrorCode } from '../verify/errors.js';
import { errorFields, type ErrorFields } from './error-fields.js';

export type HttpErrorCode =
  | 'INVALID_QUERY'
  | 'INVALID_BODY'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_REQUEST'
  | 'REQUEST_TIMEOUT'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_ABORTED'
  | 'INTERNAL';

/** An error raised by the HTTP layer itself (bad query values, unknown routes). */
export class HttpError extends BaseError<HttpErrorCode> {}

/** Every stable error code of the service: the union of the domains' code unions. */
export type ErrorCode =
  | HttpErrorCode
  | AccountErrorCode
  | DepositErrorCode
  | IntakeErrorCode
  | InputErrorCode
  | CourtErrorCode
  | VerifyErrorCode
  | CustodyErrorCode
  | CertificateErrorCode
  | PdfErrorCode
  | NotaryErrorCode
  | ShareErrorCode
  | OpsErrorCode
  | LogErrorCode
  | SequencerErrorCode
  | TimestampErrorCode
  | StorageErrorCode
  | BlobErrorCode
  | TimestampErrorCode
  | ConfigErrorCode;

/**
 * The HTTP status of every code. 500 means "never meant for a client" (start-up and programming
 * errors): {@link toHttp} answers those as a generic INTERNAL. 503 means the service cannot
 * serve the request in its present state; see {@link RETRY_AFTER}.
 */
const STATUS = {
  // http
  INVALID_QUERY: 400,
  INVALID_BODY: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  // answered by src/http/client-errors.ts before express sees the request
  INVALID_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  // the client went away before its answer (a download it abandoned): for logs and metrics
  REQUEST_ABORTED: 400,
  INTERNAL: 500,
  // accounts
  UNKNOWN_FIELD: 400,
  INVALID_FIELD: 400,
  USERNAME_TAKEN: 409,
  LOGIN_FAILED: 401,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  AUTH_REQUIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  ACCOUNT_DISABLED: 401,
  ROLE_FORBIDDEN: 403,
  USER_NOT_FOUND: 404,
  CANNOT_DISABLE_SELF: 409,
  CURRENT_PASSWORD_WRONG: 400, // not 401: the caller's token is fine, they stay signed in
  ID_NUMBER_REGISTERED: 409,
  PASSWORD_BLANK: 400,
  LOGIN_THROTTLED_ACCOUNT: 429,
  LOGIN_THROTTLED_ADDRESS: 429,
  ACCOUNT_STORE_CORRUPT: 500, // start-up only
  ACCOUNT_KEY_INVALID: 500, // start-up only
  SEEDS_INVALID: 500, // start-up only
  DEMO_PASSWORD_IN_PRODUCTION: 500, // start-up only
  // deposits and upload intake
  DEPOSIT_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  MISSING_TITLE: 400,
  INVALID_DIGEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
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
  // A record references a stored file that is gone, or no longer has its digest: data loss on
  // the server (not the client's doing, so not 409), which waiting does not cure — the operator
  // runs `huicun audit` and restores the file (docs/backup.md). 503 rather than 500 so the
  // client learns the code (a 500 is answered as a bare INTERNAL); no Retry-After.
  BLOB_MISSING: 503,
  BLOB_DIGEST_MISMATCH: 503,
  // A blob vanished between the check and the read (a race with data loss): internal.
  BLOB_NOT_FOUND: 500,
  // verification
  INVALID_RECEIPT: 400,
  INVALID_TLOG_PROOF: 400,
  NOT_A_HUICUN_PDF: 400,
  INVALID_TRUSTED_KEY: 400,
  INVALID_DEPOSIT_ID: 400,
  WRONG_CHECK_CHARACTER: 400,
  NOTHING_TO_VERIFY: 400,
  REPORT_UNAVAILABLE: 406,
  // custody and sharing
  CUSTODY_UNAVAILABLE: 503,
  CODE_INVALID: 400,
  SHARE_NOT_FOUND: 404,
  SHARE_EXPIRED: 404,
  SHARE_REVOKED: 404,
  // the court list (docs/courts.md)
  COURT_UNKNOWN: 400,
  COURT_DISABLED: 400,
  COURT_NOT_FOUND: 404,
  COURT_NAME_TAKEN: 409,
  COURT_STORE_CORRUPT: 500, // start-up only
  COURT_SEEDS_INVALID: 500, // start-up only
  // certificates
  NOT_ISSUED: 409,
  PDF_UNREADABLE: 400,
  PDF_TOO_LARGE: 413,
  NOTARY_P12_MISSING: 500, // start-up only
  NOTARY_P12_INVALID: 500, // start-up only
  NOTARY_KEY_NOT_RSA: 500, // start-up only
  NOTARY_CA_GENERATED: 500, // start-up only
  NOTARY_CREDENTIALS_INCOMPLETE: 500, // start-up only
  INVALID_INPUT: 500, // a programming error
  SIGNATURE_STAMP_FAILED: 500, // never raised to a client: the document is issued unstamped
  // notarisation and counter deposits
  APPLICATION_NOT_FOUND: 404,
  APPLICATION_EXISTS: 409,
  ILLEGAL_TRANSITION: 409,
  REASON_REQUIRED: 400,
  OPINION_REQUIRED: 400,
  EXAMINATION_FAILED: 409,
  CLAIM_NOT_FOUND: 404,
  CLAIM_USED: 409,
  CLAIM_EXPIRED: 410,
  CLAIM_LOCKED: 423,
  CLAIM_IDENTITY_MISMATCH: 403,
  // backups, restores, the operator's local access
  BACKUP_DIR_INVALID: 400,
  BACKUP_IN_PROGRESS: 409,
  BACKUP_SOURCE_CORRUPT: 409,
  LOCAL_SECRET_REFUSED: 403,
  FORWARDED_REQUEST_REFUSED: 403,
  BACKUP_INVALID: 409, // the CLI reports it; no route raises it
  RESTORE_TARGET_NOT_EMPTY: 409, // the CLI reports it; no route raises it
  RESTORE_REFUSED: 409, // the CLI reports it; no route raises it
  // log (pure core)
  INVALID_ARGUMENT: 400,
  INDEX_OUT_OF_RANGE: 400,
  INVALID_PROOF: 400,
  INVALID_HASH: 400,
  INVALID_NOTE: 400,
  INVALID_KEY: 400,
  INVALID_CHECKPOINT: 400,
  INVALID_TILE_PATH: 400,
  INVALID_ENTRY_BUNDLE: 400,
  // sequencer
  SIZE_BEYOND_TREE: 400,
  ENTRY_TOO_LARGE: 413,
  LOG_OVERLOADED: 503,
  LOG_UNAVAILABLE: 503,
  LOG_IN_DOUBT: 503,
  LOG_CORRUPT: 503,
  LOG_READ_ONLY: 503,
  // time-stamps (docs/log.md): none yet covers the size; `Retry-After` is the stamping interval
  NOT_STAMPED_YET: 404,
  // storage
  STORE_LOCKED: 503,
  STORE_IO: 503,
  STORE_CORRUPT: 503,
  SCHEMA_MISMATCH: 503,
  // trusted time (docs/timestamps.md): the checkpoint stamper logs and retries them; no route
  // answers with them
  TSA_UNREACHABLE: 500,
  TSA_TIMEOUT: 500,
  TSA_HTTP_STATUS: 500,
  TSA_MALFORMED: 500,
  TSA_STATUS_REJECTED: 500,
  TSA_IMPRINT_MISMATCH: 500,
  TSA_NONCE_MISMATCH: 500,
  TSA_BAD_SIGNATURE: 500,
  TSA_EKU: 500,
  TSA_NOT_TRUSTED: 500,
  TSA_CLOCK_SKEW: 500,
  TSA_CA_INVALID: 500,
  TSA_DEV_CREDENTIALS_INCOMPLETE: 500,
  TSA_DEVELOPMENT_REFUSED: 500,
  // configuration (start-up only)
  CONFIG_INVALID: 500,
} as const satisfies Record<ErrorCode, number>;

/** The codes answered with 503. */
type UnavailableCode = {
  [K in ErrorCode]: (typeof STATUS)[K] extends 503 ? K : never;
}[ErrorCode];

/**
 * Every 503 states whether the client may retry: the seconds of its `Retry-After` (transient:
 * overload, recovery, a reopening store), or `null` when waiting does not help and the operator
 * must act (a corrupt or read-only log, lost files). An error's `details.retryAfter` overrides
 * the number (e.g. the throttles' 429s, which are not in this table).
 */
const RETRY_AFTER = {
  LOG_OVERLOADED: 1,
  LOG_UNAVAILABLE: 5,
  LOG_IN_DOUBT: 5,
  CUSTODY_UNAVAILABLE: 5,
  STORE_IO: 5, // the sequencer retries the reopen with back-off
  STORE_LOCKED: null, // another process holds the store
  STORE_CORRUPT: null,
  SCHEMA_MISMATCH: null,
  LOG_CORRUPT: null,
  LOG_READ_ONLY: null, // docs/backup.md: until the operator resumes the log or starts a new one
  BLOB_MISSING: null,
  BLOB_DIGEST_MISMATCH: null,
} as const satisfies Record<UnavailableCode, number | null>;

/** Every error code with its HTTP status (tests enumerate it). */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = STATUS;

/**
 * The codes no client ever receives, so no client needs a text for them: start-up and
 * programming errors (a client gets them as INTERNAL), codes only the CLI reports, and those of
 * a client that has already gone. Every other code has a Chinese and an English text in the web
 * app (test/web/error-messages.test.ts; docs/web.md).
 */
export const NOT_FOR_CLIENTS = [
  // start-up only, programming errors (500: answered as INTERNAL)
  'ACCOUNT_STORE_CORRUPT',
  'ACCOUNT_KEY_INVALID',
  'SEEDS_INVALID',
  'DEMO_PASSWORD_IN_PRODUCTION',
  'COURT_STORE_CORRUPT',
  'COURT_SEEDS_INVALID',
  'NOTARY_P12_MISSING',
  'NOTARY_P12_INVALID',
  'NOTARY_KEY_NOT_RSA',
  'NOTARY_CA_GENERATED',
  'NOTARY_CREDENTIALS_INCOMPLETE',
  'INVALID_INPUT',
  'SIGNATURE_STAMP_FAILED',
  'BLOB_NOT_FOUND',
  'CONFIG_INVALID',
  // trusted time: logged and retried by the checkpoint stamper, reported by the CLI
  'TSA_UNREACHABLE',
  'TSA_TIMEOUT',
  'TSA_HTTP_STATUS',
  'TSA_MALFORMED',
  'TSA_STATUS_REJECTED',
  'TSA_IMPRINT_MISMATCH',
  'TSA_NONCE_MISMATCH',
  'TSA_BAD_SIGNATURE',
  'TSA_EKU',
  'TSA_NOT_TRUSTED',
  'TSA_CLOCK_SKEW',
  'TSA_CA_INVALID',
  'TSA_DEV_CREDENTIALS_INCOMPLETE',
  'TSA_DEVELOPMENT_REFUSED',
  // the CLI reports them; no route raises them
  'BACKUP_INVALID',
  'RESTORE_TARGET_NOT_EMPTY',
  'RESTORE_REFUSED',
  // the client has gone before its answer: for logs and metrics
  'REQUEST_ABORTED',
  'UPLOAD_ABORTED',
] as const satisfies readonly ErrorCode[];

const NOT_FOR_CLIENTS_SET: ReadonlySet<string> = new Set(NOT_FOR_CLIENTS);

/** Every code a client may receive: all of {@link ERROR_STATUS} but {@link NOT_FOR_CLIENTS}. */
export const CLIENT_ERROR_CODES: readonly ErrorCode[] = (Object.keys(STATUS) as ErrorCode[]).filter(
  (code) => !NOT_FOR_CLIENTS_SET.has(code),
);

/** Whether `code` is one of the service's error codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(STATUS, code);
}

/** The HTTP status of an error code (500 for a string that is no code). */
export function statusOf(code: string): number {
  return isErrorCode(code) ? STATUS[code] : 500;
}

/** The default `Retry-After` seconds of a 503 code, `null` when retrying does not help. */
export function retryAfterOf(code: string): number | null {
  return Object.hasOwn(RETRY_AFTER, code) ? RETRY_AFTER[code as UnavailableCode] : null;
}

/**
 * An error answer's body. An error about fields adds `field`, `fields`, `limit` and `issues`
 * ({@link ErrorFields}; docs/web.md): clients show each field's problem beside it, in their own
 * language.
 */
export interface ErrorBody {
  error: { code: string; message: string } & ErrorFields;
}

/** A whole error answer: its status, extra headers and body. */
export interface ErrorAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
}

/** What an error answer may add: `Retry-After`, headers, and the facts about bad fields. */
export interface ErrorOptions {
  readonly retryAfter?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly fields?: ErrorFields;
}

/**
 * The one writer of error answers: the status from the table, `Retry-After` when the code has
 * one (or `retryAfter` is given), and the body `{"error": {"code", "message"}}` (with the
 * {@link ErrorFields} of an error about fields).
 */
export function errorResponse(
  code: ErrorCode,
  message: string,
  options: ErrorOptions = {},
): ErrorAnswer {
  const retryAfter = options.retryAfter ?? retryAfterOf(code);
  return {
    status: STATUS[code],
    headers: {
      ...options.headers,
      ...(retryAfter !== null ? { 'Retry-After': String(retryAfter) } : {}),
    },
    body: { error: { code, message, ...options.fields } },
  };
}

/** Answers an express response with {@link errorResponse}. */
export function writeError(
  res: Response,
  code: ErrorCode,
  message: string,
  options: ErrorOptions = {},
): void {
  const answer = errorResponse(code, message, options);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.status(answer.status).json(answer.body);
}

/** What {@link toHttp} makes of a thrown value. */
export interface MappedError {
  readonly status: number;
  readonly body: ErrorBody;
  readonly retryAfter?: number;
}

/** Maps any thrown value to a status and a safe body. */
export function toHttp(err: unknown): MappedError {
  const { code, message, ...options } = classify(err);
  const answer = errorResponse(code, message, options);
  const header = answer.headers['Retry-After'];
  return {
    status: answer.status,
    body: answer.body,
    ...(header !== undefined ? { retryAfter: Number(header) } : {}),
  };
}

const INTERNAL_ERROR = { code: 'INTERNAL', message: 'internal error' } as const;

/** The code, client-safe message, field facts and any `Retry-After` override of a thrown value. */
function classify(err: unknown): {
  code: ErrorCode;
  message: string;
  retryAfter?: number;
  fields?: ErrorFields;
} {
  if (err instanceof BaseError) {
    const code = err.code as string;
    if (!isErrorCode(code)) return INTERNAL_ERROR;
    const status = STATUS[code];
    // 500s are never meant for a client: their message may hold internals.
    if (status >= 500 && status !== 503 && status !== 507) return INTERNAL_ERROR;
    const fromDetails = err.details?.retryAfter;
    return {
      code,
      message: err.message,
      ...(typeof fromDetails === 'number' ? { retryAfter: fromDetails } : {}),
      fields: errorFields(err),
    };
  }
  // Errors from express's own parsers carry a 4xx status and a type.
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown } | undefined;
  // express's sendFile (and raw-body) when the client closed the connection: nothing failed here.
  if (e?.code === 'ECONNABORTED')
    return { code: 'REQUEST_ABORTED', message: 'the client closed the connection' };
  // A LevelDB read while the sequencer reopens the store after a failed write (a full disk):
  // the log is recovering, not broken; the client may retry shortly.
  if (e?.code === 'LEVEL_DATABASE_NOT_OPEN' || e?.code === 'LEVEL_DATABASE_NOT_CLOSED') {
    return {
      code: 'LOG_UNAVAILABLE',
      message: 'the store is reopening after a storage error; try again shortly',
    };
  }
  const status =
    typeof e?.status === 'number'
      ? e.status
      : typeof e?.statusCode === 'number'
        ? e.statusCode
        : 500;
  if (status === 413)
    return { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' };
  if (status >= 400 && status < 500)
    return { code: 'INVALID_BODY', message: 'the request body is malformed' };
  return INTERNAL_ERROR;
}

/** express error handler; `report` receives 5xx errors for the log. */
export function errorHandler(
  report: (err: unknown) => void,
  count: (code: string, status: number) => void = () => undefined,
): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { code, message, ...options } = classify(err);
    const status = STATUS[code];
    if (status >= 500) report(err);
    count(code, status);
    writeError(res, code, message, options);
  };
}
