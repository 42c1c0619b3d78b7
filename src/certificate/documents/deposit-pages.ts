/**
 * The sections after page 1, shared by the deposit and notarial certificates: log anchoring,
 * the PDF signature and algorithms, how to verify, attachments and legal basis.
 * @module
 */
import { sha256 } from '../../crypto/index.js';
import { encodeHex } from '../../log/index.js';
import type { Attachment } from '../rendering/attach.js';
import { COLOR, CONTENT_WIDTH, type Line, type Sheet } from '../rendering/layout.js';
import { digestSize } from './manifest.js';
import type { ReceiptFacts } from './receipt-facts.js';
import type { NotarySigner } from '../signing/signer.js';
import {
  grouped,
  issuanceTimeSource,
  LEGAL_BASIS,
  utc8,
  type Bilingual,
} from '../rendering/wording.js';

/** A line of technical text. */
export const mono = (text: string, size = 7): Line => ({ text, size });
const muted = (text: string): Line => ({ text, size: 6.8, color: COLOR.muted });
const cn = (dn: string): string =>
  dn
    .split('\n')
    .find((l) => l.startsWith('CN='))
    ?.slice(3) ?? dn;

/** Numbered bilingual paragraphs. */
export function steps(sheet: Sheet, items: readonly Bilingual[]): void {
  items.forEach((s, n) =>
    sheet.paragraph([
      { text: `${n + 1}. ${s.zh}`, size: 7.8, after: 1 },
      { text: s.en, size: 7, color: COLOR.muted, after: 4 },
    ]),
  );
}

/** Where the deposit sits in the log, and under which key. */
export function anchoringSection(
  sheet: Sheet,
  heading: string,
  f: ReceiptFacts,
  publicUrl: string,
  retention?: { years: number; until: string },
): void {
  sheet.heading(heading, 'Transparency-log anchoring');
  sheet.fields([
    { zh: '日志标识', en: 'Log origin', value: [mono(f.origin, 8.5)] },
    {
      zh: '条目序号',
      en: 'Entry index',
      value: [
        mono(String(f.index), 9),
        muted(
          "即存证编号中的十位数字：条目在日志中的位置 · the ten digits of the deposit number: the entry's position in the log",
        ),
      ],
    },
    {
      zh: '条目承诺',
      en: 'Entry commitment',
      value: [
        mono(f.entry.commitment),
        muted('SHA-256(JCS(opening))；opening 见附件回执 · the opening is in the attached receipt'),
      ],
    },
    {
      zh: '叶哈希',
      en: 'Leaf hash',
      value: [mono(f.leafHashHex), muted('SHA-256(0x00 || entry) · RFC 6962 §2.1')],
    },
    { zh: '树大小', en: 'Tree size', value: [mono(grouped(f.treeSize), 9)] },
    {
      zh: '树根哈希',
      en: 'Root hash',
      value: [mono(`base64  ${f.rootBase64}`, 7.5), mono(`hex     ${f.rootHex}`)],
    },
    {
      zh: '检查点签名',
      en: 'Checkpoint signature',
      value: f.signatureLines.map((l) => mono(l, 6.8)),
    },
    {
      zh: '日志公钥',
      en: 'Log key (vkey)',
      value: [
        mono(f.vkey, 6.8),
        muted(
          `密钥 ID Key ID ${f.keyId} · 请从 ${publicUrl}/api/v1/log/key 或机构公告核对，勿仅凭本文件 · check it against ${publicUrl}/api/v1/log/key or the office's publication, not this document alone`,
        ),
      ],
    },
    {
      zh: '包含证明',
      en: 'Inclusion proof',
      value: [
        mono(`${f.proof.length} 个哈希，见附录 · ${f.proof.length} hashes, see the appendix`, 8),
      ],
    },
    ...(retention
      ? [
          {
            zh: '保管期限',
            en: 'Retention',
            value: [
              mono(
                `自存证时间起 ${retention.years} 年，至 ${retention.until} · ${retention.years} years from the deposit time, until ${retention.until}`,
                8,
              ),
            ],
          },
        ]
      : []),
  ]);
}

/** The PDF signature, its time (issuance) and the algorithms. */
export function signatureSection(
  sheet: Sheet,
  heading: string,
  signer: NotarySigner,
  issuedAt: Date,
): void {
  const c = signer.info;
  const stamp = signer.signatureStamp();
  const source = issuanceTimeSource(stamp);
  sheet.heading(heading, 'Electronic signature and algorithms');
  sheet.fields([
    {
      zh: '电子签名',
      en: 'PDF signature',
      value: [
        mono(
          `PAdES ${stamp ? 'B-T' : 'B-B'} (ETSI.CAdES.detached) · RSA-${c.keyBits} / SHA-256`,
          8,
        ),
        muted(
          '第 1 页红色印章为签名的可视外观；真伪以电子签名为准，可用 Adobe Reader、pdfsig 等验证。 · The red seal on page 1 is the visible appearance of the signature; the electronic signature governs (check it with Adobe Reader, pdfsig, ...).',
        ),
      ],
    },
    {
      zh: '签名时间',
      en: 'Time of signing',
      value: [
        mono(`${utc8(issuedAt)} (UTC+08:00) · ${issuedAt.toISOString()}`, 8),
        muted(`${source.zh} ${source.en}`),
      ],
    },
    {
      zh: '签名证书',
      en: 'Signing certificate',
      value: [mono(c.commonName, 8), muted(`颁发者 Issuer: ${cn(c.issuer)}`)],
    },
    {
      zh: '证书序列号',
      en: 'Serial / validity',
      value: [
        mono(c.serialNumber, 7.5),
        muted(
          `有效期 Valid ${c.validFrom.toISOString().slice(0, 10)} – ${c.validTo.toISOString().slice(0, 10)}`,
        ),
      ],
    },
    {
      zh: '证书指纹',
      en: 'SHA-256 fingerprint',
      value: [mono(c.fingerprint256.replace(/:/g, '').toLowerCase(), 7)],
    },
    {
      zh: '文件摘要',
      en: 'File digests',
      value: [mono('SHA-256 (FIPS 180-4) · SM3 (GB/T 32905-2016)', 8)],
    },
    {
      zh: '条目与默克尔树',
      en: 'Entries and tree',
      value: [
        mono('SHA-256 承诺 commitments · RFC 8785 JSON · RFC 6962 / RFC 9162 Merkle tree', 8),
      ],
    },
    {
      zh: '检查点',
      en: 'Checkpoints',
      value: [mono('Ed25519 (RFC 8032) · C2SP tlog-checkpoint, signed-note', 8)],
    },
  ]);
}

/** How to verify a document that embeds the deposit's receipt. */
export function howToVerifySection(
  sheet: Sheet,
  heading: string,
  o: { verifyUrl: string; publicUrl: string },
): void {
  sheet.heading(heading, 'How to verify');
  steps(sheet, [
    {
      zh: `在线核验：扫描第 1 页二维码或访问 ${o.verifyUrl}，上传原文件或本 PDF。`,
      en: `Online: scan the QR code on page 1 or open ${o.verifyUrl}; upload the original file or this PDF.`,
    },
    {
      zh: "离线核验：huicun verify <文件> --certificate <本文件.pdf> --log-key '<日志公钥>'。本 PDF 内附存证回执与 tlog-proof（见“附件”），无需联网。",
      en: "Offline: huicun verify <file> --certificate <this.pdf> --log-key '<vkey>'. The receipt and tlog-proof are attached to this PDF; no network is needed.",
    },
    {
      zh: '摘要比对：sha256sum <文件>（或 openssl dgst -sm3 <文件>），与文件清单所列摘要逐位比对。',
      en: 'Digests: sha256sum <file> (or openssl dgst -sm3 <file>) and compare with the manifest digit by digit.',
    },
    {
      zh: `日志只增：加上 --online ${o.publicUrl}，另行证明日志自签发以来只增未改（一致性证明）。`,
      en: `Append-only: adding --online ${o.publicUrl} also proves that the log has only grown since (consistency proof).`,
    },
    {
      zh: '全部检查通过，即《人民法院在线诉讼规则》第十六条所称“经技术核验一致”。',
      en: 'All checks passing is what Art. 16 of the Online Litigation Rules calls "consistent on technical verification".',
    },
  ]);
}

/** The embedded files, with their sizes and SHA-256. */
export function attachmentsSection(
  sheet: Sheet,
  heading: string,
  attachments: readonly Attachment[],
): void {
  sheet.heading(heading, 'Attachments (embedded files)');
  const shaWidth = CONTENT_WIDTH - 230;
  const size = digestSize(sheet, '', shaWidth - 8);
  sheet.table(
    [
      { width: 185, zh: '文件名 / 内容', en: 'Name / content' },
      { width: 45, zh: '字节', en: 'Bytes' },
      { width: shaWidth, zh: 'SHA-256', en: 'hex' },
    ],
    attachments.map((a) => [
      [mono(a.name, 7.5), muted(a.description)],
      [mono(grouped(a.bytes.length), 7.5)],
      [mono(encodeHex(sha256(a.bytes)), size)],
    ]),
  );
}

/** The legal and technical basis. */
export function legalSection(
  sheet: Sheet,
  heading: string,
  extra: readonly Bilingual[] = [],
): void {
  sheet.heading(heading, 'Legal and technical basis');
  for (const b of [...extra, ...LEGAL_BASIS])
    sheet.paragraph([
      { text: `· ${b.zh}`, size: 7.5, after: 0 },
      { text: `  ${b.en}`, size: 6.8, color: COLOR.muted, after: 3 },
    ]);
}
