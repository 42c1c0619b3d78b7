/**
 * Errors of the court list (docs/courts.md); their HTTP statuses are in the one table,
 * src/http/errors.ts (the start-up codes never reach a client).
 * - COURT_UNKNOWN (400): no listed court has this id or name; pick one from `GET /api/v1/courts`
 *   (or ask the administrator to add it). Nothing was written.
 * - COURT_DISABLED (400): the court is listed but disabled; it takes no new shares or judges.
 * - COURT_NOT_FOUND (404): the administrator changed a court id that is not in the list.
 * - COURT_NAME_TAKEN (409): another listed court has this name (compared after NFKC).
 */
import { BaseError } from '../errors.js';

export type CourtErrorCode =
  | 'COURT_UNKNOWN'
  | 'COURT_DISABLED'
  | 'COURT_NOT_FOUND'
  | 'COURT_NAME_TAKEN'
  // start-up only
  | 'COURT_STORE_CORRUPT'
  | 'COURT_SEEDS_INVALID';

/** A court-list failure; `details.field` names the offending field when there is one. */
export class CourtError extends BaseError<CourtErrorCode> {}
