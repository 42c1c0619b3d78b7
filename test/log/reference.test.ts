/**
 * Cross-check against the naive RFC 6962 reference tree (test/reference/tree.ts): roots,
 * inclusion and consistency proofs built from plans + a node oracle must equal PATH / PROOF
 * and verify — exhaustively for sizes 1–64, with fast-check up to 5,000 leaves.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  CompactRange,
  compactRangeIds,
  consistencyProofPlan,
  inclusionProofPlan,
  rehashProof,
  rfc6962,
  rootFromCompactRange,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../../src/log/index.js';
import { ReferenceTree } from '../reference/tree.js';
import { expectLogError, nodeHasher, toHex, utf8 } from './helpers.js';
import { propertyRuns } from '../helpers/size.js';

const CAPACITY = 5000;
const entries = Array.from({ length: CAPACITY }, (_, i) => utf8(`entry-${i}`));
const ref = new ReferenceTree(entries, nodeHasher);

const hexes = (hs: readonly Hash[]): string[] => hs.map(toHex);

function inclusionFromPlan(index: number, size: number): Hash[] {
  const plan = inclusionProofPlan(index, size);
  return rehashProof(
    plan,
    plan.ids.map((id) => ref.nodeHash(id, size)),
    nodeHasher,
  );
}
function consistencyFromPlan(size1: number, size2: number): Hash[] {
  const plan = consistencyProofPlan(size1, size2);
  return rehashProof(
    plan,
    plan.ids.map((id) => ref.nodeHash(id, size2)),
    nodeHasher,
  );
}
function checkInclusion(index: number, size: number): void {
  const proof = inclusionFromPlan(index, size);
  expect(hexes(proof), `PATH(${index}, D[${size}])`).to.deep.equal(
    hexes(ref.inclusionProof(index, size)),
  );
  verifyInclusion(index, size, ref.leafHash(index), proof, ref.root(size), nodeHasher);
}
function checkConsistency(size1: number, size2: number): void {
  const proof = consistencyFromPlan(size1, size2);
  expect(hexes(proof), `PROOF(${size1}, D[${size2}])`).to.deep.equal(
    hexes(ref.consistencyProof(size1, size2)),
  );
  verifyConsistency(size1, size2, proof, ref.root(size1), ref.root(size2), nodeHasher);
}

describe('log/reference cross-check (RFC 6962 naive tree)', () => {
  it('reference tree matches the RFC 6962 vectors of appendix A1 (sanity)', () => {
    const leaves = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ];
    const t = new ReferenceTree(
      leaves.map((h) => new Uint8Array(Buffer.from(h, 'hex'))),
      rfc6962,
    );
    expect(toHex(t.root(8))).to.equal(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
    expect(toHex(t.root(3))).to.equal(
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
    );
    expect(toHex(t.root(0))).to.equal(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('roots from compact ranges and from CompactRange.append equal MTH, sizes 0–64', () => {
    const range = new CompactRange(nodeHasher);
    for (let n = 0; n <= 64; n++) {
      const ids = compactRangeIds(n);
      const root = rootFromCompactRange(
        ids.map((id) => ref.nodeHash(id, n)),
        nodeHasher,
      );
      expect(toHex(root), `size ${n}`).to.equal(toHex(ref.root(n)));
      expect(toHex(range.root()), `append size ${n}`).to.equal(toHex(ref.root(n)));
      expect(hexes(range.hashes)).to.deep.equal(hexes(ids.map((id) => ref.nodeHash(id, n))));
      range.append(ref.leafHash(n));
    }
  });

  it('inclusion proofs: every index of every size 1–64', () => {
    for (let size = 1; size <= 64; size++) {
      for (let index = 0; index < size; index++) {
        checkInclusion(index, size);
        const root = rootFromInclusionProof(
          index,
          size,
          ref.leafHash(index),
          inclusionFromPlan(index, size),
          nodeHasher,
        );
        expect(toHex(root)).to.equal(toHex(ref.root(size)));
      }
    }
  });

  it('consistency proofs: every pair 1 ≤ size1 ≤ size2 ≤ 64', () => {
    for (let size2 = 1; size2 <= 64; size2++) {
      for (let size1 = 1; size1 <= size2; size1++) checkConsistency(size1, size2);
      expect(consistencyProofPlan(0, size2).ids).to.deep.equal([]);
    }
  });

  it('inclusion proofs for random sizes up to 5,000 (fast-check)', () => {
    const arb = fc
      .integer({ min: 1, max: CAPACITY })
      .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
    fc.assert(
      fc.property(arb, ([size, index]) => checkInclusion(index, size)),
      { numRuns: propertyRuns(400) },
    );
  });

  it('consistency proofs for random sizes up to 5,000 (fast-check)', () => {
    const arb = fc
      .integer({ min: 1, max: CAPACITY })
      .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 }), fc.constant(size2)));
    fc.assert(
      fc.property(arb, ([size1, size2]) => checkConsistency(size1, size2)),
      { numRuns: propertyRuns(400) },
    );
  });

  it('a proof with one flipped bit, or for another index, never verifies (fast-check)', () => {
    const arb = fc
      .integer({ min: 2, max: CAPACITY })
      .chain((size) =>
        fc.tuple(
          fc.constant(size),
          fc.integer({ min: 0, max: size - 1 }),
          fc.nat(),
          fc.integer({ min: 0, max: 255 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([size, index, pick, bit]) => {
        const proof = inclusionFromPlan(index, size);
        const bad = proof.map((h) => Uint8Array.from(h));
        const target = bad[pick % bad.length] as Uint8Array;
        target[bit >> 3] = (target[bit >> 3] as number) ^ (1 << (bit & 7));
        expectLogError(
          () => verifyInclusion(index, size, ref.leafHash(index), bad, ref.root(size), nodeHasher),
          'INVALID_PROOF',
        );
        const other = (index + 1) % size;
        expectLogError(
          () =>
            verifyInclusion(other, size, ref.leafHash(index), proof, ref.root(size), nodeHasher),
          'INVALID_PROOF',
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it('a consistency proof does not verify against another old size or root (fast-check)', () => {
    const arb = fc
      .integer({ min: 3, max: CAPACITY })
      .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 - 2 }), fc.constant(size2)));
    fc.assert(
      fc.property(arb, ([size1, size2]) => {
        const proof = consistencyFromPlan(size1, size2);
        expectLogError(
          () =>
            verifyConsistency(
              size1,
              size2,
              proof,
              ref.root(size1 + 1),
              ref.root(size2),
              nodeHasher,
            ),
          'INVALID_PROOF',
        );
        expectLogError(
          () =>
            verifyConsistency(
              size1,
              size2,
              proof,
              ref.root(size1),
              ref.root(size2 - 1),
              nodeHasher,
            ),
          'INVALID_PROOF',
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
