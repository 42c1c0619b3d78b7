/**
 * An appendable compact range over [0, size) (after transparency-dev/merkle compact.Range with
 * begin = 0): keeps the O(log n) perfect-subtree hashes of a growing tree, reports every node
 * completed by an append, and folds them into MTH(D[size]) (RFC 6962 §2.1).
 * @module
 */
import { popCount, trailingZeros } from './bits.js';
import { assertHash, assertHashes, assertSafeIndex } from './check.js';
import { LogError } from './errors.js';
import type { Hash, TreeHasher } from './hash.js';
import { rootFromCompactRange } from './compact.js';

/** Called for every node an append completes, leaf first: node (level, index) has `hash`. */
export type NodeVisitor = (level: number, index: number, hash: Hash) => void;

/** The compact range of the first `size` leaves of a log. */
export class CompactRange {
  readonly #hasher: TreeHasher;
  readonly #hashes: Hash[];
  #size: number;

  /**
   * @param hasher - the tree hasher.
   * @param size - leaves already covered (default 0).
   * @param hashes - hashes of `compactRangeIds(size)`, left to right (highest level first).
   * @throws {LogError} `INVALID_ARGUMENT` if `size` is not a safe integer or the number of
   *   hashes is not popCount(size); `INVALID_HASH` if a hash is not 32 bytes.
   */
  constructor(hasher: TreeHasher, size = 0, hashes: readonly Hash[] = []) {
    assertSafeIndex(size, 'size');
    if (hashes.length !== popCount(size)) {
      throw new LogError(
        'INVALID_ARGUMENT',
        `a compact range of size ${size} has ${popCount(size)} hashes, got ${hashes.length}`,
      );
    }
    assertHashes(hashes, 'compact range hash');
    this.#hasher = hasher;
    this.#hashes = hashes.slice();
    this.#size = size;
  }

  /** Number of leaves covered. */
  get size(): number {
    return this.#size;
  }

  /** Copies of the hashes of `compactRangeIds(size)`, left to right. */
  get hashes(): Hash[] {
    return this.#hashes.slice();
  }

  /**
   * Appends one leaf hash. `visit` (optional) sees the leaf (level 0) and then each perfect
   * subtree the append completes, bottom-up — exactly the new hashes a tile store must write.
   * @throws {LogError} `INVALID_HASH` if `leafHash` is not 32 bytes; `INVALID_ARGUMENT` if the
   *   tree is full (2^53 − 1 leaves).
   */
  append(leafHash: Hash, visit?: NodeVisitor): void {
    assertHash(leafHash, 'leaf hash');
    const index = this.#size;
    if (index >= Number.MAX_SAFE_INTEGER) throw new LogError('INVALID_ARGUMENT', 'tree is full');
    visit?.(0, index, leafHash);
    // Each trailing one bit of `index` is a left sibling waiting for this new right subtree.
    const merges = trailingZeros(index + 1);
    let hash = leafHash;
    let nodeIndex = index;
    for (let level = 1; level <= merges; level++) {
      hash = this.#hasher.hashChildren(this.#hashes.pop() as Hash, hash);
      nodeIndex = (nodeIndex - 1) / 2; // nodeIndex is odd: the right child's parent
      visit?.(level, nodeIndex, hash);
    }
    this.#hashes.push(hash);
    this.#size = index + 1;
  }

  /** MTH(D[size]); the empty-tree hash for size 0. */
  root(): Hash {
    return rootFromCompactRange(this.#hashes, this.#hasher);
  }
}
