/**
 * The CLI's hashing host (docs/architecture.md): SHA-256 and SM3 of a file with node:crypto. For a large
 * file, SM3 (~3× slower) runs on a worker thread that reads the file itself, in parallel with
 * SHA-256 on the main thread: no chunk crosses threads, and the whole takes about as long as
 * SM3 alone. Small files are hashed on the main thread: a worker would cost more than it saves.
 */
import { open, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createSha256, createSm3 } from '../crypto/index.js';
import type { DigestRequest, DigestReply } from './digest-worker.js';

/** Files smaller than this are hashed on the main thread only. */
export const WORKER_THRESHOLD_BYTES = 8 * 1024 * 1024;
/** Read size: large reads keep the per-chunk overhead negligible. */
export const READ_BYTES = 4 * 1024 * 1024;

/** Digests of a file: lowercase hex, and its size. */
export interface FileHashes {
  readonly size: number;
  readonly sha256: string;
  readonly sm3: string;
}

/** Progress of a hash: bytes done of `total`. */
export type Progress = (done: number, total: number) => void;

/**
 * Starts the digest worker from compiled JavaScript or, under tsx (tests), from the `.ts` source
 * through a bootstrap that registers tsx in the worker first (as `sm3-spawn.ts` does: Node 20
 * does not pass `--import tsx` to a worker's entry module).
 */
function spawnDigestWorker(request: DigestRequest): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts'))
    return new Worker(new URL('./digest-worker.js', self), { workerData: request });
  const entry = JSON.stringify(new URL('./digest-worker.ts', self).href);
  const api = createRequire(self)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const tsx = JSON.stringify(pathToFileURL(api).href);
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(bootstrap, { eval: true, workerData: request });
}

/** SM3 of `path` on a worker; `onProgress` sees the bytes it has hashed. */
function sm3OnWorker(
  path: string,
  onProgress: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<DigestReply> {
  return new Promise((resolve, reject) => {
    const worker = spawnDigestWorker({ path, algorithm: 'sm3', readBytes: READ_BYTES });
    let settled = false;
    signal?.addEventListener('abort', () => {
      settled = true;
      reject(signal.reason);
      void worker.terminate();
    });
    worker.on('message', (m: { progress: number } | DigestReply) => {
      if ('progress' in m) onProgress(m.progress);
      else {
        settled = true;
        resolve(m);
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the SM3 worker exited with code ${code}`));
    });
  });
}

/**
 * Hashes the file at `path` with SHA-256 and SM3.
 * @throws the file system's error (ENOENT, EACCES, …); an error for a path that is not a file;
 *   the signal's reason when aborted (the worker is terminated).
 */
export async function hashFile(
  path: string,
  options: { onProgress?: Progress; workerThreshold?: number; signal?: AbortSignal } = {},
): Promise<FileHashes> {
  const { signal } = options;
  signal?.throwIfAborted();
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  const total = info.size;
  const onWorker = total >= (options.workerThreshold ?? WORKER_THRESHOLD_BYTES);
  let shaDone = 0;
  let sm3Done = 0;
  const report = (): void => options.onProgress?.(Math.min(shaDone, sm3Done), total);
  const sm3 = onWorker
    ? sm3OnWorker(
        path,
        (done) => {
          sm3Done = done;
          report();
        },
        signal,
      )
    : undefined;
  const sm3Here = onWorker ? undefined : createSm3();
  const sha256 = createSha256();
  const file = await open(path, 'r');
  try {
    // Two buffers: the next read runs while this chunk is hashed.
    const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
    let pending = file.read(buffers[0]!, 0, READ_BYTES, null);
    for (let turn = 1; ; turn++) {
      const { bytesRead, buffer } = await pending;
      signal?.throwIfAborted();
      if (bytesRead === 0) break;
      pending = file.read(buffers[turn % 2]!, 0, READ_BYTES, null);
      const chunk = buffer.subarray(0, bytesRead);
      sha256.update(chunk);
      sm3Here?.update(chunk);
      shaDone += bytesRead;
      if (sm3Here) sm3Done = shaDone;
      report();
    }
  } catch (err) {
    await sm3?.catch(() => undefined);
    throw err;
  } finally {
    await file.close();
  }
  const sha256Hex = sha256.digest('hex');
  if (sm3Here) return { size: shaDone, sha256: sha256Hex, sm3: sm3Here.digest('hex') };
  const fromWorker = await sm3!;
  if (fromWorker.size !== shaDone) throw new Error(`${path} changed while it was being hashed`);
  return { size: shaDone, sha256: sha256Hex, sm3: fromWorker.hex };
}

/** Files at least this large get a progress bar on a terminal. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

/**
 * A progress bar on `stream` (a TTY), redrawn at most 10 times a second; `done()` clears it.
 * Returns undefined when `stream` is not a TTY or the file is small.
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  total: number,
): { update: Progress; done(): void } | undefined {
  if (!stream.isTTY || total < PROGRESS_MIN_BYTES) return undefined;
  const start = Date.now();
  let last = 0;
  const width = 30;
  return {
    update(done, all) {
      const now = Date.now();
      if (now - last < 100 && done < all) return;
      last = now;
      const f = all === 0 ? 1 : done / all;
      const filled = Math.round(f * width);
      const mbs = done / 1e6 / Math.max(0.001, (now - start) / 1000);
      stream.write(
        `\r计算摘要 hashing [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${mbs.toFixed(0)} MB/s `,
      );
    },
    done() {
      stream.write(`\r${' '.repeat(width + 40)}\r`);
    },
  };
}
