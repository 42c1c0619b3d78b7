import { BaseError } from '../errors.js';

/**
 * Stable codes of {@link LogError}. `src/http/errors.ts` maps them to HTTP statuses.
 *
 * - `INVALID_ARGUMENT`: a size, index or other parameter is not acceptable (unsafe integer,
 *   `size1 > size2`, consistency from the empty tree, entry too long, …).
 * - `INDEX_OUT_OF_RANGE`: a leaf index is not below the tree size.
 * - `INVALID_PROOF`: a proof has the wrong length or does not lead to the expected root; when
 *   a root was calculated, `details` holds `expected` and `calculated` (base64).
 * - `INVALID_HASH`: a hash is not 32 bytes long.
 * - `INVALID_NOTE`, `INVALID_KEY`, `INVALID_CHECKPOINT`, `INVALID_TILE_PATH`,
 *   `INVALID_TLOG_PROOF`, `INVALID_ENTRY_BUNDLE`: malformed or unverifiable input of that format.
 */
export type LogErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INDEX_OUT_OF_RANGE'
  | 'INVALID_PROOF'
  | 'INVALID_HASH'
  | 'INVALID_NOTE'
  | 'INVALID_KEY'
  | 'INVALID_CHECKPOINT'
  | 'INVALID_TILE_PATH'
  | 'INVALID_TLOG_PROOF'
  | 'INVALID_ENTRY_BUNDLE';

/** The one error class of `src/log`: every function here throws only `LogError`. */
export class LogError extends BaseError<LogErrorCode> {}
