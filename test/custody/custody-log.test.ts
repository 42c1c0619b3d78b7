import { expect } from 'chai';
import {
  custodyTag,
  CustodyError,
  CustodyLog,
  custodyPrefix,
  type CustodyActor,
} from '../../src/custody/index.js';
import { parseEntry } from '../../src/entry/index.js';
import type { DepositRecord } from '../../src/evidence/records.js';
import { DepositService } from '../../src/evidence/service.js';
import { SequencerError } from '../../src/sequencer/index.js';
import { checkCustodyReceipt } from '../helpers/casework.js';
import { openTestLog, tempDir, testKey } from '../helpers/log-fixture.js';

const judge: CustodyActor = { account: 'u_00000000000000aa', role: 'judge', displayName: '王法官' };

describe('custody/service (custody events on the log)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let log: Awaited<ReturnType<typeof openTestLog>>;
  let custody: CustodyLog;
  let deposits: DepositService;
  let a: DepositRecord;
  let b: DepositRecord;
  let t: number;

  beforeEach(async () => {
    tmp = tempDir();
    log = await openTestLog(tmp.dir);
    t = Date.parse('2026-11-26T06:30:00Z');
    deposits = new DepositService({ sequencer: log.log, records: log.store, vkey: testKey.vkey });
    custody = new CustodyLog({
      sequencer: log.log,
      records: log.store,
      vkey: testKey.vkey,
      now: () => t,
    });
    const make = async (title: string): Promise<DepositRecord> =>
      (
        await deposits.create({
          title,
          description: '',
          method: 'hash-only',
          files: [
            { name: 'f', size: 1, mediaType: 'application/octet-stream', sha256: 'ab'.repeat(32) },
          ],
          owner: 'u_0000000000000001',
          depositor: {
            account: 'u_0000000000000001',
            name: '张三',
            idMasked: '',
            verification: 'self-declared',
          },
        })
      ).record;
    a = await make('a');
    b = await make('b');
  });
  afterEach(async () => {
    await log.close().catch(() => undefined);
    tmp.remove();
  });

  it('appends `{commitment, id: tag, time, type: custody, v: 1}` committing to the opening, with the state it changes in the same batch', async () => {
    const e = await custody.record({
      deposit: a,
      event: 'shared',
      actor: judge,
      detail: { court: '徐汇法院' },
      prepare: ({ index, eventId }) => ({
        detail: { index },
        writes: [{ type: 'put', key: 'rec/test/state', value: eventId }],
      }),
    });
    const entry = parseEntry(Buffer.from(e.receipt.entry, 'base64'))!;
    expect(entry).to.deep.equal({
      commitment: entry.commitment,
      id: custodyTag(a.opening.salt),
      time: e.time,
      type: 'custody',
      v: 1,
    });
    expect(e.opening).to.deep.include({
      eventId: e.eventId,
      deposit: a.number,
      depositIndex: a.index,
      event: 'shared',
      actor: judge,
      time: e.time,
      detail: { court: '徐汇法院', index: e.index },
    });
    expect(e.opening.salt)
      .to.match(/^[0-9a-f]{64}$/)
      .and.not.equal(a.opening.salt);
    expect(e.eventId).to.match(/^ev_[0-9a-f]{32}$/);
    checkCustodyReceipt(e.receipt, testKey.vkey, a.opening.salt);
    expect(new TextDecoder().decode(await log.store.get('rec/test/state'))).to.equal(e.eventId);
  });

  it('writes nothing when `prepare` refuses', async () => {
    const size = log.log.size;
    try {
      await custody.record({
        deposit: a,
        event: 'claimed',
        actor: judge,
        prepare: () => {
          throw new TypeError('refused');
        },
      });
      expect.fail('appended');
    } catch (err) {
      expect((err as Error).message).to.equal('refused');
    }
    expect(log.log.size).to.equal(size);
    expect(await custody.events(a.index)).to.deep.equal([]);
  });

  it("lists a deposit's trail in log order, and the tag finds exactly it in the entry bundles", async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        custody.record({
          deposit: i % 3 === 0 ? b : a,
          event: 'viewed',
          actor: judge,
          detail: { i },
        }),
      ),
    );
    const trail = await custody.trail(a.index);
    const mine = made
      .filter((e) => e.opening.depositIndex === a.index)
      .sort((x, y) => x.index - y.index);
    expect(trail.map((e) => e.eventId)).to.deep.equal(mine.map((e) => e.eventId));
    for (const item of trail) {
      expect(item.actor).to.deep.equal({ role: 'judge', displayName: '王法官' });
      checkCustodyReceipt(item.receipt, testKey.vkey, a.opening.salt);
    }
    // A court holding the opening scans every entry for the tag: the same events, none missing.
    const entries = await log.log.reader.bundleEntries(0, log.log.openBundle());
    const tag = custodyTag(a.opening.salt);
    const tagged = entries.flatMap((bytes, index) =>
      parseEntry(bytes)?.id === tag ? [index] : [],
    );
    expect(tagged).to.deep.equal(trail.map((e) => e.receipt.index));
    expect(custodyPrefix(a.index)).to.equal(`rec/custody/${String(a.index).padStart(16, '0')}/`);
  });

  it('records a non-owner read once per window', async () => {
    await custody.noteRead(a, judge, { kind: 'viewed', resource: 'details' });
    await custody.noteRead(a, judge, { kind: 'viewed', resource: 'details' });
    await custody.noteRead(a, judge, { kind: 'downloaded', file: 0 });
    t += 30 * 60 * 1000;
    await custody.noteRead(a, judge, { kind: 'downloaded', file: 0 });
    await custody.noteRead(a, judge, { kind: 'viewed', resource: 'details' });
    const events = await custody.events(a.index);
    expect(events.map((e) => e.opening.event)).to.deep.equal([
      'viewed',
      'downloaded',
      'downloaded',
    ]);
    expect(events[1]!.opening.detail).to.deep.equal({
      file: 0,
      name: 'f',
      sha256: 'ab'.repeat(32),
    });
  });

  it('refuses the read with 503 CUSTODY_UNAVAILABLE when its event cannot be appended', async () => {
    await log.log.close();
    try {
      await custody.noteRead(a, judge, { kind: 'viewed', resource: 'receipt' });
      expect.fail('the read went through without its event');
    } catch (err) {
      expect(err).to.be.instanceOf(CustodyError);
      expect((err as CustodyError).code).to.equal('CUSTODY_UNAVAILABLE');
      expect((err as CustodyError).details).to.deep.equal({ retryAfter: 5 });
      expect((err as CustodyError).cause).to.be.instanceOf(SequencerError);
    }
  });
});
