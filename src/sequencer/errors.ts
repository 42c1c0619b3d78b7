import { BaseError } from '../errors.js';

/**
 * - LOG_OVERLOADED: too many appends queued; retry after the Retry-After delay (503).
 * - LOG_UNAVAILABLE: the log is recovering from a storage failure or shutting down (503).
 * - LOG_IN_DOUBT: the batch holding this append failed to write; after recovery it may or may
 *   not be on disk — look the deposit up by number before retrying (503).
 * - LOG_CORRUPT: the stored tree does not match its signed checkpoint; refuse to serve appends.
 * - LOG_READ_ONLY: the store was restored from a backup and serves read-only until the operator
 *   resumes the log or starts a new one (docs/backup.md); not transient (503, no Retry-After).
 * - ENTRY_TOO_LARGE: an entry above 65,535 bytes cannot go in a tlog-tiles entry bundle.
 * - NOT_FOUND: an index, tile or checkpoint beyond the tree.
 */
export type SequencerErrorCode =
  | 'LOG_OVERLOADED'
  | 'LOG_UNAVAILABLE'
  | 'LOG_IN_DOUBT'
  | 'LOG_CORRUPT'
  | 'LOG_READ_ONLY'
  | 'ENTRY_TOO_LARGE'
  | 'SIZE_BEYOND_TREE'
  | 'NOT_FOUND';

export class SequencerError extends BaseError<SequencerErrorCode> {}
