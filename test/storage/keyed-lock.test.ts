/**
 * The one keyed async lock (src/storage/keyed-lock.ts) that the account, blob, certificate,
 * court, notary and sharing stores serialise their check-then-write steps with.
 */
import { expect } from 'chai';
import { KeyedLock } from '../../src/storage/keyed-lock.js';

/** A promise with its resolve exposed, so a test decides when work finishes. */
function gate(): { readonly promise: Promise<void>; readonly open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const ticks = async (n = 5): Promise<void> => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('KeyedLock', () => {
  it('runs work for one key one at a time, in the order it was queued', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g, i) =>
      lock.run('k', async () => {
        log.push(`start ${i}`);
        await g.promise;
        log.push(`end ${i}`);
        return i;
      }),
    );
    await ticks();
    expect(log).to.deep.equal(['start 0']);
    gates[2]!.open();
    gates[1]!.open();
    await ticks();
    expect(log).to.deep.equal(['start 0']);
    gates[0]!.open();
    expect(await Promise.all(runs)).to.deep.equal([0, 1, 2]);
    expect(log).to.deep.equal(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('lets work for different keys run at the same time', async () => {
    const lock = new KeyedLock();
    const a = gate();
    const started: string[] = [];
    const first = lock.run('a', async () => {
      started.push('a');
      await a.promise;
    });
    const second = lock.run('b', async () => {
      started.push('b');
    });
    await second;
    expect(started).to.deep.equal(['a', 'b']);
    a.open();
    await first;
  });

  it('releases the key when work throws or rejects, and passes the error to that caller only', async () => {
    const lock = new KeyedLock();
    const rejected = lock.run('k', () => Promise.reject(new Error('rejected')));
    const thrown = lock.run('k', () => {
      throw new Error('thrown');
    });
    const after = lock.run('k', () => Promise.resolve('ran'));
    const failures = await Promise.allSettled([rejected, thrown]);
    expect(failures.map((f) => f.status === 'rejected' && (f.reason as Error).message)).to.deep.equal([
      'rejected',
      'thrown',
    ]);
    expect(await after).to.equal('ran');
    expect(await lock.run('k', () => Promise.resolve('again'))).to.equal('again');
  });
});
