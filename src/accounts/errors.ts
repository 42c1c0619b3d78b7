/**
 * Errors of the accounts domain (DESIGN §8, §12). `ACCOUNT_ERROR_STATUS` is the part of the one
 * HTTP mapper (src/http/errors.ts) that these codes need; codes without a status are raised at
 * start-up only and never reach a client.
 */
import { BaseError } from '../errors.js';

export type AccountErrorCode =
  | 'INVALID_BODY'
  | 'UNKNOWN_FIELD'
  | 'INVALID_FIELD'
  | 'USERNAME_TAKEN'
  | 'ID_NUMBER_REGISTERED'
  | 'PASSWORD_BLANK'
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'LOGIN_THROTTLED_ACCOUNT'
  | 'LOGIN_THROTTLED_ADDRESS'
  | 'RATE_LIMITED'
  | 'AUTH_REQUIRED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'ACCOUNT_DISABLED'
  | 'ROLE_FORBIDDEN'
  | 'USER_NOT_FOUND'
  | 'CANNOT_DISABLE_SELF'
  // start-up only
  | 'ACCOUNT_STORE_CORRUPT'
  | 'ACCOUNT_KEY_INVALID'
  | 'SEEDS_INVALID'
  | 'DEMO_PASSWORD_IN_PRODUCTION';

/** An accounts failure; `details.field` names the offending field, `details.retryAfter` the seconds to wait. */
export class AccountError extends BaseError<AccountErrorCode> {}

/** HTTP statuses of the codes a request can meet (merge into the one mapper). */
export const ACCOUNT_ERROR_STATUS = {
  INVALID_BODY: 400,
  UNKNOWN_FIELD: 400,
  INVALID_FIELD: 400,
  USERNAME_TAKEN: 409,
  ID_NUMBER_REGISTERED: 409,
  PASSWORD_BLANK: 400,
  LOGIN_FAILED: 401,
  LOGIN_THROTTLED: 429,
  LOGIN_THROTTLED_ACCOUNT: 429,
  LOGIN_THROTTLED_ADDRESS: 429,
  RATE_LIMITED: 429,
  AUTH_REQUIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  ACCOUNT_DISABLED: 401,
  ROLE_FORBIDDEN: 403,
  USER_NOT_FOUND: 404,
  CANNOT_DISABLE_SELF: 409,
} as const satisfies Partial<Record<AccountErrorCode, number>>;

/** A 400 INVALID_FIELD naming `field`; the message never echoes the value. */
export function invalidField(field: string, rule: string): AccountError {
  return new AccountError('INVALID_FIELD', `field "${field}" ${rule}`, { details: { field } });
}
