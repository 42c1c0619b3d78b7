/**
 * Compact ranges (port of transparency-dev/merkle compact: Decompose, RangeNodes, RangeSize):
 * the minimal list of perfect subtrees covering a leaf range [begin, end). For [0, n) these are
 * the subtrees whose hashes fold into MTH(D[n]) (RFC 6962 §2.1).
 * @module
 */
import { bitLength, lowBits, popCount, pow2, trailingZeros, xor } from './bits.js';
import { assertHashes, assertSafeIndex } from './check.js';
import { LogError } from './errors.js';
import type { Hash, TreeHasher } from './hash.js';
import type { NodeId } from './node.js';

function assertRange(begin: number, end: number): void {
  assertSafeIndex(begin, 'begin');
  assertSafeIndex(end, 'end');
  if (begin > end) throw new LogError('INVALID_ARGUMENT', `begin ${begin} > end ${end}`);
}

/** Unchecked {@link decomposeRange}: requires 0 ≤ begin ≤ end, safe integers. */
function decomposeUnchecked(begin: number, end: number): { left: number; right: number } {
  if (begin === 0) return { left: 0, right: end };
  const xbegin = begin - 1;
  // Paths to leaves begin-1 and end diverge at bit d; only nodes strictly below it are in range.
  const d = bitLength(xor(xbegin, end)) - 1;
  const mask = pow2(d) - 1;
  // left = ^xbegin & mask; right = end & mask (masks below 2^d, so `mod` and `-` are exact).
  return { left: mask - lowBits(xbegin, d), right: lowBits(end, d) };
}

/**
 * Splits [begin, end) into the left and right borders of its compact range: bit i of `left`
 * is set iff a level-i node lies on the left border, likewise `right`.
 * @throws {LogError} `INVALID_ARGUMENT` unless 0 ≤ begin ≤ end are safe integers.
 */
export function decomposeRange(begin: number, end: number): { left: number; right: number } {
  assertRange(begin, end);
  return decomposeUnchecked(begin, end);
}

/**
 * Appends the nodes of the compact range [begin, end) to `out`, left to right (unchecked: the
 * caller has validated the range). Returns `out`.
 */
export function appendRangeNodes(begin: number, end: number, out: NodeId[]): NodeId[] {
  let { left, right } = decomposeUnchecked(begin, end);
  let pos = begin;
  // Left border, from lower to upper levels.
  while (left !== 0) {
    const level = trailingZeros(left);
    const bit = pow2(level);
    out.push({ level, index: pos / bit }); // pos is a multiple of bit here
    pos += bit;
    left -= bit;
  }
  // Right border, from upper to lower levels.
  while (right !== 0) {
    const level = bitLength(right) - 1;
    const bit = pow2(level);
    out.push({ level, index: pos / bit });
    pos += bit;
    right -= bit;
  }
  return out;
}

/**
 * The perfect subtrees covering leaves [begin, end), left to right (compact.RangeNodes).
 * @throws {LogError} `INVALID_ARGUMENT` unless 0 ≤ begin ≤ end are safe integers.
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  assertRange(begin, end);
  return appendRangeNodes(begin, end, []);
}

/**
 * Number of nodes in the compact range [begin, end) (compact.RangeSize).
 * @throws {LogError} `INVALID_ARGUMENT` unless 0 ≤ begin ≤ end are safe integers.
 */
export function rangeSize(begin: number, end: number): number {
  assertRange(begin, end);
  const { left, right } = decomposeUnchecked(begin, end);
  return popCount(left) + popCount(right);
}

/**
 * The compact range of a tree of `size` leaves, i.e. `rangeNodes(0, size)`: one perfect
 * subtree per set bit of `size`, highest level first.
 * @throws {LogError} `INVALID_ARGUMENT` unless `size` is a safe non-negative integer.
 */
export function compactRangeIds(size: number): NodeId[] {
  return rangeNodes(0, size);
}

/**
 * MTH(D[n]) from the hashes of `compactRangeIds(n)`, left to right (RFC 6962 §2.1: the tree
 * is the left-leaning fold of its perfect subtrees). `[]` gives the empty-tree hash.
 * @throws {LogError} `INVALID_HASH` if a hash is not 32 bytes.
 */
export function rootFromCompactRange(hashes: readonly Hash[], hasher: TreeHasher): Hash {
  assertHashes(hashes, 'compact range hash');
  let i = hashes.length - 1;
  if (i < 0) return hasher.emptyRoot();
  let root = hashes[i] as Hash;
  while (--i >= 0) root = hasher.hashChildren(hashes[i] as Hash, root);
  return root;
}
