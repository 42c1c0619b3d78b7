/**
 * The log's Ed25519 signing key (docs/log.md, docs/configuration.md): `<certs>/log-ed25519.pem`, generated on first
 * start, never overwritten. The key name is the log origin.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ed25519FromPem,
  ed25519Sign,
  ed25519ToPem,
  generateEd25519,
  type Ed25519KeyPair,
} from '../crypto/index.js';
import {
  ed25519KeyId,
  formatVkey,
  parseVkey,
  type NoteSigner,
  type NoteVerifier,
} from '../log/index.js';

export const LOG_KEY_FILE = 'log-ed25519.pem';

export interface LogKey {
  readonly pair: Ed25519KeyPair;
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  /** `<origin>+<key id>+<base64 key>` as published at /api/v1/log/key. */
  readonly vkey: string;
}

/** Builds signer, verifier and vkey of `pair` under the key name `origin`. */
export function logKeyFor(origin: string, pair: Ed25519KeyPair): LogKey {
  const vkey = formatVkey(origin, pair.publicKeyBytes);
  return {
    pair,
    vkey,
    signer: {
      name: origin,
      keyId: ed25519KeyId(origin, pair.publicKeyBytes),
      sign: (message) => ed25519Sign(pair, message),
    },
    verifier: parseVkey(vkey),
  };
}

/**
 * Loads the log key from `certsDir`.
 * @throws Error when there is none (tools that only read must not create a key).
 */
export function loadLogKey(certsDir: string, origin: string): LogKey {
  const path = join(certsDir, LOG_KEY_FILE);
  if (!existsSync(path)) throw new Error(`no log key at ${path}`);
  return logKeyFor(origin, ed25519FromPem(readFileSync(path, 'utf8')));
}

/**
 * Loads the log key from `certsDir`, generating it when absent (`created` tells which).
 * Writes with O_EXCL and mode 0600, so an existing key is never overwritten.
 */
export function loadOrCreateLogKey(
  certsDir: string,
  origin: string,
): { key: LogKey; created: boolean } {
  const path = join(certsDir, LOG_KEY_FILE);
  if (existsSync(path))
    return { key: logKeyFor(origin, ed25519FromPem(readFileSync(path, 'utf8'))), created: false };
  mkdirSync(certsDir, { recursive: true, mode: 0o700 });
  const pair = generateEd25519();
  writeFileSync(path, ed25519ToPem(pair), { mode: 0o600, flag: 'wx' });
  return { key: logKeyFor(origin, pair), created: true };
}
