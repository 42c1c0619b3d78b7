/**
 * Login back-off and registration rate limits (DESIGN §8): in memory, bounded, no hard lock-out.
 * After `threshold` failures within the window, each further attempt must wait 2^(n−threshold)
 * seconds after the last failure (n = failures so far), capped at 15 minutes.
 */
import { AccountError } from './errors.js';

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
export const BACKOFF_THRESHOLD = 5;
export const REGISTRATIONS_PER_HOUR = 20;
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  lastMs: number;
}

/** A bounded map that forgets its oldest keys first (re-set keys move to the end). */
class BoundedMap<V> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly max: number,
    private readonly stale: (v: V) => boolean,
  ) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    if (this.map.size >= this.max) {
      for (const [key, value] of this.map) if (this.stale(value)) this.map.delete(key);
      for (const key of this.map.keys()) {
        if (this.map.size < this.max) break;
        this.map.delete(key);
      }
    }
    this.map.set(k, v);
  }
  delete(k: string): void {
    this.map.delete(k);
  }
  get size(): number {
    return this.map.size;
  }
}

export interface ThrottleOptions {
  readonly enabled: boolean;
  readonly now?: () => number;
  readonly maxTracked?: number;
}

/** Exponential back-off of failed logins per account and per client address. */
export class LoginThrottle {
  private readonly now: () => number;
  private readonly failures: BoundedMap<Failures>;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.failures = new BoundedMap(
      options.maxTracked ?? MAX_TRACKED,
      (f) => this.now() - f.lastMs > FAILURE_WINDOW_MS + BACKOFF_CAP_MS,
    );
  }

  /** The milliseconds `keys` must still wait (0 when an attempt may go ahead). */
  waitMs(keys: readonly string[]): number {
    if (!this.options.enabled) return 0;
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const f = this.failures.get(key);
      if (!f || f.count < BACKOFF_THRESHOLD || now - f.lastMs > FAILURE_WINDOW_MS) continue;
      const delay = Math.min(1000 * 2 ** (f.count - BACKOFF_THRESHOLD), BACKOFF_CAP_MS);
      wait = Math.max(wait, f.lastMs + delay - now);
    }
    return wait;
  }

  /**
   * Refuses an attempt that comes too early.
   * @throws AccountError LOGIN_THROTTLED with `details.retryAfter` (seconds).
   */
  check(keys: readonly string[]): void {
    const wait = this.waitMs(keys);
    if (wait > 0) {
      const retryAfter = Math.ceil(wait / 1000);
      throw new AccountError(
        'LOGIN_THROTTLED',
        `too many failed sign-ins; retry in ${retryAfter} s`,
        {
          details: { retryAfter },
        },
      );
    }
  }

  /** Counts one failure against each key (a quiet window starts the count again). */
  fail(keys: readonly string[]): void {
    if (!this.options.enabled) return;
    const now = this.now();
    for (const key of keys) {
      const f = this.failures.get(key);
      const count = f && now - f.lastMs <= FAILURE_WINDOW_MS ? f.count + 1 : 1;
      this.failures.set(key, { count, lastMs: now });
    }
  }

  /** Forgets the failures of `key` (a successful sign-in resets the account). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Keys tracked (tests check the bound). */
  get tracked(): number {
    return this.failures.size;
  }
}

/** A fixed-window counter per key, e.g. registrations per address per hour. */
export class RateLimiter {
  private readonly now: () => number;
  private readonly windows: BoundedMap<{ startMs: number; count: number }>;

  constructor(
    private readonly options: ThrottleOptions & {
      readonly limit: number;
      readonly windowMs: number;
    },
  ) {
    this.now = options.now ?? Date.now;
    this.windows = new BoundedMap(
      options.maxTracked ?? MAX_TRACKED,
      (w) => this.now() - w.startMs >= options.windowMs,
    );
  }

  /**
   * Counts one use by `key`.
   * @throws AccountError RATE_LIMITED with `details.retryAfter` (seconds) past the limit.
   */
  take(key: string): void {
    if (!this.options.enabled) return;
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.startMs >= this.options.windowMs) {
      this.windows.set(key, { startMs: now, count: 1 });
      return;
    }
    if (w.count >= this.options.limit) {
      const retryAfter = Math.max(1, Math.ceil((w.startMs + this.options.windowMs - now) / 1000));
      throw new AccountError(
        'RATE_LIMITED',
        `too many requests from this address; retry in ${retryAfter} s`,
        {
          details: { retryAfter },
        },
      );
    }
    w.count++;
  }
}
