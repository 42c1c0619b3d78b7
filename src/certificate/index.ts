/**
 * Certificates (docs/certificates.md): signed, bilingual PDFs that verify offline on their own — the
 * deposit certificate (电子数据存证证书), the notarial certificate (公证证明) and the
 * verification report (核验报告) — and the notary's signing credentials. The reader of the
 * attachments huicun embeds is pure and lives in `src/pdf` (which reports with
 * CertificateError, so certificate/ does not import it back).
 * @module
 */
export { CertificateError, type CertificateErrorCode } from './errors.js';
export {
  ensureNotaryCredentials,
  loadNotarySigner,
  NOTARY_CA_FILE,
  NOTARY_CA_KEY_FILE,
  NOTARY_P12_FILE,
  NOTARY_RSA_BITS,
  type NotaryNames,
} from './signing/credentials.js';
export {
  GENERATED_CA_MARKER,
  NotarySigner,
  notarySignerFromP12,
  type NotaryCertificateInfo,
} from './signing/signer.js';
export {
  buildDepositCertificate,
  certificateNumber,
  DEPOSIT_TITLE,
  renderDepositCertificate,
  verifyUrl,
  type DepositCertificateInput,
} from './documents/deposit-certificate.js';
export {
  buildNotarialCertificate,
  NOTARIAL_TITLE,
  renderNotarialCertificate,
  type NotarialCertificateInput,
} from './documents/notarial-certificate.js';
export {
  examinationWording,
  type ExaminationWording,
  type NotarialExamination,
} from './documents/examination-wording.js';
export {
  buildVerificationReport,
  REPORT_TITLE,
  renderVerificationReport,
  type ReportVerdict,
  type VerificationCheck,
  type VerificationReportInput,
} from './documents/verification-report.js';
export { signPdf } from './signing/placeholder.js';
export { type Bilingual, type Issuer, type NotarialStatus } from './rendering/wording.js';
export * from './service.js';
export * from './store.js';
