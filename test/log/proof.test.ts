/** Proof plans: node counts are O(log n), edge cases, errors, and plan/rehash invariants. */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  bitLength,
  consistencyProofLength,
  consistencyProofPlan,
  inclusionProofLength,
  inclusionProofPlan,
  proofLength,
  rehashProof,
  rfc6962,
  type NodeId,
} from '../../src/log/index.js';
import { expectLogError } from './helpers.js';
import { propertyRuns } from '../helpers/size.js';

const MAX = Number.MAX_SAFE_INTEGER;
const ids = (plan: { ids: readonly NodeId[] }): string[] =>
  plan.ids.map((n) => `${n.level}/${n.index}`);

/** Every node a plan names must be complete (inside the tree) and its index safe. */
function assertNodesInside(plan: { ids: readonly NodeId[] }, size: number): void {
  for (const n of plan.ids) {
    expect(Number.isSafeInteger(n.index)).to.equal(true);
    expect((n.index + 1) * 2 ** n.level).to.be.at.most(size);
  }
}

describe('log/proof plans', () => {
  describe('inclusion', () => {
    it('size 1, index 0: no nodes', () => {
      expect(inclusionProofPlan(0, 1)).to.deep.equal({ ids: [], begin: 0, end: 0 });
    });

    it('index 0 of a power of two: one sibling per level, no ephemeral node', () => {
      const plan = inclusionProofPlan(0, 8);
      expect(ids(plan)).to.deep.equal(['0/1', '1/1', '2/1']);
      expect(plan.end - plan.begin).to.equal(0);
    });

    it('last index of a power of two', () => {
      expect(ids(inclusionProofPlan(7, 8))).to.deep.equal(['0/6', '1/2', '2/0']);
    });

    it('an ephemeral node built from several stored nodes (index 0 of size 7)', () => {
      const plan = inclusionProofPlan(0, 7);
      // siblings 0/1, 1/1, then the ephemeral [4,7) = 1/2 + 0/6, lowest level first
      expect(ids(plan)).to.deep.equal(['0/1', '1/1', '0/6', '1/2']);
      expect([plan.begin, plan.end]).to.deep.equal([2, 4]);
      expect(proofLength(plan)).to.equal(3);
    });

    it('the last leaf of a non-power-of-two tree', () => {
      expect(ids(inclusionProofPlan(6, 7))).to.deep.equal(['1/2', '2/0']);
    });

    it('errors: index ≥ size, empty tree, unsafe numbers', () => {
      expectLogError(() => inclusionProofPlan(0, 0), 'INDEX_OUT_OF_RANGE');
      expectLogError(() => inclusionProofPlan(8, 8), 'INDEX_OUT_OF_RANGE');
      expectLogError(() => inclusionProofPlan(-1, 8), 'INVALID_ARGUMENT');
      expectLogError(() => inclusionProofPlan(0.5, 8), 'INVALID_ARGUMENT');
      expectLogError(() => inclusionProofPlan(0, MAX + 1), 'INVALID_ARGUMENT');
      expectLogError(() => inclusionProofPlan(Number.NaN, 8), 'INVALID_ARGUMENT');
    });

    it('near 2^53: node counts stay ≤ 2·53 and the proof length is right', () => {
      for (const [index, size] of [
        [0, MAX],
        [MAX - 1, MAX],
        [2 ** 52, MAX],
        [2 ** 32 - 1, 2 ** 32 + 1],
        [12345678901234, 2 ** 52 + 17],
      ] as const) {
        const plan = inclusionProofPlan(index, size);
        expect(plan.ids.length).to.be.at.most(2 * 53);
        expect(proofLength(plan)).to.equal(inclusionProofLength(index, size));
        assertNodesInside(plan, size);
      }
    });

    it('node count is O(log n) and the proof length matches the verifier (fast-check)', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: MAX })
            .chain((size) => fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.constant(size))),
          ([index, size]) => {
            const plan = inclusionProofPlan(index, size);
            expect(plan.ids.length).to.be.at.most(2 * bitLength(size));
            expect(proofLength(plan)).to.equal(inclusionProofLength(index, size));
            expect(proofLength(plan)).to.be.at.most(bitLength(size - 1) + 1);
            assertNodesInside(plan, size);
          },
        ),
        { numRuns: propertyRuns(2000) },
      );
    });
  });

  describe('consistency', () => {
    it('size1 == size2 and size1 == 0 give the empty plan', () => {
      for (const [a, b] of [
        [0, 0],
        [0, 9],
        [9, 9],
        [MAX, MAX],
      ] as const) {
        expect(consistencyProofPlan(a, b).ids).to.have.length(0);
      }
    });

    it('size1 > size2 and unsafe sizes are INVALID_ARGUMENT', () => {
      expectLogError(() => consistencyProofPlan(9, 8), 'INVALID_ARGUMENT');
      expectLogError(() => consistencyProofPlan(1, MAX + 1), 'INVALID_ARGUMENT');
      expectLogError(() => consistencyProofPlan(-1, 8), 'INVALID_ARGUMENT');
    });

    it('power-of-two size1 omits the old root (RFC 6962 §2.1.2)', () => {
      expect(ids(consistencyProofPlan(4, 8))).to.deep.equal(['2/1']);
      expect(ids(consistencyProofPlan(1, 2))).to.deep.equal(['0/1']);
      expect(ids(consistencyProofPlan(2, 3))).to.deep.equal(['0/2']);
    });

    it('non-power-of-two size1 starts with the largest subtree ending at size1', () => {
      expect(ids(consistencyProofPlan(6, 8))).to.deep.equal(['1/2', '1/3', '2/0']);
      expect(ids(consistencyProofPlan(3, 8))).to.deep.equal(['0/2', '0/3', '1/0', '2/1']);
    });

    it('node count is O(log n) and the proof length matches the verifier (fast-check)', () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 2, max: MAX })
            .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 - 1 }), fc.constant(size2))),
          ([size1, size2]) => {
            const plan = consistencyProofPlan(size1, size2);
            expect(plan.ids.length).to.be.at.most(2 * bitLength(size2) + 1);
            expect(proofLength(plan)).to.equal(consistencyProofLength(size1, size2));
            assertNodesInside(plan, size2);
          },
        ),
        { numRuns: propertyRuns(2000) },
      );
    });
  });

  describe('rehashProof', () => {
    it('checks the number and length of hashes', () => {
      const plan = inclusionProofPlan(0, 7);
      const h = new Uint8Array(32);
      expectLogError(() => rehashProof(plan, [h, h, h], rfc6962), 'INVALID_ARGUMENT');
      expectLogError(
        () => rehashProof(plan, [h, h, h, new Uint8Array(31)], rfc6962),
        'INVALID_HASH',
      );
    });

    it('folds the ephemeral block as hashChildren(upper, lower) and leaves the input alone', () => {
      const plan = inclusionProofPlan(0, 7); // ids 0/1, 1/1, 0/6, 1/2
      const hs = [1, 2, 3, 4].map((b) => new Uint8Array(32).fill(b));
      const input = hs.slice();
      const proof = rehashProof(plan, hs, rfc6962);
      expect(proof).to.have.length(3);
      expect(proof[0]).to.equal(hs[0]);
      expect(proof[1]).to.equal(hs[1]);
      expect(proof[2]).to.deep.equal(
        rfc6962.hashChildren(hs[3] as Uint8Array, hs[2] as Uint8Array),
      );
      expect(hs).to.deep.equal(input);
    });
  });
});
