/**
 * The notarial certificate (公证证明, docs/certificates.md), issued when a notary approves a notarisation
 * application: its number, the notary and the decision date, the deposit's particulars and
 * manifest, exactly what the decision's examination recorded (the platform's own checks with
 * their results and time, the notary's attestations, the review opinion:
 * ./examination-wording.ts), the log anchoring and how to verify. Signed the
 * same way as the deposit certificate, and like it self-contained (receipt and tlog-proof
 * embedded).
 * @module
 */
import { displayDepositNumber } from '../../entry/index.js';
import type { Receipt, DepositView } from '../../evidence/index.js';
import { embedFiles } from '../rendering/attach.js';
import { verifyUrl } from './deposit-certificate.js';
import { stampLines } from './deposit-particulars.js';
import {
  anchoringSection,
  attachmentsSection,
  howToVerifySection,
  legalSection,
  signatureSection,
  steps,
} from './deposit-pages.js';
import { appendixPages } from './appendix.js';
import { openDocument } from '../rendering/document.js';
import { CertificateError } from '../errors.js';
import { COLOR, Sheet, type Line } from '../rendering/layout.js';
import { manifestTable } from './manifest.js';
import { signOff, signOffHeight, titleBlock } from '../rendering/parts.js';
import { signDocument } from '../signing/placeholder.js';
import { assertViewMatchesReceipt, receiptAttachments, receiptFacts } from './receipt-facts.js';
import type { NotarySigner } from '../signing/signer.js';
import { chineseDate } from '../rendering/chinese-date.js';
import { examinationWording, type NotarialExamination } from './examination-wording.js';
import {
  IDENTITY,
  METHOD,
  depositStampText,
  utc8,
  type Bilingual,
  type DepositStamp,
  type Issuer,
} from '../rendering/wording.js';

/** Everything a notarial certificate shows; plain data. */
export interface NotarialCertificateInput {
  /**
   * The certificate's number as the office prints it, `（2026）沪徐证经字第 123 号`
   * (see notarial-number.ts).
   */
  readonly certificateNumber: string;
  /** The machine id the API and links use (`NC…`), printed small under the number. */
  readonly reference?: string;
  readonly notary: { readonly name: string; readonly nameEn?: string };
  /** When the application was approved. */
  readonly decidedAt: string | Date;
  /** Issue time: the signature's /M and the date under the seal. */
  readonly issuedAt: Date;
  /** The applicant (the depositor; a counter deposit's client). */
  readonly applicant?: {
    readonly name: string;
    readonly idMasked: string;
    readonly verification: string;
  };
  /** The matter notarised (default 保全证据 / preservation of electronic evidence). */
  readonly matter?: Bilingual;
  /** The purpose the applicant gave. */
  readonly purpose?: string;
  /** What the decision recorded as examined; printed as it is, nothing presumed. */
  readonly examination: NotarialExamination;
  readonly deposit: DepositView;
  readonly receipt: Receipt;
  /** The stamp of the log checkpoint covering the deposit (as on the deposit certificate). */
  readonly depositStamp?: DepositStamp;
  readonly issuer: Issuer;
  readonly publicUrl: string;
}

export const NOTARIAL_TITLE: Bilingual = { zh: '公证证明', en: 'Notarial Certificate' };

const DEFAULT_MATTER: Bilingual = {
  zh: '保全证据（电子数据）',
  en: 'Preservation of evidence (electronic data)',
};
const muted = (text: string): Line => ({ text, size: 6.8, color: COLOR.muted });

function statement(i: NotarialCertificateInput, origin: string, size: number): Bilingual {
  const d = i.deposit;
  const name = (i.applicant ?? d.depositor).name;
  const n = d.files.length;
  const files = n === 1 ? 'file' : 'files';
  const at = utc8(d.createdAt);
  const log = { zh: `日志 ${origin}，树大小 ${size}`, en: `log ${origin}, tree size ${size}` };
  if (d.method === 'hash-only') {
    return {
      zh: `兹证明：申请人${name}于${at}（北京时间）通过${i.issuer.office.zh}汇存电子数据存证平台提交了 ${n} 个文件的摘要（存证编号 ${d.id}；平台未接收文件本身），其名称、大小及摘要见文件清单。根据下列审查事项，上述摘要自存证时间起未被改动，其存证记录包含于该平台经签名的日志检查点（${log.zh}）之中。`,
      en: `This is to certify that at ${at} (UTC+08:00) the applicant ${name} presented the digests of ${n} ${files} on the huicun platform of ${i.issuer.office.en} (deposit No. ${d.id}; the platform did not receive the files themselves), whose names, sizes and digests are in the file manifest. On the matters examined below, the digests have not been altered since the deposit time and the deposit record is included in a signed checkpoint of the platform's log (${log.en}).`,
    };
  }
  return {
    zh: `兹证明：申请人${name}于${at}（北京时间）通过${i.issuer.office.zh}汇存电子数据存证平台存证电子数据（存证编号 ${d.id}），共 ${n} 个文件，其名称、大小及摘要见文件清单。根据下列审查事项，上述电子数据自存证时间起未被改动，其存证记录包含于该平台经签名的日志检查点（${log.zh}）之中。`,
    en: `This is to certify that at ${at} (UTC+08:00) the applicant ${name} deposited electronic data on the huicun platform of ${i.issuer.office.en} (deposit No. ${d.id}): ${n} ${files}, whose names, sizes and digests are in the file manifest. On the matters examined below, the data has not been altered since the deposit time and its deposit record is included in a signed checkpoint of the platform's log (${log.en}).`,
  };
}

/** 三、审查事项: the platform's checks, the notary's attestations, the opinion. */
function examinationSection(sheet: Sheet, e: NotarialExamination): void {
  const w = examinationWording(e);
  const sub = (zh: string, en: string): void => {
    sheet.ensure(48); // never a sub-heading alone at the foot of a page
    sheet.paragraph([{ text: `${zh}  ${en}`, size: 8.2, bold: true, after: 2.5 }]);
  };
  sheet.heading('三、审查事项', 'What was examined');
  sub('（一）平台核验', 'Checked by the platform');
  sheet.paragraph([
    { text: w.systemLead.zh, size: 7.8, after: 1 },
    { text: w.systemLead.en, size: 7, color: COLOR.muted, after: 3 },
  ]);
  steps(sheet, w.system);
  sub('（二）公证员审查', 'Attested by the notary');
  steps(sheet, w.notary);
  if (w.opinion.length > 0) {
    sub('（三）审查意见', 'Review opinion');
    w.opinion.forEach((p, n) =>
      sheet.paragraph([{ text: p, size: 8, after: n === w.opinion.length - 1 ? 4 : 1.5 }]),
    );
  }
}

/**
 * Renders the notarial certificate with an empty signature placeholder.
 * @throws {CertificateError} `INVALID_INPUT` for an examination with a failed system check (no
 *   approval has one) or a receipt that does not verify or is about another deposit.
 */
export async function buildNotarialCertificate(
  i: NotarialCertificateInput,
  signer: NotarySigner,
): Promise<Buffer> {
  if (i.examination.system?.checks.some((c) => c.result === 'fail'))
    throw new CertificateError('INVALID_INPUT', 'a system check of the examination failed');
  if (!i.certificateNumber.trim())
    throw new CertificateError('INVALID_INPUT', 'a notarial certificate needs its number');
  if (i.receipt.index !== i.deposit.index)
    throw new CertificateError('INVALID_INPUT', 'the receipt is not about this deposit');
  const facts = receiptFacts(i.receipt, i.deposit.id);
  assertViewMatchesReceipt(i.deposit, facts, i.receipt.opening);
  const d = i.deposit;
  const { doc, finish } = openDocument({
    title: `${NOTARIAL_TITLE.zh} ${i.certificateNumber}`,
    subject: `${NOTARIAL_TITLE.en} ${i.certificateNumber}: ${d.id}`,
    author: i.issuer.office.zh,
    keywords: `${d.id}, ${i.certificateNumber}, huicun`,
    createdAt: i.issuedAt,
  });
  const sheet = new Sheet(
    doc,
    `${NOTARIAL_TITLE.zh} ${NOTARIAL_TITLE.en} · ${i.certificateNumber}`,
  );
  const notes: Line[] = [
    { text: '说明  Notes', size: 8, bold: true, after: 2 },
    {
      text: '本公证证明证明上述电子数据自存证时间起的存在与完整性，以及审查事项所列内容；审查事项未载明的，不证明电子数据在存证之前的形成过程及其内容的真实性。',
      size: 7,
      after: 0.5,
    },
    {
      text: 'This certificate attests the existence and integrity of the data since the deposit time and the matters examined; unless stated there, it does not attest how the data came about before the deposit nor that its content is true.',
      size: 6.3,
      color: COLOR.muted,
      after: 2.5,
    },
  ];
  sheet.reserveFirstPage = signOffHeight(sheet, { notes });
  titleBlock(sheet, {
    issuer: i.issuer,
    title: NOTARIAL_TITLE,
    number: {
      label: { zh: '公证证明编号', en: 'Certificate No.' },
      value: i.certificateNumber,
      ...(i.reference ? { reference: `系统编号 Reference ${i.reference}` } : {}),
    },
    qr: {
      url: verifyUrl(i.publicUrl, d.id),
      caption: { zh: '扫码核验存证', en: 'Verify the deposit' },
    },
  });
  const applicant = i.applicant ?? d.depositor;
  const identity = IDENTITY[applicant.verification] ?? {
    zh: applicant.verification,
    en: applicant.verification,
  };
  const matter = i.matter ?? DEFAULT_MATTER;
  sheet.heading('一、公证事项', 'Particulars');
  sheet.fields([
    {
      zh: '申请人',
      en: 'Applicant',
      value: [
        { text: `${applicant.name}    居民身份证 ${applicant.idMasked || '—'}`, size: 9 },
        muted(`实名方式：${identity.zh} · Identity: ${identity.en}`),
      ],
    },
    { zh: '公证事项', en: 'Matter', value: [{ text: matter.zh, size: 9 }, muted(matter.en)] },
    ...(i.purpose
      ? [{ zh: '申请用途', en: 'Purpose', value: [{ text: i.purpose, size: 8.5 }] }]
      : []),
    {
      zh: '存证编号',
      en: 'Deposit No.',
      value: [
        { text: `${displayDepositNumber(d.id)}     (${d.id})`, size: 10, bold: true },
        muted(`${d.title} · ${METHOD[d.method].zh} ${METHOD[d.method].en}`),
      ],
    },
    {
      zh: '存证时间',
      en: 'Deposit time',
      value: [
        { text: `${utc8(d.createdAt)}  (UTC+08:00)    ${d.createdAt}  (UTC)`, size: 8.5 },
        ...(i.depositStamp ? stampLines(depositStampText(i.depositStamp)) : []),
      ],
    },
    {
      zh: '承办公证员',
      en: 'Notary',
      value: [
        { text: `${i.notary.name}${i.notary.nameEn ? `  ${i.notary.nameEn}` : ''}`, size: 9 },
      ],
    },
    {
      zh: '决定日期',
      en: 'Decision date',
      value: [
        { text: `${chineseDate(i.decidedAt)}  ${utc8(i.decidedAt).slice(0, 10)}`, size: 8.5 },
      ],
    },
  ]);
  sheet.heading('二、证明内容', 'Statement');
  const st = statement(i, facts.origin, facts.treeSize);
  sheet.paragraph([
    { text: st.zh, size: 8.5, after: 2 },
    { text: st.en, size: 7.2, color: COLOR.muted, after: 4 },
  ]);
  examinationSection(sheet, i.examination);
  manifestTable(sheet, '四、文件清单', d.files);

  const attachments = receiptAttachments(facts, d.id);
  sheet.newPage();
  anchoringSection(sheet, '五、日志锚定', facts, i.publicUrl);
  signatureSection(sheet, '六、电子签名与算法', signer, i.issuedAt);
  howToVerifySection(sheet, '七、核验方法', {
    verifyUrl: verifyUrl(i.publicUrl, d.id),
    publicUrl: i.publicUrl,
  });
  attachmentsSection(sheet, '八、附件', attachments);
  legalSection(sheet, '九、法律与技术依据', [
    { zh: '《中华人民共和国公证法》', en: "Notarization Law of the People's Republic of China" },
  ]);
  appendixPages(sheet, facts);
  embedFiles(doc, attachments, i.issuedAt);
  signOff(sheet, {
    issuer: i.issuer,
    issuedAt: i.issuedAt,
    signer,
    sealPurpose: '电子公证专用章',
    notes,
    date: chineseDate(i.issuedAt),
    signatories: [
      { zh: `公证员  ${i.notary.name}`, en: `Notary ${i.notary.nameEn ?? i.notary.name}` },
    ],
    reason: `${NOTARIAL_TITLE.zh} ${i.certificateNumber}`,
    contactInfo: i.publicUrl,
  });
  sheet.footers(`汇存 huicun · ${NOTARIAL_TITLE.zh} · ${i.certificateNumber}`);
  return finish();
}

/** Renders and signs the notarial certificate. */
export async function renderNotarialCertificate(
  i: NotarialCertificateInput,
  signer: NotarySigner,
): Promise<Buffer> {
  return signDocument((s) => buildNotarialCertificate(i, s), signer);
}
