import { expect } from 'chai';
import {
  DOWNLOADED_WINDOW_MS,
  EventWindow,
  readWindow,
  VIEWED_WINDOW_MS,
} from '../../src/custody/index.js';

describe('custody/window (read events de-duplicated per window, docs/access.md)', () => {
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

  it('counts the details and the receipt as one view; each certificate and each file apart', () => {
    const what = (r: Parameters<typeof readWindow>[0]): string => readWindow(r).what;
    expect(what({ kind: 'viewed', resource: 'details' })).to.equal(
      what({ kind: 'viewed', resource: 'receipt' }),
    );
    const keys = [
      what({ kind: 'viewed', resource: 'details' }),
      what({ kind: 'viewed', resource: 'certificate', certificate: 'deposit' }),
      what({ kind: 'viewed', resource: 'certificate', certificate: 'notarial' }),
      what({ kind: 'downloaded', file: 0 }),
      what({ kind: 'downloaded', file: 1 }),
    ];
    expect(new Set(keys).size).to.equal(keys.length);
    expect(readWindow({ kind: 'viewed', resource: 'receipt' }).windowMs).to.equal(VIEWED_WINDOW_MS);
    expect(readWindow({ kind: 'downloaded', file: 3 }).windowMs).to.equal(DOWNLOADED_WINDOW_MS);
  });

  it('lets only one of many concurrent reads append, even when the append fails synchronously', async () => {
    const w = new EventWindow(() => t);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => w.once('k', VIEWED_WINDOW_MS, append)),
    );
    expect(results.filter((r) => r)).to.have.length(1);
    expect(appends).to.equal(1);
    const throwing = (): Promise<void> => {
      throw new Error('no log');
    };
    const failed = await Promise.allSettled([
      w.once('j', VIEWED_WINDOW_MS, throwing),
      w.once('j', VIEWED_WINDOW_MS, throwing),
    ]);
    expect(failed.map((f) => f.status)).to.deep.equal(['rejected', 'rejected']);
    // nothing left reserved: the next read appends
    expect(await w.once('j', VIEWED_WINDOW_MS, append)).to.equal(true);
  });
});
