/**
 * P-256 (ES256) keys (part of the src/crypto wrapper): the session-token signing keys
 * (src/accounts/tokens.ts, src/accounts/token-key-ring.ts).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/** A P-256 (ES256) key pair. */
export interface EcKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SubjectPublicKeyInfo DER of the public key. */
  readonly spki: Uint8Array;
}

function ecPair(privateKey: KeyObject): EcKeyPair {
  if (
    privateKey.asymmetricKeyType !== 'ec' ||
    privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
  ) {
    throw new TypeError('expected a P-256 private key');
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, spki: publicKey.export({ format: 'der', type: 'spki' }) };
}

/** A fresh P-256 key pair. */
export function generateP256(): EcKeyPair {
  return ecPair(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
}

/** Loads a P-256 private key from PEM (PKCS#8 or SEC1). */
export function p256FromPem(pem: string): EcKeyPair {
  return ecPair(createPrivateKey(pem));
}

/** PKCS#8 PEM of a key pair's private key. */
export function p256ToPem(pair: EcKeyPair): string {
  return pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
