/**
 * Ed25519 signed-note keys (C2SP signed-note, signature type 0x01): key IDs, verifier keys
 * `<name>+<hex key ID>+<base64(0x01 ‖ public key)>` and note verifiers/signers built on them.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { LogError } from './errors.js';
import { isNoteSafeText, utf8 } from './text.js';

/** Signature type byte of Ed25519 note signatures (C2SP signed-note). */
export const ED25519_SIGNATURE_TYPE = 0x01;
/** Length of an Ed25519 public key (RFC 8032). */
export const ED25519_PUBLIC_KEY_SIZE = 32;
/** Length of an Ed25519 signature (RFC 8032). */
export const ED25519_SIGNATURE_SIZE = 64;

/** Signs note texts as one key. `sign` returns the raw signature (without the key ID). */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** Verifies note signatures of one key. `verify` returns false (never throws) on a bad signature. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

/**
 * Whether `name` may name a signed-note key: non-empty, well-formed, no Unicode white space,
 * no `+`, no control characters (C2SP signed-note; x/mod note `isValidName`).
 */
export function isValidKeyName(name: string): boolean {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    isNoteSafeText(name) &&
    !name.includes('\n') &&
    !name.includes('+') &&
    !/\p{White_Space}/u.test(name)
  );
}

function assertKey(name: string, publicKey: Uint8Array): void {
  if (!isValidKeyName(name))
    throw new LogError('INVALID_KEY', `invalid key name ${JSON.stringify(name)}`);
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new LogError('INVALID_KEY', `an Ed25519 public key is ${ED25519_PUBLIC_KEY_SIZE} bytes`);
  }
}

/** SHA-256(name ‖ 0x0A ‖ typeAndKey)[:4] as a big-endian uint32. */
function keyHash(name: string, typeAndKey: Uint8Array): number {
  const n = utf8(name);
  const buf = new Uint8Array(n.length + 1 + typeAndKey.length);
  buf.set(n, 0);
  buf[n.length] = 0x0a;
  buf.set(typeAndKey, n.length + 1);
  const h = sha256(buf);
  return (
    (((h[0] as number) << 24) |
      ((h[1] as number) << 16) |
      ((h[2] as number) << 8) |
      (h[3] as number)) >>>
    0
  );
}

function typed(publicKey: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + publicKey.length);
  out[0] = ED25519_SIGNATURE_TYPE;
  out.set(publicKey, 1);
  return out;
}

/**
 * Key ID of an Ed25519 note key: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pub)[:4], big-endian uint32.
 * @throws {LogError} `INVALID_KEY` for an invalid name or a public key that is not 32 bytes.
 */
export function ed25519KeyId(name: string, publicKey: Uint8Array): number {
  assertKey(name, publicKey);
  return keyHash(name, typed(publicKey));
}

/** Eight lowercase hex digits of a uint32. */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/**
 * The verifier key `<name>+<8 hex>+<base64(0x01 ‖ pub)>`.
 * @throws {LogError} `INVALID_KEY` as {@link ed25519KeyId}.
 */
export function formatVkey(name: string, publicKey: Uint8Array): string {
  const id = ed25519KeyId(name, publicKey);
  return `${name}+${formatKeyId(id)}+${encodeBase64(typed(publicKey))}`;
}

/**
 * Parses an Ed25519 verifier key into a {@link NoteVerifier} (strict RFC 8032 verification
 * via @noble/curves, `zip215: false`). The key ID must be 8 lowercase hex digits.
 * @throws {LogError} `INVALID_KEY` for a malformed vkey, an invalid name, non-canonical base64,
 *   a key ID that does not match, an algorithm other than 0x01, a key that is not 32 bytes or
 *   not a valid Ed25519 point.
 * @example
 * const v = parseVkey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
 */
export function parseVkey(vkey: string): NoteVerifier & { publicKey: Uint8Array; vkey: string } {
  if (typeof vkey !== 'string') throw new LogError('INVALID_KEY', 'vkey must be a string');
  const p1 = vkey.indexOf('+');
  const p2 = p1 < 0 ? -1 : vkey.indexOf('+', p1 + 1);
  if (p2 < 0) throw new LogError('INVALID_KEY', 'vkey must be <name>+<key id>+<key>');
  const name = vkey.slice(0, p1);
  const hex = vkey.slice(p1 + 1, p2);
  if (!isValidKeyName(name))
    throw new LogError('INVALID_KEY', `invalid key name ${JSON.stringify(name)}`);
  if (!/^[0-9a-f]{8}$/.test(hex))
    throw new LogError('INVALID_KEY', 'key id must be 8 lowercase hex digits');
  let key: Uint8Array;
  try {
    key = decodeBase64(vkey.slice(p2 + 1));
  } catch (cause) {
    throw new LogError('INVALID_KEY', 'vkey key is not canonical base64', { cause });
  }
  if (key.length === 0) throw new LogError('INVALID_KEY', 'vkey has no key');
  const keyId = Number.parseInt(hex, 16);
  if (keyHash(name, key) !== keyId)
    throw new LogError('INVALID_KEY', 'key id does not match name and key');
  if (key[0] !== ED25519_SIGNATURE_TYPE) {
    throw new LogError(
      'INVALID_KEY',
      `unknown signature algorithm 0x${(key[0] as number).toString(16)}`,
    );
  }
  const publicKey = key.slice(1);
  if (publicKey.length !== ED25519_PUBLIC_KEY_SIZE) {
    throw new LogError(
      'INVALID_KEY',
      `Ed25519 key must be ${ED25519_PUBLIC_KEY_SIZE} bytes, got ${publicKey.length}`,
    );
  }
  if (!ed25519.utils.isValidPublicKey(publicKey, false)) {
    throw new LogError('INVALID_KEY', 'not a valid Ed25519 public key');
  }
  return {
    name,
    keyId,
    publicKey,
    vkey,
    verify(message: Uint8Array, signature: Uint8Array): boolean {
      if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_SIZE)
        return false;
      try {
        return ed25519.verify(signature, message, publicKey, { zip215: false });
      } catch {
        return false;
      }
    },
  };
}

/**
 * A {@link NoteSigner} for an Ed25519 key whose raw signing function lives elsewhere (node:crypto
 * on the server, @noble/curves in tests); computes the key ID from name and public key.
 * @throws {LogError} `INVALID_KEY` as {@link ed25519KeyId}.
 */
export function ed25519NoteSigner(
  name: string,
  publicKey: Uint8Array,
  sign: (message: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): NoteSigner {
  const keyId = ed25519KeyId(name, publicKey);
  return { name, keyId, sign };
}
