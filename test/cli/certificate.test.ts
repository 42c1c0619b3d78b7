/**
 * `huicun verify --certificate`: the receipt embedded in a deposit certificate that
 * src/certificate renders (from a golden receipt, signed by a generated test notary), read by the
 * compiled CLI; a PDF that is not huicun's is "give the receipt JSON instead" (exit 2).
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDepositCertificate } from '../../src/certificate/documents/deposit-certificate.js';
import { makeEntry, parseEntry } from '../../src/entry/index.js';
import { depositView } from '../../src/evidence/service.js';
import type { DepositOpening } from '../../src/evidence/opening.js';
import { decodeBase64 } from '../../src/log/index.js';
import { ISSUED_AT, ISSUER, PUBLIC_URL, testSigner } from '../certificate/fixture.js';
import { tempDir } from '../helpers/log-fixture.js';
import { deposit, golden, LOG_VKEY, receiptOf } from '../verify/golden.js';
import { ensureBuilt, ROOT, runCli } from './cli.js';

describe('cli: huicun verify --certificate (compiled, subprocess)', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof tempDir>;
  let pdf: string;
  const d = deposit(2);
  before(async () => {
    await ensureBuilt();
    tmp = tempDir('huicun-cli-cert-');
    const receipt = receiptOf(d);
    const entry = parseEntry(decodeBase64(receipt.entry))!;
    const opening = receipt.opening as DepositOpening;
    expect(makeEntry('deposit', entry.id, entry.time, opening).bytes).to.deep.equal(
      decodeBase64(receipt.entry),
    );
    const bytes = await renderDepositCertificate(
      {
        deposit: depositView({ v: 1, number: entry.id, index: d.index, time: entry.time, opening }),
        receipt,
        version: 1,
        issuedAt: ISSUED_AT,
        issuer: ISSUER,
        publicUrl: PUBLIC_URL,
        retentionYears: 30,
      },
      testSigner().signer,
    );
    pdf = join(tmp.dir, `${d.number}-1.pdf`);
    writeFileSync(pdf, bytes);
  });
  after(() => tmp?.remove());

  it('verifies the file against the receipt embedded in the certificate (exit 0)', async () => {
    const r = await runCli(['verify', golden(d.file), '--certificate', pdf, '--log-key', LOG_VKEY]);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.contain(d.number).and.contain('核验通过 VERIFIED');
  });

  it('without a trusted key the key printed in the certificate is not enough (exit 1)', async () => {
    const r = await runCli(['verify', golden(d.file), '--certificate', pdf]);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.contain('checkpoint.key_trusted');
  });

  it('another file against the certificate: exit 1', async () => {
    const other = join(tmp.dir, 'other.txt');
    writeFileSync(other, 'not deposited\n');
    const r = await runCli(['verify', other, '--certificate', pdf, '--log-key', LOG_VKEY]);
    expect(r.code).to.equal(1);
    expect(r.stdout).to.contain('file.sha256');
  });

  it('a PDF huicun did not write, or a truncated certificate: exit 2, give the receipt instead', async () => {
    const other = join(tmp.dir, 'other.pdf');
    writeFileSync(other, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const cut = join(tmp.dir, 'cut.pdf');
    writeFileSync(cut, readFileSync(pdf).subarray(0, 5000));
    for (const path of [other, cut]) {
      const r = await runCli([
        'verify',
        golden(d.file),
        '--certificate',
        path,
        '--log-key',
        LOG_VKEY,
      ]);
      expect(r.code, r.stderr).to.equal(2);
      expect(r.stderr).to.contain('--receipt');
    }
  });

  it('reading a certificate loads the pure PDF reader, not pdfkit or the signer', async () => {
    const log = join(tmp.dir, 'loads.txt');
    writeFileSync(log, '');
    const r = await runCli(
      ['verify', golden(d.file), '--certificate', pdf, '--log-key', LOG_VKEY],
      {
        nodeArgs: ['--import', `${ROOT}test/cli/fixtures/record-loads.mjs`],
        env: { HUICUN_LOAD_LOG: log },
      },
    );
    expect(r.code).to.equal(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((u) => u.endsWith('/dist/pdf/attachments.js'))).to.equal(true);
    expect(
      loaded.filter((u) =>
        /\/node_modules\/(pdfkit|@signpdf|node-forge|qrcode|express|level)\//.test(u),
      ),
    ).to.deep.equal([]);
  });
});
