import { BaseError } from '../errors.js';

/**
 * Stable codes of {@link VerifyError}: input that cannot even be read as what it claims to be
 * (the CLI exits 2, the API answers 400). A readable receipt that fails a check is not an error:
 * it is a report with failed checks.
 *
 * - `INVALID_RECEIPT`: not JSON, or not a JSON object.
 * - `INVALID_TLOG_PROOF`: not a c2sp.org/tlog-proof@v1, or its `extra` is not huicun's
 *   JCS({entry, opening}).
 * - `NOT_A_HUICUN_PDF`: a PDF huicun did not write (no embedded receipt): give the receipt JSON.
 * - `INVALID_TRUSTED_KEY`: a trusted key that is not a valid vkey.
 * - `INVALID_DIGEST`: a digest that is not 64 hexadecimal characters.
 * - `INVALID_DEPOSIT_ID`: a deposit number that is malformed (not `HC` + 10 digits + a check
 *   character, spaces and hyphens allowed).
 * - `WRONG_CHECK_CHARACTER`: a well-formed deposit number whose ISO/IEC 7064 MOD 11-2 check
 *   character does not match its digits: a mistyped number (docs/verification.md).
 * - `NOTHING_TO_VERIFY`: a request with neither a file, a digest nor a certificate (400).
 * - `UNSUPPORTED_MEDIA_TYPE`: a verify request neither multipart/form-data nor JSON (415).
 * - `REPORT_UNAVAILABLE`: a verification report (PDF) was asked for but this server cannot
 *   render one yet (406).
 */
export type VerifyErrorCode =
  | 'INVALID_RECEIPT'
  | 'INVALID_TLOG_PROOF'
  | 'NOT_A_HUICUN_PDF'
  | 'INVALID_TRUSTED_KEY'
  | 'INVALID_DIGEST'
  | 'INVALID_DEPOSIT_ID'
  | 'WRONG_CHECK_CHARACTER'
  | 'NOTHING_TO_VERIFY'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'REPORT_UNAVAILABLE';

/** The one error class of `src/verify`. */
export class VerifyError extends BaseError<VerifyErrorCode> {}

/**
 * Why a checkpoint does not extend an earlier one: `ROLLBACK` (the later tree is smaller) or
 * `FORK` (same size with another root, or no valid consistency proof).
 */
export type InconsistencyCode = 'ROLLBACK' | 'FORK';

/**
 * Two signed checkpoints of one log that no append-only log can both have signed, kept as
 * evidence (like tessera's `client.ErrInconsistency`): both notes as the log served them and the
 * proof that failed. Never an HTTP answer: the verifier reports it as the `consistency` check and
 * `huicun monitor` as exit 1.
 */
export class InconsistencyError extends BaseError<InconsistencyCode> {
  /** The earlier checkpoint note (the receipt's, or the monitor's last verified one). */
  readonly smallerRaw: string;
  /** The later checkpoint note, as the log served it. */
  readonly largerRaw: string;
  /** The consistency proof (base64) that did not verify; empty when none was asked for. */
  readonly proof: readonly string[];

  constructor(
    code: InconsistencyCode,
    message: string,
    evidence: { smallerRaw: string; largerRaw: string; proof: readonly string[] },
    options: { cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.smallerRaw = evidence.smallerRaw;
    this.largerRaw = evidence.largerRaw;
    this.proof = evidence.proof;
  }
}
