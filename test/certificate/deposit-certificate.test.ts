/**
 * The deposit certificate checked with the tools people use: pdftotext, zbarimg, pdfsig (with
 * and without the notary CA in an NSS database), pdfdetach, pdffonts, sha256sum.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAttachments } from '../../src/pdf/index.js';
import {
  buildDepositCertificate,
  renderDepositCertificate,
  type DepositCertificateInput,
} from '../../src/certificate/documents/deposit-certificate.js';
import { CertificateError } from '../../src/certificate/errors.js';
import { displayDepositNumber, openingCommitment, parseEntry } from '../../src/entry/index.js';
import {
  decodeBase64,
  openNote,
  parseCheckpoint,
  rfc6962,
  verifyInclusion,
  verifyTlogProof,
} from '../../src/log/index.js';
import { testKey } from '../helpers/log-fixture.js';
import {
  ISSUED_AT,
  ISSUER,
  PUBLIC_URL,
  sampleDeposit,
  sampleFiles,
  testSigner,
} from './fixture.js';
import { nssTrusting, pageCount, pdfsig, pdfText, qrCodes, run, save } from './tools.js';
import { expectBytes } from '../helpers/bytes.js';

describe('deposit certificate (PDF tools)', function () {
  this.timeout(120_000);
  const files = sampleFiles(5);
  let dir: string;
  let input: DepositCertificateInput;
  let pdf: Buffer;
  let path: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-cert-test-'));
    const { deposit, receipt } = await sampleDeposit(files.map((f) => f.item));
    input = {
      deposit,
      receipt,
      version: 1,
      issuedAt: ISSUED_AT,
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
      retentionYears: 30,
    };
    pdf = await renderDepositCertificate(input, testSigner().signer);
    path = save(dir, 'certificate.pdf', pdf);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('pdftotext shows the Chinese labels, the deposit number and every digest', () => {
    const text = pdfText(path);
    for (const label of [
      '电子数据存证证书',
      '证书编号',
      '存证编号',
      '存证人',
      '存证时间',
      '文件清单',
      '日志锚定',
      '核验方法',
      '包含证明',
      '本证书不是公证书',
    ])
      expect(text).to.include(label);
    expect(text).to.include(input.deposit.id).and.include(displayDepositNumber(input.deposit.id));
    expect(text).to.include('3101**********1234').and.include('UTC+08:00');
    for (const f of files) expect(text).to.include(f.item.sha256).and.include(f.item.sm3!);
    expect(text).to.include('not a notarial certificate').and.include('Scope of proof');
    expect(text).to.include(input.receipt.logKey);
  });

  it('keeps the file manifest, the scope of proof and the seal on page 1 for 5 files', () => {
    const page1 = pdfText(path, 1, 1);
    for (const f of files) expect(page1).to.include(f.item.sha256);
    expect(page1).to.include('证明范围').and.include(ISSUER.office.zh);
  });

  it('zbarimg decodes the QR code to the verification URL', () => {
    expect(qrCodes(path, dir)).to.deep.equal([`${PUBLIC_URL}/verify?id=${input.deposit.id}`]);
  });

  it('pdfsig: the PAdES signature is valid, and trusted with the notary CA in NSS', () => {
    const plain = pdfsig(path);
    expect(plain).to.include('Signature is Valid.');
    expect(plain).to.include('ETSI.CAdES.detached').and.include('Total document signed');
    expect(plain).to.include('Signing Hash Algorithm: SHA-256');
    const nss = nssTrusting(join(dir, 'nssdb'), join(testSigner().certsDir, 'notary-ca.pem'));
    const trusted = pdfsig(path, nss);
    expect(trusted).to.include('Signature is Valid.').and.include('Certificate is Trusted.');
  });

  it('one changed byte makes the signature invalid', () => {
    const at = pdf.indexOf('"format": "huicun.receipt/v1"');
    expect(at).to.be.greaterThan(0);
    const tampered = Buffer.from(pdf);
    tampered[at + 28] = '2'.charCodeAt(0); // v1 → v2 inside the embedded receipt
    const out = pdfsig(save(dir, 'tampered.pdf', tampered));
    expect(out).to.not.include('Signature is Valid.');
    expect(out).to.include('Digest Mismatch');
  });

  it('pdfdetach extracts the receipt and the tlog-proof, and they verify under the trusted key', () => {
    const out = join(dir, 'detached');
    run('mkdir', ['-p', out]);
    run('pdfdetach', ['-saveall', '-o', out, path]);
    const names = readdirSync(out).sort();
    expect(names).to.deep.equal([
      `${input.deposit.id}.receipt.json`,
      `${input.deposit.id}.tlog-proof`,
    ]);
    const receipt = JSON.parse(readFileSync(join(out, names[0]!), 'utf8'));
    expect(receipt).to.deep.equal(JSON.parse(JSON.stringify(input.receipt)));
    const entryBytes = decodeBase64(receipt.entry);
    const entry = parseEntry(entryBytes)!;
    expect(entry.id).to.equal(input.deposit.id);
    expect(openingCommitment(receipt.opening)).to.equal(entry.commitment);
    const cp = parseCheckpoint(openNote(receipt.checkpoint, [testKey.verifier]).text);
    const leaf = rfc6962.hashLeaf(entryBytes);
    verifyInclusion(
      receipt.index,
      cp.size,
      leaf,
      receipt.proof.map(decodeBase64),
      cp.root,
      rfc6962,
    );
    const proof = readFileSync(join(out, names[1]!), 'utf8');
    expect(verifyTlogProof(proof, leaf, [testKey.verifier]).checkpoint.size).to.equal(cp.size);
    // Our own pure reader sees the same bytes.
    const ours = extractAttachments(pdf);
    expect(ours.map((a) => a.name)).to.deep.equal(names);
    ours.forEach((a, i) => expectBytes(a.bytes, readFileSync(join(out, names[i]!))));
  });

  it('sha256sum of a deposited file equals the digest printed in the manifest', () => {
    const file = save(dir, 'evidence.bin', files[2]!.bytes);
    const sum = run('sha256sum', [file]).stdout.split(' ')[0]!;
    expect(pdfText(path, 1, 1)).to.include(sum);
  });

  it('pdffonts: only Noto Sans SC, embedded as subsets with Unicode maps', () => {
    const rows = run('pdffonts', [path]).stdout.trim().split('\n').slice(2);
    expect(rows.length).to.be.within(1, 2);
    for (const row of rows) {
      expect(row).to.match(
        /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/,
      );
    }
  });

  it('carries the PDF/A-3b identification (intended, see docs) and is reproducible byte for byte', async () => {
    expect(pdf.includes('<pdfaid:part>3</pdfaid:part>')).to.equal(true);
    expect(pdf.includes('/OutputIntents')).to.equal(true);
    const again = await renderDepositCertificate(input, testSigner().signer);
    expectBytes(again, pdf);
  });

  it('renders hash-only deposits, a missing SM3, a second version and many files', async () => {
    const many = sampleFiles(40).map((f, i) => (i === 3 ? { ...f.item, sm3: undefined } : f.item));
    const { deposit, receipt } = await sampleDeposit(many, 'hash-only');
    const p = save(
      dir,
      'many.pdf',
      await renderDepositCertificate(
        { ...input, deposit, receipt, version: 2 },
        testSigner().signer,
      ),
    );
    const text = pdfText(p);
    expect(text)
      .to.include('仅提交摘要')
      .and.include('未提供 not given')
      .and.include('此前各版仍然有效');
    for (const f of many) expect(text).to.include(f.sha256);
    expect(pageCount(p)).to.be.greaterThan(4);
    expect(pdfText(p, 1, 1)).to.include(ISSUER.office.zh); // the sign-off stays on page 1
    expect(pdfsig(p)).to.include('Signature is Valid.');
  });

  it('names the notary of a counter deposit (from the opening)', async () => {
    const agent = {
      account: 'n1',
      name: '赵公证员',
      role: 'notary' as const,
      office: ISSUER.office.zh,
    };
    const { deposit, receipt } = await sampleDeposit([files[0]!.item], 'upload', agent);
    const p = save(
      dir,
      'counter.pdf',
      await renderDepositCertificate({ ...input, deposit, receipt }, testSigner().signer),
    );
    expect(pdfText(p, 1, 1))
      .to.include('代办公证员')
      .and.include('赵公证员');
  });

  it('refuses a receipt of another deposit or one that does not verify', async () => {
    const signer = testSigner().signer;
    const other = { ...input, receipt: { ...input.receipt, index: input.receipt.index + 1 } };
    await expectCode(buildDepositCertificate(other, signer), 'INVALID_INPUT');
    const opening = { ...(input.receipt.opening as object), title: 'changed' };
    await expectCode(
      buildDepositCertificate({ ...input, receipt: { ...input.receipt, opening } }, signer),
      'INVALID_INPUT',
    );
    await expectCode(buildDepositCertificate({ ...input, version: 0 }, signer), 'INVALID_INPUT');
    const renamed = {
      ...input.deposit,
      files: input.deposit.files.map((f, n) => (n === 1 ? { ...f, name: 'other.png' } : f)),
    };
    await expectCode(
      buildDepositCertificate({ ...input, deposit: renamed }, signer),
      'INVALID_INPUT',
    );
  });
});

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(CertificateError);
    expect((err as CertificateError).code).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}
