import { BaseError } from '../errors.js';

/**
 * - NOTARY_P12_MISSING: HUICUN_NOTARY_P12 names no readable file, or production found no P12
 *   (production never generates one). Start-up error: fix the configuration.
 * - NOTARY_P12_INVALID: the P12 cannot be read (wrong password, not PKCS#12, no key, no
 *   certificate matching the key, a chain that does not link up). Start-up error.
 * - NOTARY_KEY_NOT_RSA: the P12 holds a key other than RSA ≥ 2048 bits (PDF signatures here
 *   are RSA). Start-up error.
 * - NOTARY_CA_GENERATED: production was given the locally generated notary CA (docs/configuration.md).
 * - NOTARY_CREDENTIALS_INCOMPLETE: the certs folder has the generated CA certificate but not
 *   its key (or the reverse): restore the missing file or move both away.
 * - INVALID_INPUT: a render function was given inconsistent data (e.g. a receipt of another
 *   deposit). A programming error: 500.
 * - NOT_ISSUED (409): a notarial certificate of an application that is not (yet) issued.
 * - SIGNATURE_STAMP_FAILED: the signature time-stamp failed (the TSA's TimestampError is the
 *   cause) or its token does not fit the /Contents reserve. Never reaches a client: the
 *   document is issued unstamped instead and the server logs it (docs/certificates.md
 *   "Signature time-stamps").
 */
export type CertificateErrorCode =
  | 'NOTARY_P12_MISSING'
  | 'NOTARY_P12_INVALID'
  | 'NOTARY_KEY_NOT_RSA'
  | 'NOTARY_CA_GENERATED'
  | 'NOTARY_CREDENTIALS_INCOMPLETE'
  | 'INVALID_INPUT'
  | 'NOT_ISSUED'
  | 'SIGNATURE_STAMP_FAILED';

/** Errors of the certificate domain (docs/certificates.md, docs/errors.md). */
export class CertificateError extends BaseError<CertificateErrorCode> {}
