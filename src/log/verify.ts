/**
 * Proof verification, following RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency)
 * step by step, with the edge cases made explicit: sizes and indices are checked safe integers,
 * every hash must be 32 bytes, and a proof of the wrong length is rejected before any hashing.
 * @module
 */
import { encodeBase64 } from './base64.js';
import { bitLength, isPowerOfTwo, popCount, shiftRight, trailingZeros, xor } from './bits.js';
import { assertHash, assertHashes, assertSafeIndex } from './check.js';
import { LogError } from './errors.js';
import { equalBytes, type Hash, type TreeHasher } from './hash.js';

/**
 * Length of a valid inclusion proof (proof/verify.go decompInclProof). Unchecked: requires
 * 0 ≤ index < size, safe integers.
 */
export function inclusionProofLength(index: number, size: number): number {
  const inner = bitLength(xor(index, size - 1));
  return inner + popCount(shiftRight(index, inner));
}

/** Length of a valid consistency proof. Unchecked: requires 0 < size1 < size2, safe integers. */
export function consistencyProofLength(size1: number, size2: number): number {
  const inner = bitLength(xor(size1 - 1, size2 - 1));
  const border = popCount(shiftRight(size1 - 1, inner));
  const start = isPowerOfTwo(size1) ? 0 : 1;
  return start + inner - trailingZeros(size1) + border;
}

function mismatch(what: string, expected: Hash, calculated: Hash): LogError {
  return new LogError(
    'INVALID_PROOF',
    `${what}: calculated root does not match the expected root`,
    {
      details: { expected: encodeBase64(expected), calculated: encodeBase64(calculated) },
    },
  );
}

function wrongLength(kind: string, got: number, want: number): LogError {
  return new LogError('INVALID_PROOF', `${kind} proof has ${got} hashes, want ${want}`, {
    details: { proofLength: got, expectedLength: want },
  });
}

/**
 * The root that an inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1–5).
 * @throws {LogError} `INVALID_ARGUMENT` if `index` or `size` is not a safe non-negative
 *   integer; `INDEX_OUT_OF_RANGE` if `index >= size` (so always for the empty tree);
 *   `INVALID_HASH` if the leaf hash or a proof element is not 32 bytes; `INVALID_PROOF` if the
 *   proof is too long or too short.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Hash,
  proof: readonly Hash[],
  hasher: TreeHasher,
): Hash {
  assertSafeIndex(index, 'index');
  assertSafeIndex(size, 'size');
  if (index >= size)
    throw new LogError('INDEX_OUT_OF_RANGE', `index ${index} is not below tree size ${size}`);
  assertHash(leafHash, 'leaf hash');
  assertHashes(proof, 'proof');
  const want = inclusionProofLength(index, size);
  if (proof.length !== want) throw wrongLength('inclusion', proof.length, want);

  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw wrongLength('inclusion', proof.length, want); // unreachable after the length check
    if (fn % 2 === 1 || fn === sn) {
      r = hasher.hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = shiftRight(fn, 1);
        sn = shiftRight(sn, 1);
      }
    } else {
      r = hasher.hashChildren(r, p);
    }
    fn = shiftRight(fn, 1);
    sn = shiftRight(sn, 1);
  }
  if (sn !== 0) throw wrongLength('inclusion', proof.length, want); // unreachable after the length check
  return r;
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `size` leaves with root `root`
 * (RFC 9162 §2.1.3.2).
 * @throws {LogError} as {@link rootFromInclusionProof}; `INVALID_HASH` if `root` is not 32
 *   bytes; `INVALID_PROOF` with `details.expected` / `details.calculated` (base64) if the proof
 *   leads to another root.
 */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Hash,
  proof: readonly Hash[],
  root: Hash,
  hasher: TreeHasher,
): void {
  const calculated = rootFromInclusionProof(index, size, leafHash, proof, hasher);
  assertHash(root, 'root');
  if (!equalBytes(calculated, root)) throw mismatch('inclusion proof', root, calculated);
}

/**
 * Verifies that the tree of `size2` leaves with root `root2` extends the tree of `size1`
 * leaves with root `root1` (RFC 9162 §2.1.4.2).
 *
 * Edge cases: `size1 === size2` needs an empty proof and equal roots. `size1 === 0` is
 * rejected: the empty tree is a prefix of every tree, so such a "proof" shows nothing, and
 * x/mod `tlog.CheckTree` and transparency-dev/merkle (since PR #236) reject it too.
 * @throws {LogError} `INVALID_ARGUMENT` if a size is not a safe non-negative integer,
 *   `size1 > size2` or `size1 === 0`; `INVALID_HASH` if a root or proof element is not 32
 *   bytes; `INVALID_PROOF` if the proof has the wrong length or does not lead to both roots
 *   (`details.expected` / `details.calculated`, base64, name the root that failed).
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
  hasher: TreeHasher,
): void {
  assertSafeIndex(size1, 'size1');
  assertSafeIndex(size2, 'size2');
  if (size1 > size2) throw new LogError('INVALID_ARGUMENT', `size1 ${size1} > size2 ${size2}`);
  if (size1 === 0)
    throw new LogError(
      'INVALID_ARGUMENT',
      'a consistency proof from the empty tree is meaningless',
    );
  assertHash(root1, 'root1');
  assertHash(root2, 'root2');
  assertHashes(proof, 'proof');

  if (size1 === size2) {
    if (proof.length !== 0) throw wrongLength('consistency', proof.length, 0);
    if (!equalBytes(root1, root2)) throw mismatch('equal tree sizes', root2, root1);
    return;
  }
  const want = consistencyProofLength(size1, size2);
  if (proof.length !== want) throw wrongLength('consistency', proof.length, want); // includes step 1 (empty)

  // Step 2: when size1 is a power of two, root1 is the (implicit) first path element.
  const seedFromRoot = isPowerOfTwo(size1);
  const seed = seedFromRoot ? root1 : (proof[0] as Hash);
  let i = seedFromRoot ? 0 : 1;
  // Steps 3–4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = shiftRight(fn, 1);
    sn = shiftRight(sn, 1);
  }
  // Steps 5–6.
  let fr = seed;
  let sr = seed;
  for (; i < proof.length; i++) {
    const c = proof[i] as Hash;
    if (sn === 0) throw wrongLength('consistency', proof.length, want); // unreachable after the length check
    if (fn % 2 === 1 || fn === sn) {
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = shiftRight(fn, 1);
        sn = shiftRight(sn, 1);
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = shiftRight(fn, 1);
    sn = shiftRight(sn, 1);
  }
  // Step 7.
  if (sn !== 0) throw wrongLength('consistency', proof.length, want); // unreachable after the length check
  if (!equalBytes(fr, root1)) throw mismatch('consistency proof (old root)', root1, fr);
  if (!equalBytes(sr, root2)) throw mismatch('consistency proof (new root)', root2, sr);
}
