/**
 * Personal data at rest (docs/formats.md, PIPL): ID numbers are sealed with AES-256-GCM under a key
 * derived from `<certs>/pii.key` (outside the data folder and its backups), bound to the account
 * id, and matched by an HMAC under a second derived key. Only the masked form leaves this module.
 */
import { decodeBase64, encodeBase64, encodeHex } from '../log/index.js';
import { aesGcmOpen, aesGcmSeal, deriveKey, hmacSha256, randomBytes } from '../crypto/index.js';
import { AccountError } from './errors.js';
import { isValidIdNumber, maskIdNumber } from './id-number.js';
import { loadOrCreateKeyFile } from './key-files.js';

export const PII_KEY_FILE = 'pii.key';
const PII_KEY_BYTES = 32;
const SEAL_LABEL = 'huicun/pii/aes-256-gcm/v1';
const MATCH_LABEL = 'huicun/pii/id-hmac/v1';
const SEALED_PREFIX = 'v1:';

const utf8 = new TextEncoder();

/** What a stored account keeps of an ID number. */
export interface SealedIdNumber {
  /** `v1:` + base64(iv ‖ ciphertext ‖ tag). */
  readonly idNumberSealed: string;
  /** hex HMAC-SHA256 of the normalised number, for matching (claim codes). */
  readonly idHmac: string;
  readonly idMasked: string;
}

/** Seals and matches ID numbers with keys derived from one 32-byte master key. */
export class PiiVault {
  private readonly sealKey: Uint8Array;
  private readonly matchKey: Uint8Array;

  /** @throws AccountError ACCOUNT_KEY_INVALID when `masterKey` is not 32 bytes. */
  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== PII_KEY_BYTES) {
      throw new AccountError(
        'ACCOUNT_KEY_INVALID',
        `${PII_KEY_FILE} must hold exactly ${PII_KEY_BYTES} bytes`,
      );
    }
    this.sealKey = deriveKey(masterKey, SEAL_LABEL);
    this.matchKey = deriveKey(masterKey, MATCH_LABEL);
  }

  /** hex HMAC of a normalised ID number. */
  idHmac(idNumber: string): string {
    return encodeHex(hmacSha256(this.matchKey, idNumber));
  }

  /**
   * Seals a valid, normalised ID number for account `accountId`.
   * @throws TypeError when the number is not valid (callers validate first).
   */
  seal(accountId: string, idNumber: string): SealedIdNumber {
    if (!isValidIdNumber(idNumber)) throw new TypeError('not a valid ID number');
    const sealed = aesGcmSeal(this.sealKey, utf8.encode(idNumber), aad(accountId));
    return {
      idNumberSealed: SEALED_PREFIX + encodeBase64(sealed),
      idHmac: this.idHmac(idNumber),
      idMasked: maskIdNumber(idNumber),
    };
  }

  /**
   * Opens a sealed ID number (for in-module checks only; never returned to a client).
   * @throws AccountError ACCOUNT_KEY_INVALID when it does not authenticate (wrong pii.key).
   */
  open(accountId: string, sealed: string): string {
    try {
      if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('unknown format');
      const bytes = aesGcmOpen(
        this.sealKey,
        decodeBase64(sealed.slice(SEALED_PREFIX.length)),
        aad(accountId),
      );
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new AccountError(
        'ACCOUNT_KEY_INVALID',
        `a sealed ID number does not open with ${PII_KEY_FILE}`,
        { cause },
      );
    }
  }
}

function aad(accountId: string): Uint8Array {
  return utf8.encode(`huicun/pii/id-number/v1\n${accountId}`);
}

/** Loads `<certsDir>/pii.key`, generating 32 random bytes (mode 0600) on first start. */
export function loadOrCreatePiiVault(certsDir: string): { vault: PiiVault; created: boolean } {
  const { bytes, created } = loadOrCreateKeyFile(certsDir, PII_KEY_FILE, () =>
    randomBytes(PII_KEY_BYTES),
  );
  return { vault: new PiiVault(bytes), created };
}
