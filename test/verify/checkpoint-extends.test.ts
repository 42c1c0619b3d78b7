/**
 * `checkpointExtends` against the naive RFC 6962 reference tree: every real consistency proof
 * passes, a changed root, hash or size fails as `FORK`, a smaller tree as `ROLLBACK`, and the
 * error keeps both notes and the proof as evidence (fast-check up to 300 leaves).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { encodeBase64, type Hash } from '../../src/log/index.js';
import {
  checkpointExtends,
  InconsistencyError,
  needsConsistencyProof,
  type SignedCheckpoint,
} from '../../src/verify/index.js';
import { nodeHasher, utf8 } from '../log/helpers.js';
import { ReferenceTree } from '../reference/tree.js';

const CAPACITY = 300;
const ref = new ReferenceTree(
  Array.from({ length: CAPACITY }, (_, i) => utf8(`entry-${i}`)),
  nodeHasher,
);

function at(size: number, root: Hash = ref.root(size)): SignedCheckpoint {
  return {
    raw: `example.com/log\n${size}\n${encodeBase64(root)}\n\n— sig\n`,
    body: { origin: 'example.com/log', size, root, extensions: [] },
  };
}
const proof = (m: number, n: number): string[] =>
  needsConsistencyProof(m, n) ? ref.consistencyProof(m, n).map(encodeBase64) : [];

function inconsistency(fn: () => void): InconsistencyError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(InconsistencyError);
    return err as InconsistencyError;
  }
  expect.fail('no InconsistencyError');
}

const sizes = fc
  .tuple(fc.integer({ min: 0, max: CAPACITY }), fc.integer({ min: 0, max: CAPACITY }))
  .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

describe('checkpointExtends', () => {
  it('accepts every real consistency proof, the same tree and any tree after the empty one', () => {
    fc.assert(
      fc.property(sizes, ([m, n]) => {
        checkpointExtends(at(m), at(n), proof(m, n));
      }),
    );
  });

  it('needs a proof only from a non-empty smaller tree', () => {
    expect(needsConsistencyProof(0, 5)).to.equal(false);
    expect(needsConsistencyProof(5, 5)).to.equal(false);
    expect(needsConsistencyProof(4, 5)).to.equal(true);
    expect(needsConsistencyProof(6, 5)).to.equal(false);
  });

  it('a smaller tree is a ROLLBACK, with both notes as evidence', () => {
    fc.assert(
      fc.property(
        sizes.filter(([m, n]) => m < n),
        ([m, n]) => {
          const err = inconsistency(() => checkpointExtends(at(n), at(m), []));
          expect(err.code).to.equal('ROLLBACK');
          expect(err.message).to.equal(`the log shrank from ${n} to ${m} entries`);
          expect([err.smallerRaw, err.largerRaw]).to.deep.equal([at(n).raw, at(m).raw]);
        },
      ),
    );
  });

  it('another root for the same size is a FORK', () => {
    const err = inconsistency(() => checkpointExtends(at(7), at(7, ref.root(6)), []));
    expect(err.code).to.equal('FORK');
    expect(err.message).to.equal('two different roots for size 7');
  });

  it('a changed proof hash or new root is a FORK that keeps the proof', () => {
    fc.assert(
      fc.property(
        sizes.filter(([m, n]) => needsConsistencyProof(m, n)),
        fc.nat(),
        ([m, n], pick) => {
          const good = proof(m, n);
          const bad = [...good];
          bad[pick % bad.length] = encodeBase64(new Uint8Array(32)); // no node of a real tree
          for (const [next, hashes] of [
            [at(n), bad],
            [at(n, ref.root(n - 1)), good],
          ] as const) {
            const err = inconsistency(() => checkpointExtends(at(m), next, hashes));
            expect(err.code).to.equal('FORK');
            expect(err.message).to.match(
              new RegExp(`^no valid consistency proof from ${m} to ${n} \\(`),
            );
            expect(err.proof).to.deep.equal(hashes);
            expect(err.largerRaw).to.equal(next.raw);
          }
        },
      ),
    );
  });

  it('a proof that is not base64 is a FORK', () => {
    const err = inconsistency(() => checkpointExtends(at(3), at(8), ['not base64!']));
    expect(err.code).to.equal('FORK');
  });
});
