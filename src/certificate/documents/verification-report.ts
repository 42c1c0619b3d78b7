/**
 * The verification report (核验报告, docs/verification.md, docs/certificates.md): a signed one-page PDF of a verification's
 * checks and verdict, for a judge's file. The checks are printed as given (each with its stable
 * id, status, message and, for failures, expected and actual) and embedded as JSON.
 * @module
 */
import { displayDepositNumber } from '../../entry/index.js';
import { embedFiles } from '../rendering/attach.js';
import { verifyUrl } from './deposit-certificate.js';
import { openDocument } from '../rendering/document.js';
import { CertificateError } from '../errors.js';
import { COLOR, Sheet, type Line } from '../rendering/layout.js';
import { signOff, signOffHeight, titleBlock } from '../rendering/parts.js';
import { signDocument } from '../signing/placeholder.js';
import {
  checksTable,
  verdictBox,
  type ReportVerdict,
  type VerificationCheck,
} from './report-checks.js';
import type { NotarySigner } from '../signing/signer.js';
import { issuanceTimeSource, utc8, type Bilingual, type Issuer } from '../rendering/wording.js';

export type { ReportVerdict, VerificationCheck } from './report-checks.js';

/** Everything a verification report shows; plain data. */
export interface VerificationReportInput {
  /** The report's number (`R…`). */
  readonly reportNumber: string;
  /** When the verification ran: the signature's /M and the date under the seal. */
  readonly issuedAt: Date;
  readonly verdict: ReportVerdict;
  readonly checks: readonly VerificationCheck[];
  /** What was verified. */
  readonly subject: {
    readonly depositId?: string;
    /** Deposit time (RFC 3339 UTC), when known. */
    readonly depositTime?: string;
    readonly fileName?: string;
    readonly sha256?: string;
    readonly sm3?: string;
    /** What was submitted, e.g. 证书 PDF + 原文件 / certificate PDF and the file. */
    readonly material: Bilingual;
  };
  /** Who asked (a judge: name and court). */
  readonly requester?: { readonly name: string; readonly role: string; readonly court?: string };
  /** The vkeys trusted for `checkpoint.key_trusted`. */
  readonly trustedKeys?: readonly string[];
  readonly issuer: Issuer;
  readonly publicUrl: string;
}

export const REPORT_TITLE: Bilingual = { zh: '核验报告', en: 'Verification Report' };

/**
 * Renders the verification report with an empty signature placeholder.
 * @throws {CertificateError} `INVALID_INPUT` for no checks or an empty report number.
 */
export async function buildVerificationReport(
  i: VerificationReportInput,
  signer: NotarySigner,
): Promise<Buffer> {
  if (i.checks.length === 0)
    throw new CertificateError('INVALID_INPUT', 'a report lists its checks');
  if (!i.reportNumber.trim())
    throw new CertificateError('INVALID_INPUT', 'a report needs its number');
  const { doc, finish } = openDocument({
    title: `${REPORT_TITLE.zh} ${i.reportNumber}`,
    subject: `${REPORT_TITLE.en} ${i.reportNumber}${i.subject.depositId ? `: ${i.subject.depositId}` : ''}`,
    author: i.issuer.office.zh,
    keywords: [i.reportNumber, i.subject.depositId, 'huicun'].filter(Boolean).join(', '),
    createdAt: i.issuedAt,
  });
  const sheet = new Sheet(doc, `${REPORT_TITLE.zh} ${REPORT_TITLE.en} · ${i.reportNumber}`);
  const notes: Line[] = [
    { text: '说明  Notes', size: 8, bold: true, after: 2 },
    {
      text: '“核验一致”指全部适用的检查通过，且日志公钥为受信任公钥（《人民法院在线诉讼规则》第十六条）。本报告仅说明提交材料在核验时的技术核验结果，不证明电子数据内容的真实性，也不证明存证之前发生的事实。',
      size: 7,
      after: 0.5,
    },
    {
      text: '"Verified" means every applicable check passed under a trusted log key (Online Litigation Rules, Art. 16). This report states the technical result for the material submitted at the time of verification; it does not prove that the content is true, nor anything that happened before the deposit.',
      size: 6.3,
      color: COLOR.muted,
    },
  ];
  sheet.reserveFirstPage = signOffHeight(sheet, { notes });
  const s = i.subject;
  titleBlock(sheet, {
    issuer: i.issuer,
    title: REPORT_TITLE,
    number: { label: { zh: '报告编号', en: 'Report No.' }, value: i.reportNumber },
    ...(s.depositId
      ? {
          qr: {
            url: verifyUrl(i.publicUrl, s.depositId),
            caption: { zh: '扫码核验存证', en: 'Verify the deposit' },
          },
        }
      : {}),
  });
  const muted = (text: string, size = 6.6): Line => ({ text, size, color: COLOR.muted });
  const issuance = issuanceTimeSource(signer.signatureStamp());
  sheet.heading('一、核验对象', 'What was verified');
  sheet.fields([
    ...(s.depositId
      ? [
          {
            zh: '存证编号',
            en: 'Deposit No.',
            value: [
              {
                text: `${displayDepositNumber(s.depositId)}    (${s.depositId})`,
                size: 9,
                bold: true,
              },
              ...(s.depositTime
                ? [
                    muted(
                      `存证时间 Deposit time ${utc8(s.depositTime)} (UTC+08:00) · ${s.depositTime}`,
                    ),
                  ]
                : []),
            ],
          },
        ]
      : []),
    ...(s.fileName || s.sha256 || s.sm3
      ? [
          {
            zh: '核验文件',
            en: 'File',
            value: [
              { text: s.fileName ?? '—', size: 8 },
              ...(s.sha256 ? [muted(`SHA-256 ${s.sha256}`)] : []),
              ...(s.sm3 ? [muted(`SM3 ${s.sm3}`)] : []),
            ],
          },
        ]
      : []),
    {
      zh: '核验材料',
      en: 'Material',
      value: [{ text: s.material.zh, size: 8 }, muted(s.material.en)],
    },
    {
      zh: '核验时间',
      en: 'Time of verification',
      value: [
        { text: `${utc8(i.issuedAt)} (UTC+08:00) · ${i.issuedAt.toISOString()}`, size: 8 },
        muted(`${issuance.zh} ${issuance.en}`),
        ...(i.requester
          ? [
              muted(
                `申请人 Requested by: ${i.requester.name} (${i.requester.role}${i.requester.court ? `, ${i.requester.court}` : ''})`,
              ),
            ]
          : []),
      ],
    },
    ...(i.trustedKeys?.length
      ? [
          {
            zh: '受信任公钥',
            en: 'Trusted log keys',
            value: i.trustedKeys.map((k) => muted(k, 6.4)),
          },
        ]
      : []),
  ]);
  sheet.heading('二、核验结论', 'Verdict');
  verdictBox(sheet, i.verdict);
  sheet.heading('三、检查明细', 'Checks');
  checksTable(sheet, i.checks);
  embedFiles(
    doc,
    [
      {
        name: `${i.reportNumber}.verification.json`,
        bytes: new TextEncoder().encode(
          `${JSON.stringify({ report: i.reportNumber, verdict: i.verdict, subject: s, checks: i.checks }, null, 2)}\n`,
        ),
        mediaType: 'application/json',
        description: '核验结果 Verification result (checks and verdict)',
        relationship: 'Data',
      },
    ],
    i.issuedAt,
  );
  signOff(sheet, {
    issuer: i.issuer,
    issuedAt: i.issuedAt,
    signer,
    sealPurpose: '电子核验专用章',
    notes,
    reason: `${REPORT_TITLE.zh} ${i.reportNumber}`,
    contactInfo: i.publicUrl,
  });
  sheet.footers(`汇存 huicun · ${REPORT_TITLE.zh} · ${i.reportNumber}`);
  return finish();
}

/** Renders and signs the verification report. */
export async function renderVerificationReport(
  i: VerificationReportInput,
  signer: NotarySigner,
): Promise<Buffer> {
  return signDocument((s) => buildVerificationReport(i, s), signer);
}
