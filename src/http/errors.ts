/**
 * The one error mapper (DESIGN §12): every error code maps to an HTTP status here, and every
 * error response has the shape `{"error": {"code", "message"}}`. Unknown errors are 500 with a
 * generic message; their details go to the log, never to the client.
 */
import type { ErrorRequestHandler } from 'express';
import { ACCOUNT_ERROR_STATUS } from '../accounts/errors.js';
import { CERTIFICATE_ERROR_STATUS } from '../certificate/errors.js';
import { COURT_ERROR_STATUS } from '../courts/errors.js';
import { CUSTODY_ERROR_STATUS } from '../custody/errors.js';
import { BaseError } from '../errors.js';
import { DEPOSIT_ERROR_STATUS } from '../evidence/errors.js';
import { INTAKE_STATUS } from '../evidence/intake/errors.js';
import { INPUT_ERROR_STATUS } from '../input/errors.js';
import { VERIFY_ERROR_STATUS } from '../verify/errors.js';
import { NOTARY_ERROR_STATUS } from '../notary/errors.js';
import { SHARE_ERROR_STATUS } from '../sharing/errors.js';
import { OPS_ERROR_STATUS } from '../ops/errors.js';

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

const STATUS: Readonly<Record<string, number>> = {
  // domains (each declares its own table)
  ...ACCOUNT_ERROR_STATUS,
  ...DEPOSIT_ERROR_STATUS,
  ...INTAKE_STATUS,
  ...INPUT_ERROR_STATUS,
  ...VERIFY_ERROR_STATUS,
  ...CUSTODY_ERROR_STATUS,
  ...CERTIFICATE_ERROR_STATUS,
  ...NOTARY_ERROR_STATUS,
  ...SHARE_ERROR_STATUS,
  ...COURT_ERROR_STATUS,
  ...OPS_ERROR_STATUS,
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
  // log (pure core)
  INVALID_ARGUMENT: 400,
  INDEX_OUT_OF_RANGE: 400,
  INVALID_PROOF: 400,
  INVALID_HASH: 400,
  INVALID_NOTE: 400,
  INVALID_KEY: 400,
  INVALID_CHECKPOINT: 400,
  INVALID_TILE_PATH: 400,
  INVALID_TLOG_PROOF: 400,
  INVALID_ENTRY_BUNDLE: 400,
  // sequencer
  SIZE_BEYOND_TREE: 400,
  ENTRY_TOO_LARGE: 413,
  LOG_OVERLOADED: 503,
  LOG_UNAVAILABLE: 503,
  LOG_IN_DOUBT: 503,
  LOG_CORRUPT: 503,
  LOG_READ_ONLY: 503,
  // storage
  STORE_LOCKED: 503,
  STORE_IO: 503,
  STORE_CORRUPT: 503,
  SCHEMA_MISMATCH: 503,
};

/** Seconds a client should wait before retrying a 503 of this code. */
const RETRY_AFTER: Readonly<Record<string, number>> = {
  LOG_OVERLOADED: 1,
  LOG_UNAVAILABLE: 5,
  LOG_IN_DOUBT: 5,
};

/** The HTTP status of an error code (500 for codes this table does not know). */
export function statusOf(code: string): number {
  return STATUS[code] ?? 500;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Maps any thrown value to a status and a safe body. */
export function toHttp(err: unknown): { status: number; body: ErrorBody; retryAfter?: number } {
  if (err instanceof BaseError) {
    const status = statusOf(err.code);
    if (status >= 500 && status !== 503 && status !== 507) return internal();
    const fromDetails = err.details?.retryAfter;
    const retryAfter =
      RETRY_AFTER[err.code] ?? (typeof fromDetails === 'number' ? fromDetails : undefined);
    return {
      status,
      body: { error: { code: err.code, message: err.message } },
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    };
  }
  // Errors from express's own parsers carry a 4xx status and a type.
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown } | undefined;
  // express's sendFile (and raw-body) when the client closed the connection: nothing failed here.
  if (e?.code === 'ECONNABORTED') {
    return {
      status: 400,
      body: { error: { code: 'REQUEST_ABORTED', message: 'the client closed the connection' } },
    };
  }
  // A LevelDB read while the sequencer reopens the store after a failed write (a full disk):
  // the log is recovering, not broken; the client may retry shortly.
  if (e?.code === 'LEVEL_DATABASE_NOT_OPEN' || e?.code === 'LEVEL_DATABASE_NOT_CLOSED') {
    return {
      status: 503,
      body: {
        error: {
          code: 'LOG_UNAVAILABLE',
          message: 'the store is reopening after a storage error; try again shortly',
        },
      },
      retryAfter: RETRY_AFTER.LOG_UNAVAILABLE,
    };
  }
  const status =
    typeof e?.status === 'number'
      ? e.status
      : typeof e?.statusCode === 'number'
        ? e.statusCode
        : 500;
  if (status >= 400 && status < 500) {
    return status === 413
      ? {
          status,
          body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' } },
        }
      : {
          status: 400,
          body: { error: { code: 'INVALID_BODY', message: 'the request body is malformed' } },
        };
  }
  return internal();
}

function internal(): { status: number; body: ErrorBody } {
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
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
    const mapped = toHttp(err);
    if (mapped.status >= 500) report(err);
    count(mapped.body.error.code, mapped.status);
    if (mapped.retryAfter !== undefined) res.setHeader('Retry-After', String(mapped.retryAfter));
    res.status(mapped.status).json(mapped.body);
  };
}
