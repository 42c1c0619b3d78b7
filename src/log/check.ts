/**
 * Input guards shared by the log code: sizes and indices are safe non-negative integers and
 * hashes are exactly {@link HASH_SIZE} bytes (docs/log.md).
 * @module
 */
import { LogError } from './errors.js';

/** Length of a SHA-256 hash, the only hash the log uses (RFC 6962 §2.1). */
export const HASH_SIZE = 32;

/**
 * Asserts that `value` is a safe non-negative integer (0 ≤ value ≤ 2^53 − 1).
 * @throws {LogError} `INVALID_ARGUMENT` naming `what`.
 */
export function assertSafeIndex(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LogError(
      'INVALID_ARGUMENT',
      `${what} must be a safe non-negative integer, got ${String(value)}`,
    );
  }
}

/**
 * Asserts that `hash` is a Uint8Array of {@link HASH_SIZE} bytes.
 * @throws {LogError} `INVALID_HASH` naming `what`.
 */
export function assertHash(hash: unknown, what: string): asserts hash is Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    const got = hash instanceof Uint8Array ? `${hash.length} bytes` : typeof hash;
    throw new LogError('INVALID_HASH', `${what} must be ${HASH_SIZE} bytes, got ${got}`);
  }
}

/**
 * Asserts that every element of `hashes` is a {@link HASH_SIZE}-byte hash.
 * @throws {LogError} `INVALID_HASH` naming the first bad element.
 */
export function assertHashes(hashes: readonly unknown[], what: string): void {
  for (let i = 0; i < hashes.length; i++) assertHash(hashes[i], `${what}[${i}]`);
}
