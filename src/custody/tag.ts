/**
 * Custody tags (docs/formats.md): the public `id` of a custody entry is
 * hex(SHA-256("huicun/custody-tag/v1\n" ‖ the 32 bytes of the deposit opening's salt)[:16]).
 * The public cannot link a tag to a deposit; whoever holds the opening can scan the entry bundles
 * for it. Pure (noble SHA-256), so a verifier in the browser derives the same tag.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeHex, encodeHex } from '../log/index.js';

/** The domain-separation label hashed before the salt. */
export const CUSTODY_TAG_LABEL = 'huicun/custody-tag/v1\n';
/** Bytes of the hash kept in the tag (32 hex characters). */
export const CUSTODY_TAG_BYTES = 16;

const SALT_HEX = /^[0-9a-f]{64}$/;

/**
 * The custody tag of the deposit whose opening has salt `depositSalt` (64 lower-case hex).
 * @throws TypeError when the salt is not 64 lower-case hexadecimal characters.
 * @example custodyTag('00'.repeat(32)).length === 32
 */
export function custodyTag(depositSalt: string): string {
  if (typeof depositSalt !== 'string' || !SALT_HEX.test(depositSalt)) {
    throw new TypeError('a deposit salt is 64 lower-case hexadecimal characters');
  }
  const label = new TextEncoder().encode(CUSTODY_TAG_LABEL);
  const input = new Uint8Array(label.length + 32);
  input.set(label);
  input.set(decodeHex(depositSalt), label.length);
  return encodeHex(sha256(input).subarray(0, CUSTODY_TAG_BYTES));
}
