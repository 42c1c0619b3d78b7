/**
 * The minimum body rate (issue 11 §4): the meter's sliding window, and the watch over a stream
 * driven by a hand-moved clock — a trickle is caught, time the server held the body back is not
 * held against the client, and the watch ends with the body.
 */
import { expect } from 'chai';
import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import {
  BodyRateMeter,
  guardBodyRate,
  watchBodyRate,
  type RateClock,
} from '../../src/evidence/intake/body-rate.js';
import { IntakeError } from '../../src/evidence/intake/errors.js';

const RATE = { bytesPerS: 1000, windowMs: 600 };
const TICK_MS = RATE.windowMs / 6;

/** A clock moved by hand: `tick()` advances one interval and runs the watch's sample. */
function handClock(): RateClock & {
  tick(): void;
  readonly cancelled: boolean;
  readonly intervalMs: number;
} {
  let t = 0;
  let fn: (() => void) | undefined;
  let cancelled = false;
  let interval = 0;
  return {
    now: () => t,
    every(ms, f) {
      interval = ms;
      fn = f;
      return () => {
        cancelled = true;
      };
    },
    tick() {
      t += interval;
      if (!cancelled) fn?.();
    },
    get cancelled() {
      return cancelled;
    },
    get intervalMs() {
      return interval;
    },
  };
}

/** A sink that consumes everything at once (a parser keeping up). */
const drain = (): Writable =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

describe('the minimum upload rate', () => {
  describe('BodyRateMeter', () => {
    it('judges only once a whole window is covered, then by the average over it', () => {
      const meter = new BodyRateMeter(RATE);
      // 50 bytes per 100 ms = 500 B/s, half the minimum: too slow, but only at a full window.
      const verdicts = Array.from({ length: 6 }, () => meter.sample(50, 100));
      expect(verdicts).to.deep.equal([false, false, false, false, false, true]);
    });

    it('slides: a fast start carries a stall only until it leaves the window', () => {
      const meter = new BodyRateMeter(RATE);
      for (let i = 0; i < 6; i++) expect(meter.sample(200, 100)).to.equal(false); // 2000 B/s
      // Then nothing: the window's average falls by 200 bytes per sample as fast ones leave:
      // 1000, 800, 600 bytes per 600 ms still meet 1000 B/s; 400 does not.
      const stalled = [0, 0, 0, 0].map(() => meter.sample(0, 100));
      expect(stalled).to.deep.equal([false, false, false, true]);
    });

    it('is off at 0 bytes/s', () => {
      const meter = new BodyRateMeter({ bytesPerS: 0, windowMs: 100 });
      for (let i = 0; i < 20; i++) expect(meter.sample(0, 100)).to.equal(false);
    });
  });

  describe('watchBodyRate', () => {
    it('calls back once when a flowing body trickles, then stops watching', () => {
      const body = new PassThrough();
      body.pipe(drain());
      const clock = handClock();
      let calls = 0;
      watchBodyRate(body, RATE, () => calls++, clock);
      expect(clock.intervalMs).to.equal(TICK_MS);
      for (let i = 0; i < 5; i++) {
        body.write(Buffer.alloc(10));
        clock.tick();
      }
      expect(calls, 'not before a whole window').to.equal(0);
      clock.tick();
      expect(calls).to.equal(1);
      expect(clock.cancelled).to.equal(true);
    });

    it('keeps a body that arrives fast enough', () => {
      const body = new PassThrough();
      body.pipe(drain());
      const clock = handClock();
      let calls = 0;
      watchBodyRate(body, RATE, () => calls++, clock);
      for (let i = 0; i < 30; i++) {
        body.write(Buffer.alloc(100)); // 100 bytes per 100 ms: exactly the minimum
        clock.tick();
      }
      expect(calls).to.equal(0);
    });

    it('does not count time in which the server held the body back (backpressure)', async () => {
      const body = new PassThrough({ highWaterMark: 16 });
      const stuck = new Writable({ highWaterMark: 1, write: () => undefined }); // never done
      body.pipe(stuck);
      const clock = handClock();
      let calls = 0;
      watchBodyRate(body, RATE, () => calls++, clock);
      const paused = once(body, 'pause');
      body.write(Buffer.alloc(64));
      await paused;
      for (let i = 0; i < 30; i++) clock.tick(); // three windows without a byte read
      expect(calls).to.equal(0);
    });

    it('ends with the body', async () => {
      const body = new PassThrough();
      body.pipe(drain());
      const clock = handClock();
      let calls = 0;
      watchBodyRate(body, RATE, () => calls++, clock);
      body.end(Buffer.alloc(1));
      await once(body, 'end');
      expect(clock.cancelled).to.equal(true);
      for (let i = 0; i < 30; i++) clock.tick();
      expect(calls).to.equal(0);
    });
  });

  it('guardBodyRate cuts the body off from its parser with REQUEST_TOO_SLOW', async () => {
    const body = new PassThrough();
    const parser = drain();
    body.pipe(parser);
    // The real clock with a short window: nothing is ever written, so the guard must fire.
    const guard = guardBodyRate(body, parser, { bytesPerS: 1000, windowMs: 100 });
    const parserError = once(parser, 'error');
    const err = await guard.cut.then(
      () => expect.fail('resolved'),
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(IntakeError);
    expect((err as IntakeError).code).to.equal('REQUEST_TOO_SLOW');
    expect((await parserError)[0]).to.equal(err);
    expect(parser.destroyed).to.equal(true);
    guard.stop();
  });
});
