import { BaseError } from '../errors.js';

/**
 * Errors of court sharing (docs/access.md). Judges get 404 for every share they may not use, so
 * neither a share's existence nor its deposit leaks; the code tells a code's holder why.
 * - SHARE_NOT_FOUND (404): no share has this code or id, or it is for another court.
 * - SHARE_EXPIRED (404): the share's `expiresAt` has passed; ask the depositor for a new one.
 * - SHARE_REVOKED (404): the depositor revoked the share.
 */
export type ShareErrorCode = 'SHARE_NOT_FOUND' | 'SHARE_EXPIRED' | 'SHARE_REVOKED';

/** A court-sharing failure. */
export class ShareError extends BaseError<ShareErrorCode> {}
