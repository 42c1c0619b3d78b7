/**
 * File helpers of backup and restore: blob copies re-hashed on the way (a blob whose SHA-256
 * differs from its name is refused), synced files and folders, the manifest.
 */
import { constants as fsConstants, createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createSha256 } from '../crypto/index.js';
import { decodeBase64 } from '../log/index.js';
import { OpsError } from './errors.js';

export const BACKUP_FORMAT = 'huicun.backup/v1';
export const MANIFEST_FILE = 'manifest.json';

/** `<dir>/manifest.json`, written last: a backup folder without it is incomplete. */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  /** The log's origin. */
  readonly origin: string;
  /** The tree size and root (base64) of the snapshot's head. */
  readonly size: number;
  readonly root: string;
  /** The signed checkpoint of that head, as the log handed it out. */
  readonly checkpoint: string;
  readonly createdAt: string;
  /** Evidence files and certificates copied, and their bytes. */
  readonly blobs: number;
  readonly bytes: number;
  /** LevelDB keys copied. */
  readonly records: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where the blob of `sha256` lives under a `blobs/` folder. */
export function blobPathIn(blobDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new TypeError('a blob digest is 64 lowercase hex digits');
  return join(blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** fsync of one folder (its new names). */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, fsConstants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** fsync of `root` and every folder below it (after files were created in them). */
export async function fsyncTree(root: string): Promise<void> {
  for (const e of await readdir(root, { withFileTypes: true })) {
    if (e.isDirectory()) await fsyncTree(join(root, e.name));
  }
  await fsyncDir(root);
}

/**
 * Copies the blob `from` to `to` (a new file, mode 0600, synced), hashing it on the way.
 * @returns its size in bytes.
 * @throws OpsError BLOB_MISSING when `from` does not exist; BLOB_DIGEST_MISMATCH when its SHA-256
 *   is not `sha256` or its size not `expectedSize` (nothing is left at `to`).
 */
export async function copyBlobVerified(
  from: string,
  to: string,
  sha256: string,
  expectedSize: number | undefined,
  onBytes: (n: number) => void = () => undefined,
): Promise<number> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  const part = `${to}.part`;
  const out = await open(part, 'wx', 0o600);
  const hash = createSha256();
  let size = 0;
  try {
    try {
      for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        await out.write(bytes);
        size += bytes.length;
        onBytes(bytes.length);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw new OpsError('BLOB_MISSING', `the stored file ${sha256} is missing`, { cause: err });
      throw err;
    }
    await out.sync();
  } catch (err) {
    await out.close();
    await unlink(part).catch(() => undefined);
    throw err;
  }
  await out.close();
  const actual = hash.digest('hex');
  if (actual !== sha256 || (expectedSize !== undefined && size !== expectedSize)) {
    await unlink(part).catch(() => undefined);
    throw new OpsError(
      'BLOB_DIGEST_MISMATCH',
      actual !== sha256
        ? `the stored file ${sha256} no longer has that SHA-256 (it hashes to ${actual})`
        : `the stored file ${sha256} has ${size} bytes, its record says ${expectedSize}`,
    );
  }
  await rename(part, to);
  return size;
}

/** Writes `path` atomically: temp file, fsync, rename, fsync of the folder. */
export async function writeFileSynced(path: string, text: string, mode = 0o600): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, text, { mode, flag: 'w' });
  const fh = await open(temp, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, path);
  await fsyncDir(dirname(path));
}

/**
 * Reads and checks the shape of `<dir>/manifest.json` (its signature is checked by the caller).
 * @throws OpsError BACKUP_INVALID when it is missing or malformed.
 */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const path = join(dir, MANIFEST_FILE);
  let value: Partial<BackupManifest>;
  try {
    value = JSON.parse(await readFile(path, 'utf8')) as Partial<BackupManifest>;
  } catch (cause) {
    throw new OpsError(
      'BACKUP_INVALID',
      `${path} is missing or not JSON: not a complete backup (the manifest is written last)`,
      { cause },
    );
  }
  const bad: string[] = [];
  if (value.format !== BACKUP_FORMAT) bad.push('format');
  if (typeof value.origin !== 'string') bad.push('origin');
  if (!Number.isSafeInteger(value.size) || (value.size as number) < 0) bad.push('size');
  try {
    if (decodeBase64(String(value.root)).length !== 32) bad.push('root');
  } catch {
    bad.push('root');
  }
  if (typeof value.checkpoint !== 'string') bad.push('checkpoint');
  if (typeof value.createdAt !== 'string') bad.push('createdAt');
  for (const k of ['blobs', 'bytes', 'records'] as const)
    if (!Number.isSafeInteger(value[k]) || (value[k] as number) < 0) bad.push(k);
  if (bad.length) throw new OpsError('BACKUP_INVALID', `${path} is malformed: ${bad.join(', ')}`);
  return value as BackupManifest;
}
