/**
 * Password hashing (docs/access.md): scrypt N=2^15, r=8, p=1, maxmem 64 MiB, 16-byte salt per user,
 * stored as `scrypt$N$r$p$<salt b64>$<hash b64>`, compared in constant time. Passwords are
 * NFKC-normalised so the same password typed on another keyboard still matches.
 */
import { equalSecret, randomBytes, scryptAsync, type ScryptParams } from '../crypto/index.js';
import { decodeBase64, encodeBase64 } from '../log/index.js';
import { AccountError, invalidField } from './errors.js';

export const PASSWORD_MIN_CHARS = 10;
export const PASSWORD_MAX_CHARS = 256;
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// Bounds on stored parameters, so a damaged record cannot make a login take minutes.
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 4;

const utf8 = new TextEncoder();
// White space, controls and invisible (default-ignorable) characters: nothing to remember.
const BLANK = /^[\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}]*$/u;

/**
 * Checks a password being set (registration, admin create, CLI, HUICUN_ADMIN_PASSWORD, seeds):
 * a string of 10–256 characters (code points, after NFKC), not only blank characters.
 * @throws AccountError INVALID_FIELD naming `field`; PASSWORD_BLANK (`details.field`) for a
 *   password of only spaces, other white space, controls or invisible characters.
 */
export function assertPassword(value: unknown, field = 'password'): string {
  if (typeof value !== 'string') throw invalidField(field, 'must be a string');
  const normalized = value.normalize('NFKC');
  const chars = [...normalized].length;
  if (chars < PASSWORD_MIN_CHARS || chars > PASSWORD_MAX_CHARS) {
    throw invalidField(field, `must be ${PASSWORD_MIN_CHARS} to ${PASSWORD_MAX_CHARS} characters`);
  }
  if (BLANK.test(normalized)) {
    throw new AccountError('PASSWORD_BLANK', `field "${field}" must not be only spaces`, {
      details: { field },
    });
  }
  return value;
}

/** Crockford base32: no I, L, O or U, so a password read aloud or copied by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new random password for an admin's reset: 20 Crockford base32 characters (100 bits) in
 * groups of 5, e.g. `7KQ2M-XW9TB-4HN0R-ZC3VD`; shown once, never stored in clear.
 */
export function generatePassword(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => CROCKFORD[b & 31]!);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Hashes `password` with a fresh salt into the stored form. */
export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(utf8.encode(password.normalize('NFKC')), salt, HASH_BYTES, params);
  return ['scrypt', params.N, params.r, params.p, encodeBase64(salt), encodeBase64(hash)].join('$');
}

interface Parsed {
  readonly params: ScryptParams;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

function parse(stored: string): Parsed | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts
    .slice(1, 4)
    .map((s) => (/^[1-9][0-9]{0,8}$/.test(s) ? Number(s) : NaN)) as [number, number, number];
  const log2N = Math.log2(N);
  if (
    !Number.isInteger(log2N) ||
    log2N < 1 ||
    log2N > MAX_LOG2_N ||
    !(r >= 1 && r <= MAX_R) ||
    !(p >= 1 && p <= MAX_P)
  ) {
    return undefined;
  }
  try {
    const salt = decodeBase64(parts[4]!);
    const hash = decodeBase64(parts[5]!);
    if (salt.length < SALT_BYTES || hash.length !== HASH_BYTES) return undefined;
    const maxmem = Math.max(SCRYPT_PARAMS.maxmem, 256 * N * r);
    return { params: { N, r, p, maxmem }, salt, hash };
  } catch {
    return undefined;
  }
}

/**
 * Whether `password` matches `stored`. A malformed stored value never matches (it is still
 * hashed, so the time taken says nothing).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  const params = parsed?.params ?? SCRYPT_PARAMS;
  const salt = parsed?.salt ?? new Uint8Array(SALT_BYTES);
  const hash = await scryptAsync(utf8.encode(password.normalize('NFKC')), salt, HASH_BYTES, params);
  return parsed !== undefined && equalSecret(hash, parsed.hash);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification against a hash no password matches: used when the
 * username does not exist, so the answer's timing does not reveal which usernames exist.
 */
export async function verifyDummy(password: string): Promise<false> {
  await verifyPassword(password, await warmDummyHash());
  return false;
}

/** Makes the dummy hash now (at start), so the first unknown-username login is not slower. */
export function warmDummyHash(): Promise<string> {
  dummy ??= hashPassword(encodeBase64(randomBytes(32)));
  return dummy;
}
