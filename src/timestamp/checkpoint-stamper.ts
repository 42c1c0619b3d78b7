/**
 * The checkpoint stamper (docs/log.md, "Time-stamps"): whenever the log grew, at most once every
 * `intervalMs`, it asks a {@link TimeStamper} for an RFC 3161 token over the SHA-256 of the exact
 * bytes of the latest signed checkpoint note, and stores it with the checkpoint.
 *
 * It is never on the append path: the sequencer only tells it that a head is durable (a call that
 * schedules and returns), so a TSA that is slow, down or hangs forever never delays or fails an
 * append. A failed stamp is reported, counted, and retried with capped exponential backoff.
 */
import type { Logger } from 'pino';
import { sha256 } from '../crypto/index.js';
import { encodeBase64 } from '../log/index.js';
import type { StoredHead } from '../sequencer/index.js';
import type { StampStore, StoredStamp } from './store.js';
import type { TimeStamper } from './types.js';

/** Where the stamper reads the log's head: the sequencer. */
export interface CheckpointSource {
  current(): StoredHead;
  onCheckpoint(listener: (head: StoredHead) => void): () => void;
}

/** The clock and timers of the stamper (tests drive a fake one). */
export interface Scheduler {
  now(): number;
  /** Runs `fn` after `ms`; returns the function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** What the stamper tells its caller (metrics). */
export interface StamperEvents {
  /** A stamp was stored; `offsetS` is genTime − our clock, in seconds. */
  readonly onStamp?: (stamp: StoredStamp, offsetS: number) => void;
  /** A stamp failed; `code` is the error's code (`UNKNOWN` without one). */
  readonly onFailure?: (code: string, error: unknown) => void;
}

export interface CheckpointStamperOptions extends StamperEvents {
  readonly source: CheckpointSource;
  readonly stamper: TimeStamper;
  readonly store: StampStore;
  /** The shortest time between two stamps (HUICUN_TSA_INTERVAL_S). */
  readonly intervalMs: number;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  /** The first pause after a failure; it doubles with each failure, up to `retryMaxMs`. */
  readonly retryFirstMs?: number;
  readonly retryMaxMs?: number;
  readonly scheduler?: Scheduler;
}

interface Waiter {
  readonly size: number;
  readonly resolve: (s: StoredStamp) => void;
}

const utf8 = new TextEncoder();

/** The SHA-256 imprint stamped for a checkpoint: of the exact bytes of its signed note. */
export function checkpointImprint(checkpoint: string): Uint8Array {
  return sha256(utf8.encode(checkpoint));
}

export class CheckpointStamper {
  private readonly scheduler: Scheduler;
  private readonly retryFirstMs: number;
  private readonly retryMaxMs: number;
  /** Size of the largest stored stamp (0: none). */
  private stampedSize = 0;
  /** When the last attempt started (the interval is counted from it). */
  private lastAttemptMs = -Infinity;
  /** Failures since the last success (the backoff exponent). */
  private failures = 0;
  /** Earliest time of the next attempt after a failure. */
  private retryAtMs = -Infinity;
  private cancelTimer: (() => void) | undefined;
  /** The attempt in flight (its number); a newer number or close() abandons it. */
  private attempt = 0;
  private inFlight = false;
  /** The store write of a successful stamp, which close() waits for. */
  private writing: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private closed = false;
  private waiters: Waiter[] = [];
  private latestStamp: StoredStamp | undefined;

  private constructor(private readonly options: CheckpointStamperOptions) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.retryFirstMs = options.retryFirstMs ?? 1_000;
    this.retryMaxMs = options.retryMaxMs ?? 300_000;
  }

  /** Reads the latest stored stamp, then watches the log (and stamps it now if it grew). */
  static async start(options: CheckpointStamperOptions): Promise<CheckpointStamper> {
    const s = new CheckpointStamper(options);
    s.latestStamp = await options.store.latest();
    s.stampedSize = s.latestStamp?.size ?? 0;
    s.unsubscribe = options.source.onCheckpoint(() => s.poke());
    s.poke();
    return s;
  }

  /** The latest stored stamp (metrics: its age). */
  get latest(): StoredStamp | undefined {
    return this.latestStamp;
  }

  /** Resolves when a stamp of a checkpoint of size ≥ `size` is stored (tests, shutdown). */
  stamped(size: number): Promise<StoredStamp> {
    if (this.latestStamp && this.latestStamp.size >= size) return Promise.resolve(this.latestStamp);
    return new Promise((resolve) => this.waiters.push({ size, resolve }));
  }

  /**
   * Stops: cancels the timer and the subscription, abandons a stamp in flight (its result is
   * dropped), and waits for a store write already under way. Leaves no timer behind.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.attempt++;
    this.inFlight = false;
    if (this.writing) await this.writing;
  }

  /** Schedules the next attempt if the log grew past the last stamp and none is pending. */
  private poke(): void {
    if (this.closed || this.inFlight || this.cancelTimer) return;
    if (this.options.source.current().size <= this.stampedSize) return;
    const now = this.scheduler.now();
    const at = Math.max(this.lastAttemptMs + this.options.intervalMs, this.retryAtMs, now);
    this.cancelTimer = this.scheduler.setTimer(() => {
      this.cancelTimer = undefined;
      this.run();
    }, at - now);
  }

  private run(): void {
    if (this.closed) return;
    const head = this.options.source.current();
    if (head.size <= this.stampedSize) return;
    const attempt = ++this.attempt;
    this.inFlight = true;
    this.lastAttemptMs = this.scheduler.now();
    let stamping: Promise<Awaited<ReturnType<TimeStamper['stamp']>>>;
    try {
      stamping = this.options.stamper.stamp(checkpointImprint(head.checkpoint));
    } catch (error) {
      stamping = Promise.reject(error);
    }
    stamping
      .then(async (ts) => {
        if (attempt !== this.attempt) return;
        const stamp: StoredStamp = {
          size: head.size,
          checkpoint: head.checkpoint,
          token: encodeBase64(ts.token),
          genTime: ts.genTime,
          tsa: ts.tsa,
        };
        const write = this.options.store.put(stamp);
        this.writing = write.catch(() => undefined);
        try {
          await write;
        } finally {
          this.writing = undefined;
        }
        this.succeeded(stamp);
      })
      .catch((error: unknown) => {
        if (attempt !== this.attempt) return;
        this.failed(error);
      })
      .finally(() => {
        if (attempt !== this.attempt) return;
        this.inFlight = false;
        this.poke(); // the log may have grown meanwhile, or a retry is due
      });
  }

  private succeeded(stamp: StoredStamp): void {
    this.failures = 0;
    this.retryAtMs = -Infinity;
    this.stampedSize = stamp.size;
    this.latestStamp = stamp;
    const offsetS = (Date.parse(stamp.genTime) - this.scheduler.now()) / 1000;
    this.options.onStamp?.(stamp, offsetS);
    const ready = this.waiters.filter((w) => w.size <= stamp.size);
    this.waiters = this.waiters.filter((w) => w.size > stamp.size);
    for (const w of ready) w.resolve(stamp);
  }

  private failed(error: unknown): void {
    this.failures++;
    const pauseMs = Math.min(this.retryFirstMs * 2 ** (this.failures - 1), this.retryMaxMs);
    this.retryAtMs = this.scheduler.now() + pauseMs;
    const code =
      typeof (error as { code?: unknown } | undefined)?.code === 'string'
        ? (error as { code: string }).code
        : 'UNKNOWN';
    this.options.logger.warn(
      // `errorCode`, not `code`: the logger redacts `code` (one-time codes, docs/SECURITY.md).
      { err: error, errorCode: code, failures: this.failures, retryInMs: pauseMs },
      'checkpoint time-stamp failed; retrying',
    );
    this.options.onFailure?.(code, error);
  }
}
