/**
 * The RFC 3161 request (§2.4.1; docs/timestamps.md): version 1, a SHA-256 messageImprint, a
 * random 64-bit nonce and certReq TRUE (so the reply carries the signer certificate), as DER.
 * @module
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, TimeStampReq, TimeStampReqVersion } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { randomBytes } from '../crypto/index.js';

/** id-sha256 (RFC 5754 §2). */
export const ID_SHA256 = '2.16.840.1.101.3.4.2.1';

/** A request and the nonce it carries (the reply must echo it). */
export interface TimeStampRequest {
  /** The DER TimeStampReq, the body of the `application/timestamp-query` POST. */
  readonly der: Uint8Array;
  readonly nonce: bigint;
}

/** A fresh random nonce of 64 bits (never 0). */
export function randomNonce(): bigint {
  const n = Buffer.from(randomBytes(8)).readBigUInt64BE(0);
  return n === 0n ? 1n : n;
}

/** The minimal two's-complement bytes of a non-negative INTEGER (DER). */
export function integerBytes(n: bigint): Uint8Array {
  if (n < 0n) throw new RangeError('a nonce is non-negative');
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** The value of INTEGER content bytes (two's complement, as DER writes them). */
export function integerValue(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let n = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  if ((bytes[0] as number) & 0x80) n -= 1n << BigInt(bytes.length * 8);
  return n;
}

const copy = (b: Uint8Array): ArrayBuffer => new Uint8Array(b).buffer;

/**
 * The DER TimeStampReq for a SHA-256 `imprint`.
 * @throws RangeError when `imprint` is not 32 bytes.
 */
export function timeStampRequest(
  imprint: Uint8Array,
  nonce: bigint = randomNonce(),
): TimeStampRequest {
  if (imprint.length !== 32) throw new RangeError('a SHA-256 imprint is 32 bytes');
  const req = new TimeStampReq({
    version: TimeStampReqVersion.v1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: ID_SHA256 }),
      hashedMessage: new OctetString(copy(imprint)),
    }),
    nonce: copy(integerBytes(nonce)),
    certReq: true,
  });
  return { der: new Uint8Array(AsnConvert.serialize(req)), nonce };
}
