/**
 * De-duplication windows of read events (DESIGN §8): one `viewed` per actor, deposit and
 * resource per hour; one `downloaded` per actor and file, which later requests (Range parts,
 * resumed downloads) within 30 minutes join. Concurrent reads of one key share one append; if it
 * fails, every read waiting on it fails too (no read without its event). Kept in memory: after a
 * restart the first read records a new event (more events, never fewer).
 */

/** One `viewed` event per actor, deposit and resource per hour. */
export const VIEWED_WINDOW_MS = 60 * 60 * 1000;
/** Requests for one file within 30 minutes of its `downloaded` event join it. */
export const DOWNLOADED_WINDOW_MS = 30 * 60 * 1000;
/** Entries above this many trigger a sweep of expired ones. */
const SWEEP_AT = 10_000;

export class EventWindow {
  private readonly recorded = new Map<string, { at: number; windowMs: number }>();
  private readonly pending = new Map<string, Promise<void>>();

  /** `now` gives milliseconds since the epoch (tests inject a clock). */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Calls `append` unless an event for `key` was recorded less than `windowMs` ago or one is
   * being appended; resolves true when this call appended.
   * @throws whatever `append` (or the append this call joined) rejects with.
   */
  async once(key: string, windowMs: number, append: () => Promise<unknown>): Promise<boolean> {
    const t = this.now();
    const last = this.recorded.get(key);
    if (last !== undefined && t - last.at < last.windowMs) return false;
    const running = this.pending.get(key);
    if (running) {
      await running;
      return false;
    }
    const p = (async () => {
      await append();
      this.recorded.set(key, { at: t, windowMs });
      if (this.recorded.size > SWEEP_AT) this.sweep(t);
    })();
    this.pending.set(key, p);
    try {
      await p;
    } finally {
      this.pending.delete(key);
    }
    return true;
  }

  /** Number of keys remembered (tests). */
  get size(): number {
    return this.recorded.size;
  }

  private sweep(t: number): void {
    for (const [key, v] of this.recorded) if (t - v.at >= v.windowMs) this.recorded.delete(key);
  }
}
