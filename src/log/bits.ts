/**
 * 64-bit style bit operations on JS safe integers (0 ≤ x ≤ 2^53 − 1), done on the high and
 * low 32-bit halves because JS `^ >> &` truncate to 32 bits. No BigInt: this is the hot path
 * of proof planning (Go's math/bits counterparts: Len64, TrailingZeros64, OnesCount64).
 *
 * Inputs are NOT validated here (callers check sizes and indices once at their boundary);
 * passing a negative, fractional or unsafe number gives an unspecified result.
 * @module
 */

/** 2^32, the weight of the high half. */
const TWO_32 = 4294967296;

/** Powers of two 2^0 … 2^63, exact as doubles. */
const POW2: readonly number[] = Array.from({ length: 64 }, (_, i) => 2 ** i);

/** 2^n for 0 ≤ n ≤ 63 (exact). */
export function pow2(n: number): number {
  return POW2[n] ?? 2 ** n;
}

/** Low 32 bits of a safe integer, as an unsigned 32-bit number. */
function lo32(x: number): number {
  return x >>> 0; // ToUint32 is `x mod 2^32` for any integer-valued double
}

/** High bits (bits 32…52) of a safe integer. */
function hi32(x: number): number {
  return (x - (x >>> 0)) / TWO_32;
}

function ctz32(v: number): number {
  // v !== 0; isolate the lowest set bit, then count the zeros above it.
  return 31 - Math.clz32(v & -v);
}

function popCount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of bits needed to represent `x`: 0 for 0, else ⌊log2 x⌋ + 1 (Go `bits.Len64`). */
export function bitLength(x: number): number {
  if (x < TWO_32) return 32 - Math.clz32(x);
  return 64 - Math.clz32(hi32(x));
}

/** Number of trailing zero bits of `x`; `trailingZeros(0)` is defined as 0. */
export function trailingZeros(x: number): number {
  if (x === 0) return 0;
  const lo = lo32(x);
  if (lo !== 0) return ctz32(lo);
  return 32 + ctz32(hi32(x));
}

/** Number of one bits of `x` (Go `bits.OnesCount64`). */
export function popCount(x: number): number {
  if (x < TWO_32) return popCount32(x);
  return popCount32(lo32(x)) + popCount32(hi32(x));
}

/** Bitwise XOR of two safe non-negative integers. */
export function xor(a: number, b: number): number {
  if (a < TWO_32 && b < TWO_32) return (a ^ b) >>> 0;
  return ((hi32(a) ^ hi32(b)) >>> 0) * TWO_32 + ((lo32(a) ^ lo32(b)) >>> 0);
}

/** Bitwise AND of two safe non-negative integers. */
export function and(a: number, b: number): number {
  if (a < TWO_32 && b < TWO_32) return (a & b) >>> 0;
  return ((hi32(a) & hi32(b)) >>> 0) * TWO_32 + ((lo32(a) & lo32(b)) >>> 0);
}

/** `x >> n` for a safe non-negative integer and 0 ≤ n (n ≥ 53 gives 0). */
export function shiftRight(x: number, n: number): number {
  if (n === 0) return x;
  if (x < TWO_32 && n < 32) return x >>> n;
  return Math.floor(x / pow2(n)); // division by a power of two is exact; floor drops the fraction
}

/** `x mod 2^n`: the low `n` bits of `x`. */
export function lowBits(x: number, n: number): number {
  return x % pow2(n);
}

/** Whether `x` is a power of two (1, 2, 4, …); false for 0. */
export function isPowerOfTwo(x: number): boolean {
  return x > 0 && popCount(x) === 1;
}
