/**
 * The deposit certificate (电子数据存证证书, docs/certificates.md): page 1 carries the particulars, the
 * file manifest, the scope of proof and the signed sign-off with the seal; then the log
 * anchoring, algorithms, how to verify, attachments and legal basis; the appendix holds the
 * inclusion proof, the signed checkpoint and the entry. The receipt JSON and the tlog-proof
 * are embedded, so the PDF alone verifies offline.
 * @module
 */
import { embedFiles } from '../rendering/attach.js';
import {
  anchoringSection,
  attachmentsSection,
  howToVerifySection,
  legalSection,
  signatureSection,
} from './deposit-pages.js';
import {
  assertInput,
  certificateNumber,
  DEPOSIT_TITLE,
  DESCRIPTION_SHOWN,
  particulars,
  scopeNotes,
  statusOf,
  verifyUrl,
  type DepositCertificateInput,
} from './deposit-particulars.js';
import { appendixPages } from './appendix.js';
import { openDocument } from '../rendering/document.js';
import { Sheet } from '../rendering/layout.js';
import { manifestTable } from './manifest.js';
import { signOff, signOffHeight, titleBlock } from '../rendering/parts.js';
import { signDocument } from '../signing/placeholder.js';
import { assertViewMatchesReceipt, receiptAttachments, receiptFacts } from './receipt-facts.js';
import type { NotarySigner } from '../signing/signer.js';
import { NOT_NOTARIAL, dateIso } from '../rendering/wording.js';

export { certificateNumber, DEPOSIT_TITLE, verifyUrl, type DepositCertificateInput };

/**
 * Renders the deposit certificate with an empty signature placeholder (the "render" half;
 * {@link renderDepositCertificate} also signs).
 * @throws {CertificateError} `INVALID_INPUT` when the receipt does not verify or is about
 *   another deposit.
 */
export async function buildDepositCertificate(
  i: DepositCertificateInput,
  signer: NotarySigner,
): Promise<Buffer> {
  assertInput(i);
  const facts = receiptFacts(i.receipt, i.deposit.id);
  assertViewMatchesReceipt(i.deposit, facts, i.receipt.opening);
  const number = certificateNumber(i.deposit.id, i.version);
  const { doc, finish } = openDocument({
    title: `${DEPOSIT_TITLE.zh} ${number}`,
    subject: `${DEPOSIT_TITLE.en} ${number}: ${i.deposit.title}`,
    author: i.issuer.office.zh,
    keywords: `${i.deposit.id}, ${number}, huicun`,
    createdAt: i.issuedAt,
  });
  const sheet = new Sheet(doc, `${DEPOSIT_TITLE.zh} ${DEPOSIT_TITLE.en} · ${number}`);
  const notes = scopeNotes(i.deposit.method);
  sheet.reserveFirstPage = signOffHeight(sheet, { notes });
  const versionNote =
    i.version > 1
      ? {
          zh: ` 本证书为第 ${i.version} 版，此前各版仍然有效。`,
          en: ` Version ${i.version}; earlier versions remain valid.`,
        }
      : { zh: '', en: '' };
  titleBlock(sheet, {
    issuer: i.issuer,
    title: DEPOSIT_TITLE,
    number: { label: { zh: '证书编号', en: 'Certificate No.' }, value: number },
    notice: { zh: NOT_NOTARIAL.zh + versionNote.zh, en: NOT_NOTARIAL.en + versionNote.en },
    qr: {
      url: verifyUrl(i.publicUrl, i.deposit.id),
      caption: { zh: '扫码核验', en: 'Scan to verify' },
    },
  });
  sheet.heading('一、存证信息', 'Deposit particulars');
  sheet.fields(particulars(i, statusOf(i), signer.signatureStamp()));
  manifestTable(sheet, '二、文件清单', i.deposit.files);

  const attachments = receiptAttachments(facts, i.deposit.id);
  const until = new Date(i.deposit.createdAt);
  until.setUTCFullYear(until.getUTCFullYear() + i.retentionYears);
  sheet.newPage();
  anchoringSection(sheet, '三、日志锚定', facts, i.publicUrl, {
    years: i.retentionYears,
    until: dateIso(until),
  });
  signatureSection(sheet, '四、电子签名与算法', signer, i.issuedAt);
  howToVerifySection(sheet, '五、核验方法', {
    verifyUrl: verifyUrl(i.publicUrl, i.deposit.id),
    publicUrl: i.publicUrl,
  });
  attachmentsSection(sheet, '六、附件', attachments);
  legalSection(sheet, '七、法律与技术依据');
  appendixPages(
    sheet,
    facts,
    i.deposit.description.length > DESCRIPTION_SHOWN ? i.deposit.description : undefined,
  );
  embedFiles(doc, attachments, i.issuedAt);
  signOff(sheet, {
    issuer: i.issuer,
    issuedAt: i.issuedAt,
    signer,
    sealPurpose: '电子存证专用章',
    notes,
    reason: `${DEPOSIT_TITLE.zh} ${number}`,
    contactInfo: i.publicUrl,
  });
  sheet.footers(`汇存 huicun · ${DEPOSIT_TITLE.zh} · ${number}`);
  return finish();
}

/** Renders and signs the deposit certificate: the bytes to store and serve. */
export async function renderDepositCertificate(
  i: DepositCertificateInput,
  signer: NotarySigner,
): Promise<Buffer> {
  return signDocument((s) => buildDepositCertificate(i, s), signer);
}
