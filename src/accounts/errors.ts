/**
 * Errors of the accounts domain (docs/access.md, docs/errors.md). Their HTTP statuses are in the one table of
 * src/http/errors.ts; the codes marked start-up only never reach a client.
 */
import { BaseError } from '../errors.js';
import type { FieldProblem } from '../input/index.js';

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
  /** Change of password: the current password given is not the account's (`details.field`). */
  | 'CURRENT_PASSWORD_WRONG'
  // start-up only
  | 'ACCOUNT_STORE_CORRUPT'
  | 'ACCOUNT_KEY_INVALID'
  | 'SEEDS_INVALID'
  | 'DEMO_PASSWORD_IN_PRODUCTION';

/** An accounts failure; `details.field` names the offending field, `details.retryAfter` the seconds to wait. */
export class AccountError extends BaseError<AccountErrorCode> {}

/**
 * A 400 INVALID_FIELD naming `field` (and what is wrong, for clients that explain it in their own
 * words); the message never echoes the value.
 */
export function invalidField(field: string, rule: string, problem?: FieldProblem): AccountError {
  return new AccountError('INVALID_FIELD', `field "${field}" ${rule}`, {
    details: { field, ...(problem !== undefined ? { problem } : {}) },
  });
}
