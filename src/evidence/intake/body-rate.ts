/**
 * Slow upload bodies (docs/SECURITY.md, "Slow clients"): a body arriving slower than a minimum
 * rate, averaged over a sliding window, is cut off with 408 REQUEST_TOO_SLOW. The idle timeout
 * alone cannot catch a client that sends one byte just before each timeout; this can. Time in
 * which the server itself held the body back (the stream paused by backpressure from the disk or
 * the SM3 worker) is not held against the client: such intervals are left out of the window.
 */
import type { Readable, Writable } from 'node:stream';
import { IntakeError } from './errors.js';

/** `HUICUN_MIN_UPLOAD_BYTES_PER_S` over `HUICUN_MIN_UPLOAD_WINDOW_MS`; 0 bytes/s turns it off. */
export interface MinimumRate {
  readonly bytesPerS: number;
  readonly windowMs: number;
}

/** The default: 16 KiB/s averaged over 30 s. */
export const DEFAULT_MINIMUM_RATE: MinimumRate = { bytesPerS: 16 * 1024, windowMs: 30_000 };

/** Samples per window: the window slides in steps of a sixth of its length. */
const SAMPLES_PER_WINDOW = 6;

/**
 * The pure core: one sample per interval in which the client alone set the pace. Too slow once
 * the samples cover at least a window and brought fewer than `bytesPerS` on average.
 */
export class BodyRateMeter {
  readonly #rate: MinimumRate;
  readonly #samples: { bytes: number; ms: number }[] = [];
  #bytes = 0;
  #ms = 0;

  constructor(rate: MinimumRate) {
    this.#rate = rate;
  }

  /** Adds an interval of `ms` that brought `bytes`; returns whether the body is too slow. */
  sample(bytes: number, ms: number): boolean {
    if (this.#rate.bytesPerS <= 0 || ms <= 0) return false;
    this.#samples.push({ bytes, ms });
    this.#bytes += bytes;
    this.#ms += ms;
    // Slide: drop the oldest samples while the rest still cover a whole window.
    while (this.#samples.length > 1 && this.#ms - this.#samples[0]!.ms >= this.#rate.windowMs) {
      const old = this.#samples.shift()!;
      this.#bytes -= old.bytes;
      this.#ms -= old.ms;
    }
    return this.#ms >= this.#rate.windowMs && this.#bytes * 1000 < this.#rate.bytesPerS * this.#ms;
  }
}

/** A clock for {@link watchBodyRate} (tests drive it by hand). */
export interface RateClock {
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

const realClock: RateClock = {
  now: () => performance.now(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/**
 * Watches the bytes `body` emits; calls `onTooSlow` once when they arrive slower than `rate`.
 * An interval in which `body` was paused (our backpressure) or had unread data is skipped.
 * Stops by itself when the body ends or closes.
 * @returns stop: ends the watch.
 */
export function watchBodyRate(
  body: Readable,
  rate: MinimumRate,
  onTooSlow: () => void,
  clock: RateClock = realClock,
): () => void {
  if (rate.bytesPerS <= 0) return () => undefined;
  const meter = new BodyRateMeter(rate);
  let received = 0;
  let counted = 0;
  let last = clock.now();
  let paused = false;
  const onData = (chunk: Buffer | string): void => {
    received += chunk.length;
  };
  const onPause = (): void => {
    paused = true;
  };
  const tick = (): void => {
    const now = clock.now();
    const bytes = received - counted;
    const ms = now - last;
    last = now;
    counted = received;
    const heldBack = paused || body.readableFlowing !== true || body.readableLength > 0;
    paused = body.readableFlowing !== true;
    if (heldBack || !meter.sample(bytes, ms)) return;
    stop();
    onTooSlow();
  };
  const cancel = clock.every(Math.max(10, rate.windowMs / SAMPLES_PER_WINDOW), tick);
  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    cancel();
    body.off('data', onData);
    body.off('pause', onPause);
    body.off('end', stop);
    body.off('close', stop);
  }
  body.on('data', onData);
  body.on('pause', onPause);
  body.once('end', stop);
  body.once('close', stop);
  return stop;
}

/** A multipart parser's guard against a slow body; see {@link guardBodyRate}. */
export interface BodyRateGuard {
  /** Rejects with IntakeError REQUEST_TOO_SLOW when the body was cut off; never resolves. */
  readonly cut: Promise<never>;
  readonly stop: () => void;
}

/**
 * Guards `req` piped into `parser` (busboy): when the body is too slow the request is unpiped,
 * the parser destroyed with REQUEST_TOO_SLOW (its file streams fail, so their temp files are
 * removed), the answer will close the connection, and `cut` rejects. Race `cut` against the
 * parser's own callback: that one waits for a body that may never end.
 */
export function guardBodyRate(
  req: Readable & { res?: { setHeader(name: string, value: string): unknown } | undefined },
  parser: Writable,
  rate: MinimumRate,
): BodyRateGuard {
  let stop: () => void = () => undefined;
  const cut = new Promise<never>((_resolve, reject) => {
    stop = watchBodyRate(req, rate, () => {
      const err = new IntakeError(
        'REQUEST_TOO_SLOW',
        `the upload arrived slower than ${rate.bytesPerS} bytes/s over ${rate.windowMs / 1000} s`,
      );
      req.res?.setHeader('Connection', 'close');
      req.unpipe(parser);
      parser.destroy(err);
      reject(err);
    });
  });
  cut.catch(() => undefined); // raced by the caller; never an unhandled rejection
  return { cut, stop };
}
