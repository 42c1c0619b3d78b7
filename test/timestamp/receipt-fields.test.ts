import { expect } from 'chai';
import { readReceipt, verifyReceipt } from '../../src/verify/index.js';
import { deposit, digestsOf, LOG_VKEY, receiptOf } from '../verify/golden.js';
import { openTestLog, tempDir, utf8 } from '../helpers/log-fixture.js';

describe('receipts with time-stamp fields', () => {
  it('reads `timestamps` and `timestampConsistency`; a token that is not RFC 3161 fails only the timestamp checks', () => {
    const d = deposit(0);
    const plain = receiptOf(d) as Record<string, unknown>;
    const stamped = {
      ...plain,
      timestamps: [{ checkpoint: plain.checkpoint, token: 'MAMCAQE=' }],
      timestampConsistency: [],
    };
    const options = { file: digestsOf(d), trustedKeys: [LOG_VKEY] };
    const before = verifyReceipt(plain, options);
    const after = verifyReceipt(stamped, options);
    expect(before.verdict).to.equal('verified');
    expect(after.verdict).to.equal('not_verified');
    const others = (r: typeof before) => r.checks.filter((c) => !c.id.startsWith('timestamp.'));
    expect(others(after)).to.deep.equal(others(before));
    const status = (id: string) => after.checks.find((c) => c.id === id)?.status;
    expect(status('timestamp.imprint')).to.equal('fail');
    expect(status('timestamp.covers')).to.equal('pass');
    expect(readReceipt(stamped).problems).to.deep.equal([]);
  });

  it('names malformed time-stamp fields in receipt.shape', () => {
    const plain = receiptOf(deposit(0)) as Record<string, unknown>;
    for (const [field, value, problem] of [
      ['timestamps', {}, 'timestamps'],
      ['timestamps', [{ checkpoint: plain.checkpoint, token: '' }], 'timestamps[0]'],
      ['timestamps', [{ token: 'MAMCAQE=' }], 'timestamps[0]'],
      ['timestampConsistency', ['AAAA'], 'timestampConsistency'],
      [
        'timestamps',
        Array(9).fill({ checkpoint: plain.checkpoint, token: 'MAMCAQE=' }),
        'timestamps',
      ],
    ] as const) {
      expect(readReceipt({ ...plain, [field]: value }).problems, problem).to.deep.equal([problem]);
    }
  });
});

describe('Sequencer.onCheckpoint', () => {
  it('tells listeners of each durable head; a throwing listener fails no append and goes to onError', async () => {
    const tmp = tempDir('huicun-ts-hook-');
    const errors: unknown[] = [];
    const log = await openTestLog(tmp.dir, { onError: (e) => errors.push(e) });
    try {
      const seen: number[] = [];
      const stored: (string | undefined)[] = [];
      const off = log.log.onCheckpoint((head) => {
        seen.push(head.size);
        void log.store.readCheckpoint(head.size).then((c) => stored.push(c));
      });
      log.log.onCheckpoint(() => {
        throw new Error('a broken listener');
      });
      const r = await log.log.append(utf8('one'));
      await log.log.append(utf8('two'));
      expect(seen).to.deep.equal([1, 2]);
      expect(errors.map(String)).to.deep.equal(Array(2).fill('Error: a broken listener'));
      off();
      await log.log.append(utf8('three'));
      expect(seen).to.deep.equal([1, 2]);
      expect(stored[0], 'on disk when told').to.equal(r.checkpoint);
    } finally {
      await log.close();
      tmp.remove();
    }
  });
});
