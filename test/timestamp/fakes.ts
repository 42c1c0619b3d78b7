/** Test doubles of the checkpoint stamper's collaborators: a TimeStamper and a clock. */
import type { Scheduler, TimeStamp, TimeStamper } from '../../src/timestamp/index.js';

export interface StampCall {
  readonly imprint: Uint8Array;
  resolve(stamp: TimeStamp): void;
  reject(error: unknown): void;
}

/** A TimeStamper whose every call waits for the test to resolve or reject it (or never). */
export class DeferredStamper implements TimeStamper {
  readonly development = true;
  readonly calls: StampCall[] = [];
  private listeners: ((c: StampCall) => void)[] = [];

  stamp(imprint: Uint8Array): Promise<TimeStamp> {
    return new Promise<TimeStamp>((resolve, reject) => {
      const call = { imprint, resolve, reject };
      this.calls.push(call);
      for (const l of this.listeners.splice(0)) l(call);
    });
  }

  /** The next call (or the `n`th, if it was already made). */
  call(n: number): Promise<StampCall> {
    const made = this.calls[n];
    if (made) return Promise.resolve(made);
    return new Promise((resolve) => {
      const wait = (): void => {
        const c = this.calls[n];
        if (c) resolve(c);
        else this.listeners.push(wait);
      };
      this.listeners.push(wait);
    });
  }
}

/** A token-like blob and a genTime, as a TSA would give. */
export function fakeStamp(n: number, genTime = '2026-12-04T08:00:00.000Z'): TimeStamp {
  return { token: new Uint8Array([0x30, 0x03, 0x02, 0x01, n]), genTime, tsa: 'Test TSA' };
}

/** A clock that moves only when the test says; timers fire in time order. */
export class FakeScheduler implements Scheduler {
  t = Date.parse('2026-12-04T08:00:00.000Z');
  private timers: { at: number; fn: () => void }[] = [];

  now(): number {
    return this.t;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  /** Pending timers' due times. */
  get pending(): number[] {
    return this.timers.map((x) => x.at);
  }

  /** Moves the clock `ms` forward, firing the timers due on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
  }
}

/** Lets promise chains and I/O callbacks queued so far run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
