/**
 * What a deposit certificate shows (docs/certificates.md): its input, number and verification URL, and
 * the rows of page 1 — particulars, notarial status and the scope-of-proof notes.
 * @module
 */
import { displayDepositNumber } from '../../entry/index.js';
import type { Receipt, DepositView } from '../../evidence/index.js';
import { CertificateError } from '../errors.js';
import { COLOR, type Line } from '../rendering/layout.js';
import {
  IDENTITY,
  METHOD,
  depositStampText,
  depositTimeSource,
  notarialStatusText,
  scopeOfProof,
  utc8,
  type Bilingual,
  type DepositStamp,
  type Issuer,
  type NotarialStatus,
  type SignatureStamp,
} from '../rendering/wording.js';

/** Everything a deposit certificate shows; plain data (docs/certificates.md). */
export interface DepositCertificateInput {
  readonly deposit: DepositView;
  /** The receipt as issued (it is checked, printed and embedded). */
  readonly receipt: Receipt;
  /** 1 for the first certificate; a status change makes the next version. */
  readonly version: number;
  /** Issue time: the signature's /M, the document dates and the date under the seal. */
  readonly issuedAt: Date;
  readonly issuer: Issuer;
  /** HUICUN_PUBLIC_URL, without a trailing slash. */
  readonly publicUrl: string;
  /** HUICUN_RETENTION_YEARS (30). */
  readonly retentionYears: number;
  /** The notarisation as of issue; defaults to `deposit.notarisation`'s state. */
  readonly notarisation?: NotarialStatus | null;
  /** The notary who deposited for a walk-in client; defaults to the opening's `agent`. */
  readonly agent?: { readonly name: string; readonly office: string };
  /**
   * The stamp of the log checkpoint covering the deposit, printed beside the deposit time;
   * absent when the server stamps no checkpoints (HUICUN_TSA_URLS=none).
   */
  readonly depositStamp?: DepositStamp;
}

/** Characters of the description shown on page 1 (the rest goes to the appendix). */
export const DESCRIPTION_SHOWN = 180;
export const DEPOSIT_TITLE: Bilingual = {
  zh: '电子数据存证证书',
  en: 'Electronic Data Deposit Certificate',
};

/** Certificate number of a version: `HC00000123458-1`. */
export const certificateNumber = (deposit: string, version: number): string =>
  `${deposit}-${version}`;

/** The verification page of a deposit: `<publicUrl>/verify?id=<number>`. */
export const verifyUrl = (publicUrl: string, id: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/verify?id=${encodeURIComponent(id)}`;

/** @throws {CertificateError} `INVALID_INPUT` for a bad version, retention or receipt index. */
export function assertInput(i: DepositCertificateInput): void {
  if (!Number.isSafeInteger(i.version) || i.version < 1)
    throw new CertificateError('INVALID_INPUT', 'version must be a positive integer');
  if (i.receipt.index !== i.deposit.index)
    throw new CertificateError('INVALID_INPUT', 'the receipt is not about this deposit');
  if (!Number.isSafeInteger(i.retentionYears) || i.retentionYears < 1)
    throw new CertificateError('INVALID_INPUT', 'retentionYears must be a positive integer');
}

const muted = (text: string): Line => ({ text, size: 6.8, color: COLOR.muted });

/** The counter-deposit agent recorded in the opening (docs/formats.md), if any. */
function agentOf(opening: unknown): { name: string; office: string } | undefined {
  const a = (opening as { agent?: { name?: unknown; office?: unknown } } | null)?.agent;
  return typeof a?.name === 'string' && typeof a.office === 'string'
    ? { name: a.name, office: a.office }
    : undefined;
}

/** The rows of the particulars table. */
export function particulars(
  i: DepositCertificateInput,
  status: NotarialStatus | null,
  stamp: SignatureStamp | null,
): { zh: string; en: string; value: Line[] }[] {
  const agent = i.agent ?? agentOf(i.receipt.opening);
  const d = i.deposit;
  const cut = d.description.length > DESCRIPTION_SHOWN;
  const desc = cut
    ? `${d.description.slice(0, DESCRIPTION_SHOWN)}……（全文见附录 full text in the appendix）`
    : d.description;
  const identity = IDENTITY[d.depositor.verification] ?? {
    zh: d.depositor.verification,
    en: d.depositor.verification,
  };
  const notarial = notarialStatusText(status);
  return [
    {
      zh: '存证编号',
      en: 'Deposit No.',
      value: [{ text: `${displayDepositNumber(d.id)}     (${d.id})`, size: 10.5, bold: true }],
    },
    {
      zh: '存证名称',
      en: 'Title and description',
      value: [
        { text: d.title, size: 9, bold: true, after: desc ? 1.5 : 1 },
        ...(desc ? [{ text: desc, size: 7.5 }] : []),
      ],
    },
    {
      zh: '存证人',
      en: 'Depositor',
      value: [
        { text: `${d.depositor.name}    居民身份证 ${d.depositor.idMasked || '—'}`, size: 9 },
        muted(`实名方式：${identity.zh} · Identity: ${identity.en}`),
      ],
    },
    ...(agent
      ? [
          {
            zh: '代办公证员',
            en: 'Deposited by',
            value: [
              { text: `${agent.name}（${agent.office}）`, size: 9 },
              muted("公证员代为办理（窗口办理） · A notary deposited on the client's behalf"),
            ],
          },
        ]
      : []),
    {
      zh: '存证方式',
      en: 'Method',
      value: [{ text: METHOD[d.method].zh, size: 9 }, muted(METHOD[d.method].en)],
    },
    {
      zh: '存证时间',
      en: 'Deposit time',
      value: [
        { text: `${utc8(d.createdAt)}  (UTC+08:00 北京时间)`, size: 9.5, bold: true, after: 0 },
        { text: `${d.createdAt}  (UTC)`, size: 8.5 },
        muted(`${depositTimeSource(stamp).zh} ${depositTimeSource(stamp).en}`),
        ...(i.depositStamp ? stampLines(depositStampText(i.depositStamp)) : []),
      ],
    },
    {
      zh: '出具机构',
      en: 'Issuer',
      value: [
        { text: `${i.issuer.office.zh}  ${i.issuer.office.en}`, size: 9 },
        muted(`平台运营及技术提供 Operator: ${i.issuer.operator.zh} · ${i.issuer.operator.en}`),
      ],
    },
    {
      zh: '公证状态',
      en: 'Notarial status',
      value: [{ text: notarial.zh, size: 8.5 }, muted(notarial.en)],
    },
  ];
}

/** A deposit stamp's line, Chinese then English (docs/certificates.md "The deposit's time-stamp"). */
export function stampLines(t: Bilingual): Line[] {
  return [
    { text: t.zh, size: 7.5, after: 0.5 },
    { text: t.en, size: 6.8, color: COLOR.muted },
  ];
}

/** The scope-of-proof notes beside the seal. */
export function scopeNotes(method: 'upload' | 'hash-only'): Line[] {
  return [
    { text: '证明范围  Scope of proof', size: 8, bold: true, after: 2 },
    ...scopeOfProof(method).flatMap((p): Line[] => [
      { text: p.zh, size: 7, after: 0.5 },
      { text: p.en, size: 6.3, color: COLOR.muted, after: 2.5 },
    ]),
  ];
}

/** The status a certificate states: the override, else the deposit view's state. */
export function statusOf(i: DepositCertificateInput): NotarialStatus | null {
  if (i.notarisation !== undefined) return i.notarisation;
  const n = i.deposit.notarisation;
  return n
    ? {
        state: n.state as NotarialStatus['state'],
        ...(n.certificateNumber ? { certificateNumber: n.certificateNumber } : {}),
      }
    : null;
}
