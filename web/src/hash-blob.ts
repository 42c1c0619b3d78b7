/**
 * The browser's hashing host (docs/architecture.md): streaming SHA-256 and SM3 (GB/T 32905) of a Blob or
 * File with hash-wasm, one slice at a time, so a file of any size is hashed without being read
 * whole. Runs wherever `Blob` and WebAssembly exist (browsers, Node ≥ 20); Node hosts use
 * node:crypto instead, and a test cross-checks the two.
 * @module
 */
import { createSHA256, createSM3 } from 'hash-wasm';

/** Bytes read per slice (4 MiB: large enough for throughput, small for memory). */
export const BLOB_SLICE_BYTES = 4 * 1024 * 1024;

/** The digests a verifier needs of a file: lowercase hex, and the size in bytes. */
export interface BlobDigests {
  readonly size: number;
  readonly sha256: string;
  readonly sm3: string;
}

/** Options of {@link hashBlob}. */
export interface HashBlobOptions {
  /** Bytes per slice (default {@link BLOB_SLICE_BYTES}). */
  readonly sliceBytes?: number;
  /** Called after each slice with the bytes hashed so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborts the hashing (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
}

/**
 * SHA-256 and SM3 of `blob`, read slice by slice.
 * @throws RangeError for a `sliceBytes` that is not a positive integer; the signal's reason when
 *   aborted; whatever `Blob.arrayBuffer` throws (a file that became unreadable).
 * @example
 * const { sha256, sm3 } = await hashBlob(input.files[0], { onProgress: (d, t) => bar(d / t) });
 */
export async function hashBlob(blob: Blob, options: HashBlobOptions = {}): Promise<BlobDigests> {
  const slice = options.sliceBytes ?? BLOB_SLICE_BYTES;
  if (!Number.isSafeInteger(slice) || slice < 1)
    throw new RangeError('sliceBytes must be a positive integer');
  const [sha256, sm3] = await Promise.all([createSHA256(), createSM3()]);
  sha256.init();
  sm3.init();
  const total = blob.size;
  // Read the next slice while hashing this one.
  let next: Promise<ArrayBuffer> | undefined =
    total > 0 ? blob.slice(0, Math.min(slice, total)).arrayBuffer() : undefined;
  for (let offset = 0; next !== undefined;) {
    options.signal?.throwIfAborted();
    const bytes = new Uint8Array(await next);
    const end = offset + bytes.length;
    next = end < total ? blob.slice(end, Math.min(end + slice, total)).arrayBuffer() : undefined;
    sha256.update(bytes);
    sm3.update(bytes);
    offset = end;
    options.onProgress?.(offset, total);
  }
  options.signal?.throwIfAborted();
  return { size: total, sha256: sha256.digest('hex'), sm3: sm3.digest('hex') };
}
