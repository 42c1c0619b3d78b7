/**
 * RFC 6962 §2.1 Merkle tree hashing: leaf = SHA-256(0x00 ‖ entry), node = SHA-256(0x01 ‖ l ‖ r),
 * empty tree = SHA-256("").
 * @module
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { assertHash, HASH_SIZE } from './check.js';
import { LogError } from './errors.js';

export { HASH_SIZE } from './check.js';

/** Domain-separation prefix of a leaf hash (RFC 6962 §2.1). */
export const LEAF_HASH_PREFIX = 0x00;
/** Domain-separation prefix of an interior node hash (RFC 6962 §2.1). */
export const NODE_HASH_PREFIX = 0x01;

/** A 32-byte SHA-256 Merkle tree hash. */
export type Hash = Uint8Array;

/** A SHA-256 implementation: the server passes node:crypto's, browsers and the CLI noble's. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

/** The three hash functions of an RFC 6962 Merkle tree. */
export interface TreeHasher {
  /** MTH({}) = SHA-256() — a fresh copy on each call. */
  emptyRoot(): Hash;
  /** MTH({d}) = SHA-256(0x00 ‖ d). */
  hashLeaf(entry: Uint8Array): Hash;
  /**
   * SHA-256(0x01 ‖ left ‖ right).
   * @throws {LogError} `INVALID_HASH` if either child is not 32 bytes.
   */
  hashChildren(left: Hash, right: Hash): Hash;
}

/**
 * Builds an RFC 6962 {@link TreeHasher} over the given SHA-256 function.
 * @throws {LogError} `INVALID_ARGUMENT` if `sha256` does not return 32 bytes.
 * @example
 * const hasher = treeHasher((d) => new Uint8Array(createHash('sha256').update(d).digest()));
 */
export function treeHasher(sha256: Sha256): TreeHasher {
  const empty = sha256(new Uint8Array(0));
  if (!(empty instanceof Uint8Array) || empty.length !== HASH_SIZE) {
    throw new LogError('INVALID_ARGUMENT', 'sha256 must return 32 bytes');
  }
  const emptyCopy = Uint8Array.from(empty);
  return {
    emptyRoot: () => Uint8Array.from(emptyCopy), // a copy even when sha256 returns a Buffer
    hashLeaf(entry: Uint8Array): Hash {
      if (!(entry instanceof Uint8Array))
        throw new LogError('INVALID_ARGUMENT', 'entry must be a Uint8Array');
      const buf = new Uint8Array(1 + entry.length);
      buf[0] = LEAF_HASH_PREFIX;
      buf.set(entry, 1);
      return sha256(buf);
    },
    hashChildren(left: Hash, right: Hash): Hash {
      assertHash(left, 'left child');
      assertHash(right, 'right child');
      const buf = new Uint8Array(1 + 2 * HASH_SIZE);
      buf[0] = NODE_HASH_PREFIX;
      buf.set(left, 1);
      buf.set(right, 1 + HASH_SIZE);
      return sha256(buf);
    },
  };
}

/** The RFC 6962 hasher built on @noble/hashes SHA-256 (pure JS: browsers, CLI, tests). */
export const rfc6962: TreeHasher = treeHasher((data) => nobleSha256(data));

/**
 * Whether two byte strings are equal. Runs in time independent of where they differ
 * (lengths are not secret).
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
