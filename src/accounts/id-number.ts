/**
 * Resident ID numbers (GB 11643-1999): 17 digits and a check character computed with
 * ISO 7064 MOD 11-2, which catches every single substitution and every adjacent swap. Pure.
 */

/** Weights 2^(17-i) mod 11 of the 17 digits (GB 11643 §5.2). */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character of (Σ aᵢ·wᵢ) mod 11. */
export const ID_CHECK_CHARS = '10X98765432';

const SHAPE = /^[0-9]{17}[0-9X]$/;
const EARLIEST_YEAR = 1900;

/**
 * The check character of the first 17 digits.
 * @throws TypeError when `digits17` is not 17 ASCII digits.
 * @example idCheckChar('11010519491231002') === 'X'
 */
export function idCheckChar(digits17: string): string {
  if (!/^[0-9]{17}$/.test(digits17)) throw new TypeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(digits17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** `x` → `X`, surrounding spaces dropped; anything else is left for `isValidIdNumber` to refuse. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Whether `id` (already normalised) is 18 characters with a plausible birth date (YYYYMMDD in
 * characters 7–14, from 1900 to `today`) and the right check character.
 */
export function isValidIdNumber(id: string, today: Date = new Date()): boolean {
  if (!SHAPE.test(id) || id[0] === '0') return false;
  if (!plausibleBirthDate(id.slice(6, 14), today)) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

function plausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < EARLIEST_YEAR || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false; // e.g. 0230
  return date.getTime() <= today.getTime();
}

/** The only form an ID number is ever shown in: first 4 and last 4 characters. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}
