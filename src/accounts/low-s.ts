/**
 * One signature string per token (docs/SECURITY.md, "Sign-in"). An ECDSA signature (r, s) has a
 * twin (r, n − s) that verifies as well, so a JWS could be re-signed into a second valid string
 * without the key. Tokens are signed with s ≤ n/2 ("low S") and a signature with a high S, or
 * one whose base64url is not the canonical form of exactly 64 bytes, is refused.
 */

/** The order n of the P-256 group (FIPS 186-4 §D.1.2.3; SEC 2 §2.4.2). */
export const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_ORDER = P256_ORDER >> 1n;
/** JWS ES256 signatures are r ‖ s, 32 bytes each (RFC 7518 §3.4). */
const HALF_BYTES = 32;

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function toBytes32(value: bigint): Uint8Array {
  return Buffer.from(value.toString(16).padStart(HALF_BYTES * 2, '0'), 'hex');
}

/**
 * The r ‖ s bytes of a JWS ES256 signature segment, or undefined when it is not the canonical
 * base64url (no padding, zero trailing bits) of exactly 64 bytes.
 */
function parseJoseSignature(segment: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]{86}$/.test(segment)) return undefined;
  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.length !== 2 * HALF_BYTES || bytes.toString('base64url') !== segment) return undefined;
  return bytes;
}

/** Whether a JWS ES256 signature segment is canonical and has 1 ≤ s ≤ n/2. */
export function isLowSJoseSignature(segment: string): boolean {
  const bytes = parseJoseSignature(segment);
  if (!bytes) return false;
  const s = toBigInt(bytes.subarray(HALF_BYTES));
  return s >= 1n && s <= HALF_ORDER;
}

/**
 * The low-S form of a JWS ES256 signature segment: (r, n − s) when s > n/2, else unchanged.
 * @throws TypeError when the segment is not a canonical 64-byte signature.
 */
export function toLowSJoseSignature(segment: string): string {
  const bytes = parseJoseSignature(segment);
  if (!bytes) throw new TypeError('not a 64-byte JWS ES256 signature');
  const s = toBigInt(bytes.subarray(HALF_BYTES));
  if (s <= HALF_ORDER) return segment;
  const out = Buffer.concat([bytes.subarray(0, HALF_BYTES), toBytes32(P256_ORDER - s)]);
  return out.toString('base64url');
}
