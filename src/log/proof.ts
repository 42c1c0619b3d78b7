/**
 * Proof plans (port of transparency-dev/merkle proof/proof.go: Inclusion, Consistency, nodes,
 * skipFirst, Rehash): which stored perfect-subtree hashes make an RFC 6962 §2.1.1 inclusion
 * proof or §2.1.2 consistency proof. Storage fetches them; {@link rehashProof} finishes the
 * proof by folding the nodes that stand in for the one "ephemeral" (incomplete) subtree.
 * @module
 */
import { bitLength, pow2, shiftRight, trailingZeros, xor } from './bits.js';
import { assertHashes, assertSafeIndex } from './check.js';
import { appendRangeNodes } from './compact.js';
import { LogError } from './errors.js';
import type { Hash, TreeHasher } from './hash.js';
import type { NodeId } from './node.js';

/**
 * The nodes whose hashes make a proof. `ids[begin:end]` (empty when `begin === end`) are the
 * nodes of the ephemeral subtree, lowest level first; {@link rehashProof} folds them into one
 * proof element. Every other id is one proof element as is.
 */
export interface ProofPlan {
  readonly ids: readonly NodeId[];
  readonly begin: number;
  readonly end: number;
}

const EMPTY_PLAN: ProofPlan = Object.freeze({
  ids: Object.freeze([]) as readonly NodeId[],
  begin: 0,
  end: 0,
});

function reverseTail(ids: NodeId[], from: number): void {
  for (let i = from, j = ids.length - 1; i < j; i++, j--) {
    const t = ids[i] as NodeId;
    ids[i] = ids[j] as NodeId;
    ids[j] = t;
  }
}

/**
 * The nodes proving that node (level, index) is in the tree of `size` leaves (proof.go nodes()),
 * without the node itself when `skipSeed` (proof.go skipFirst()). Inputs are already checked.
 */
function planNodes(index: number, level: number, size: number, skipSeed: boolean): ProofPlan {
  // The fork node is where the paths to (level, index) and to leaf `size` diverge; its sibling
  // is the ephemeral node, an incomplete subtree covered by compact-range nodes to its right.
  const inner = bitLength(xor(index, shiftRight(size, level))) - 1;
  const forkLevel = level + inner;
  const forkWidth = pow2(forkLevel);
  const begin = shiftRight(index, inner) * forkWidth;
  const end = begin + forkWidth;

  const ids: NodeId[] = [];
  if (!skipSeed) ids.push({ level, index });
  // Siblings along the path up to the fork node.
  let idx = index;
  for (let l = level; l < forkLevel; l++) {
    ids.push({ level: l, index: idx % 2 === 0 ? idx + 1 : idx - 1 });
    idx = (idx - (idx % 2)) / 2;
  }
  // Nodes covering [end, size): together they are the ephemeral node; lowest level first.
  const len1 = ids.length;
  if (end < size) appendRangeNodes(end, size, ids);
  reverseTail(ids, len1);
  const len2 = ids.length;
  // Nodes covering [0, begin), lowest level first.
  if (begin > 0) appendRangeNodes(0, begin, ids);
  reverseTail(ids, len2);
  return len1 < len2 ? { ids, begin: len1, end: len2 } : { ids, begin: 0, end: 0 };
}

/**
 * Plan of the inclusion proof PATH(index, D[size]) (RFC 6962 §2.1.1), leaf sibling first.
 * @throws {LogError} `INVALID_ARGUMENT` if `index` or `size` is not a safe non-negative
 *   integer; `INDEX_OUT_OF_RANGE` if `index >= size` (including every index of the empty tree).
 */
export function inclusionProofPlan(index: number, size: number): ProofPlan {
  assertSafeIndex(index, 'index');
  assertSafeIndex(size, 'size');
  if (index >= size)
    throw new LogError('INDEX_OUT_OF_RANGE', `index ${index} is not below tree size ${size}`);
  return planNodes(index, 0, size, true);
}

/**
 * Plan of the consistency proof PROOF(size1, D[size2]) (RFC 6962 §2.1.2). `size1 === size2`
 * and `size1 === 0` give the empty plan (no proof is needed or possible; a verifier rejects
 * `size1 === 0`, see `verifyConsistency`).
 * @throws {LogError} `INVALID_ARGUMENT` if a size is not a safe non-negative integer or
 *   `size1 > size2`.
 */
export function consistencyProofPlan(size1: number, size2: number): ProofPlan {
  assertSafeIndex(size1, 'size1');
  assertSafeIndex(size2, 'size2');
  if (size1 > size2) throw new LogError('INVALID_ARGUMENT', `size1 ${size1} > size2 ${size2}`);
  if (size1 === size2 || size1 === 0) return EMPTY_PLAN;
  // The largest perfect subtree ending at size1 is proven included in the tree of size2; when
  // size1 is a power of two that subtree is the old root, which the client already has.
  const level = trailingZeros(size1);
  const index = shiftRight(size1 - 1, level);
  return planNodes(index, level, size2, index === 0);
}

/**
 * Number of elements of the proof a plan yields (ids outside the ephemeral block, plus one if
 * the block is non-empty).
 */
export function proofLength(plan: ProofPlan): number {
  const block = plan.end - plan.begin;
  return plan.ids.length - (block > 0 ? block - 1 : 0);
}

/**
 * Turns the hashes of `plan.ids` into the proof (proof.go Rehash): the ephemeral block is
 * folded right-to-left as hashChildren(upper, lower). The input array is not modified.
 * @throws {LogError} `INVALID_ARGUMENT` if `hashes.length !== plan.ids.length`;
 *   `INVALID_HASH` if a hash is not 32 bytes.
 */
export function rehashProof(plan: ProofPlan, hashes: readonly Hash[], hasher: TreeHasher): Hash[] {
  if (hashes.length !== plan.ids.length) {
    throw new LogError(
      'INVALID_ARGUMENT',
      `got ${hashes.length} hashes for ${plan.ids.length} nodes`,
    );
  }
  assertHashes(hashes, 'node hash');
  const out: Hash[] = [];
  for (let i = 0; i < hashes.length; i++) {
    let hash = hashes[i] as Hash;
    if (i >= plan.begin && i < plan.end) {
      while (++i < plan.end) hash = hasher.hashChildren(hashes[i] as Hash, hash);
      i--;
    }
    out.push(hash);
  }
  return out;
}
