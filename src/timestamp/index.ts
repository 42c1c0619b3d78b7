/**
 * Trusted time (docs/timestamps.md): the RFC 3161 client over the configured TSAs, the checks of
 * a reply and of a stored token, and the development TSA.
 * @module
 */
export type { TimeStamp, TimeStamper } from './types.js';
export { TimestampError, type TimestampErrorCode } from './errors.js';
export {
  EssCertId,
  EssCertIdV2,
  SigningCertificate,
  SigningCertificateV2,
  id_aa_signingCertificate,
  id_aa_signingCertificateV2,
} from './ess.js';
export { ID_SHA256, randomNonce, timeStampRequest, type TimeStampRequest } from './request.js';
export {
  anchorsFromPem,
  checkClock,
  checkTimeStampToken,
  MAX_CLOCK_SKEW_MS,
  tsaName,
  type CheckedToken,
  type TokenExpectations,
} from './check.js';
