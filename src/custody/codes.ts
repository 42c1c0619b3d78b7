/**
 * Share and claim codes (docs/access.md): at least 128 random bits written in Crockford base32, in
 * groups of 4 a person can type, shown once and stored only as their SHA-256.
 *
 * A code is 28 symbols, `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`: 26 random symbols (130 bits, from
 * the CSPRNG) and 2 check symbols (the first 10 bits of SHA-256 of the 26), so a typo is told
 * apart from an unknown code (1 in 1024 typos passes the check and is then simply not found).
 * Reading follows Crockford: any case, hyphens and spaces ignored, I and L read as 1, O as 0.
 */
import { randomBytes, sha256 } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import { CustodyError } from './errors.js';

/** Crockford's base32 alphabet (no I, L, O, U). */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random symbols of a code: 26 × 5 = 130 bits (≥ 128). */
export const CODE_RANDOM_SYMBOLS = 26;
/** Check symbols appended to the random ones. */
export const CODE_CHECK_SYMBOLS = 2;
/** Symbols of a whole code. */
export const CODE_SYMBOLS = CODE_RANDOM_SYMBOLS + CODE_CHECK_SYMBOLS;
/** Symbols per printed group. */
export const CODE_GROUP = 4;
/** Longest text accepted as a code before parsing (spaces and hyphens included). */
const MAX_CODE_TEXT = 80;

const utf8 = new TextEncoder();

/** A newly issued code: the text shown once, and the hash that is stored. */
export interface IssuedCode {
  /** `XXXX-XXXX-…` (7 groups of 4). */
  readonly code: string;
  /** hex SHA-256 of the canonical code (28 symbols, no separators). */
  readonly hash: string;
}

/** The 2 check symbols of 26 random symbols: the first 10 bits of their SHA-256. */
export function codeCheck(randomPart: string): string {
  const h = sha256(utf8.encode(randomPart));
  const bits = (h[0]! << 2) | (h[1]! >>> 6);
  return CROCKFORD_ALPHABET[bits >>> 5]! + CROCKFORD_ALPHABET[bits & 31]!;
}

/** `canonical` (28 symbols) in groups of 4 joined by hyphens. */
export function formatCode(canonical: string): string {
  return canonical.match(new RegExp(`.{1,${CODE_GROUP}}`, 'g'))!.join('-');
}

/** hex SHA-256 of a canonical code: the only form a code is stored in. */
export function codeHash(canonical: string): string {
  return encodeHex(sha256(utf8.encode(canonical)));
}

/**
 * Issues a new code from `random` (the CSPRNG; tests inject bytes). Each symbol takes 5 bits of
 * one random byte (256 is a multiple of 32, so symbols are uniform).
 */
export function newCode(random: (n: number) => Uint8Array = randomBytes): IssuedCode {
  const bytes = random(CODE_RANDOM_SYMBOLS);
  if (bytes.length !== CODE_RANDOM_SYMBOLS) throw new RangeError('not enough random bytes');
  let part = '';
  for (const b of bytes) part += CROCKFORD_ALPHABET[b & 31]!;
  const canonical = part + codeCheck(part);
  return { code: formatCode(canonical), hash: codeHash(canonical) };
}

/**
 * Reads a code as a person may type it and returns its canonical 28 symbols.
 * @throws CustodyError CODE_INVALID for anything but 28 Crockford symbols with a matching check.
 * @example parseCode(' abcd-efgh-… ') // → 'ABCDEFGH…'
 */
export function parseCode(text: unknown): string {
  if (typeof text !== 'string' || text.length > MAX_CODE_TEXT) throw invalid();
  const compact = text.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  if (compact.length !== CODE_SYMBOLS) throw invalid();
  for (const ch of compact) if (!CROCKFORD_ALPHABET.includes(ch)) throw invalid();
  const randomPart = compact.slice(0, CODE_RANDOM_SYMBOLS);
  if (codeCheck(randomPart) !== compact.slice(CODE_RANDOM_SYMBOLS)) throw invalid();
  return compact;
}

function invalid(): CustodyError {
  return new CustodyError(
    'CODE_INVALID',
    'a code is 7 groups of 4 letters and digits as printed; check it for typos',
  );
}
