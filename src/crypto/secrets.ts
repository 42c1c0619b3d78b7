/**
 * Keyed primitives (part of the src/crypto wrapper): password hashing (scrypt), HMAC, HKDF and
 * AES-256-GCM, for account passwords and the sealed personal data (src/accounts/pii.ts).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
} from 'node:crypto';

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly maxmem: number;
}

/** scrypt on the libuv thread pool (never the sync variant: it would block the event loop). */
export function scryptAsync(
  password: Uint8Array,
  salt: Uint8Array,
  keyLength: number,
  params: ScryptParams,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, params, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** HMAC-SHA256. */
export function hmacSha256(key: Uint8Array, data: Uint8Array | string): Uint8Array {
  return createHmac('sha256', key).update(data).digest();
}

/** HKDF-SHA256 (RFC 5869) with an empty salt: one sub-key per `label`. */
export function deriveKey(ikm: Uint8Array, label: string, length = 32): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', ikm, new Uint8Array(0), label, length));
}

const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

/** AES-256-GCM: returns iv ‖ ciphertext ‖ tag, with `aad` authenticated. */
export function aesGcmSeal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  const iv = randomBytes(GCM_IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/**
 * Opens what `aesGcmSeal` made.
 * @throws Error when the bytes, key or `aad` do not authenticate.
 */
export function aesGcmOpen(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array {
  if (sealed.length < GCM_IV_BYTES + GCM_TAG_BYTES) throw new Error('sealed value too short');
  const iv = sealed.subarray(0, GCM_IV_BYTES);
  const tag = sealed.subarray(sealed.length - GCM_TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(sealed.subarray(GCM_IV_BYTES, sealed.length - GCM_TAG_BYTES)),
    decipher.final(),
  ]);
}
