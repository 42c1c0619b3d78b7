import { expect } from 'chai';
import {
  openNote,
  parseCheckpoint,
  rfc6962,
  verifyConsistency,
  verifyInclusion,
  type Checkpoint,
} from '../../src/log/index.js';
import { SequencerError, type AppendResult, type LogStore } from '../../src/sequencer/index.js';
import {
  delegatingStore,
  openTestLog,
  rejection,
  tempDir,
  testKey,
  utf8,
} from '../helpers/log-fixture.js';
import { expectBytes } from '../helpers/bytes.js';

const parsed = new Map<string, Checkpoint>();
function checkpointOf(note: string): Checkpoint {
  let cp = parsed.get(note);
  if (!cp) parsed.set(note, (cp = parseCheckpoint(openNote(note, [testKey.verifier]).text)));
  return cp;
}

function expectVerified(r: AppendResult, entry: Uint8Array): void {
  const cp = checkpointOf(r.checkpoint);
  expect(cp.size).to.equal(r.size);
  expectBytes(cp.root, r.root);
  expectBytes(r.leafHash, rfc6962.hashLeaf(entry));
  verifyInclusion(r.index, cp.size, r.leafHash, r.proof, cp.root, rfc6962);
}

describe('sequencer', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('starts with a signed checkpoint of the empty tree', async () => {
    const { log, close } = await openTestLog(tmp.dir);
    const cp = checkpointOf(log.current().checkpoint);
    expect(cp.size).to.equal(0);
    expectBytes(cp.root, rfc6962.emptyRoot());
    await close();
  });

  it('assigns contiguous indices to concurrent appends, each with a verifying proof', async () => {
    const { log, close } = await openTestLog(tmp.dir);
    const entries = Array.from({ length: 1500 }, (_, i) => utf8(`entry ${i}`));
    const results = await Promise.all(entries.map((e) => log.append(e)));
    expect(results.map((r) => r.index).sort((a, b) => a - b)).to.deep.equal(
      entries.map((_, i) => i),
    );
    results.forEach((r, i) => expectVerified(r, entries[i]!));
    // Appends that arrived while a batch was written shared the next batch.
    expect(new Set(results.map((r) => r.size)).size).to.be.lessThan(20);
    await close();
  });

  it('gives times that never decrease with the index, even when the clock goes back', async () => {
    let clock = Date.parse('2026-11-26T08:00:00.000Z');
    const { log, close } = await openTestLog(tmp.dir, { now: () => (clock -= 1000) });
    const results: AppendResult[] = [];
    for (let i = 0; i < 5; i++) results.push(await log.append(utf8(`t${i}`)));
    const times = results.map((r) => r.time);
    expect([...times].sort()).to.deep.equal(times);
    expect(times[0]).to.equal('2026-11-26T07:59:59.000Z');
    expect(new Set(times).size).to.equal(1); // the clock went back: time holds still
    await close();
  });

  it("writes callers' records in the same batch and passes index and time to build", async () => {
    const { log, store, close } = await openTestLog(tmp.dir);
    const r = await log.append(({ index, time }) => ({
      entry: utf8(`deposit ${index} at ${time}`),
      writes: [{ type: 'put', key: `rec/test/${index}`, value: time }],
    }));
    const stored = await store.get(`rec/test/${r.index}`);
    expect(new TextDecoder().decode(stored)).to.equal(r.time);
    await close();
  });

  it('rejects only the caller whose build throws', async () => {
    const { log, close } = await openTestLog(tmp.dir);
    const bad = log.append(() => {
      throw new Error('bad build');
    });
    const good = log.append(utf8('good'));
    expect(((await rejection(bad)) as Error).message).to.equal('bad build');
    expect((await good).index).to.equal(0);
    await close();
  });

  it('refuses entries too large for an entry bundle', async () => {
    const { log, close } = await openTestLog(tmp.dir);
    const err = await rejection(log.append(new Uint8Array(65_536)));
    expect(err).to.be.instanceOf(SequencerError).with.property('code', 'ENTRY_TOO_LARGE');
    expect((await log.append(new Uint8Array(65_535))).index).to.equal(0);
    await close();
  });

  it('answers LOG_OVERLOADED past the queue limit', async () => {
    const { log, close } = await openTestLog(tmp.dir, { queueMax: 10 });
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => log.append(utf8(`${i}`))),
    );
    const overloaded = settled.filter(
      (s) => s.status === 'rejected' && (s.reason as SequencerError).code === 'LOG_OVERLOADED',
    );
    expect(overloaded.length).to.be.greaterThan(0);
    expect(settled.filter((s) => s.status === 'fulfilled').length).to.equal(50 - overloaded.length);
    await close();
  });

  it('reopens with the same head and serves proofs for any stored size', async () => {
    const first = await openTestLog(tmp.dir);
    const checkpoints: string[] = [];
    for (let batch = 0; batch < 12; batch++) {
      const n = [1, 7, 255, 1, 256, 300, 3, 511, 2, 40, 1, 700][batch]!;
      const rs = await Promise.all(
        Array.from({ length: n }, (_, i) => first.log.append(utf8(`${batch}/${i}`))),
      );
      checkpoints.push(rs[0]!.checkpoint);
    }
    const head = first.log.current();
    await first.close();

    const again = await openTestLog(tmp.dir);
    expect(again.log.current()).to.deep.equal(head);
    const latest = checkpointOf(head.checkpoint);
    for (const note of checkpoints) {
      const old = checkpointOf(note);
      const proof = await again.log.reader.consistencyProof(old.size, latest.size);
      verifyConsistency(old.size, latest.size, proof, old.root, latest.root, rfc6962);
      for (const index of [0, old.size - 1, Math.floor(old.size / 2)]) {
        const bundle = await again.log.reader.bundleEntries(
          Math.floor(index / 256),
          again.log.openBundle(),
        );
        const leaf = rfc6962.hashLeaf(bundle[index % 256]!);
        verifyInclusion(
          index,
          old.size,
          leaf,
          await again.log.reader.inclusionProof(index, old.size),
          old.root,
          rfc6962,
        );
      }
    }
    // Appends continue where they stopped.
    expect((await again.log.append(utf8('after reopen'))).index).to.equal(head.size);
    await again.close();
  });

  describe('storage faults', () => {
    it('answers 503s, keeps state and signs nothing beyond disk when a batch write fails', async () => {
      let failNext = false;
      const { log, close } = await openTestLog(tmp.dir, {}, (s) => faulty(s, () => failNext));
      const before = await Promise.all([1, 2, 3].map((i) => log.append(utf8(`before ${i}`))));
      const headBefore = log.current();

      failNext = true;
      const doomed = [log.append(utf8('doomed 1')), log.append(utf8('doomed 2'))];
      const errors = await Promise.all(doomed.map(rejection));
      failNext = false;
      // The first was in the failed batch; the second waited in the queue and was never built.
      expect(errors[0]).to.be.instanceOf(SequencerError).with.property('code', 'LOG_IN_DOUBT');
      expect(errors[1]).to.be.instanceOf(SequencerError).with.property('code', 'LOG_UNAVAILABLE');
      expect(log.current()).to.deep.equal(headBefore);

      await log.whenReady();
      const after = await log.append(utf8('after'));
      expect(after.index).to.equal(headBefore.size); // the failed batch is not on disk
      const oldCp = checkpointOf(before[0]!.checkpoint);
      const newCp = checkpointOf(after.checkpoint);
      const proof = await log.reader.consistencyProof(oldCp.size, newCp.size);
      verifyConsistency(oldCp.size, newCp.size, proof, oldCp.root, newCp.root, rfc6962);
      await close();
    });

    it('counts a batch found on disk after the reopen as committed', async () => {
      let failAfterWrite = false;
      const { log, close } = await openTestLog(tmp.dir, {}, (s) =>
        delegatingStore(s, {
          async writeBatch(batch) {
            await s.writeBatch(batch);
            if (failAfterWrite) throw new Error('fsync reported an error after the write');
          },
        }),
      );
      await log.append(utf8('one'));
      failAfterWrite = true;
      const err = await rejection(log.append(utf8('in doubt')));
      failAfterWrite = false;
      expect(err).to.have.property('code', 'LOG_IN_DOUBT');
      await log.whenReady();
      expect(log.size).to.equal(2);
      const bundle = await log.reader.bundleEntries(0, log.openBundle());
      expect(new TextDecoder().decode(bundle[1])).to.equal('in doubt');
      await close();
    });

    it('rejects appends while recovering with LOG_UNAVAILABLE', async () => {
      let fail = false;
      let reopenGate: (() => void) | undefined;
      const { log, close } = await openTestLog(tmp.dir, {}, (s) => ({
        ...faulty(s, () => fail),
        async reopen() {
          await new Promise<void>((r) => (reopenGate = r));
          await s.reopen();
        },
      }));
      fail = true;
      await rejection(log.append(utf8('x')));
      fail = false;
      const err = await rejection(log.append(utf8('y')));
      expect(err).to.have.property('code', 'LOG_UNAVAILABLE');
      expect(log.available).to.equal(false);
      while (!reopenGate) await new Promise((r) => setImmediate(r));
      reopenGate();
      await log.whenReady();
      expect((await log.append(utf8('z'))).index).to.equal(0);
      await close();
    });

    it('stays closed when close() is called while a recovery is reopening the store', async () => {
      let fail = false;
      let reopenGate: (() => void) | undefined;
      const events: string[] = [];
      const { log, close } = await openTestLog(tmp.dir, {}, (s) =>
        delegatingStore(
          faulty(s, () => fail),
          {
            async reopen() {
              events.push('reopen');
              await new Promise<void>((r) => (reopenGate = r));
              await s.reopen();
              events.push('reopened');
            },
            readHead() {
              events.push('load');
              return s.readHead();
            },
          },
        ),
      );
      events.splice(0); // the open's own load
      fail = true;
      expect(await rejection(log.append(utf8('x')))).to.have.property('code', 'LOG_IN_DOUBT');
      fail = false;
      while (!reopenGate) await new Promise((r) => setImmediate(r));
      const waiting = log.whenReady();
      const closing = log.close();
      reopenGate();
      await closing;
      // close() waited for the reopen in flight, and the recovery stopped there.
      expect(events).to.deep.equal(['reopen', 'reopened']);
      expect(log.available).to.equal(false);
      expect(await rejection(waiting)).to.have.property('code', 'LOG_UNAVAILABLE');
      expect(await rejection(log.whenReady())).to.have.property('code', 'LOG_UNAVAILABLE');
      expect(await rejection(log.append(utf8('after close')))).to.have.property(
        'code',
        'LOG_UNAVAILABLE',
      );
      await close();
    });

    it('rejects whenReady() waiters with LOG_CORRUPT when the recovery finds the log corrupt', async () => {
      let fail = false;
      let damaged = false;
      let reopenGate: (() => void) | undefined;
      const reported: unknown[] = [];
      const { log, close } = await openTestLog(tmp.dir, { onError: (e) => reported.push(e) }, (s) =>
        delegatingStore(
          faulty(s, () => fail),
          {
            async reopen() {
              await new Promise<void>((r) => (reopenGate = r));
              await s.reopen();
            },
            async readHead() {
              const head = await s.readHead();
              // the stored head no longer matches the tiles (a damaged disk)
              return head && damaged ? { ...head, root: new Uint8Array(32) } : head;
            },
          },
        ),
      );
      await log.append(utf8('one'));
      fail = true;
      expect(await rejection(log.append(utf8('x')))).to.have.property('code', 'LOG_IN_DOUBT');
      fail = false;
      damaged = true;
      while (!reopenGate) await new Promise((r) => setImmediate(r));
      const waiting = log.whenReady();
      reopenGate();
      const err = await rejection(waiting); // mocha's timeout guards against a hang
      expect(err).to.be.instanceOf(SequencerError).with.property('code', 'LOG_CORRUPT');
      expect(reported).to.include(err);
      // Later callers learn it at once; appends are refused with the same code.
      expect(await rejection(log.whenReady())).to.equal(err);
      expect(log.available).to.equal(false);
      expect(await rejection(log.append(utf8('y'))))
        .to.be.instanceOf(SequencerError)
        .with.property('code', 'LOG_CORRUPT');
      await close();
    });
  });

  it('refuses to start when a stored tile was damaged', async () => {
    const first = await openTestLog(tmp.dir);
    await Promise.all(Array.from({ length: 300 }, (_, i) => first.log.append(utf8(`${i}`))));
    await first.close();
    const { openLevelStore } = await import('../../src/storage/leveldb.js');
    const { tileKey } = await import('../../src/storage/keys.js');
    const store = await openLevelStore(tmp.dir);
    const key = tileKey(0, 1); // the partial level-0 tile (entries 256..299)
    const value = (await store.get(key))!;
    value[7] = value[7]! ^ 1;
    await store.writeRecords([{ type: 'put', key, value }]);
    await store.close();
    const err = await rejection(openTestLog(tmp.dir));
    expect(err).to.be.instanceOf(SequencerError).with.property('code', 'LOG_CORRUPT');
    expect((err as Error).message).to.match(/refusing to start/);
  });
});

function faulty(s: LogStore, shouldFail: () => boolean): LogStore {
  return delegatingStore(s, {
    async writeBatch(batch) {
      if (shouldFail()) throw new Error('injected storage fault');
      await s.writeBatch(batch);
    },
  });
}
