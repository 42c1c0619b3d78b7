/**
 * Key files under the certs folder (docs/configuration.md): generated on first start with mode 0600 and
 * O_EXCL, so an existing key is never overwritten, and read as they are afterwards.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads `<certsDir>/<name>`, or creates it from `make()` when absent (`created` tells which).
 * A concurrent creator wins: its file is read instead of ours being written over it.
 */
export function loadOrCreateKeyFile(
  certsDir: string,
  name: string,
  make: () => Uint8Array | string,
): { bytes: Buffer; created: boolean; path: string } {
  const path = join(certsDir, name);
  try {
    return { bytes: readFileSync(path), created: false, path };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(certsDir, { recursive: true, mode: 0o700 });
  const value = make();
  try {
    writeFileSync(path, value, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return { bytes: readFileSync(path), created: false, path };
    throw err;
  }
  chmodSync(path, 0o600); // the umask may have narrowed nothing, but never widen
  return { bytes: Buffer.from(value), created: true, path };
}
