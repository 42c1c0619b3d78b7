/**
 * Trusted time (RFC 3161; docs/timestamps.md): the shapes the time-stamp client hands the rest of
 * the service. A stamp is a third party's signed statement that a SHA-256 digest existed at
 * `genTime`; `openssl ts -verify` checks it without huicun.
 * @module
 */

/** A checked time-stamp token: every check of the client passed before it was made. */
export interface TimeStamp {
  /** The DER TimeStampToken (a CMS ContentInfo with SignedData over a TSTInfo). */
  readonly token: Uint8Array;
  /** The TSA's `genTime`, RFC 3339 UTC with milliseconds when the TSA gives them. */
  readonly genTime: string;
  /** The TSA's name as printed: the signer certificate's subject common name (or full DN). */
  readonly tsa: string;
}

/** Who stamps: the RFC 3161 client over the configured TSAs, or the development TSA. */
export interface TimeStamper {
  /**
   * Stamps a SHA-256 imprint. Tries each TSA in order; resolves with the first reply that passes
   * every check, rejects with a TimestampError when none does. Never retries by itself: the
   * caller (the checkpoint stamper) owns backoff.
   */
  stamp(imprint: Uint8Array): Promise<TimeStamp>;
  /** True for the built-in development TSA: not a trusted time source, refused in production. */
  readonly development: boolean;
  /**
   * The TSA's name when it is known before any stamp (the development TSA's), so a document can
   * print it before it is signed (docs/certificates.md "Signature time-stamps").
   */
  readonly name?: string;
}

/**
 * The development TSA's name, in its certificate and so on everything it stamps (here, not in
 * development.ts, so that the verifier's checker loads no key-generation code).
 */
export const DEVELOPMENT_TSA_NAME = 'development time-stamp authority, not a trusted time source';
