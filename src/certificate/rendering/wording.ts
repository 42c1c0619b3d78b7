/**
 * The words of the certificates, Chinese first and English beside (the Chinese text prevails),
 * and the formatting of times, sizes and statuses. Kept in one place so a lawyer can review
 * them without reading layout code.
 * @module
 */

/** A text in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Who issues the documents (docs/certificates.md; Art. 17: the operator's role is disclosed). */
export interface Issuer {
  /** The notary office: signer of the PDFs, named in the seal. */
  readonly office: Bilingual;
  /** The platform operator and technical provider. */
  readonly operator: Bilingual;
  /** /Location of the signature, e.g. `中国上海 Shanghai, China`. */
  readonly location?: string;
}

/** A deposit's notarisation as the certificate reports it (DepositView.notarisation plus facts). */
export interface NotarialStatus {
  readonly state: 'submitted' | 'in_review' | 'approved' | 'issued' | 'rejected' | 'withdrawn';
  /** The printed number, `（2026）沪徐证经字第 123 号`. */
  readonly certificateNumber?: string;
  /** The machine id the API and links use (`NC…`), when it differs from the printed number. */
  readonly reference?: string;
  /** Notary's name and the date of issue, when issued. */
  readonly notary?: string;
  readonly issuedAt?: string;
}

const HOUR = 3600_000;

/** `2026-11-26 14:30:00.123` in UTC+08:00 (milliseconds only when present). */
export function utc8(time: string | Date): string {
  const d = typeof time === 'string' ? new Date(time) : time;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${String(time)}`);
  const text = new Date(d.getTime() + 8 * HOUR).toISOString().replace('T', ' ').replace('Z', '');
  return text.endsWith('.000') && !String(time).includes('.') ? text.slice(0, -4) : text;
}

/** `2026年11月26日` (the date in UTC+08:00). */
export function dateZh(time: string | Date): string {
  const [y, m, d] = utc8(time).slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2026-11-26` (the date in UTC+08:00). */
export const dateIso = (time: string | Date): string => utc8(time).slice(0, 10);

/** `1,234,567` */
export const grouped = (n: number): string => n.toLocaleString('en-US');

/** `1.2 MiB` (src/certificate/rendering/size.ts, shared with the web app). */
export { humanSize } from './size.js';

export const METHOD: Record<'upload' | 'hash-only', Bilingual> = {
  upload: {
    zh: '上传原件（平台接收并保管文件）',
    en: 'Upload: the platform received and keeps the files',
  },
  'hash-only': {
    zh: '仅提交摘要（文件未提交至平台）',
    en: 'Hash-only: the files were not received; their digests were presented',
  },
};

export const IDENTITY: Record<string, Bilingual> = {
  'self-declared': { zh: '注册时自行申报的实名信息', en: 'real name declared at registration' },
  'in-person': {
    zh: '公证员当面核验身份证件',
    en: 'identity document checked in person by a notary',
  },
};

export const NOT_NOTARIAL: Bilingual = {
  zh: '本证书不是公证书。',
  en: 'This certificate is not a notarial certificate.',
};

const STATE: Record<NotarialStatus['state'], Bilingual> = {
  submitted: { zh: '公证申请已提交，待审查', en: 'notarisation applied for, awaiting review' },
  in_review: { zh: '公证申请审查中', en: 'notarisation under review' },
  approved: { zh: '公证申请已批准，待出具', en: 'notarisation approved, not yet issued' },
  issued: { zh: '已出具公证证明', en: 'a notarial certificate has been issued' },
  rejected: { zh: '公证申请未获批准', en: 'notarisation refused' },
  withdrawn: { zh: '公证申请已撤回', en: 'notarisation application withdrawn' },
};

/** The notarial-status line of a deposit certificate. */
export function notarialStatusText(s: NotarialStatus | null): Bilingual {
  if (!s)
    return {
      zh: `未申请公证。${NOT_NOTARIAL.zh}`,
      en: `No notarisation applied for. ${NOT_NOTARIAL.en}`,
    };
  const st = STATE[s.state];
  if (s.state !== 'issued')
    return { zh: `${st.zh}。${NOT_NOTARIAL.zh}`, en: `${cap(st.en)}. ${NOT_NOTARIAL.en}` };
  const facts = [
    s.notary,
    s.issuedAt ? dateIso(s.issuedAt) : undefined,
    s.reference && s.reference !== s.certificateNumber ? s.reference : undefined,
  ].filter(Boolean);
  const no = s.certificateNumber ?? s.reference ?? '';
  return {
    zh: `${st.zh}，编号 ${no}${facts.length ? `（${facts.join('，')}）` : ''}。本存证证书本身不是公证书，公证证明另行出具。`,
    en: `${cap(st.en)}: No. ${no}${facts.length ? ` (${facts.join(', ')})` : ''}. This deposit certificate itself is not a notarial certificate.`,
  };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The time-stamp a document's signature will carry, as known when the page is rendered (before
 * signing, so without its genTime): the TSA's name when the TimeStamper knows it in advance.
 * `null`: the signature is not time-stamped. (docs/certificates.md "Signature time-stamps")
 */
export interface SignatureStamp {
  readonly tsa?: string;
}

/** The source of a deposit time (the server clock; a signature stamp bounds it from above). */
export function depositTimeSource(stamp: SignatureStamp | null): Bilingual {
  if (!stamp)
    return {
      zh: '时间来源：服务器时钟（NTP 同步）；无 RFC 3161 时间戳。',
      en: 'Source: server clock synchronised by NTP; no RFC 3161 time-stamp.',
    };
  const by = stamp.tsa ? { zh: `（${stamp.tsa}）`, en: ` (${stamp.tsa})` } : { zh: '', en: '' };
  return {
    zh: `时间来源：服务器时钟（NTP 同步）；本证书电子签名的 RFC 3161 时间戳${by.zh}证明存证不晚于其 genTime。`,
    en: `Source: server clock synchronised by NTP; the RFC 3161 time-stamp of this document's signature${by.en} proves the deposit existed no later than its genTime.`,
  };
}

/**
 * The RFC 3161 stamp of the log checkpoint covering a deposit, as known when its certificate is
 * issued (docs/certificates.md "The deposit's time-stamp"): `stamped` with the TSA's name and
 * genTime (the stamp is in the embedded receipt), or `pending` when the log has not been stamped
 * over the deposit yet (it is stamped at most every `intervalS` seconds; issuing never waits).
 */
export type DepositStamp =
  | { readonly state: 'stamped'; readonly tsa: string; readonly genTime: string }
  | { readonly state: 'pending'; readonly intervalS: number };

/** The line printed beside the deposit time for a {@link DepositStamp}. */
export function depositStampText(s: DepositStamp): Bilingual {
  if (s.state === 'stamped')
    return {
      zh: `RFC 3161 时间戳：${s.tsa}，${utc8(s.genTime)}（UTC+08:00 北京时间）/ ${s.genTime}（UTC）。存证不晚于该时间已经存在（覆盖本存证的日志检查点的时间戳，载于所附回执）。`,
      en: `RFC 3161 time-stamp: ${s.tsa}, ${utc8(s.genTime)} (UTC+08:00) / ${s.genTime} (UTC). The deposit existed no later than this time (the stamp of the log checkpoint covering it, in the embedded receipt).`,
    };
  return {
    zh: `RFC 3161 时间戳：尚未取得（日志每 ${s.intervalS} 秒加盖一次时间戳，本证书出具时尚未覆盖本存证）；请在线核验，或重新下载回执，其将载有该时间戳。`,
    en: `RFC 3161 time-stamp: not yet (the log is stamped every ${s.intervalS} s and had not been stamped over this deposit when this certificate was issued); verify online, or download the receipt again, which then carries the stamp.`,
  };
}

/** The source of a document's time of issuance (signing). */
export function issuanceTimeSource(stamp: SignatureStamp | null): Bilingual {
  if (!stamp)
    return {
      zh: '时间来源：服务器时钟（NTP 同步）；无 RFC 3161 时间戳。',
      en: 'Time source: server clock synchronised by NTP; no RFC 3161 time-stamp.',
    };
  if (!stamp.tsa)
    return {
      zh: '时间来源：RFC 3161 时间戳服务机构；其名称与签名时间（genTime）载于电子签名的时间戳。',
      en: "Time source: an RFC 3161 time-stamp authority; its name and the time of signing (genTime) are in the signature's time-stamp.",
    };
  return {
    zh: `时间来源：${stamp.tsa}（RFC 3161）；签名时间（genTime）载于电子签名的时间戳。`,
    en: `Time source: ${stamp.tsa} (RFC 3161); the time of signing (genTime) is in the signature's time-stamp.`,
  };
}

/** What a deposit certificate proves, and what it does not (Art. 16 / 18). */
export function scopeOfProof(method: 'upload' | 'hash-only'): Bilingual[] {
  const out: Bilingual[] = [
    {
      zh: '本证书证明：文件清单所列电子数据（以其 SHA-256 与 SM3 摘要标识）于上述存证时间已经存在，且自该时间起未被改动；任何人可按“核验方法”独立核验，无需信任本平台。',
      en: 'This certificate proves that the electronic data in the file manifest (identified by their SHA-256 and SM3 digests) existed at the deposit time and has not been altered since; anyone can check this independently as described under "How to verify", without trusting this platform.',
    },
    {
      zh: '本证书不证明电子数据内容的真实性、合法性，也不证明存证之前发生的事实（《人民法院在线诉讼规则》第十六条、第十八条）。',
      en: 'It does not prove that the content is true or lawful, nor anything that happened before the deposit (Online Litigation Rules, Arts. 16 and 18).',
    },
  ];
  if (method === 'hash-only')
    out.push({
      zh: '本次为仅摘要存证：平台未接收文件，仅证明上述摘要于存证时间已被提交；文件大小为存证人申报值。',
      en: 'Hash-only deposit: the files were not received; only that these digests were presented at that time is proven, and the sizes are as declared.',
    });
  return out;
}

export const LEGAL_BASIS: readonly Bilingual[] = [
  {
    zh: '《最高人民法院关于互联网法院审理案件若干问题的规定》（法释〔2018〕16号）第十一条',
    en: 'SPC Provisions on Several Issues Concerning the Trial of Cases by Internet Courts, Art. 11',
  },
  {
    zh: '《人民法院在线诉讼规则》（2021年8月1日施行）第十六条至第十九条',
    en: "Online Litigation Rules of the People's Courts (in force 1 Aug 2021), Arts. 16–19",
  },
  {
    zh: '《最高人民法院关于民事诉讼证据的若干规定》（2019年修正）第九十四条',
    en: 'SPC Provisions on Evidence in Civil Proceedings (2019 revision), Art. 94',
  },
  {
    zh: 'SF/T 0076-2020《电子数据存证技术规范》；GB/T 32905-2016（SM3 密码杂凑算法）',
    en: 'SF/T 0076-2020 (electronic data deposit); GB/T 32905-2016 (SM3 hash algorithm)',
  },
];
