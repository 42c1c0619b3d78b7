/**
 * Content-addressed blob store for uploaded evidence files (docs/life-of-a-deposit.md step 2).
 *
 * Layout: `<data>/blobs/<aa>/<bb>/<sha256 hex>` plus `<data>/tmp/` for uploads in progress (same
 * filesystem, so the commit is an atomic rename). Order on commit: the writer fsyncs the temp
 * file → rename into place (deduplicated) → fsync the directory and any new parents. A blob is
 * deleted only under its per-digest lock, only while no in-flight upload holds it, and only when
 * the caller's `isReferenced` (the deposit records) says nothing needs it. Folders are 0700 and
 * blobs 0600 (docs/SECURITY.md, "Files on disk"; src/storage/modes.ts).
 */
import { constants as fsConstants, type ReadStream } from 'node:fs';
import {
  chmod,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  stat,
  statfs,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from '../crypto/index.js';
import { BaseError } from '../errors.js';
import { KeyedLock } from './keyed-lock.js';
import { ensurePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './modes.js';

/** Codes of {@link BlobError}. */
export type BlobErrorCode = 'BLOB_NOT_FOUND';

/** A blob that should exist does not (a record points at a missing file: data loss). */
export class BlobError extends BaseError<BlobErrorCode> {}

/** Tells whether a committed deposit record still needs the blob of `sha256`. */
export type IsReferenced = (sha256: string) => boolean | Promise<boolean>;

/** Options of {@link BlobStore.open}. */
export interface BlobStoreOptions {
  /** The data folder; blobs go to `<dataDir>/blobs`, uploads in progress to `<dataDir>/tmp`. */
  readonly dataDir: string;
  /** Consulted under the digest's lock before a blob is deleted; `true` keeps the blob. */
  readonly isReferenced: IsReferenced;
}

/** An in-flight upload's claim on a blob: while held, `release` never deletes the blob. */
export interface BlobHold {
  readonly sha256: string;
  /** True when this commit created the blob, false when it already existed (deduplicated). */
  readonly created: boolean;
  /** Drops the claim; idempotent. Call `BlobStore.release` afterwards to delete an orphan. */
  drop(): void;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function assertDigest(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new TypeError('a blob digest is 64 lowercase hex digits');
}

function isNotFound(err: unknown): boolean {
  return (err as { code?: unknown } | undefined)?.code === 'ENOENT';
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, fsConstants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The blob store; create with {@link BlobStore.open}. */
export class BlobStore {
  readonly blobDir: string;
  readonly tmpDir: string;
  readonly #dataDir: string;
  readonly #isReferenced: IsReferenced;
  readonly #lock = new KeyedLock();
  readonly #holds = new Map<string, number>();

  private constructor(options: BlobStoreOptions) {
    this.#dataDir = options.dataDir;
    this.blobDir = join(options.dataDir, 'blobs');
    this.tmpDir = join(options.dataDir, 'tmp');
    this.#isReferenced = options.isReferenced;
  }

  /**
   * Creates the folders if needed, makes them and the `aa/bb` subfolders 0700 (an earlier
   * version left them 0755), and sweeps leftovers of a previous run out of `tmp/`.
   */
  static async open(options: BlobStoreOptions): Promise<BlobStore> {
    const store = new BlobStore(options);
    await ensurePrivateDir(store.blobDir);
    await ensurePrivateDir(store.tmpDir);
    await store.#restrictSubfolders();
    await store.sweepTemp();
    return store;
  }

  async #restrictSubfolders(): Promise<void> {
    const subfolders = async (dir: string): Promise<string[]> =>
      (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => join(dir, e.name));
    for (const a of await subfolders(this.blobDir)) {
      await chmod(a, PRIVATE_DIR_MODE);
      for (const b of await subfolders(a)) await chmod(b, PRIVATE_DIR_MODE);
    }
  }

  /**
   * Removes everything in `tmp/`. Call at start only: it would pull files from under uploads in
   * progress. Returns the number of entries removed.
   */
  async sweepTemp(): Promise<number> {
    const names = await readdir(this.tmpDir);
    await Promise.all(names.map((n) => rm(join(this.tmpDir, n), { force: true, recursive: true })));
    return names.length;
  }

  /**
   * Deletes every blob no record references: what an upload interrupted by a crash committed
   * before its deposit was appended. Call at start, before serving (no upload holds a blob yet).
   * Walks the whole blob folder: O(files). Returns the digests removed.
   */
  async sweepUnreferenced(): Promise<string[]> {
    const removed: string[] = [];
    for (const a of await readdir(this.blobDir)) {
      for (const b of await readdir(join(this.blobDir, a)).catch(() => [])) {
        for (const name of await readdir(join(this.blobDir, a, b)).catch(() => [])) {
          if (!/^[0-9a-f]{64}$/.test(name)) continue;
          if (await this.release(name)) removed.push(name);
        }
      }
    }
    return removed;
  }

  /** A fresh, unpredictable path in `tmp/` for an upload to write (create it with flag `wx`). */
  tempPath(): string {
    return join(this.tmpDir, `${Buffer.from(randomBytes(16)).toString('hex')}.part`);
  }

  /** Where the blob of `sha256` lives (whether or not it exists). */
  path(sha256: string): string {
    assertDigest(sha256);
    return join(this.blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Size and modification time of a blob, or `undefined` when there is none. */
  async stat(sha256: string): Promise<{ size: number; mtime: Date } | undefined> {
    try {
      const s = await stat(this.path(sha256));
      return { size: s.size, mtime: s.mtime };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Opens a blob for reading (downloads).
   * @throws BlobError BLOB_NOT_FOUND when it does not exist.
   */
  async open(sha256: string): Promise<FileHandle> {
    try {
      return await open(this.path(sha256), 'r');
    } catch (err) {
      if (isNotFound(err)) throw new BlobError('BLOB_NOT_FOUND', `no blob ${sha256}`, { cause: err });
      throw err;
    }
  }

  /** A read stream over a blob, optionally a byte range (inclusive `end`, as in HTTP Range). */
  async createReadStream(sha256: string, range?: { start: number; end: number }): Promise<ReadStream> {
    const fh = await this.open(sha256);
    return fh.createReadStream(range === undefined ? {} : { start: range.start, end: range.end });
  }

  /** Free bytes for an unprivileged writer on the data filesystem (`statfs` f_bavail × f_bsize). */
  async freeBytes(): Promise<number> {
    const s = await statfs(this.#dataDir);
    return s.bavail * s.bsize;
  }

  /** How many in-flight uploads hold `sha256` (tests and diagnostics). */
  holds(sha256: string): number {
    return this.#holds.get(sha256) ?? 0;
  }

  /**
   * Moves a finished, already fsynced temp file to the blob of `sha256` and takes a hold on it.
   * When the blob exists already (same size) the temp file is unlinked instead (deduplication);
   * a same-named blob of another size is corrupt and is replaced. The caller must have computed
   * `sha256` over exactly the temp file's bytes.
   */
  async commit(tempPath: string, sha256: string): Promise<BlobHold> {
    const dest = this.path(sha256);
    return this.#lock.run(sha256, async () => {
      const [existing, temp] = await Promise.all([this.stat(sha256), stat(tempPath)]);
      let created = false;
      if (existing !== undefined && existing.size === temp.size) {
        await unlink(tempPath);
      } else {
        const leaf = dirname(dest);
        const firstNew = await mkdir(leaf, { recursive: true, mode: PRIVATE_DIR_MODE });
        // Whoever wrote the temp file, the blob is readable by the service's user only.
        await chmod(tempPath, PRIVATE_FILE_MODE);
        await rename(tempPath, dest);
        created = existing === undefined;
        try {
          // The leaf always (the new name), then each newly created parent bottom-up.
          await fsyncDir(leaf);
          if (firstNew !== undefined) {
            for (let d = dirname(leaf); d.length >= this.blobDir.length; d = dirname(d)) {
              await fsyncDir(d);
              if (d === dirname(firstNew)) break;
            }
          }
        } catch (err) {
          if (created) await this.#releaseLocked(sha256).catch(() => undefined);
          throw err;
        }
      }
      return this.#hold(sha256, created);
    });
  }

  /**
   * Deletes the blob of `sha256` if no upload holds it and `isReferenced` says no, under the
   * digest's lock. Returns whether a blob was deleted. Safe to call for a missing blob.
   */
  async release(sha256: string): Promise<boolean> {
    assertDigest(sha256);
    return this.#lock.run(sha256, () => this.#releaseLocked(sha256));
  }

  async #releaseLocked(sha256: string): Promise<boolean> {
    if (this.holds(sha256) > 0) return false;
    if (await this.#isReferenced(sha256)) return false;
    try {
      await unlink(this.path(sha256));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  #hold(sha256: string, created: boolean): BlobHold {
    this.#holds.set(sha256, this.holds(sha256) + 1);
    let held = true;
    return {
      sha256,
      created,
      drop: () => {
        if (!held) return;
        held = false;
        const n = this.holds(sha256) - 1;
        if (n > 0) this.#holds.set(sha256, n);
        else this.#holds.delete(sha256);
      },
    };
  }
}
