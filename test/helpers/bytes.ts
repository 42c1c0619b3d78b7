/**
 * Byte comparisons that say what differs. `expect(a.equals(b)).to.equal(true)` fails with
 * "expected false to equal true"; these fail with both sides in hex (long values cut around the
 * first difference) and the lengths.
 */
import { expect } from 'chai';

/** Bytes shown on each side of the first difference. */
const AROUND = 32;

const hex = (b: Uint8Array, from: number, to: number): string =>
  (from > 0 ? '…' : '') +
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).subarray(from, to).toString('hex') +
  (to < b.length ? '…' : '');

const firstDifference = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
};

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && firstDifference(a, b) === a.length;

const difference = (actual: Uint8Array, expected: Uint8Array): string => {
  const at = firstDifference(actual, expected);
  const from = Math.max(0, at - AROUND);
  return (
    `first difference at byte ${at}\n` +
    `  actual   (${actual.length} bytes): ${hex(actual, from, at + AROUND)}\n` +
    `  expected (${expected.length} bytes): ${hex(expected, from, at + AROUND)}`
  );
};

/** Asserts that `actual` holds exactly the bytes of `expected`. */
export function expectBytes(actual: Uint8Array, expected: Uint8Array, message?: string): void {
  if (same(actual, expected)) return;
  expect.fail(`${message === undefined ? '' : `${message}: `}${difference(actual, expected)}`);
}

/** Asserts that `actual` and `other` differ (both shown in hex when they do not). */
export function expectDifferentBytes(
  actual: Uint8Array,
  other: Uint8Array,
  message?: string,
): void {
  if (!same(actual, other)) return;
  const shown = hex(actual, 0, 2 * AROUND);
  expect.fail(
    `${message === undefined ? '' : `${message}: `}expected different bytes, both are (${actual.length} bytes) ${shown}`,
  );
}
