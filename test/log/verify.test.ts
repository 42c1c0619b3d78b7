/** Explicit edge cases of verifyInclusion / verifyConsistency (RFC 9162 §2.1.3.2, §2.1.4.2). */
import { expect } from 'chai';
import {
  consistencyProofLength,
  inclusionProofLength,
  LogError,
  rfc6962,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../../src/log/index.js';
import { ReferenceTree } from '../reference/tree.js';
import { expectLogError, toB64, utf8 } from './helpers.js';

const ref = new ReferenceTree(
  Array.from({ length: 16 }, (_, i) => utf8(`leaf-${i}`)),
  rfc6962,
);
const h = rfc6962;
const leaf = (i: number): Uint8Array => ref.leafHash(i);
const root = (n: number): Uint8Array => ref.root(n);

describe('log/verify edge cases', () => {
  describe('inclusion', () => {
    it('a single-leaf tree: the root is the leaf hash, the proof is empty', () => {
      verifyInclusion(0, 1, leaf(0), [], leaf(0), h);
      expect(inclusionProofLength(0, 1)).to.equal(0);
    });

    it('the empty tree has no inclusion proofs (INDEX_OUT_OF_RANGE)', () => {
      expectLogError(
        () => verifyInclusion(0, 0, leaf(0), [], h.emptyRoot(), h),
        'INDEX_OUT_OF_RANGE',
      );
    });

    it('index ≥ size is INDEX_OUT_OF_RANGE', () => {
      expectLogError(
        () => verifyInclusion(5, 5, leaf(0), ref.inclusionProof(4, 5), root(5), h),
        'INDEX_OUT_OF_RANGE',
      );
      expectLogError(() => rootFromInclusionProof(9, 5, leaf(0), [], h), 'INDEX_OUT_OF_RANGE');
    });

    it('unsafe or negative numbers are INVALID_ARGUMENT', () => {
      for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Infinity]) {
        expectLogError(() => verifyInclusion(bad, 8, leaf(0), [], root(8), h), 'INVALID_ARGUMENT');
        expectLogError(() => verifyInclusion(0, bad, leaf(0), [], root(8), h), 'INVALID_ARGUMENT');
      }
    });

    it('a proof one element too long or too short is INVALID_PROOF (no root calculated)', () => {
      const proof = ref.inclusionProof(3, 7);
      const long = expectLogError(
        () => verifyInclusion(3, 7, leaf(3), [...proof, leaf(0)], root(7), h),
        'INVALID_PROOF',
      );
      expect(long.details).to.include({ proofLength: 4, expectedLength: 3 });
      expectLogError(
        () => verifyInclusion(3, 7, leaf(3), proof.slice(0, -1), root(7), h),
        'INVALID_PROOF',
      );
      expectLogError(() => verifyInclusion(0, 1, leaf(0), [leaf(0)], leaf(0), h), 'INVALID_PROOF');
    });

    it('a wrong root is INVALID_PROOF with expected and calculated roots (base64)', () => {
      const e = expectLogError(
        () => verifyInclusion(3, 7, leaf(3), ref.inclusionProof(3, 7), root(6), h),
        'INVALID_PROOF',
      );
      expect(e.details).to.deep.equal({ expected: toB64(root(6)), calculated: toB64(root(7)) });
    });

    it('a hash that is not 32 bytes is INVALID_HASH (leaf, root, proof element)', () => {
      const proof = ref.inclusionProof(3, 7);
      expectLogError(
        () => verifyInclusion(3, 7, leaf(3).slice(1), proof, root(7), h),
        'INVALID_HASH',
      );
      expectLogError(
        () => verifyInclusion(3, 7, leaf(3), proof, new Uint8Array(33), h),
        'INVALID_HASH',
      );
      expectLogError(
        () =>
          verifyInclusion(
            3,
            7,
            leaf(3),
            [proof[0] as Uint8Array, new Uint8Array(31), proof[2] as Uint8Array],
            root(7),
            h,
          ),
        'INVALID_HASH',
      );
    });

    it('throws only LogError', () => {
      try {
        verifyInclusion(0, 2, leaf(0), [leaf(0)], root(2), h);
      } catch (err) {
        expect(err).to.be.instanceOf(LogError);
      }
    });
  });

  describe('consistency', () => {
    it('size1 == size2: empty proof and equal roots verify', () => {
      verifyConsistency(5, 5, [], root(5), root(5), h);
    });

    it('size1 == size2 with a non-empty proof is INVALID_PROOF', () => {
      expectLogError(
        () => verifyConsistency(5, 5, [root(5)], root(5), root(5), h),
        'INVALID_PROOF',
      );
    });

    it('size1 == size2 with different roots is INVALID_PROOF (expected = root2)', () => {
      const e = expectLogError(
        () => verifyConsistency(5, 5, [], root(5), root(4), h),
        'INVALID_PROOF',
      );
      expect(e.details).to.deep.equal({ expected: toB64(root(4)), calculated: toB64(root(5)) });
    });

    it('size1 == 0 is rejected (INVALID_ARGUMENT): the empty tree is a prefix of every tree', () => {
      // C2SP tlog-witness would accept an empty proof from size 0, but x/mod CheckTree and
      // transparency-dev/merkle HEAD reject it: such a "proof" proves nothing.
      expectLogError(
        () => verifyConsistency(0, 5, [], h.emptyRoot(), root(5), h),
        'INVALID_ARGUMENT',
      );
      expectLogError(
        () => verifyConsistency(0, 0, [], h.emptyRoot(), h.emptyRoot(), h),
        'INVALID_ARGUMENT',
      );
    });

    it('size1 > size2 is INVALID_ARGUMENT', () => {
      expectLogError(() => verifyConsistency(6, 5, [], root(6), root(5), h), 'INVALID_ARGUMENT');
    });

    it('unsafe sizes are INVALID_ARGUMENT', () => {
      expectLogError(
        () => verifyConsistency(1, 2 ** 53, [], root(1), root(2), h),
        'INVALID_ARGUMENT',
      );
      expectLogError(() => verifyConsistency(-1, 2, [], root(1), root(2), h), 'INVALID_ARGUMENT');
    });

    it('an empty proof for size1 < size2 is INVALID_PROOF', () => {
      expectLogError(() => verifyConsistency(4, 8, [], root(4), root(8), h), 'INVALID_PROOF');
    });

    it('a proof of the wrong length is INVALID_PROOF', () => {
      const proof = ref.consistencyProof(3, 7);
      expect(proof).to.have.length(consistencyProofLength(3, 7));
      expectLogError(
        () => verifyConsistency(3, 7, [...proof, root(1)], root(3), root(7), h),
        'INVALID_PROOF',
      );
      expectLogError(
        () => verifyConsistency(3, 7, proof.slice(1), root(3), root(7), h),
        'INVALID_PROOF',
      );
    });

    it('a wrong old or new root is INVALID_PROOF naming that root', () => {
      const proof = ref.consistencyProof(3, 7);
      const old = expectLogError(
        () => verifyConsistency(3, 7, proof, root(2), root(7), h),
        'INVALID_PROOF',
      );
      expect(old.details?.expected).to.equal(toB64(root(2)));
      expect(old.details?.calculated).to.equal(toB64(root(3)));
      const neu = expectLogError(
        () => verifyConsistency(3, 7, proof, root(3), root(8), h),
        'INVALID_PROOF',
      );
      expect(neu.details?.expected).to.equal(toB64(root(8)));
      expect(neu.details?.calculated).to.equal(toB64(root(7)));
    });

    it('power-of-two size1 takes root1 as the implicit first element', () => {
      const proof = ref.consistencyProof(4, 11);
      expect(proof).to.have.length(consistencyProofLength(4, 11));
      verifyConsistency(4, 11, proof, root(4), root(11), h);
      expectLogError(
        () => verifyConsistency(4, 11, [root(4), ...proof], root(4), root(11), h),
        'INVALID_PROOF',
      );
    });

    it('a hash that is not 32 bytes is INVALID_HASH (roots, proof element)', () => {
      const proof = ref.consistencyProof(3, 7);
      expectLogError(
        () => verifyConsistency(3, 7, proof, root(3).slice(2), root(7), h),
        'INVALID_HASH',
      );
      expectLogError(
        () => verifyConsistency(3, 7, proof, root(3), new Uint8Array(0), h),
        'INVALID_HASH',
      );
      expectLogError(
        () => verifyConsistency(3, 7, [new Uint8Array(64), ...proof.slice(1)], root(3), root(7), h),
        'INVALID_HASH',
      );
      expectLogError(
        () => verifyConsistency(1, 1, [], new Uint8Array(12), new Uint8Array(12), h),
        'INVALID_HASH',
      );
    });
  });
});
