import { expect } from 'chai';
import fc from 'fast-check';
import {
  and,
  bitLength,
  isPowerOfTwo,
  lowBits,
  popCount,
  pow2,
  shiftRight,
  trailingZeros,
  xor,
} from '../../src/log/index.js';
import { propertyRuns } from '../helpers/size.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** Safe integers, with the 32-bit boundary and the extremes well represented. */
const safeNat = fc.oneof(
  fc.maxSafeNat(),
  fc.nat({ max: 2 ** 32 + 1024 }),
  fc.integer({ min: 2 ** 32 - 1024, max: 2 ** 32 + 1024 }),
  fc.integer({ min: MAX - 1024, max: MAX }),
  fc.integer({ min: 0, max: 52 }).map((k) => 2 ** k),
  fc.integer({ min: 1, max: 53 }).map((k) => 2 ** k - 1),
  fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 52, MAX),
);

const big = (x: number): bigint => BigInt(x);
function refBitLength(x: number): number {
  return x === 0 ? 0 : big(x).toString(2).length;
}
function refTrailingZeros(x: number): number {
  if (x === 0) return 0;
  let n = 0;
  let v = big(x);
  while ((v & 1n) === 0n) {
    v >>= 1n;
    n++;
  }
  return n;
}
function refPopCount(x: number): number {
  return [...big(x).toString(2)].filter((c) => c === '1').length;
}

describe('log/bits (vs BigInt, full safe-integer range)', () => {
  const runs = { numRuns: propertyRuns(5000) };

  it('bitLength', () => {
    fc.assert(
      fc.property(safeNat, (x) => bitLength(x) === refBitLength(x)),
      runs,
    );
  });

  it('trailingZeros (0 ↦ 0)', () => {
    fc.assert(
      fc.property(safeNat, (x) => trailingZeros(x) === refTrailingZeros(x)),
      runs,
    );
  });

  it('popCount', () => {
    fc.assert(
      fc.property(safeNat, (x) => popCount(x) === refPopCount(x)),
      runs,
    );
  });

  it('xor', () => {
    fc.assert(
      fc.property(safeNat, safeNat, (a, b) => big(xor(a, b)) === (big(a) ^ big(b))),
      runs,
    );
  });

  it('and', () => {
    fc.assert(
      fc.property(safeNat, safeNat, (a, b) => big(and(a, b)) === (big(a) & big(b))),
      runs,
    );
  });

  it('shiftRight', () => {
    fc.assert(
      fc.property(
        safeNat,
        fc.integer({ min: 0, max: 70 }),
        (x, n) => big(shiftRight(x, n)) === big(x) >> BigInt(n),
      ),
      runs,
    );
  });

  it('lowBits', () => {
    fc.assert(
      fc.property(
        safeNat,
        fc.integer({ min: 0, max: 60 }),
        (x, n) => big(lowBits(x, n)) === (big(x) & ((1n << BigInt(n)) - 1n)),
      ),
      runs,
    );
  });

  it('isPowerOfTwo and pow2', () => {
    fc.assert(
      fc.property(safeNat, (x) => isPowerOfTwo(x) === (x > 0 && (big(x) & (big(x) - 1n)) === 0n)),
      runs,
    );
    for (let k = 0; k < 64; k++) expect(big(pow2(k))).to.equal(1n << BigInt(k));
  });

  it('edge values', () => {
    expect(bitLength(0)).to.equal(0);
    expect(bitLength(MAX)).to.equal(53);
    expect(bitLength(2 ** 32)).to.equal(33);
    expect(trailingZeros(2 ** 52)).to.equal(52);
    expect(trailingZeros(2 ** 32)).to.equal(32);
    expect(popCount(MAX)).to.equal(53);
    expect(xor(MAX, 0)).to.equal(MAX);
    expect(xor(MAX, MAX)).to.equal(0);
    expect(shiftRight(MAX, 52)).to.equal(1);
    expect(shiftRight(MAX, 53)).to.equal(0);
  });
});
