import { BaseError } from '../errors.js';

/**
 * - NOT_STAMPED_YET: no stored time-stamp covers the asked size yet; the checkpoint stamper
 *   stamps the log at most once every HUICUN_TSA_INTERVAL_S, so retry after `Retry-After` (404).
 */
export type TimestampErrorCode = 'NOT_STAMPED_YET';

export class TimestampError extends BaseError<TimestampErrorCode> {}
