import { expect } from 'chai';
import { readReceipt, verifyReceipt } from '../../src/verify/index.js';
import { deposit, digestsOf, LOG_VKEY, receiptOf } from '../verify/golden.js';
import { openTestLog, tempDir, utf8 } from '../helpers/log-fixture.js';

describe('receipts with time-stamp fields, as today’s verifier reads them', () => {
  it('accepts `timestamps` and `timestampConsistency` and gives the same checks and verdict', () => {
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
    expect(after.verdict).to.equal('verified');
    expect(after.checks).to.deep.equal(before.checks);
    expect(readReceipt(stamped).problems).to.deep.equal([]);
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
