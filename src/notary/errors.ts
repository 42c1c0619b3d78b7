import { BaseError } from '../errors.js';

/**
 * Errors of notarisation and counter deposits (docs/access.md, docs/errors.md):
 * - APPLICATION_NOT_FOUND (404): no such application, or the caller may not see it.
 * - APPLICATION_EXISTS (409): the deposit already has an application in progress
 *   (`details.applicationId`); withdraw it or wait for the decision.
 * - ILLEGAL_TRANSITION (409): the action is not allowed in the application's state
 *   (`details.state`, `details.action`).
 * - REASON_REQUIRED (400): a rejection needs a reason.
 * - OPINION_REQUIRED (400): an approval needs the review opinion (审查意见).
 * - EXAMINATION_FAILED (409): a system check of the decision failed (the message names them,
 *   `details.failed` lists their ids): the certificate would certify data that does not verify;
 *   reject instead.
 * - CLAIM_NOT_FOUND (404): no counter deposit has this claim code.
 * - CLAIM_USED (409): the code was used; the deposit belongs to the account that claimed it.
 * - CLAIM_EXPIRED (410): the code is older than 90 days; the client asks the notary office.
 * - CLAIM_LOCKED (423): 5 attempts did not match the client's ID number; the code is locked.
 * - CLAIM_IDENTITY_MISMATCH (403): the claimant's registered ID number is not the client's
 *   (`details.attemptsLeft`).
 */
export type NotaryErrorCode =
  | 'APPLICATION_NOT_FOUND'
  | 'APPLICATION_EXISTS'
  | 'ILLEGAL_TRANSITION'
  | 'REASON_REQUIRED'
  | 'OPINION_REQUIRED'
  | 'EXAMINATION_FAILED'
  | 'CLAIM_NOT_FOUND'
  | 'CLAIM_USED'
  | 'CLAIM_EXPIRED'
  | 'CLAIM_LOCKED'
  | 'CLAIM_IDENTITY_MISMATCH';

/** A notarisation or counter-deposit failure. */
export class NotaryError extends BaseError<NotaryErrorCode> {}
