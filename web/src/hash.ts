/**
 * Hashing a file in the browser (docs/architecture.md, docs/life-of-a-deposit.md): SHA-256 and SM3 with hash-wasm, the file read
 * in slices so that its size does not matter; the file never leaves the machine. Two workers
 * hash side by side (one per algorithm); without workers, the verifier's own browser host
 * (`hash-blob.ts`) hashes on the page.
 * @module
 */

/** Bytes per slice: large enough for throughput, small enough for memory. */
export const SLICE_BYTES = 4 * 1024 * 1024;
/** Slices in flight per worker. */
const IN_FLIGHT = 4;

declare const HUICUN_HASH_WORKER: string;

export interface FileDigests {
  readonly size: number;
  readonly sha256: string;
  readonly sm3: string;
}

export type HashProgress = (done: number, total: number) => void;

interface WorkerOut {
  readonly type: 'ack' | 'digest' | 'error';
  readonly bytes?: number;
  readonly hex?: string;
  readonly message?: string;
}

class HashWorker {
  readonly worker: Worker;
  acked = 0;
  sent = 0;
  readonly digest: Promise<string>;
  private wake: (() => void) | undefined;

  constructor(alg: 'sha256' | 'sm3') {
    this.worker = new Worker(HUICUN_HASH_WORKER);
    this.digest = new Promise<string>((resolve, reject) => {
      this.worker.addEventListener('message', (e: MessageEvent<WorkerOut>) => {
        const m = e.data;
        if (m.type === 'ack') {
          this.acked += m.bytes ?? 0;
          this.wake?.();
        } else if (m.type === 'digest') {
          resolve(m.hex ?? '');
        } else {
          reject(new Error(m.message ?? 'hashing failed'));
        }
      });
      this.worker.addEventListener('error', (e) => reject(new Error(e.message || 'worker failed')));
    });
    this.digest.catch(() => undefined);
    this.worker.postMessage({ type: 'init', alg });
  }

  /** Resolves when at most `IN_FLIGHT` slices are unacknowledged. */
  async room(sliceBytes: number): Promise<void> {
    while (this.sent - this.acked > IN_FLIGHT * sliceBytes) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  send(buf: ArrayBuffer): void {
    this.sent += buf.byteLength;
    this.worker.postMessage({ type: 'chunk', buf }, [buf]);
  }
}

async function hashWithWorkers(
  file: Blob,
  onProgress: HashProgress | undefined,
  signal: AbortSignal | undefined,
): Promise<FileDigests> {
  const sha = new HashWorker('sha256');
  const sm3 = new HashWorker('sm3');
  const stop = (): void => {
    sha.worker.terminate();
    sm3.worker.terminate();
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const total = file.size;
    let next: Promise<ArrayBuffer> | undefined =
      total > 0 ? file.slice(0, Math.min(SLICE_BYTES, total)).arrayBuffer() : undefined;
    let offset = 0;
    let reported = -1;
    const report = (): void => {
      const done = Math.min(sha.acked, sm3.acked);
      if (done !== reported) {
        reported = done;
        onProgress?.(done, total);
      }
    };
    const timer = setInterval(report, 100);
    try {
      while (next !== undefined) {
        signal?.throwIfAborted();
        const buf = await next;
        const end = offset + buf.byteLength;
        next =
          end < total
            ? file.slice(end, Math.min(end + SLICE_BYTES, total)).arrayBuffer()
            : undefined;
        await Promise.all([sha.room(SLICE_BYTES), sm3.room(SLICE_BYTES)]);
        sm3.send(buf.slice(0));
        sha.send(buf);
        offset = end;
      }
      sha.worker.postMessage({ type: 'end' });
      sm3.worker.postMessage({ type: 'end' });
      const [sha256, sm3hex] = await Promise.all([sha.digest, sm3.digest]);
      signal?.throwIfAborted();
      onProgress?.(total, total);
      return { size: total, sha256, sm3: sm3hex };
    } finally {
      clearInterval(timer);
    }
  } finally {
    stop();
  }
}

/**
 * SHA-256 and SM3 of `file`, lowercase hex, with progress.
 * @throws the signal's reason when aborted; an Error when the file cannot be read.
 */
export async function hashFile(
  file: Blob,
  onProgress?: HashProgress,
  signal?: AbortSignal,
): Promise<FileDigests> {
  if (typeof Worker !== 'undefined') {
    try {
      return await hashWithWorkers(file, onProgress, signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      // a worker could not start (old browser, blocked): hash on the page instead
    }
  }
  const { hashBlob } = await import('./hash-blob.js');
  return hashBlob(file, {
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
  });
}
