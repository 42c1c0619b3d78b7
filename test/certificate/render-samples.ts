/**
 * Renders one sample of each certificate kind and writes page 1 of each as a PNG to docs/
 * (pdftoppm), so a reader can see them: `node --import tsx test/certificate/render-samples.ts`.
 * The PDFs go to SAMPLES_DIR (default: a temporary folder, printed). They are signed with a
 * signature time-stamp of the development TSA (PAdES B-T, docs/certificates.md).
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDepositCertificate } from '../../src/certificate/documents/deposit-certificate.js';
import { renderNotarialCertificate } from '../../src/certificate/documents/notarial-certificate.js';
import { renderVerificationReport } from '../../src/certificate/documents/verification-report.js';
import {
  ISSUER,
  PUBLIC_URL,
  sampleChecks,
  sampleDeposit,
  sampleExamination,
  sampleFiles,
  testSigner,
} from './fixture.js';
import { developmentTsa } from '../../src/timestamp/index.js';
import { run, save } from './tools.js';

const DPI = process.env.SAMPLES_DPI ?? '72';
const out = process.env.SAMPLES_DIR ?? mkdtempSync(join(tmpdir(), 'huicun-samples-'));
const docs = new URL('../../docs/', import.meta.url).pathname;
const signer = testSigner().signer.withTimeStamper(
  developmentTsa(mkdtempSync(join(tmpdir(), 'huicun-samples-tsa-'))),
);
const files = sampleFiles(5);
const { deposit, receipt } = await sampleDeposit(files.map((f) => f.item));
// Issued a minute after the deposit (the fixture deposits now), decided and verified later.
const issuedAt = new Date(Date.parse(deposit.createdAt) + 60_000);
const later = new Date(issuedAt.getTime() + 4 * 86400_000);

const pdfs = {
  'deposit-certificate': await renderDepositCertificate(
    {
      deposit,
      receipt,
      version: 1,
      issuedAt,
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
      retentionYears: 30,
    },
    signer,
  ),
  'notarial-certificate': await renderNotarialCertificate(
    {
      certificateNumber: '（2026）沪徐证经字第 123 号',
      reference: 'NC00000012344',
      notary: { name: '王五', nameEn: 'Wang Wu' },
      decidedAt: later,
      issuedAt: later,
      purpose: '诉讼（著作权侵权纠纷）',
      examination: sampleExamination(files.length),
      deposit,
      receipt,
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
    },
    signer,
  ),
  'verification-report': await renderVerificationReport(
    {
      reportNumber: 'R2026112600017',
      issuedAt: new Date(later.getTime() + 86400_000),
      verdict: 'verified',
      checks: sampleChecks(files[0]!.item.sha256),
      subject: {
        depositId: deposit.id,
        depositTime: deposit.createdAt,
        fileName: files[0]!.item.name,
        sha256: files[0]!.item.sha256,
        material: {
          zh: '存证证书 PDF 与原文件',
          en: 'deposit certificate PDF and the original file',
        },
      },
      requester: { name: '李法官', role: 'judge', court: '上海市徐汇区人民法院' },
      trustedKeys: [receipt.logKey],
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
    },
    signer,
  ),
};

for (const [name, pdf] of Object.entries(pdfs)) {
  const path = save(out, `${name}.pdf`, pdf);
  run('pdftoppm', ['-r', DPI, '-f', '1', '-l', '1', '-png', '-singlefile', path, join(docs, name)]);
  const png = join(docs, `${name}.png`);
  console.log(`${path} (${pdf.length} bytes) → ${png} (${statSync(png).size} bytes)`);
}
