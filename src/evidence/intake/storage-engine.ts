/**
 * multer StorageEngine that streams each file part through SHA-256 (main thread) and SM3 (the
 * shared worker) into `<data>/tmp/`, enforcing the size limit and the free-space reserve while
 * bytes arrive, then fsyncs and commits the file into the blob store (docs/life-of-a-deposit.md). Nothing is ever
 * buffered whole: memory per upload is the stream buffers plus at most the SM3 in-flight budget.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type multer from 'multer';
import { createSha256 } from '../../crypto/index.js';
import type { BlobHold, BlobStore } from '../../storage/index.js';
import { IntakeError } from './errors.js';
import { fileName } from '../../input/index.js';
import { chooseMediaType, SNIFF_BYTES } from './media-type.js';
import type { Sm3Worker } from './sm3-client.js';

/** One stored file as deposits describe it (docs/api.md). */
export interface IntakeFile {
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly sha256: string;
  readonly sm3: string;
}

/** A stored file with the hold that keeps its blob while the deposit is being appended. */
export interface StoredFile extends IntakeFile {
  readonly hold: BlobHold;
}

/** Key under which the stored file rides on multer's file object (`req.files[i]`). */
export const STORED = Symbol('huicun.storedFile');

/** Options of {@link HashingStorage}. */
export interface HashingStorageOptions {
  readonly blobs: BlobStore;
  readonly sm3: Sm3Worker;
  /** Largest accepted file; a file of exactly this size is accepted (docs/api.md). */
  readonly maxFileBytes: number;
  /** Free space that uploads must leave on the data filesystem (docs/life-of-a-deposit.md). */
  readonly reserveBytes: number;
  /** Free bytes on the data filesystem; defaults to `blobs.freeBytes()` (tests inject). */
  readonly freeBytes?: () => Promise<number>;
  /** Bytes between two free-space checks while a file streams (default 8 MiB). */
  readonly spaceCheckBytes?: number;
}

/** What one request has in progress and has stored. */
export class RequestUploads {
  /** File bytes received so far in this request. */
  received = 0;
  readonly tasks = new Set<Promise<unknown>>();
  /** Committed files still held by this request. */
  readonly stored = new Set<StoredFile>();
  /** The first failure: later parts are drained, not stored. */
  failed: unknown;

  constructor(readonly contentLength: number | undefined) {}

  /** Bytes this request may still write (known only with a Content-Length). */
  get remaining(): number {
    return this.contentLength === undefined ? 0 : Math.max(0, this.contentLength - this.received);
  }
}

function contentLengthOf(req: Request): number | undefined {
  const raw = req.headers['content-length'];
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

function storageError(err: unknown): unknown {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new IntakeError('INSUFFICIENT_STORAGE', 'the server is out of storage space', {
      cause: err,
    });
  }
  return err;
}

/** The hashing, limit-enforcing storage engine; one per upload handler. */
export class HashingStorage implements multer.StorageEngine {
  readonly #options: HashingStorageOptions;
  readonly #freeBytes: () => Promise<number>;
  readonly #requests = new WeakMap<Request, RequestUploads>();
  readonly #active = new Set<RequestUploads>();

  constructor(options: HashingStorageOptions) {
    this.#options = options;
    this.#freeBytes = options.freeBytes ?? (() => options.blobs.freeBytes());
  }

  /** Starts bookkeeping for `req` (its Content-Length counts against free space until `end`). */
  begin(req: Request): RequestUploads {
    let uploads = this.#requests.get(req);
    if (uploads === undefined) {
      uploads = new RequestUploads(contentLengthOf(req));
      this.#requests.set(req, uploads);
      this.#active.add(uploads);
    }
    return uploads;
  }

  /** Ends bookkeeping for `req`. */
  end(req: Request): void {
    const uploads = this.#requests.get(req);
    if (uploads !== undefined) this.#active.delete(uploads);
    this.#requests.delete(req);
  }

  /** Resolves once no file of `req` is being written or cleaned up any more. */
  async settled(req: Request): Promise<void> {
    const uploads = this.#requests.get(req);
    while (uploads !== undefined && uploads.tasks.size > 0) await Promise.allSettled(uploads.tasks);
  }

  /** Drops the holds of every file `req` still holds and deletes blobs nothing else needs. */
  async discardAll(req: Request): Promise<void> {
    const uploads = this.#requests.get(req);
    if (uploads === undefined) return;
    const files = [...uploads.stored];
    uploads.stored.clear();
    for (const f of files) f.hold.drop();
    await Promise.all(
      [...new Set(files.map((f) => f.sha256))].map((d) => this.#options.blobs.release(d)),
    );
  }

  /** multer: stores one file part. */
  _handleFile(
    req: Request,
    file: Express.Multer.File,
    cb: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const uploads = this.#requests.get(req) ?? this.begin(req);
    if (uploads.failed !== undefined) {
      file.stream.resume();
      cb(uploads.failed);
      return;
    }
    const task = this.#store(uploads, file).then(
      (stored) => cb(null, { size: stored.size, [STORED]: stored } as Partial<Express.Multer.File>),
      (err: unknown) => {
        uploads.failed ??= err;
        cb(err);
      },
    );
    uploads.tasks.add(task);
    void task.finally(() => uploads.tasks.delete(task));
  }

  /** multer: undoes a stored file when the request fails. */
  _removeFile(req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    const stored = (file as Partial<Record<typeof STORED, StoredFile>>)[STORED];
    if (stored === undefined) return cb(null);
    this.#requests.get(req)?.stored.delete(stored);
    stored.hold.drop();
    this.#options.blobs.release(stored.sha256).then(() => cb(null), cb);
  }

  async #checkSpace(): Promise<void> {
    const free = await this.#freeBytes();
    let expected = 0;
    for (const uploads of this.#active) expected += uploads.remaining;
    if (free - expected < this.#options.reserveBytes) {
      throw new IntakeError(
        'INSUFFICIENT_STORAGE',
        'not enough storage space to accept this upload',
      );
    }
  }

  async #store(uploads: RequestUploads, file: Express.Multer.File): Promise<StoredFile> {
    const { blobs, sm3, maxFileBytes } = this.#options;
    const spaceCheckBytes = this.#options.spaceCheckBytes ?? 8 * 1024 * 1024;
    const name = fileName(file.originalname);
    await this.#checkSpace();
    const checkSpace = (): Promise<void> => this.#checkSpace();
    const temp = blobs.tempPath();
    const id = sm3.open();
    const sha256 = createSha256();
    const head = new Uint8Array(SNIFF_BYTES);
    let headLength = 0;
    let size = 0;
    async function* meter(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      let nextSpaceCheck = spaceCheckBytes;
      for await (const chunk of source) {
        size += chunk.length;
        uploads.received += chunk.length;
        if (size > maxFileBytes) {
          throw new IntakeError('FILE_TOO_LARGE', `a file is larger than ${maxFileBytes} bytes`);
        }
        if (size >= nextSpaceCheck) {
          nextSpaceCheck = size + spaceCheckBytes;
          await checkSpace();
        }
        if (headLength < SNIFF_BYTES) {
          const part = chunk.subarray(0, SNIFF_BYTES - headLength);
          head.set(part, headLength);
          headLength += part.length;
        }
        sha256.update(chunk);
        const backpressure = sm3.update(id, chunk);
        if (backpressure !== undefined) await backpressure;
        yield chunk;
      }
    }
    try {
      // Iterated without destroy-on-return: destroying the part stream would make it emit an
      // AbortError that multer reports instead of our IntakeError; a refused part is drained.
      // `flush`: the write stream fsyncs before closing; pipeline settles after the close.
      const source = file.stream.iterator({ destroyOnReturn: false });
      const out = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true });
      await pipeline(meter(source), out);
      if (size === 0) throw new IntakeError('EMPTY_FILE', 'a file is empty');
      const sm3Hex = await sm3.final(id);
      const sha256Hex = sha256.digest('hex');
      const hold = await blobs.commit(temp, sha256Hex);
      const headBytes = head.subarray(0, headLength);
      const mediaType = chooseMediaType(file.mimetype, headBytes, size > headLength);
      const stored: StoredFile = { name, size, mediaType, sha256: sha256Hex, sm3: sm3Hex, hold };
      uploads.stored.add(stored);
      return stored;
    } catch (err) {
      const failure = storageError(err);
      uploads.failed ??= failure;
      file.stream.resume();
      sm3.abort(id);
      await rm(temp, { force: true });
      throw failure;
    }
  }
}
