/**
 * De-duplication windows of read events (docs/access.md, docs/SECURITY.md "Reads are custody
 * events"): one `viewed` per actor, deposit and resource per hour, where the deposit's details
 * and its receipt are one resource — the receipt's opening holds every fact the details show, so
 * a page that reads both (the notary's review reads the details, then verifies the receipt) is
 * one view; each certificate (the deposit certificate, the notarial certificate) is a resource
 * of its own. One `downloaded` per actor and file, which later requests (Range parts, resumed
 * downloads, a preview then a download) within 30 minutes join. Concurrent reads of one key
 * share one append: the key is reserved before the append starts, so two parallel requests
 * cannot both pass the check; if the append fails, every read waiting on it fails too (no read
 * without its event). Kept in memory: after a restart the first read records a new event (more
 * events, never fewer).
 */

/** One `viewed` event per actor, deposit and resource per hour. */
export const VIEWED_WINDOW_MS = 60 * 60 * 1000;
/** Requests for one file within 30 minutes of its `downloaded` event join it. */
export const DOWNLOADED_WINDOW_MS = 30 * 60 * 1000;
/** Entries above this many trigger a sweep of expired ones. */
const SWEEP_AT = 10_000;

/** Which certificate a certificate read fetched. */
export type CertificateRead = 'deposit' | 'notarial';

/** A read that a non-owner's access records. */
export type DepositRead =
  | { readonly kind: 'viewed'; readonly resource: 'details' | 'receipt' }
  | {
      readonly kind: 'viewed';
      readonly resource: 'certificate';
      readonly certificate: CertificateRead;
    }
  | { readonly kind: 'downloaded'; readonly file: number };

/**
 * The window `read` falls in: its name within one actor's reads of one deposit, and its length.
 * @example readWindow({ kind: 'viewed', resource: 'receipt' }).what === 'viewed:deposit'
 */
export function readWindow(read: DepositRead): {
  readonly what: string;
  readonly windowMs: number;
} {
  if (read.kind === 'downloaded')
    return { what: `downloaded:${read.file}`, windowMs: DOWNLOADED_WINDOW_MS };
  const what =
    read.resource === 'certificate' ? `viewed:certificate:${read.certificate}` : 'viewed:deposit';
  return { what, windowMs: VIEWED_WINDOW_MS };
}

export class EventWindow {
  private readonly recorded = new Map<string, { at: number; windowMs: number }>();
  private readonly pending = new Map<string, Promise<void>>();

  /** `now` gives milliseconds since the epoch (tests inject a clock). */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Calls `append` unless an event for `key` was recorded less than `windowMs` ago or one is
   * being appended; resolves true when this call appended. The check and the reservation of
   * `key` happen in one synchronous step, so of concurrent calls exactly one appends.
   * @throws whatever `append` (or the append this call joined) rejects with.
   */
  once(key: string, windowMs: number, append: () => Promise<unknown>): Promise<boolean> {
    const t = this.now();
    const last = this.recorded.get(key);
    if (last !== undefined && t - last.at < last.windowMs) return Promise.resolve(false);
    const running = this.pending.get(key);
    if (running) return running.then(() => false);
    const p = Promise.resolve()
      .then(append)
      .then(() => {
        this.recorded.set(key, { at: t, windowMs });
        if (this.recorded.size > SWEEP_AT) this.sweep(t);
      });
    const reserved: Promise<void> = p.finally(() => {
      if (this.pending.get(key) === reserved) this.pending.delete(key);
    });
    this.pending.set(key, reserved);
    return reserved.then(() => true);
  }

  /** Number of keys remembered (tests). */
  get size(): number {
    return this.recorded.size;
  }

  private sweep(t: number): void {
    for (const [key, v] of this.recorded) if (t - v.at >= v.windowMs) this.recorded.delete(key);
  }
}
