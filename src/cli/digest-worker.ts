/**
 * A worker thread that hashes one file with one algorithm, reading it itself (so no chunk is
 * copied between threads), and reports progress every 16 MiB. Started by `hash-file.ts`.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createSm3 } from '../crypto/index.js';

/** What the worker is given (`workerData`). */
export interface DigestRequest {
  readonly path: string;
  readonly algorithm: 'sm3';
  readonly readBytes: number;
}

/** What it answers: the hex digest and the bytes it read. */
export interface DigestReply {
  readonly hex: string;
  readonly size: number;
}

const PROGRESS_BYTES = 16 * 1024 * 1024;

if (parentPort !== null && workerData !== null && typeof workerData === 'object') {
  const port = parentPort;
  const { path, readBytes } = workerData as DigestRequest;
  const hash = createSm3();
  const buffer = Buffer.allocUnsafe(readBytes);
  const fd = openSync(path, 'r');
  let size = 0;
  let next = PROGRESS_BYTES;
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      hash.update(buffer.subarray(0, n));
      size += n;
      if (size >= next) {
        next = size + PROGRESS_BYTES;
        port.postMessage({ progress: size });
      }
    }
  } finally {
    closeSync(fd);
  }
  port.postMessage({ progress: size });
  port.postMessage({ hex: hash.digest('hex'), size } satisfies DigestReply);
}
