/**
 * Main-thread side of the shared SM3 worker (docs/life-of-a-deposit.md). SM3 runs at ~180 MB/s, so it runs off
 * the request thread while SHA-256 (~900 MB/s) stays on it. Each upload gets an id and a ring of
 * `maxInFlightBytes` (2 MiB; docs/life-of-a-deposit.md allows 8) shared with the worker: chunks are COPIED into the ring (the
 * request's buffers are never transferred or shared), and when the ring is full `update` returns
 * a promise, so the caller stops reading the request until the worker has caught up.
 */
import type { Worker } from 'node:worker_threads';
import { RingSpace } from './ring-space.js';
import type { Sm3Reply, Sm3Request } from './sm3-protocol.js';
import { spawnSm3Worker } from './sm3-spawn.js';

/**
 * Default in-flight budget per upload (docs/life-of-a-deposit.md: at most 8 MiB). 2 MiB keeps the SM3 worker
 * busy just as well, and 64 concurrent uploads at 8 MiB rings held ~1.5 GiB of shared buffers
 * awaiting collection (bench:soak); rings are pooled for the same reason.
 */
export const SM3_MAX_IN_FLIGHT_BYTES = 2 * 1024 * 1024;
/** Idle rings kept for reuse (each costs its size in resident memory once used). */
const IDLE_RINGS = 32;

interface Job {
  readonly buffer: SharedArrayBuffer;
  readonly ring: Uint8Array;
  readonly space: RingSpace;
  pending?: { chunk: Uint8Array; sent: number; resolve: () => void; reject: (err: Error) => void };
  final?: { resolve: (hex: string) => void; reject: (err: Error) => void };
}

function notOpen(id: number): Error {
  return new Error(`sm3: hash ${id} is not open (aborted, finished, or the worker failed)`);
}

/** One SM3 worker thread shared by all uploads. Idle, it does not keep the process alive. */
export class Sm3Worker {
  readonly maxInFlightBytes: number;
  readonly #piece: number;
  #worker: Worker | undefined;
  readonly #jobs = new Map<number, Job>();
  readonly #idle: SharedArrayBuffer[] = [];
  #nextId = 1;

  constructor(options: { maxInFlightBytes?: number } = {}) {
    this.maxInFlightBytes = options.maxInFlightBytes ?? SM3_MAX_IN_FLIGHT_BYTES;
    // Regions of at most 1/8 of the ring keep the worker busy while the main thread refills.
    this.#piece = Math.max(1, Math.min(1024 * 1024, Math.floor(this.maxInFlightBytes / 8)));
  }

  /** Starts a new hash; returns its id for `update`, `final` and `abort`. */
  open(): number {
    const id = this.#nextId++;
    const buffer = this.#idle.pop() ?? new SharedArrayBuffer(this.maxInFlightBytes);
    const job: Job = {
      buffer,
      ring: new Uint8Array(buffer),
      space: new RingSpace(buffer.byteLength),
    };
    this.#jobs.set(id, job);
    this.#post({ op: 'open', id, ring: buffer });
    this.#worker?.ref();
    return id;
  }

  /**
   * Hashes `chunk`. Returns `undefined` when it was copied to the worker at once, or a promise
   * that resolves once all of it was copied (the ring was full): do not call `update` again for
   * this id before that promise settles. Rejects when the hash was aborted or the worker failed.
   */
  update(id: number, chunk: Uint8Array): Promise<void> | undefined {
    const job = this.#jobs.get(id);
    if (job === undefined) return Promise.reject(notOpen(id));
    if (job.pending !== undefined) throw new Error('sm3: update called while one is pending');
    const sent = this.#copy(id, job, chunk, 0);
    if (sent === chunk.byteLength) return undefined;
    return new Promise<void>((resolve, reject) => {
      job.pending = { chunk, sent, resolve, reject };
    });
  }

  /** Finishes the hash of `id` and returns its lowercase hex digest. */
  final(id: number): Promise<string> {
    const job = this.#jobs.get(id);
    if (job === undefined) return Promise.reject(notOpen(id));
    if (job.pending !== undefined || job.final !== undefined) {
      throw new Error('sm3: final called while an update or final is pending');
    }
    const digest = new Promise<string>((resolve, reject) => {
      job.final = { resolve, reject };
    });
    this.#post({ op: 'final', id });
    return digest;
  }

  /** Forgets the hash of `id` (its upload failed); its pending promises reject. Idempotent. */
  abort(id: number): void {
    const job = this.#jobs.get(id);
    if (job === undefined) return;
    this.#finish(id, job);
    if (this.#worker !== undefined) this.#post({ op: 'abort', id });
    const err = new Error(`sm3: hash ${id} aborted`);
    job.pending?.reject(err);
    job.final?.reject(err);
  }

  /** Terminates the worker; pending hashes reject. A later `open` starts a new worker. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker === undefined) return;
    this.#worker = undefined;
    this.#failAll(new Error('sm3: worker closed'));
    await worker.terminate();
  }

  /** Copies as much of `chunk` from `from` into free ring regions as fits; returns bytes done. */
  #copy(id: number, job: Job, chunk: Uint8Array, from: number): number {
    let sent = from;
    while (sent < chunk.byteLength) {
      const length = Math.min(this.#piece, chunk.byteLength - sent);
      const offset = job.space.reserve(length);
      if (offset === undefined) break;
      job.ring.set(chunk.subarray(sent, sent + length), offset);
      this.#post({ op: 'update', id, offset, length });
      sent += length;
    }
    return sent;
  }

  #onReply(reply: Sm3Reply): void {
    const job = this.#jobs.get(reply.id);
    if (job === undefined) return; // aborted meanwhile
    if (reply.op === 'ack') {
      job.space.release();
      const pending = job.pending;
      if (pending === undefined) return;
      pending.sent = this.#copy(reply.id, job, pending.chunk, pending.sent);
      if (pending.sent === pending.chunk.byteLength) {
        job.pending = undefined;
        pending.resolve();
      }
      return;
    }
    this.#finish(reply.id, job);
    job.final?.resolve(reply.hex);
  }

  /** Forgets a job and recycles its ring (later worker reads of an aborted job are harmless). */
  #finish(id: number, job: Job): void {
    this.#jobs.delete(id);
    if (this.#idle.length < IDLE_RINGS) this.#idle.push(job.buffer);
    if (this.#jobs.size === 0) this.#worker?.unref();
  }

  #post(message: Sm3Request): void {
    this.#ensureWorker().postMessage(message);
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = spawnSm3Worker();
    worker.on('message', (reply: Sm3Reply) => this.#onReply(reply));
    const fail = (err: Error): void => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#failAll(err);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`sm3: worker exited with code ${code}`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #failAll(err: Error): void {
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    this.#idle.length = 0;
    for (const job of jobs) {
      job.pending?.reject(err);
      job.final?.reject(err);
    }
  }
}
