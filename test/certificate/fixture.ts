/**
 * Test fixtures of the certificate tests: real deposits made through DepositService on a
 * temporary log (so receipts verify), sample issuers, and one notary signer generated once
 * per process into a temporary certs folder.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotarySigner } from '../../src/certificate/signing/credentials.js';
import type { NotarialExamination } from '../../src/certificate/documents/examination-wording.js';
import type { NotarySigner } from '../../src/certificate/signing/signer.js';
import type { Issuer } from '../../src/certificate/rendering/wording.js';
import type { DepositOpening, FileItem } from '../../src/evidence/opening.js';
import type { Receipt } from '../../src/evidence/receipt.js';
import { DepositService, depositView, type DepositView } from '../../src/evidence/service.js';
import { openTestLog, tempDir, testKey } from '../helpers/log-fixture.js';

export const ISSUER: Issuer = {
  office: { zh: '上海市徐汇公证处', en: 'Xuhui Notary Office, Shanghai' },
  operator: {
    zh: '汇存平台（上海市徐汇公证处运营）',
    en: 'huicun platform, operated by the office',
  },
  location: '中国上海 Shanghai, China',
};
export const PUBLIC_URL = 'https://huicun.example.cn';
/** A fixed issue time, so renderings are reproducible. */
export const ISSUED_AT = new Date('2026-11-26T07:05:00Z');

const hex = (alg: string, b: Uint8Array): string => createHash(alg).update(b).digest('hex');

/** Sample files: real bytes, so `sha256sum` of a file matches the manifest. */
export function sampleFiles(n: number): { item: FileItem; bytes: Uint8Array }[] {
  const names = [
    ['合同扫描件（2026年11月签署）.pdf', 'application/pdf'],
    ['微信聊天记录截图-2026-11-20.png', 'image/png'],
    ['与王某通话录音.m4a', 'audio/mp4'],
    ['网页快照 shop.example.com 商品页.html', 'text/html'],
    ['转账凭证.jpg', 'image/jpeg'],
  ] as const;
  return Array.from({ length: n }, (_, i) => {
    const [name, mediaType] = names[i % names.length]!;
    const bytes = new TextEncoder().encode(`sample evidence ${i}\n`.repeat(50 + i * 37));
    return {
      bytes,
      item: {
        name,
        mediaType,
        size: bytes.length,
        sha256: hex('sha256', bytes),
        sm3: hex('sm3', bytes),
      },
    };
  });
}

/** Deposits `files` among others on a fresh log; returns its view and latest receipt. */
export async function sampleDeposit(
  files: readonly FileItem[],
  method: 'upload' | 'hash-only' = 'upload',
  agent?: DepositOpening['agent'],
  title = '网店商品页面被仿冒的证据',
): Promise<{ deposit: DepositView; receipt: Receipt }> {
  const tmp = tempDir('huicun-cert-');
  const { log, store, close } = await openTestLog(tmp.dir);
  try {
    const service = new DepositService({ sequencer: log, records: store, vkey: testKey.vkey });
    const depositor = {
      account: 'u1',
      name: '张三',
      idMasked: '3101**********1234',
      verification: 'self-declared' as const,
    };
    const filler = {
      title: 'filler',
      description: '',
      method,
      files: files.slice(0, 1),
      depositor,
    };
    for (let i = 0; i < 11; i++) await service.create(filler);
    const { record } = await service.create({
      title,
      description:
        '2026年11月在某电商平台发现与我方商品页面高度相似的仿冒页面，现将合同、聊天记录、通话录音、网页快照与转账凭证一并存证。',
      method,
      files,
      depositor,
      owner: 'u1',
      ...(agent ? { agent } : {}),
    });
    for (let i = 0; i < 5; i++) await service.create(filler);
    const receipt = await service.receipt(record, 'latest');
    return { deposit: depositView(record), receipt };
  } finally {
    await close();
    tmp.remove();
  }
}

let signer: { signer: NotarySigner; certsDir: string } | undefined;

/** One generated notary CA + leaf per test process. */
export function testSigner(): { signer: NotarySigner; certsDir: string } {
  if (!signer) {
    const certsDir = mkdtempSync(join(tmpdir(), 'huicun-notary-'));
    signer = {
      signer: loadNotarySigner(
        certsDir,
        {},
        { commonName: '上海市徐汇公证处 汇存电子签章', organization: '上海市徐汇公证处' },
      ).signer,
      certsDir,
    };
  }
  return signer;
}

type Check = {
  id: string;
  status: 'pass' | 'fail' | 'skip';
  passed: boolean;
  expected: unknown;
  actual: unknown;
  message: { zh: string; en: string };
};

/** A plausible list of docs/verification.md checks; `tampered` makes the file checks fail. */
export function sampleChecks(sha256: string, tampered = false): Check[] {
  const c = (
    id: string,
    status: Check['status'],
    zh: string,
    en: string,
    expected: unknown = null,
    actual: unknown = null,
  ): Check => ({
    id,
    status,
    passed: status === 'pass',
    expected,
    actual,
    message: { zh, en },
  });
  const other = 'ab'.repeat(32);
  return [
    c('receipt.shape', 'pass', '回执格式正确', 'the receipt is well formed'),
    c('entry.canonical', 'pass', '日志条目为规范 JSON', 'the entry is canonical JSON'),
    c('entry.id', 'pass', '条目编号与存证编号一致', 'the entry names the deposit asked about'),
    c(
      'opening.commitment',
      'pass',
      '存证内容与条目承诺一致',
      'the opening matches the entry commitment',
    ),
    tampered
      ? c(
          'file.sha256',
          'fail',
          '文件的 SHA-256 与存证记录不一致',
          'the file SHA-256 differs from the deposit record',
          sha256,
          other,
        )
      : c(
          'file.sha256',
          'pass',
          '文件的 SHA-256 与存证记录一致',
          'the file SHA-256 matches the deposit record',
          sha256,
          sha256,
        ),
    c(
      'file.sm3',
      tampered ? 'fail' : 'pass',
      tampered ? '文件的 SM3 与存证记录不一致' : '文件的 SM3 与存证记录一致',
      tampered ? 'the file SM3 differs' : 'the file SM3 matches',
    ),
    c('checkpoint.signature', 'pass', '检查点签名有效', 'the checkpoint signature is valid'),
    c(
      'checkpoint.key_trusted',
      'pass',
      '签名公钥为受信任的日志公钥',
      'the signing key is a trusted log key',
    ),
    c(
      'checkpoint.origin',
      'pass',
      '检查点来源与公钥名称一致',
      'the checkpoint origin matches the key name',
    ),
    c(
      'inclusion',
      'pass',
      '包含证明通向检查点树根',
      'the inclusion proof leads to the checkpoint root',
    ),
    c('consistency', 'skip', '未联网核验，未检查一致性', 'not online: consistency not checked'),
    c(
      'document.issued',
      'skip',
      '未联网核验，未检查证书签发记录',
      'not online: issuance not checked',
    ),
  ];
}

/**
 * An examination as a decision stores it: every system check passed over `files` stored files,
 * identity seen in person, the custody trail not attested, and a two-paragraph opinion.
 */
export function sampleExamination(files: number): NotarialExamination {
  return {
    system: {
      at: '2026-11-30T01:58:00.000Z',
      treeSize: 42,
      logKey: 'huicun.example.cn/log+1a2b3c4d',
      checks: [
        { id: 'files', result: 'pass', files },
        { id: 'commitment', result: 'pass' },
        { id: 'inclusion', result: 'pass' },
        { id: 'signature', result: 'pass' },
      ],
    },
    attestations: { identity: 'in-person', custodyTrailReviewed: false },
    opinion: '经审查，申请人提交的材料齐全。\n同意出具公证证明。',
  };
}
