/**
 * A naive RFC 6962 §2.1 Merkle tree, for tests only: MTH, PATH (§2.1.1) and PROOF/SUBPROOF
 * (§2.1.2) transcribed literally as recursive functions over the entry list. Subtree hashes
 * are memoised so that exhaustive and property tests stay fast; nothing else is clever.
 */
import type { Hash, NodeId, TreeHasher } from '../../src/log/index.js';

/** The largest power of two strictly smaller than n (n > 1). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export class ReferenceTree {
  readonly #entries: readonly Uint8Array[];
  readonly #hasher: TreeHasher;
  readonly #memo = new Map<string, Hash>();

  constructor(entries: readonly Uint8Array[], hasher: TreeHasher) {
    this.#entries = entries;
    this.#hasher = hasher;
  }

  get capacity(): number {
    return this.#entries.length;
  }

  /** Leaf hash of entry i. */
  leafHash(i: number): Hash {
    return this.mth(i, i + 1);
  }

  /** MTH(D[lo:hi]) (RFC 6962 §2.1). */
  mth(lo: number, hi: number): Hash {
    if (hi > this.#entries.length)
      throw new Error(`reference tree has only ${this.#entries.length} entries`);
    const n = hi - lo;
    if (n === 0) return this.#hasher.emptyRoot();
    const key = `${lo}:${hi}`;
    const cached = this.#memo.get(key);
    if (cached) return cached;
    let h: Hash;
    if (n === 1) h = this.#hasher.hashLeaf(this.#entries[lo] as Uint8Array);
    else {
      const k = largestPowerOfTwoBelow(n);
      h = this.#hasher.hashChildren(this.mth(lo, lo + k), this.mth(lo + k, hi));
    }
    this.#memo.set(key, h);
    return h;
  }

  /** MTH of the first `size` entries. */
  root(size: number): Hash {
    return this.mth(0, size);
  }

  /** PATH(m, D[lo:hi]) (RFC 6962 §2.1.1). */
  path(m: number, lo: number, hi: number): Hash[] {
    const n = hi - lo;
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    if (m < k) return [...this.path(m, lo, lo + k), this.mth(lo + k, hi)];
    return [...this.path(m - k, lo + k, hi), this.mth(lo, lo + k)];
  }

  /** Inclusion proof of leaf m in the tree of `size` entries. */
  inclusionProof(m: number, size: number): Hash[] {
    return this.path(m, 0, size);
  }

  /** SUBPROOF(m, D[lo:hi], b) (RFC 6962 §2.1.2). */
  subproof(m: number, lo: number, hi: number, b: boolean): Hash[] {
    const n = hi - lo;
    if (m === n) return b ? [] : [this.mth(lo, hi)];
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) return [...this.subproof(m, lo, lo + k, b), this.mth(lo + k, hi)];
    return [...this.subproof(m - k, lo + k, hi, false), this.mth(lo, lo + k)];
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) for 0 < m ≤ n. */
  consistencyProof(m: number, n: number): Hash[] {
    return this.subproof(m, 0, n, true);
  }

  /**
   * Node oracle: hash of a perfect subtree that must lie entirely within the first `size`
   * entries (a plan asking for any other node is a bug).
   */
  nodeHash(id: NodeId, size: number): Hash {
    const width = 2 ** id.level;
    const lo = id.index * width;
    const hi = lo + width;
    if (hi > size)
      throw new Error(`node ${id.level}/${id.index} is not complete in a tree of size ${size}`);
    return this.mth(lo, hi);
  }
}
