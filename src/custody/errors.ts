import { BaseError } from '../errors.js';

/**
 * - CUSTODY_UNAVAILABLE (503): the custody event of a read could not be appended durably, so the
 *   read is refused (docs/access.md: the event is on the log before the body is sent); retry later.
 * - CODE_INVALID (400): a share or claim code that is not 7 groups of 4 Crockford base32
 *   characters with a matching check (a typo, or not a code at all).
 */
export type CustodyErrorCode = 'CUSTODY_UNAVAILABLE' | 'CODE_INVALID';

/** A custody failure; `details.retryAfter` gives the seconds to wait on CUSTODY_UNAVAILABLE. */
export class CustodyError extends BaseError<CustodyErrorCode> {}
