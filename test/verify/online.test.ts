/**
 * `onlineView(receipt, client)`: what every host fetches before verifying online — the current
 * checkpoint, and a consistency proof only when the receipt's tree is smaller and not empty.
 */
import { expect } from 'chai';
import { onlineView, verifyReceipt, type LogClient } from '../../src/verify/index.js';
import { deposit, goldenText, LOG_VKEY, receiptOf } from './golden.js';

const proofs = JSON.parse(goldenText('consistency.json')) as {
  from: number;
  to: number;
  proof: string[];
}[];

/** A log serving `checkpoint`; records the proofs asked for. */
function client(checkpoint: string): LogClient & { asked: [number, number][] } {
  const asked: [number, number][] = [];
  return {
    asked,
    checkpoint: () => Promise.resolve(checkpoint),
    consistencyProof: (from, to) => {
      asked.push([from, to]);
      return Promise.resolve(proofs.find((p) => p.from === from && p.to === to)!.proof);
    },
  };
}

describe('onlineView', () => {
  const receipt = receiptOf(deposit(0)); // at size 3

  it('fetches the proof from the receipt checkpoint to the current one', async () => {
    const log = client(goldenText('checkpoint.7'));
    const view = await onlineView(receipt, log);
    expect(log.asked).to.deep.equal([[3, 7]]);
    expect(view.current?.size).to.equal(7);
    const r = verifyReceipt(receipt, { trustedKeys: [LOG_VKEY], online: view.online });
    expect(r.checks.find((c) => c.id === 'consistency')?.status).to.equal('pass');
  });

  it('asks no proof for the same size, a smaller log or an unreadable receipt', async () => {
    for (const [r, note] of [
      [receipt, 'checkpoint.3'],
      [receiptOf(deposit(4)), 'checkpoint.3'],
      [{}, 'checkpoint.7'],
    ] as const) {
      const log = client(goldenText(note));
      const view = await onlineView(r, log);
      expect(log.asked).to.deep.equal([]);
      expect(view.online).to.deep.equal({ checkpoint: goldenText(note), consistencyProof: [] });
    }
  });

  it('passes a malformed checkpoint on (current undefined), for the verifier to fail', async () => {
    const log = client('not a checkpoint');
    const view = await onlineView(receipt, log);
    expect(view.current).to.equal(undefined);
    expect(log.asked).to.deep.equal([]);
  });
});
