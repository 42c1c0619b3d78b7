/** The notarial certificate and the verification report, checked with the PDF tools. */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAttachments } from '../../src/pdf/index.js';
import { CertificateError } from '../../src/certificate/errors.js';
import {
  renderNotarialCertificate,
  type NotarialCertificateInput,
} from '../../src/certificate/documents/notarial-certificate.js';
import {
  buildVerificationReport,
  renderVerificationReport,
  type VerificationReportInput,
} from '../../src/certificate/documents/verification-report.js';
import {
  ISSUED_AT,
  ISSUER,
  PUBLIC_URL,
  sampleChecks,
  sampleDeposit,
  sampleExamination,
  sampleFiles,
  testSigner,
} from './fixture.js';
import { nssTrusting, pageCount, pdfsig, pdfText, qrCodes, save } from './tools.js';

describe('notarial certificate and verification report (PDF tools)', function () {
  this.timeout(120_000);
  const files = sampleFiles(3);
  let dir: string;
  let notarial: NotarialCertificateInput;
  let report: VerificationReportInput;
  let nss: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-notarial-test-'));
    const { deposit, receipt } = await sampleDeposit(files.map((f) => f.item));
    notarial = {
      certificateNumber: '（2026）沪徐证经字第 123 号',
      reference: 'NC00000012344',
      notary: { name: '王五', nameEn: 'Wang Wu' },
      decidedAt: '2026-11-30T02:00:00Z',
      issuedAt: ISSUED_AT,
      purpose: '诉讼（著作权侵权纠纷）',
      examination: sampleExamination(files.length),
      deposit,
      receipt,
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
    };
    report = {
      reportNumber: 'R2026112600017',
      issuedAt: ISSUED_AT,
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
    };
    nss = nssTrusting(join(dir, 'nssdb'), join(testSigner().certsDir, 'notary-ca.pem'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('notarial certificate: number, notary, decision date, examination, manifest; signed and trusted', async () => {
    const pdf = await renderNotarialCertificate(notarial, testSigner().signer);
    const path = save(dir, 'notarial.pdf', pdf);
    const text = pdfText(path);
    for (const s of [
      '公证证明',
      '（2026）沪徐证经字第 123 号',
      '系统编号 Reference NC00000012344',
      '公证员',
      '王五',
      '二〇二六年十一月三十日 2026-11-30', // decision date
      '二〇二六年十一月二十六日', // issue date under the seal
      '审查事项',
      '兹证明',
      '文件清单',
    ])
      expect(text).to.include(s);
    const flat = text.replace(/\s/g, '');
    // exactly what the examination recorded: the platform's checks with results and time, the
    // attestation made (identity, in person), the opinion; not the trail review nobody attested
    for (const s of [
      '平台核验',
      '2026-11-3009:58:00', // when the checks ran, UTC+08:00
      '重新读取平台保管的3个文件',
      '树大小为42的检查点',
      '检查点签名',
      '——通过',
      '公证员当面查验了申请人的身份证件',
      '审查意见',
      '经审查，申请人提交的材料齐全。',
      '同意出具公证证明。',
    ])
      expect(flat).to.include(s);
    expect(flat).to.not.include('保管记录：');
    expect(flat).to.not.include('未见异常');
    for (const f of files) expect(text).to.include(f.item.sha256);
    expect(pdfsig(path, nss))
      .to.include('Signature is Valid.')
      .and.include('Certificate is Trusted.');
    expect(qrCodes(path, dir)).to.deep.equal([`${PUBLIC_URL}/verify?id=${notarial.deposit.id}`]);
    expect(extractAttachments(pdf).map((a) => a.name)).to.deep.equal([
      `${notarial.deposit.id}.receipt.json`,
      `${notarial.deposit.id}.tlog-proof`,
    ]);
  });

  it('notarial certificate: prints no attestation the notary did not make, and says so', async () => {
    const none = await renderNotarialCertificate(
      {
        ...notarial,
        examination: {
          ...sampleExamination(files.length),
          attestations: { identity: 'not-seen', custodyTrailReviewed: false },
        },
      },
      testSigner().signer,
    );
    const flat = pdfText(save(dir, 'notarial-none.pdf', none)).replace(/\s/g, '');
    expect(flat).to.include('公证员未就申请人身份或保管记录作出审查声明');
    expect(flat).to.not.include('公证员当面查验');
    expect(flat).to.not.include('通过视频查验');
    expect(flat).to.not.include('未见异常');
    // a decision made before the checklist: nothing is presumed
    const legacy = await renderNotarialCertificate(
      { ...notarial, examination: {} },
      testSigner().signer,
    );
    const old = pdfText(save(dir, 'notarial-legacy.pdf', legacy)).replace(/\s/g, '');
    expect(old).to.include('本申请决定时平台未记录系统核验结果');
    expect(old).to.not.include('重新读取').and.not.include('审查意见');
  });

  it('notarial certificate: refuses an examination with a failed system check', async () => {
    const e = sampleExamination(files.length);
    const failed = {
      ...e,
      system: { ...e.system!, checks: [{ id: 'files', result: 'fail', files: 3, failed: [1] }] },
    } as const;
    try {
      await renderNotarialCertificate({ ...notarial, examination: failed }, testSigner().signer);
      expect.fail('rendered');
    } catch (err) {
      expect(err).to.be.instanceOf(CertificateError).with.property('code', 'INVALID_INPUT');
    }
  });

  it('verification report: one signed page with the verdict and every check', async () => {
    const pdf = await renderVerificationReport(report, testSigner().signer);
    const path = save(dir, 'report.pdf', pdf);
    expect(pageCount(path)).to.equal(1);
    const text = pdfText(path);
    expect(text).to.include('核验报告').and.include('R2026112600017').and.include('核验一致');
    for (const c of report.checks) expect(text).to.include(c.id);
    expect(pdfsig(path, nss))
      .to.include('Signature is Valid.')
      .and.include('Certificate is Trusted.');
    const [json] = extractAttachments(pdf);
    const embedded = JSON.parse(new TextDecoder().decode(json!.bytes));
    expect(embedded.verdict).to.equal('verified');
    expect(embedded.checks).to.deep.equal(report.checks);
  });

  it('verification report: a failure shows what was expected and what was found', async () => {
    const failed = {
      ...report,
      verdict: 'not_verified' as const,
      checks: sampleChecks(files[0]!.item.sha256, true),
    };
    const path = save(
      dir,
      'failed.pdf',
      await renderVerificationReport(failed, testSigner().signer),
    );
    expect(pageCount(path)).to.equal(1);
    const text = pdfText(path);
    expect(text).to.include('核验不一致').and.include('NOT VERIFIED').and.include('失败 FAIL');
    expect(text).to.include(`expected: ${files[0]!.item.sha256}`);
  });

  it('verification report: refuses an empty list of checks', async () => {
    try {
      await buildVerificationReport({ ...report, checks: [] }, testSigner().signer);
      expect.fail('rendered');
    } catch (err) {
      expect(err).to.be.instanceOf(CertificateError).with.property('code', 'INVALID_INPUT');
    }
  });
});
