import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { RingSpace } from '../../src/evidence/intake/ring-space.js';
import { Sm3Worker } from '../../src/evidence/intake/sm3-client.js';
import { propertyRuns } from '../helpers/size.js';

const sm3 = (b: Uint8Array): string => createHash('sm3').update(b).digest('hex');

/** Feeds `data` in pieces cut at `cuts`, honouring backpressure as the storage engine does. */
async function hashInPieces(worker: Sm3Worker, data: Uint8Array, cuts: number[]): Promise<string> {
  const id = worker.open();
  const bounds = [0, ...cuts.map((c) => c % (data.length + 1)).sort((a, b) => a - b), data.length];
  for (let i = 1; i < bounds.length; i++) {
    const wait = worker.update(id, data.subarray(bounds[i - 1], bounds[i]));
    if (wait !== undefined) await wait;
  }
  return worker.final(id);
}

describe('intake: SM3 worker', () => {
  // A tiny ring so that backpressure, wrapping and splitting happen on every run.
  const worker = new Sm3Worker({ maxInFlightBytes: 4096 });
  after(() => worker.close());

  it('computes the GB/T 32905 "abc" vector', async () => {
    const digest = await hashInPieces(worker, new TextEncoder().encode('abc'), []);
    expect(digest).to.equal('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('equals node:crypto for random data and random chunk splits (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40_000 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (data, cuts) => {
          expect(await hashInPieces(worker, data, cuts)).to.equal(sm3(data));
        },
      ),
      { numRuns: propertyRuns(60) },
    );
  });

  it('keeps interleaved hashes apart', async () => {
    const inputs = [1, 2, 3, 4, 5].map((n) => new Uint8Array(10_000 * n).fill(n));
    const digests = await Promise.all(
      inputs.map((d, i) => hashInPieces(worker, d, [i * 777, 5000])),
    );
    expect(digests).to.deep.equal(inputs.map(sm3));
  });

  it('rejects a pending update on abort and forgets the id', async () => {
    const id = worker.open();
    const wait = worker.update(id, new Uint8Array(100_000)); // far more than the ring holds
    expect(wait).to.be.instanceOf(Promise);
    const outcome = (wait as Promise<void>).then(
      () => undefined,
      (e: unknown) => e,
    );
    worker.abort(id);
    expect(await outcome).to.be.instanceOf(Error);
    const late = await worker.final(id).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(late).to.be.instanceOf(Error);
  });

  it('can be closed with hashes pending and starts again on the next open', async () => {
    const own = new Sm3Worker({ maxInFlightBytes: 1024 });
    const id = own.open();
    const outcome = (own.update(id, new Uint8Array(10_000)) as Promise<void>).then(
      () => 'resolved',
      () => 'rejected',
    );
    await own.close();
    expect(await outcome).to.equal('rejected');
    expect(await hashInPieces(own, new Uint8Array([1, 2, 3]), [1])).to.equal(
      sm3(new Uint8Array([1, 2, 3])),
    );
    await own.close();
  });

  it('does not keep the process alive when idle', async () => {
    const script = new URL('./fixtures/sm3-exit.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      timeout: 15_000,
    });
    expect(stdout.trim()).to.equal(sm3(new TextEncoder().encode('abc')));
  });
});

describe('intake: ring space', () => {
  it('never hands out overlapping or out-of-bounds regions (fast-check model)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(0)), { maxLength: 200 }),
        (capacity, ops) => {
          const ring = new RingSpace(capacity);
          const live: [number, number][] = [];
          for (const op of ops) {
            if (op === 0 || op > capacity) {
              if (live.length > 0) {
                ring.release();
                live.shift();
              }
              continue;
            }
            const offset = ring.reserve(op);
            if (live.length === 0) expect(offset, 'an empty ring takes any region').to.equal(0);
            if (offset === undefined) continue;
            expect(offset + op).to.be.at.most(capacity);
            for (const [o, l] of live)
              expect(offset >= o + l || offset + op <= o, 'overlap').to.equal(true);
            live.push([offset, op]);
            expect(ring.used).to.be.at.most(capacity);
          }
        },
      ),
    );
  });
});
