import { BaseError } from '../errors.js';

/**
 * Why a time-stamp was not had, not accepted, or not there yet (docs/timestamps.md).
 * - NOT_STAMPED_YET: no stored time-stamp covers the asked size yet; the checkpoint stamper
 *   stamps the log at most once every HUICUN_TSA_INTERVAL_S, so retry after `Retry-After` (404).
 *   The only code an HTTP client receives; the TSA_* codes below are logged, counted and
 *   retried by the checkpoint stamper, and reported by the CLI and the verifier.
 * - TSA_UNREACHABLE: the TSA could not be reached (refused, reset, DNS).
 * - TSA_TIMEOUT: no whole reply within HUICUN_TSA_TIMEOUT_MS.
 * - TSA_HTTP_STATUS: the TSA answered, but not 200 `application/timestamp-reply`.
 * - TSA_MALFORMED: the reply or token is not the DER RFC 3161 says (garbage, wrong content type
 *   inside the token, a version we do not know, no signer certificate).
 * - TSA_STATUS_REJECTED: the PKIStatus is neither granted nor grantedWithMods, or no token.
 * - TSA_IMPRINT_MISMATCH: the TSTInfo stamps another digest, or not a SHA-256 one.
 * - TSA_NONCE_MISMATCH: the TSTInfo's nonce is absent or not ours.
 * - TSA_BAD_SIGNATURE: the CMS signature, its messageDigest, its contentType or its ESS
 *   signing-certificate attribute does not hold.
 * - TSA_EKU: the signer certificate lacks the critical extended key usage id-kp-timeStamping.
 * - TSA_NOT_TRUSTED: the signer does not chain to the trust anchors, or a certificate of the
 *   chain is not valid at genTime.
 * - TSA_CLOCK_SKEW: genTime is more than 5 minutes from our clock.
 * - TSA_CA_INVALID: HUICUN_TSA_CA cannot be read or holds no certificate (start-up).
 * - TSA_DEV_CREDENTIALS_INCOMPLETE: the certs folder has only some of the development TSA's
 *   files: restore the missing ones or move all away (start-up).
 * - TSA_DEVELOPMENT_REFUSED: production was asked to use the development TSA (start-up).
 */
export type TimestampErrorCode =
  | 'NOT_STAMPED_YET'
  | 'TSA_UNREACHABLE'
  | 'TSA_TIMEOUT'
  | 'TSA_HTTP_STATUS'
  | 'TSA_MALFORMED'
  | 'TSA_STATUS_REJECTED'
  | 'TSA_IMPRINT_MISMATCH'
  | 'TSA_NONCE_MISMATCH'
  | 'TSA_BAD_SIGNATURE'
  | 'TSA_EKU'
  | 'TSA_NOT_TRUSTED'
  | 'TSA_CLOCK_SKEW'
  | 'TSA_CA_INVALID'
  | 'TSA_DEV_CREDENTIALS_INCOMPLETE'
  | 'TSA_DEVELOPMENT_REFUSED';

/** Errors of trusted time (docs/timestamps.md, docs/errors.md). */
export class TimestampError extends BaseError<TimestampErrorCode> {}
