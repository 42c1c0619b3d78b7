import { expect } from 'chai';
import pino from 'pino';
import { sha256 } from '../../src/crypto/index.js';
import { decodeBase64 } from '../../src/log/index.js';
import { TIMESTAMP_PREFIX } from '../../src/storage/keys.js';
import {
  CheckpointStamper,
  realScheduler,
  StampStore,
  TimestampError,
  type CheckpointStamperOptions,
} from '../../src/timestamp/index.js';
import { openTestLog, tempDir, utf8 } from '../helpers/log-fixture.js';
import { DeferredStamper, FakeScheduler, fakeStamp, settle } from './fakes.js';

const silent = pino({ level: 'silent' });

describe('checkpoint stamper', () => {
  let tmp: ReturnType<typeof tempDir>;
  let log: Awaited<ReturnType<typeof openTestLog>>;
  const stampers: CheckpointStamper[] = [];

  beforeEach(async () => {
    tmp = tempDir('huicun-ts-');
    log = await openTestLog(tmp.dir);
  });
  afterEach(async () => {
    for (const s of stampers.splice(0)) await s.close();
    await log.close();
    tmp.remove();
  });

  async function start(
    overrides: Partial<CheckpointStamperOptions> = {},
  ): Promise<{ stamper: CheckpointStamper; store: StampStore }> {
    const store = new StampStore(log.store);
    const stamper = await CheckpointStamper.start({
      source: log.log,
      stamper: new DeferredStamper(),
      store,
      intervalMs: 10_000,
      logger: silent,
      ...overrides,
    });
    stampers.push(stamper);
    return { stamper, store };
  }

  it('never holds up appends: a TSA that never answers, many appends all resolve, close leaves no timer', async () => {
    const tsa = new DeferredStamper(); // its calls are never resolved
    // Real timers, counted: set and neither fired nor cancelled.
    let live = 0;
    let set = 0;
    const { stamper } = await start({
      stamper: tsa,
      intervalMs: 0,
      scheduler: {
        now: () => realScheduler.now(),
        setTimer(fn, ms) {
          live++;
          set++;
          let done = false;
          const end = (): void => {
            if (!done) live--;
            done = true;
          };
          const cancel = realScheduler.setTimer(() => {
            end();
            fn();
          }, ms);
          return () => {
            end();
            cancel();
          };
        },
      },
    });
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => log.log.append(utf8(`entry ${round} ${i}`))),
      );
      expect(results.map((r) => r.index)).to.deep.equal(
        Array.from({ length: 50 }, (_, i) => round * 50 + i),
      );
    }
    expect(log.log.size).to.equal(500);
    const first = await tsa.call(0);
    expect(tsa.calls).to.have.length(1); // the one in flight; no pile-up behind it
    await stamper.close();
    stampers.length = 0;
    // An answer after close is dropped: nothing stored, nothing scheduled.
    first.resolve(fakeStamp(1));
    await settle();
    expect(await new StampStore(log.store).latest()).to.equal(undefined);
    expect(set, 'timers set').to.be.at.least(1);
    expect(live, 'timers left').to.equal(0);
  });

  it('stamps the exact checkpoint bytes after growth, at most once per interval, never without growth', async () => {
    const clock = new FakeScheduler();
    const tsa = new DeferredStamper();
    const stamped: number[] = [];
    const { stamper, store } = await start({
      stamper: tsa,
      scheduler: clock,
      onStamp: (s) => stamped.push(s.size),
    });
    expect(clock.pending, 'empty log: nothing to stamp').to.deep.equal([]);

    await Promise.all([1, 2, 3].map((i) => log.log.append(utf8(`a${i}`))));
    expect(clock.pending).to.deep.equal([clock.t]); // first stamp: at once
    clock.advance(0);
    const c0 = await tsa.call(0);
    const head = log.log.current();
    expect(c0.imprint).to.deep.equal(sha256(utf8(head.checkpoint)));
    c0.resolve(fakeStamp(0));
    const s0 = await stamper.stamped(3);
    expect(s0.size).to.equal(3);
    expect(s0.checkpoint).to.equal(head.checkpoint);
    expect(decodeBase64(s0.token)).to.deep.equal(fakeStamp(0).token);
    expect(await store.latest()).to.deep.equal(s0);
    expect(stamped).to.deep.equal([3]);

    // No growth: nothing is scheduled however long we wait.
    await settle();
    expect(clock.pending).to.deep.equal([]);
    clock.advance(60_000);
    expect(tsa.calls).to.have.length(1);

    // Growth soon after: the next stamp waits for the interval since the last attempt.
    const lastAttempt = clock.t - 60_000;
    clock.advance(1_000);
    await log.log.append(utf8('b1'));
    await log.log.append(utf8('b2'));
    expect(clock.pending).to.deep.equal([clock.t]); // 61 s since the last attempt: now
    clock.advance(0);
    (await tsa.call(1)).resolve(fakeStamp(1));
    await stamper.stamped(5);
    expect(lastAttempt).to.be.below(clock.t);

    await log.log.append(utf8('c1'));
    const attemptAt = clock.t;
    expect(clock.pending).to.deep.equal([attemptAt + 10_000]);
    clock.advance(9_999);
    expect(tsa.calls).to.have.length(2);
    await log.log.append(utf8('c2')); // more growth does not bring it forward
    expect(clock.pending).to.deep.equal([attemptAt + 10_000]);
    clock.advance(1);
    const c2 = await tsa.call(2);
    expect(c2.imprint).to.deep.equal(sha256(utf8(log.log.current().checkpoint)));
    c2.resolve(fakeStamp(2));
    expect((await stamper.stamped(7)).size).to.equal(7);
    expect(stamped).to.deep.equal([3, 5, 7]);
  });

  it('retries a failed stamp with capped exponential backoff, reports and counts it, then stores the success', async () => {
    const clock = new FakeScheduler();
    const tsa = new DeferredStamper();
    const failures: string[] = [];
    let failed: (() => void) | undefined;
    const warnings: unknown[] = [];
    const { stamper, store } = await start({
      stamper: tsa,
      scheduler: clock,
      intervalMs: 1_000,
      retryFirstMs: 20_000,
      retryMaxMs: 50_000,
      logger: { warn: (o: unknown) => warnings.push(o), info: () => undefined } as never,
      onFailure: (code) => {
        failures.push(code);
        failed?.();
      },
    });
    const nextFailure = (): Promise<void> =>
      new Promise<void>((resolve) => (failed = resolve)).then(settle);

    await log.log.append(utf8('x'));
    const gaps: number[] = [];
    let at = clock.t;
    clock.advance(0);
    for (let n = 0; n < 4; n++) {
      const f = nextFailure();
      (await tsa.call(n)).reject(new TimestampError('NOT_STAMPED_YET', `tsa down ${n}`));
      await f;
      expect(clock.pending).to.have.length(1);
      gaps.push(clock.pending[0]! - at);
      at = clock.pending[0]!;
      clock.advance(at - clock.t);
    }
    expect(gaps).to.deep.equal([20_000, 40_000, 50_000, 50_000]);
    expect(failures).to.deep.equal(Array(4).fill('NOT_STAMPED_YET'));
    expect(warnings).to.have.length(4);
    expect(await store.latest()).to.equal(undefined);

    // A plain error counts as UNKNOWN.
    const f = nextFailure();
    (await tsa.call(4)).reject(new Error('socket hang up'));
    await f;
    expect(failures.at(-1)).to.equal('UNKNOWN');
    clock.advance(clock.pending[0]! - clock.t);

    (await tsa.call(5)).resolve(fakeStamp(5));
    expect((await stamper.stamped(1)).size).to.equal(1);
    expect((await store.latest())?.size).to.equal(1);

    // After a success the backoff is forgotten: the next growth waits only the interval.
    await log.log.append(utf8('y'));
    expect(clock.pending).to.deep.equal([clock.t + 1_000]);
    await stamper.close(); // cancels the timer it had set
    expect(clock.pending).to.deep.equal([]);
  });

  it('keeps stamps across a restart and does not stamp an already stamped head again', async () => {
    const clock = new FakeScheduler();
    const tsa = new DeferredStamper();
    const { stamper } = await start({ stamper: tsa, scheduler: clock });
    await log.log.append(utf8('one'));
    await log.log.append(utf8('two'));
    clock.advance(0);
    (await tsa.call(0)).resolve(fakeStamp(0));
    const stored = await stamper.stamped(2);
    await stamper.close();
    stampers.length = 0;
    await log.close();

    log = await openTestLog(tmp.dir);
    const store = new StampStore(log.store);
    expect(await store.latest()).to.deep.equal(stored);
    expect(await store.earliestAtLeast(1)).to.deep.equal(stored);
    expect(await store.earliestAtLeast(3)).to.equal(undefined);
    const keys: string[] = [];
    for await (const [key] of log.store.scan(TIMESTAMP_PREFIX)) keys.push(key);
    expect(keys).to.deep.equal(['ts/0000000000000002']);

    const clock2 = new FakeScheduler();
    const tsa2 = new DeferredStamper();
    const again = await start({ stamper: tsa2, scheduler: clock2 });
    expect(again.stamper.latest).to.deep.equal(stored);
    expect(clock2.pending, 'the head is stamped already').to.deep.equal([]);
    await log.log.append(utf8('three'));
    expect(clock2.pending).to.have.length(1);
  });

  it('finds the earliest stamp of size ≥ N', async () => {
    const store = new StampStore(log.store);
    for (const size of [3, 10, 12]) {
      await store.put({
        size,
        checkpoint: `cp ${size}`,
        token: 'AA==',
        genTime: '2026-12-04T08:00:00Z',
        tsa: 'T',
      });
    }
    const sizes = async (ns: number[]): Promise<(number | undefined)[]> =>
      Promise.all(ns.map(async (n) => (await store.earliestAtLeast(n))?.size));
    expect(await sizes([0, 1, 3, 4, 10, 11, 12, 13])).to.deep.equal([
      3,
      3,
      3,
      10,
      10,
      12,
      12,
      undefined,
    ]);
    expect((await store.covering(2))?.size).to.equal(3);
    expect((await store.covering(3))?.size).to.equal(10);
    expect((await store.latest())?.size).to.equal(12);
  });
});
