/**
 * File modes of the data folder (docs/SECURITY.md, "Files on disk"): the data folder, `db/`,
 * `blobs/` (and its `aa/bb` subfolders) and `tmp/` are 0700, every file written in them 0600 —
 * evidence, certificates, LevelDB's own files, `server.json`, backups. Only the service's user
 * may read what people deposited.
 */
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** Folders of the data folder. */
export const PRIVATE_DIR_MODE = 0o700;
/** Files of the data folder. */
export const PRIVATE_FILE_MODE = 0o600;
/** The process umask that makes files created without an explicit mode (LevelDB's) 0600. */
export const PRIVATE_UMASK = 0o077;

/**
 * Sets the process umask to {@link PRIVATE_UMASK}, so files and folders created by libraries
 * that pass no mode (LevelDB's tables, logs and LOCK) are private too. A no-op in worker
 * threads, where Node cannot change the umask; the main thread's umask applies to them.
 */
export function usePrivateUmask(): void {
  if (isMainThread) process.umask(PRIVATE_UMASK);
}

/** Creates `dir` (and missing parents) if needed and makes it 0700, whatever its mode was. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes every regular file directly in `dir` 0600 (files an earlier version, or a library
 * before {@link usePrivateUmask}, left readable by others). Subfolders are not entered.
 */
export async function restrictFiles(dir: string): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile()) await chmod(join(dir, e.name), PRIVATE_FILE_MODE);
  }
}
