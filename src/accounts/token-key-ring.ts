/**
 * Token signing-key rotation (`huicun keygen --rotate-token-key`). The current ES256 key moves
 * (hard link, then unlink: never overwritten) to `certs/token-es256.<kid>.previous.pem`, its time
 * set to the moment of retirement, and a new key is generated. The server trusts a retired key
 * only for tokens it signed before retirement, and only while such a token can still be alive
 * (1 hour): older retired files are ignored and may be deleted.
 */
import { linkSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { p256FromPem } from '../crypto/index.js';
import {
  loadOrCreateTokenKey,
  TOKEN_KEY_FILE,
  TOKEN_LIFETIME_S,
  tokenKeyId,
  type RetiredTokenKey,
} from './tokens.js';

const RETIRED = /^token-es256\.([0-9a-f]{16})\.previous\.pem$/;

/** `token-es256.<kid>.previous.pem`. */
const retiredTokenKeyFile = (kid: string): string => `token-es256.${kid}.previous.pem`;

/**
 * The retired token keys whose tokens may still be alive at `now` (retired less than the token
 * lifetime ago), with their retirement times.
 */
export function loadRetiredTokenKeys(
  certsDir: string,
  now: number = Date.now(),
): RetiredTokenKey[] {
  let names: string[];
  try {
    names = readdirSync(certsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: RetiredTokenKey[] = [];
  for (const name of names) {
    if (!RETIRED.test(name)) continue;
    const path = join(certsDir, name);
    const retiredAt = statSync(path).mtimeMs;
    if (now - retiredAt > TOKEN_LIFETIME_S * 1000) continue; // its tokens have all expired
    out.push({ publicKey: p256FromPem(readFileSync(path, 'utf8')).publicKey, retiredAt });
  }
  return out;
}

/**
 * Retires the current token key (creating one first if there is none) and creates a new one.
 * @returns the retired and the new key ids.
 */
export function rotateTokenKey(
  certsDir: string,
  now: number = Date.now(),
): { retired: string; current: string } {
  const { pair } = loadOrCreateTokenKey(certsDir);
  const retired = tokenKeyId(pair);
  const from = join(certsDir, TOKEN_KEY_FILE);
  const to = join(certsDir, retiredTokenKeyFile(retired));
  linkSync(from, to); // EEXIST rather than overwrite
  unlinkSync(from);
  utimesSync(to, now / 1000, now / 1000); // the retirement time
  const { pair: next } = loadOrCreateTokenKey(certsDir);
  return { retired, current: tokenKeyId(next) };
}
