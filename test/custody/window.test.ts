import { expect } from 'chai';
import { DOWNLOADED_WINDOW_MS, EventWindow, VIEWED_WINDOW_MS } from '../../src/custody/index.js';

describe('custody/window (read events de-duplicated per window, DESIGN §8)', () => {
  let t: number;
  let appends: number;
  const append = async (): Promise<void> => {
    appends++;
  };
  beforeEach(() => {
    t = 1_000_000;
    appends = 0;
  });

  it('records one `viewed` per key per hour and one `downloaded` per 30 minutes', async () => {
    const w = new EventWindow(() => t);
    expect(VIEWED_WINDOW_MS).to.equal(3_600_000);
    expect(DOWNLOADED_WINDOW_MS).to.equal(1_800_000);
    expect(await w.once('judge|7|viewed:details', VIEWED_WINDOW_MS, append)).to.equal(true);
    t += VIEWED_WINDOW_MS - 1;
    expect(await w.once('judge|7|viewed:details', VIEWED_WINDOW_MS, append)).to.equal(false);
    expect(await w.once('judge|7|viewed:receipt', VIEWED_WINDOW_MS, append)).to.equal(true);
    expect(await w.once('other|7|viewed:details', VIEWED_WINDOW_MS, append)).to.equal(true);
    t += 1;
    expect(await w.once('judge|7|viewed:details', VIEWED_WINDOW_MS, append)).to.equal(true);
    expect(await w.once('judge|7|downloaded:0', DOWNLOADED_WINDOW_MS, append)).to.equal(true);
    t += DOWNLOADED_WINDOW_MS - 1; // a Range request 29:59 later joins the download
    expect(await w.once('judge|7|downloaded:0', DOWNLOADED_WINDOW_MS, append)).to.equal(false);
    t += 1;
    expect(await w.once('judge|7|downloaded:0', DOWNLOADED_WINDOW_MS, append)).to.equal(true);
    expect(appends).to.equal(6);
  });

  it('lets concurrent reads of one key share one append', async () => {
    const w = new EventWindow(() => t);
    let release!: () => void;
    const slow = (): Promise<void> => {
      appends++;
      return new Promise((resolve) => (release = resolve));
    };
    const first = w.once('k', VIEWED_WINDOW_MS, slow);
    const second = w.once('k', VIEWED_WINDOW_MS, slow);
    await Promise.resolve();
    release();
    expect(await Promise.all([first, second])).to.deep.equal([true, false]);
    expect(appends).to.equal(1);
  });

  it('fails every read waiting on a failed append and records nothing', async () => {
    const w = new EventWindow(() => t);
    let fail!: (e: Error) => void;
    const failing = (): Promise<void> => new Promise((_, reject) => (fail = reject));
    const first = w.once('k', VIEWED_WINDOW_MS, failing);
    const second = w.once('k', VIEWED_WINDOW_MS, failing);
    await Promise.resolve();
    fail(new Error('log down'));
    for (const p of [first, second]) {
      try {
        await p;
        expect.fail('resolved');
      } catch (err) {
        expect((err as Error).message).to.equal('log down');
      }
    }
    expect(await w.once('k', VIEWED_WINDOW_MS, append)).to.equal(true);
    expect(w.size).to.equal(1);
  });
});
