/**
 * The one wrapper over node:crypto (docs/architecture.md). Everything outside the pure core that hashes,
 * signs or compares secrets goes through here; the keyed primitives and P-256 keys live in
 * secrets.ts and p256.ts and are exported from here.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hash as oneShotHash,
  sign as nodeSign,
  verify as nodeVerify,
  timingSafeEqual,
  randomBytes as nodeRandomBytes,
  X509Certificate,
  type Hash as NodeHash,
  type KeyObject,
} from 'node:crypto';

/** SHA-256 of `data` (one-shot; crypto.hash is ~2× faster than createHash for small inputs). */
export function sha256(data: Uint8Array): Uint8Array {
  return oneShotHash('sha256', data, 'buffer');
}

/** SM3 (GB/T 32905) of `data`. */
export function sm3(data: Uint8Array): Uint8Array {
  return createHash('sm3').update(data).digest();
}

/** Streaming hashers for large inputs. */
export function createSha256(): NodeHash {
  return createHash('sha256');
}
export function createSm3(): NodeHash {
  return createHash('sm3');
}

export function randomBytes(n: number): Uint8Array {
  return nodeRandomBytes(n);
}

/** Constant-time equality; unequal lengths are unequal (the length is not secret). */
export function equalSecret(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

/** An Ed25519 key pair held as node:crypto KeyObjects. */
export interface Ed25519KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The raw 32-byte public key. */
  readonly publicKeyBytes: Uint8Array;
}

function pairFromPrivate(privateKey: KeyObject): Ed25519KeyPair {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 key, got ${privateKey.asymmetricKeyType ?? 'none'}`);
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new TypeError('Ed25519 public key has no x coordinate');
  return { privateKey, publicKey, publicKeyBytes: Buffer.from(jwk.x, 'base64url') };
}

/** Generates a fresh Ed25519 key pair. */
export function generateEd25519(): Ed25519KeyPair {
  return pairFromPrivate(generateKeyPairSync('ed25519').privateKey);
}

/** Builds the key pair of a 32-byte Ed25519 seed (test vectors use fixed seeds). */
export function ed25519FromSeed(seed: Uint8Array): Ed25519KeyPair {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
  return pairFromPrivate(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

/** Loads an Ed25519 private key from PKCS#8 PEM text. */
export function ed25519FromPem(pem: string): Ed25519KeyPair {
  return pairFromPrivate(createPrivateKey(pem));
}

/** PKCS#8 PEM text of an Ed25519 private key. */
export function ed25519ToPem(pair: Ed25519KeyPair): string {
  return pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function ed25519Sign(pair: Ed25519KeyPair, message: Uint8Array): Uint8Array {
  return nodeSign(null, message, pair.privateKey);
}

export function ed25519Verify(
  publicKey: KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  return nodeVerify(null, message, publicKey, signature);
}

// --- RSA and X.509, for the notary's PDF signatures (docs/certificates.md) ---

/** A private key (PKCS#1 or PKCS#8 PEM) as a node:crypto KeyObject. */
export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/**
 * A fresh RSA key pair as PEM: PKCS#8 private key and SPKI public key. node:crypto makes a
 * 3072-bit key in well under a second, where pure-JS generation takes many seconds.
 */
export function generateRsaPem(modulusLength: number): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

/** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2) over `data`. */
export function rsaSha256Sign(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new TypeError(`expected an RSA key, got ${privateKey.asymmetricKeyType ?? 'none'}`);
  }
  return nodeSign('sha256', data, privateKey);
}

/** Parses a DER or PEM X.509 certificate (node:crypto X509Certificate). */
export function parseX509(cert: Uint8Array | string): X509Certificate {
  return new X509Certificate(cert);
}

/** The digests a third party's signature may use (RFC 3161 time-stamps; docs/timestamps.md). */
export type DigestName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** `name` of `data`, one-shot. */
export function digestOf(name: DigestName, data: Uint8Array): Uint8Array {
  return new Uint8Array(oneShotHash(name, data, 'buffer'));
}

/**
 * Verifies a third party's signature over `data` with `publicKey` (an RSA or EC key, e.g. an
 * X509Certificate's `publicKey`): RSASSA-PKCS1-v1_5, or ECDSA with a DER signature. False for a
 * wrong signature or a key that cannot check it.
 */
export function verifySignature(
  hashName: DigestName,
  data: Uint8Array,
  publicKey: KeyObject,
  signature: Uint8Array,
): boolean {
  try {
    return nodeVerify(hashName, data, publicKey, signature);
  } catch {
    return false;
  }
}

export type { KeyObject, X509Certificate };

export {
  aesGcmOpen,
  aesGcmSeal,
  deriveKey,
  hmacSha256,
  scryptAsync,
  type ScryptParams,
} from './secrets.js';
export { generateP256, p256FromPem, p256ToPem, type EcKeyPair } from './p256.js';
