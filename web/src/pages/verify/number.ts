/**
 * A deposit number as a person types it on the QR landing: its canonical form, or whether its
 * shape or its check character is wrong (the page says which). The check is the server's own
 * (src/entry/deposit-number.ts). Pure, so a test reads it without a DOM.
 * @module
 */
import { mod11_2 } from '../../../../src/entry/deposit-number.js';

/** A number as typed: its canonical form, or what is wrong with it. */
export function readNumber(raw: string): { number: string } | { problem: 'shape' | 'check' } {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  const m = /^HC(\d{10})([0-9X])$/.exec(s);
  if (!m) return { problem: 'shape' };
  return mod11_2(m[1]!) === m[2] ? { number: s } : { problem: 'check' };
}
