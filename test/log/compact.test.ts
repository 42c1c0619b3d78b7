/** Compact ranges: rangeNodes vs a greedy definition, decomposeRange, CompactRange appends. */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  CompactRange,
  compactRangeIds,
  decomposeRange,
  nodeCoverage,
  rangeNodes,
  rangeSize,
  rootFromCompactRange,
  type NodeId,
} from '../../src/log/index.js';
import { ReferenceTree } from '../reference/tree.js';
import { expectLogError, nodeHasher, toHex, utf8 } from './helpers.js';
import { propertyRuns } from '../helpers/size.js';

const MAX = Number.MAX_SAFE_INTEGER;

/** The definition: greedily take the largest aligned perfect subtree that fits. */
function greedyRange(begin: number, end: number): NodeId[] {
  const out: NodeId[] = [];
  let pos = begin;
  while (pos < end) {
    let level = 0;
    while (pos % 2 ** (level + 1) === 0 && pos + 2 ** (level + 1) <= end) level++;
    out.push({ level, index: pos / 2 ** level });
    pos += 2 ** level;
  }
  return out;
}

const range = fc
  .tuple(
    fc.oneof(fc.maxSafeNat(), fc.nat({ max: 5000 })),
    fc.oneof(fc.maxSafeNat(), fc.nat({ max: 5000 })),
  )
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

describe('log/compact ranges', () => {
  it('rangeNodes equals the greedy definition, exhaustively for 0 ≤ begin ≤ end ≤ 80', () => {
    for (let end = 0; end <= 80; end++) {
      for (let begin = 0; begin <= end; begin++)
        expect(rangeNodes(begin, end), `[${begin}, ${end})`).to.deep.equal(greedyRange(begin, end));
    }
  });

  it('rangeNodes equals the greedy definition on the full safe range (fast-check)', () => {
    fc.assert(
      fc.property(range, ([begin, end]) => {
        const nodes = rangeNodes(begin, end);
        expect(nodes).to.deep.equal(greedyRange(begin, end));
        expect(rangeSize(begin, end)).to.equal(nodes.length);
        // contiguous cover
        let pos = begin;
        for (const n of nodes) {
          const c = nodeCoverage(n);
          expect(c.begin).to.equal(pos);
          pos = c.end;
        }
        expect(pos).to.equal(end);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('decomposeRange matches compact.Decompose examples', () => {
    expect(decomposeRange(0, 0)).to.deep.equal({ left: 0, right: 0 });
    expect(decomposeRange(0, 13)).to.deep.equal({ left: 0, right: 13 });
    // [3, 13): left border 0/3 + 2/1 (bits 0 and 2), right border 2/2 + 0/12 (bits 2 and 0)
    expect(decomposeRange(3, 13)).to.deep.equal({ left: 0b101, right: 0b101 });
    expect(decomposeRange(5, 5)).to.deep.equal({ left: 0, right: 0 });
  });

  it('compactRangeIds(size) has one node per set bit, highest first', () => {
    expect(compactRangeIds(0)).to.deep.equal([]);
    expect(compactRangeIds(13)).to.deep.equal([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(compactRangeIds(MAX)).to.have.length(53);
  });

  it('rejects bad ranges', () => {
    expectLogError(() => rangeNodes(5, 4), 'INVALID_ARGUMENT');
    expectLogError(() => rangeNodes(-1, 4), 'INVALID_ARGUMENT');
    expectLogError(() => compactRangeIds(MAX + 1), 'INVALID_ARGUMENT');
    expectLogError(() => decomposeRange(0, 1.5), 'INVALID_ARGUMENT');
    expectLogError(() => rootFromCompactRange([new Uint8Array(31)], nodeHasher), 'INVALID_HASH');
  });

  describe('CompactRange', () => {
    const ref = new ReferenceTree(
      Array.from({ length: 300 }, (_, i) => utf8(`c-${i}`)),
      nodeHasher,
    );

    it('visits the leaf and every completed subtree with the right hash', () => {
      const r = new CompactRange(nodeHasher);
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        r.append(ref.leafHash(i), (level, index, hash) => {
          const key = `${level}/${index}`;
          expect(seen.has(key), `visited twice: ${key}`).to.equal(false);
          seen.add(key);
          expect(toHex(hash), key).to.equal(toHex(ref.nodeHash({ level, index }, i + 1)));
        });
        expect(toHex(r.root())).to.equal(toHex(ref.root(i + 1)));
        expect(r.size).to.equal(i + 1);
      }
      // every perfect subtree of the 300-leaf tree was visited exactly once
      let count = 0;
      for (let level = 0; 2 ** level <= 300; level++) count += Math.floor(300 / 2 ** level);
      expect(seen.size).to.equal(count);
    });

    it('resumes from stored hashes', () => {
      const hashes = compactRangeIds(137).map((id) => ref.nodeHash(id, 137));
      const r = new CompactRange(nodeHasher, 137, hashes);
      expect(toHex(r.root())).to.equal(toHex(ref.root(137)));
      r.append(ref.leafHash(137));
      expect(toHex(r.root())).to.equal(toHex(ref.root(138)));
    });

    it('rejects a wrong number of hashes or bad hashes', () => {
      expectLogError(
        () => new CompactRange(nodeHasher, 3, [new Uint8Array(32)]),
        'INVALID_ARGUMENT',
      );
      expectLogError(() => new CompactRange(nodeHasher, 1, [new Uint8Array(30)]), 'INVALID_HASH');
      expectLogError(() => new CompactRange(nodeHasher).append(new Uint8Array(0)), 'INVALID_HASH');
      expectLogError(() => new CompactRange(nodeHasher, 1.5), 'INVALID_ARGUMENT');
    });
  });
});
