/**
 * Login back-off and registration rate limits (docs/SECURITY.md, "Sign-in"): in memory, bounded,
 * no hard lock-out. Three failure counts back off exponentially: after `threshold` failures
 * within the window, a further attempt waits 2^(n−threshold) s after the last one (n = failures
 * so far), capped at 15 minutes —
 * - per account and address ({@link PAIR_THRESHOLD});
 * - per account, over all addresses ({@link ACCOUNT_THRESHOLD});
 * - per address, over all accounts ({@link ADDRESS_THRESHOLD}).
 * The last two hold only an address that has itself failed on that account within the window: a
 * clean address is never held, so neither many addresses guessing one account nor one attacker
 * behind a shared (NAT) address can keep the owner out from an address that has not failed.
 * An attempt is counted as a failure when it is reserved, synchronously and before the password
 * is hashed, so a burst of parallel attempts cannot all pass one check; a success takes it back.
 */
import { AccountError, type AccountErrorCode } from './errors.js';
import { BoundedMap } from './bounded-map.js';

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const BACKOFF_CAP_MS = 15 * 60_000;
/** Failures of one account from one address before it backs off. */
export const PAIR_THRESHOLD = 5;
/** Failures of one account from all addresses before its failing addresses back off. */
export const ACCOUNT_THRESHOLD = 10;
/** Failures from one address on all accounts before it backs off on the accounts it failed. */
export const ADDRESS_THRESHOLD = 20;
export const REGISTRATIONS_PER_HOUR = 20;
const MAX_TRACKED = 10_000;
const MAX_TRACKED_PAIRS = 50_000;

/** Which count holds an attempt back. */
export type BackoffReason = 'account-address' | 'account' | 'address';

/** The code of each reason (the web app explains each; `Retry-After` says for how long). */
export const BACKOFF_CODE = {
  'account-address': 'LOGIN_THROTTLED',
  account: 'LOGIN_THROTTLED_ACCOUNT',
  address: 'LOGIN_THROTTLED_ADDRESS',
} as const satisfies Record<BackoffReason, AccountErrorCode>;

const BACKOFF_WHY: Record<BackoffReason, string> = {
  'account-address': 'too many failed sign-ins to this account from this address',
  account: 'too many failed sign-ins to this account from several addresses',
  address: 'too many failed sign-ins from this address',
};

interface Failures {
  readonly count: number;
  readonly lastMs: number;
}

export interface ThrottleOptions {
  readonly enabled: boolean;
  readonly now?: () => number;
  /** The bound of each map (default 10 000 keys, 50 000 account–address pairs). */
  readonly maxTracked?: number;
}

/** A reserved sign-in attempt: counted as failed unless `succeeded()` is called. */
export interface LoginAttempt {
  /** The password was right: forgets this address's failures on the account, refunds the rest. */
  succeeded(): void;
}

const UNTRACKED: LoginAttempt = { succeeded: () => undefined };

/** Exponential back-off of failed sign-ins (see the module comment). */
export class LoginThrottle {
  private readonly now: () => number;
  private readonly pairs: BoundedMap<Failures>;
  private readonly accounts: BoundedMap<Failures>;
  private readonly addresses: BoundedMap<Failures>;

  constructor(private readonly options: ThrottleOptions) {
    const now = (this.now = options.now ?? Date.now);
    const stale = (f: Failures): boolean => now() - f.lastMs > FAILURE_WINDOW_MS + BACKOFF_CAP_MS;
    this.pairs = new BoundedMap(options.maxTracked ?? MAX_TRACKED_PAIRS, stale);
    this.accounts = new BoundedMap(options.maxTracked ?? MAX_TRACKED, stale);
    this.addresses = new BoundedMap(options.maxTracked ?? MAX_TRACKED, stale);
  }

  /**
   * Reserves one sign-in attempt on `account` from `address` — synchronously, so call it before
   * any `await` — counting it as a failure until {@link LoginAttempt.succeeded}.
   * @throws AccountError LOGIN_THROTTLED, LOGIN_THROTTLED_ACCOUNT or LOGIN_THROTTLED_ADDRESS with
   *   `details.retryAfter` (seconds) and `details.reason` when the attempt comes too early.
   */
  reserve(account: string, address: string): LoginAttempt {
    if (!this.options.enabled) return UNTRACKED;
    const now = this.now();
    const pair = JSON.stringify([account, address]);
    const dirty = this.live(this.pairs.get(pair), now) !== undefined;
    const held: [BackoffReason, number][] = [
      ['account-address', this.waitMs(this.pairs.get(pair), PAIR_THRESHOLD, now)],
    ];
    if (dirty) {
      held.push(['account', this.waitMs(this.accounts.get(account), ACCOUNT_THRESHOLD, now)]);
      held.push(['address', this.waitMs(this.addresses.get(address), ADDRESS_THRESHOLD, now)]);
    }
    const [reason, wait] = held.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (wait > 0) throw throttled(reason, wait);
    this.count(this.pairs, pair, now);
    this.count(this.accounts, account, now);
    this.count(this.addresses, address, now);
    let done = false;
    return {
      succeeded: () => {
        if (done) return;
        done = true;
        this.pairs.delete(pair);
        this.refund(this.accounts, account);
        this.refund(this.addresses, address);
      },
    };
  }

  /** Keys tracked in all three counts (tests check the bound). */
  get tracked(): number {
    return this.pairs.size + this.accounts.size + this.addresses.size;
  }

  private live(f: Failures | undefined, now: number): Failures | undefined {
    return f && f.count > 0 && now - f.lastMs <= FAILURE_WINDOW_MS ? f : undefined;
  }

  private waitMs(f: Failures | undefined, threshold: number, now: number): number {
    const l = this.live(f, now);
    if (!l || l.count < threshold) return 0;
    const delay = Math.min(1000 * 2 ** (l.count - threshold), BACKOFF_CAP_MS);
    return Math.max(0, l.lastMs + delay - now);
  }

  private count(map: BoundedMap<Failures>, key: string, now: number): void {
    const l = this.live(map.get(key), now);
    map.set(key, { count: (l?.count ?? 0) + 1, lastMs: now });
  }

  private refund(map: BoundedMap<Failures>, key: string): void {
    const f = map.get(key);
    if (!f) return;
    if (f.count <= 1) map.delete(key);
    else map.set(key, { count: f.count - 1, lastMs: f.lastMs });
  }
}

function throttled(reason: BackoffReason, waitMs: number): AccountError {
  const retryAfter = Math.ceil(waitMs / 1000);
  return new AccountError(
    BACKOFF_CODE[reason],
    `${BACKOFF_WHY[reason]}; retry in ${retryAfter} s`,
    {
      details: { retryAfter, reason },
    },
  );
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
