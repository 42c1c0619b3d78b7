/**
 * Tampering (issue #6, docs/verification.md): each change to a golden receipt, its file or its key makes
 * exactly the checks docs/verification.md names fail, and the verdict is "not verified".
 */
import { expect } from 'chai';
import { decodeBase64, encodeBase64 } from '../../src/log/index.js';
import { receiptFromTlogProof, verifyReceipt, type VerifyReport } from '../../src/verify/index.js';
import { GOLDEN_ORIGIN, goldenNoteSigner } from '../vectors/receipts/generate.js';
import { formatCheckpoint, signNote } from '../../src/log/index.js';
import { deposit, digestsOf, goldenText, LOG_VKEY, OTHER_VKEY, receiptOf } from './golden.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- receipts are mutated freely
type Receipt = any;

const failed = (r: VerifyReport): string[] =>
  r.checks.filter((c) => c.status === 'fail').map((c) => c.id);

/** Deposit 2: two files (SHA-256 and SM3 each), inclusion proof of 2 hashes at size 3. */
const d = deposit(2);
const file = digestsOf(d);
const verify = (receipt: Receipt, digests = file, keys = [LOG_VKEY]): VerifyReport =>
  verifyReceipt(receipt, { file: digests, trustedKeys: keys });

function expectFailures(r: VerifyReport, ids: string[]): void {
  expect(failed(r)).to.have.members(ids);
  expect(r.verdict).to.equal('not_verified');
}

/** Flips the last character of a hex or base64 string to another valid one. */
const flipHex = (s: string): string => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0');

/** Replaces the checkpoint's text (size or root line) and keeps its signature lines. */
function editCheckpoint(note: string, edit: (lines: string[]) => void): string {
  const split = note.lastIndexOf('\n\n');
  const lines = note.slice(0, split).split('\n');
  edit(lines);
  return `${lines.join('\n')}${note.slice(split)}`;
}

describe('verify: tampering makes the named checks fail', () => {
  it('the untouched receipt verifies (the baseline of every case below)', () => {
    expect(verify(receiptOf(d)).verdict).to.equal('verified');
  });

  it('the file → file.sha256 and file.sm3', () => {
    const other = { sha256: flipHex(file.sha256), sm3: flipHex(file.sm3) };
    expectFailures(verify(receiptOf(d), other), ['file.sha256', 'file.sm3']);
    // A different file altogether.
    expectFailures(verify(receiptOf(deposit(4)), file), ['file.sha256', 'file.sm3']);
  });

  const fields: [string, (o: Receipt) => void, string[]][] = [
    ['title', (o) => (o.title += '!'), []],
    ['description', (o) => (o.description = ''), []],
    ['method', (o) => (o.method = 'hash-only'), []],
    ['depositor.name', (o) => (o.depositor.name = '王五'), []],
    ['depositor.idMasked', (o) => (o.depositor.idMasked = '3101**********9999'), []],
    ['depositor.account', (o) => (o.depositor.account = 'u_ffffffffffffffff'), []],
    ['depositor.verification', (o) => (o.depositor.verification = 'in-person'), []],
    ['files[1].name', (o) => (o.files[1].name = 'x.bin'), []],
    ['files[1].size', (o) => (o.files[1].size += 1), []],
    ['files[1].mediaType', (o) => (o.files[1].mediaType = 'image/png'), []],
    [
      'files[1].sha256',
      (o) => (o.files[1].sha256 = flipHex(o.files[1].sha256)),
      ['file.sha256', 'file.sm3'],
    ],
    ['files[1].sm3', (o) => (o.files[1].sm3 = flipHex(o.files[1].sm3)), ['file.sm3']],
    ['files[0] removed', (o) => o.files.shift(), []],
    ['a field added', (o) => (o.note = 'added'), []],
    ['the salt', (o) => (o.salt = flipHex(o.salt)), []],
  ];
  for (const [name, mutate, alsoFile] of fields) {
    it(`opening ${name} → opening.commitment${alsoFile.length ? ` and ${alsoFile.join(', ')}` : ''}`, () => {
      const receipt = receiptOf(d);
      mutate(receipt.opening);
      expectFailures(verify(receipt), ['opening.commitment', ...alsoFile]);
    });
  }

  it('any byte of the entry → inclusion, and opening.commitment or entry.canonical where they read it', () => {
    const entry = decodeBase64(receiptOf(d).entry);
    const text = new TextDecoder().decode(entry);
    const commitment = text.indexOf('"commitment":"') + '"commitment":"'.length;
    for (let i = 0; i < entry.length; i++) {
      for (const delta of [1, 0x20]) {
        const bytes = entry.slice();
        bytes[i] = (bytes[i]! ^ delta) & 0xff;
        const receipt = receiptOf(d);
        receipt.entry = encodeBase64(bytes);
        const r = verify(receipt);
        const f = failed(r);
        expect(r.verdict, `byte ${i}`).to.equal('not_verified');
        expect(f, `byte ${i}`).to.include('inclusion');
        if (i >= commitment && i < commitment + 64)
          expect(f, `byte ${i}`).to.include('opening.commitment');
        if (!/[0-9A-Za-z]/.test(text[i]!))
          expect(f, `byte ${i} ${text[i]}`).to.include('entry.canonical');
        expect(
          f.every((id) => ['inclusion', 'opening.commitment', 'entry.canonical'].includes(id)),
          `byte ${i}: ${f.join()}`,
        ).to.equal(true);
      }
    }
  });

  it('the entry id → entry.id when that number is asked about (and inclusion)', () => {
    const receipt = receiptOf(d);
    const text = new TextDecoder()
      .decode(decodeBase64(receipt.entry))
      .replace(d.number, deposit(4).number);
    receipt.entry = encodeBase64(new TextEncoder().encode(text));
    const r = verifyReceipt(receipt, { file, depositId: d.number, trustedKeys: [LOG_VKEY] });
    expectFailures(r, ['entry.id', 'inclusion']);
  });

  it('the index → inclusion', () => {
    for (const index of [d.index - 1, d.index + 1, d.size, 2 ** 40]) {
      const receipt = receiptOf(d);
      receipt.index = index;
      expectFailures(verify(receipt), ['inclusion']);
    }
  });

  it('each proof hash, or a proof too short, too long or reordered → inclusion', () => {
    const d5 = deposit(5); // index 5 of 7: three proof hashes
    const n = receiptOf(d5).proof.length;
    expect(n).to.equal(3);
    const cases: ((p: string[]) => void)[] = [
      (p) => p.pop(),
      (p) => p.push(p[0]!),
      (p) => p.reverse(),
      ...Array.from({ length: n }, (_, i) => (p: string[]) => {
        const h = decodeBase64(p[i]!);
        h[31] = h[31]! ^ 1;
        p[i] = encodeBase64(h);
      }),
    ];
    for (const mutate of cases) {
      const receipt = receiptOf(d5);
      mutate(receipt.proof);
      expectFailures(verify(receipt, digestsOf(d5)), ['inclusion']);
    }
  });

  it("the checkpoint's size → checkpoint.signature and inclusion", () => {
    for (const size of [d.size + 1, d.size - 1, 1000]) {
      const receipt = receiptOf(d);
      receipt.checkpoint = editCheckpoint(receipt.checkpoint, (l) => (l[1] = String(size)));
      expectFailures(verify(receipt), ['checkpoint.signature', 'inclusion']);
    }
  });

  it("the checkpoint's root → checkpoint.signature and inclusion", () => {
    const receipt = receiptOf(d);
    receipt.checkpoint = editCheckpoint(receipt.checkpoint, (l) => {
      const root = decodeBase64(l[2]!);
      root[0] = root[0]! ^ 1;
      l[2] = encodeBase64(root);
    });
    expectFailures(verify(receipt), ['checkpoint.signature', 'inclusion']);
  });

  it("the checkpoint's signature → checkpoint.signature", () => {
    const receipt = receiptOf(d);
    const note: string = receipt.checkpoint;
    const line = note.slice(note.lastIndexOf('\n\n') + 2, -1);
    const [dash, name, b64] = line.split(' ');
    const sig = decodeBase64(b64!);
    sig[10] = sig[10]! ^ 1;
    receipt.checkpoint = `${note.slice(0, note.lastIndexOf('\n\n') + 2)}${dash} ${name} ${encodeBase64(sig)}\n`;
    expectFailures(verify(receipt), ['checkpoint.signature']);
  });

  it('another log key (same origin) → checkpoint.key_trusted', async () => {
    const receipt = receiptOf(d);
    const body = goldenText(`checkpoint.${d.size}`);
    const text = body.slice(0, body.lastIndexOf('\n\n') + 1);
    receipt.checkpoint = await signNote(text, [goldenNoteSigner(true)]);
    receipt.logKey = OTHER_VKEY;
    expectFailures(verify(receipt), ['checkpoint.key_trusted']);
    // Trusting only the other key does not help the genuine receipt either.
    expectFailures(verify(receiptOf(d), file, [OTHER_VKEY]), ['checkpoint.key_trusted']);
  });

  it("a checkpoint of another origin signed by a trusted key's namesake → checkpoint.origin", async () => {
    const receipt = receiptOf(d);
    const body = goldenText(`checkpoint.${d.size}`);
    const lines = body.slice(0, body.lastIndexOf('\n\n')).split('\n');
    const text = formatCheckpoint({
      origin: `${GOLDEN_ORIGIN}/other`,
      size: Number(lines[1]),
      root: decodeBase64(lines[2]!),
      extensions: [],
    });
    receipt.checkpoint = await signNote(text, [goldenNoteSigner()]);
    expectFailures(verify(receipt), ['checkpoint.origin']);
  });

  it('the same mutations of a tlog-proof fail the same checks', () => {
    const proofText = goldenText(d.tlogProof);
    const base = receiptFromTlogProof(proofText);
    expect(verify(base).verdict).to.equal('verified');
    const lines = proofText.split('\n');
    const indexLine = lines.findIndex((l) => l.startsWith('index '));
    const withIndex = [...lines];
    withIndex[indexLine] = `index ${d.index + 1}`;
    expectFailures(verify(receiptFromTlogProof(withIndex.join('\n'))), ['inclusion']);
    const withHash = [...lines];
    const h = decodeBase64(withHash[indexLine + 1]!);
    h[0] = h[0]! ^ 1;
    withHash[indexLine + 1] = encodeBase64(h);
    expectFailures(verify(receiptFromTlogProof(withHash.join('\n'))), ['inclusion']);
    expectFailures(verify(base, { sha256: flipHex(file.sha256), sm3: file.sm3 }), [
      'file.sha256',
      'file.sm3',
    ]);
  });
});
