import { expect } from 'chai';
import fc from 'fast-check';
import { formatCheckpoint, signNote } from '../../src/log/index.js';
import {
  CHECK_IDS,
  receiptFromTlogProof,
  verifyReceipt,
  VerifyError,
  type VerifyReport,
} from '../../src/verify/index.js';
import { GOLDEN_ORIGIN, goldenNoteSigner } from '../vectors/receipts/generate.js';
import { deposit, digestsOf, goldenText, LOG_VKEY, manifest, receiptOf } from './golden.js';
import { propertyRuns } from '../helpers/size.js';

const statuses = (r: VerifyReport): Record<string, string> =>
  Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
const failed = (r: VerifyReport): string[] =>
  r.checks.filter((c) => c.status === 'fail').map((c) => c.id);

describe('verify: verifyReceipt on the golden receipts', () => {
  for (const d of manifest.deposits) {
    it(`${d.number}: verified with the trusted key and the file; every check listed once`, () => {
      const r = verifyReceipt(receiptOf(d), { file: digestsOf(d), trustedKeys: [LOG_VKEY] });
      expect(failed(r)).to.deep.equal([]);
      expect(r.verdict).to.equal('verified');
      expect(r.checks.map((c) => c.id)).to.deep.equal([...CHECK_IDS]);
      expect(r.entry?.id).to.equal(d.number);
      expect(r.signer).to.deep.equal({
        key: LOG_VKEY.split('+').slice(0, 2).join('+'),
        trusted: true,
      });
      for (const c of r.checks) {
        expect(c.passed).to.equal(c.status === 'pass');
        expect(c.message.zh).to.match(/[\u4e00-\u9fff]/);
        expect(c.message.en).to.match(/^[\x20-\x7e]+$/);
      }
    });

    it(`${d.number}: its tlog-proof alone verifies the same way`, () => {
      const r = verifyReceipt(receiptFromTlogProof(goldenText(d.tlogProof)), {
        file: digestsOf(d),
        trustedKeys: [LOG_VKEY],
      });
      expect(failed(r)).to.deep.equal([]);
      expect(r.verdict).to.equal('verified');
    });
  }

  it('skips what was not asked: entry.id, consistency, document.issued; file.* without a file', () => {
    const s = statuses(verifyReceipt(receiptOf(deposit(0)), { trustedKeys: [LOG_VKEY] }));
    expect(s).to.include({
      'entry.id': 'skip',
      'file.sha256': 'skip',
      'file.sm3': 'skip',
      consistency: 'skip',
      'document.issued': 'skip',
      inclusion: 'pass',
    });
  });

  it('a hash-only deposit without SM3 skips file.sm3', () => {
    const d = deposit(1);
    const r = verifyReceipt(receiptOf(d), { file: digestsOf(d), trustedKeys: [LOG_VKEY] });
    expect(statuses(r)).to.include({ 'file.sha256': 'pass', 'file.sm3': 'skip' });
    expect(r.verdict).to.equal('verified');
  });

  it('finds the file among several and reports which one it is', () => {
    const two = deposit(2);
    const photo = verifyReceipt(receiptOf(two), { file: digestsOf(two), trustedKeys: [LOG_VKEY] });
    expect(photo.file).to.include({ position: 1, name: '照片.bin' });
    const contract = verifyReceipt(receiptOf(two), {
      file: digestsOf(deposit(0)),
      trustedKeys: [LOG_VKEY],
    });
    expect(contract.file).to.include({ position: 0, name: '合同.txt' });
    expect(contract.verdict).to.equal('verified');
  });

  it('entry.id passes for the number asked about in any spelling and fails for another', () => {
    const d = deposit(4);
    const spaced = `hc ${d.number.slice(2, 7)}-${d.number.slice(7, 12)} ${d.number.slice(12)}`;
    const ok = verifyReceipt(receiptOf(d), { depositId: spaced, trustedKeys: [LOG_VKEY] });
    expect(statuses(ok)['entry.id']).to.equal('pass');
    const other = verifyReceipt(receiptOf(d), {
      depositId: deposit(5).number,
      trustedKeys: [LOG_VKEY],
    });
    expect(failed(other)).to.deep.equal(['entry.id']);
    expect(other.verdict).to.equal('not_verified');
  });

  it('without a trusted key only checkpoint.key_trusted fails, and it says where to get the key', () => {
    const d = deposit(0);
    const r = verifyReceipt(receiptOf(d), { file: digestsOf(d) });
    expect(failed(r)).to.deep.equal(['checkpoint.key_trusted']);
    expect(r.verdict).to.equal('not_verified');
    const c = r.checks.find((x) => x.id === 'checkpoint.key_trusted')!;
    expect(c.message.en).to.contain('/api/v1/log/key').and.contain('--log-key');
    expect(c.message.zh).to.contain('/api/v1/log/key').and.contain('不可信');
  });

  it('a tlog-proof without a trusted key cannot check its signature: not verified', () => {
    const r = verifyReceipt(receiptFromTlogProof(goldenText(deposit(0).tlogProof)), {});
    expect(statuses(r)).to.include({
      'checkpoint.signature': 'skip',
      'checkpoint.key_trusted': 'fail',
      inclusion: 'pass',
    });
    expect(r.verdict).to.equal('not_verified');
  });

  it('rejects a trusted key that is not a vkey', () => {
    expect(() => verifyReceipt({}, { trustedKeys: ['not a key'] }))
      .to.throw(VerifyError)
      .with.property('code', 'INVALID_TRUSTED_KEY');
  });
});

describe('verify: consistency and document.issued (online views)', () => {
  const consistency = JSON.parse(goldenText('consistency.json')) as {
    from: number;
    to: number;
    proof: string[];
  }[];
  const proof = (from: number, to: number): string[] =>
    consistency.find((c) => c.from === from && c.to === to)!.proof;
  const d0 = deposit(0); // its receipt is at size 3

  it('passes from the receipt checkpoint to a later one', () => {
    const r = verifyReceipt(receiptOf(d0), {
      trustedKeys: [LOG_VKEY],
      online: { checkpoint: goldenText('checkpoint.7'), consistencyProof: proof(3, 7) },
    });
    expect(statuses(r).consistency).to.equal('pass');
    expect(r.verdict).to.equal('verified');
  });

  it('passes for the same checkpoint with an empty proof', () => {
    const r = verifyReceipt(receiptOf(d0), {
      trustedKeys: [LOG_VKEY],
      online: { checkpoint: goldenText('checkpoint.3'), consistencyProof: [] },
    });
    expect(statuses(r).consistency).to.equal('pass');
  });

  it('fails for a fork (same size, other root), a rollback, a wrong proof or an untrusted current checkpoint', async () => {
    const forked = await signNote(
      formatCheckpoint({
        origin: GOLDEN_ORIGIN,
        size: 7,
        root: new Uint8Array(32).fill(9),
        extensions: [],
      }),
      [goldenNoteSigner()],
    );
    const views = [
      { checkpoint: forked, consistencyProof: proof(3, 7) },
      { checkpoint: goldenText('checkpoint.5'), consistencyProof: proof(3, 7) },
      { checkpoint: goldenText('checkpoint.7'), consistencyProof: proof(3, 5) },
      {
        checkpoint: await signNote(
          formatCheckpoint({
            origin: GOLDEN_ORIGIN,
            size: 7,
            root: new Uint8Array(32),
            extensions: [],
          }),
          [goldenNoteSigner(true)],
        ),
        consistencyProof: proof(3, 7),
      },
    ];
    const rollback = verifyReceipt(receiptOf(deposit(4)), {
      trustedKeys: [LOG_VKEY],
      online: { checkpoint: goldenText('checkpoint.3'), consistencyProof: [] },
    });
    for (const r of [
      ...views.map((online) => verifyReceipt(receiptOf(d0), { trustedKeys: [LOG_VKEY], online })),
      rollback,
    ]) {
      expect(failed(r)).to.deep.equal(['consistency']);
      expect(r.verdict).to.equal('not_verified');
    }
  });

  it('document.issued passes or fails as the log says', () => {
    const yes = verifyReceipt(receiptOf(d0), {
      trustedKeys: [LOG_VKEY],
      document: { sha256: 'ab'.repeat(32), issued: true },
    });
    const no = verifyReceipt(receiptOf(d0), {
      trustedKeys: [LOG_VKEY],
      document: { sha256: 'ab'.repeat(32), issued: false },
    });
    expect(statuses(yes)['document.issued']).to.equal('pass');
    expect(failed(no)).to.deep.equal(['document.issued']);
    expect(no.verdict).to.equal('not_verified');
  });
});

describe('verify: hostile receipts', () => {
  it('never throws on arbitrary JSON and never verifies it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = verifyReceipt(value, { trustedKeys: [LOG_VKEY] });
        expect(r.verdict).to.equal('not_verified');
        expect(r.checks.find((c) => c.id === 'receipt.shape')!.status).to.equal('fail');
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('never throws when fields of a real receipt are replaced by arbitrary JSON', () => {
    const fields = ['format', 'logKey', 'index', 'entry', 'opening', 'proof', 'checkpoint'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const receipt = receiptOf(deposit(2));
        receipt[field] = value;
        const r = verifyReceipt(receipt, { file: digestsOf(deposit(2)), trustedKeys: [LOG_VKEY] });
        expect(r.checks).to.have.length(CHECK_IDS.length);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('names the malformed fields in receipt.shape', () => {
    const receipt = receiptOf(deposit(0));
    receipt.format = 'other';
    receipt.proof = ['AAAA'];
    receipt.logKey = 'nope';
    const r = verifyReceipt(receipt, { trustedKeys: [LOG_VKEY] });
    expect(r.checks.find((c) => c.id === 'receipt.shape')!.actual).to.deep.equal([
      'format',
      'proof[0]',
      'logKey',
    ]);
  });
});
