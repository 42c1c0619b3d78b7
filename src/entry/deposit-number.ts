/**
 * Deposit numbers (docs/formats.md): `HC` + the log index as 10 decimal digits + one ISO/IEC 7064
 * MOD 11-2 check character (0–9 or X, the algorithm of the resident ID number, which catches
 * every single substitution and every adjacent swap). Printed `HC 00000 12345 8`; accepted with
 * or without spaces and hyphens, in any case.
 */

const DIGITS = 10;
const MAX_INDEX = 10 ** DIGITS - 1;

/** ISO/IEC 7064 MOD 11-2 check character of a string of decimal digits. */
export function mod11_2(digits: string): string {
  let p = 0;
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d < 0 || d > 9) throw new RangeError('MOD 11-2 takes decimal digits');
    p = ((p + d) * 2) % 11;
  }
  const check = (12 - p) % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * The deposit number of log index `index`, e.g. 12345 → `HC00000123458`.
 * @throws RangeError for an index that is not a safe integer in 0 … 9,999,999,999.
 */
export function formatDepositNumber(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_INDEX) {
    throw new RangeError('a deposit number holds an index of at most 10 digits');
  }
  const digits = String(index).padStart(DIGITS, '0');
  return `HC${digits}${mod11_2(digits)}`;
}

/** `HC00000123458` → `HC 00000 12345 8` (for print). */
export function displayDepositNumber(number: string): string {
  return `${number.slice(0, 2)} ${number.slice(2, 7)} ${number.slice(7, 12)} ${number.slice(12)}`;
}

/**
 * Reads a deposit number as a person may type it; returns its canonical form and index, or
 * undefined when it is not a valid number (wrong shape or check character).
 */
export function parseDepositNumber(text: string): { number: string; index: number } | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  const m = /^HC(\d{10})([0-9X])$/.exec(compact);
  if (!m || mod11_2(m[1]!) !== m[2]) return undefined;
  return { number: compact, index: Number(m[1]) };
}
