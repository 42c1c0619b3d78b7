/** Evidence files for the browser tests, written to a temp folder, with their digests. */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EvidenceFile {
  readonly name: string;
  readonly path: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
  readonly sm3: string;
}

export interface Evidence {
  readonly dir: string;
  /** Three files for the multi-file upload. */
  readonly uploads: readonly EvidenceFile[];
  /** 50 MB for the hash-only deposit. */
  readonly large: EvidenceFile;
  /** The first upload with one byte changed. */
  readonly changed: EvidenceFile;
  remove(): void;
}

const MB = 1024 * 1024;

function describe(path: string, name: string, type: string): EvidenceFile {
  const sha256 = createHash('sha256');
  const sm3 = createHash('sm3');
  const bytes = readFileSync(path);
  sha256.update(bytes);
  sm3.update(bytes);
  return {
    name,
    path,
    type,
    size: bytes.length,
    sha256: sha256.digest('hex'),
    sm3: sm3.digest('hex'),
  };
}

/** Writes the files (the 50 MB one in 8 MiB chunks). */
export function makeEvidence(): Evidence {
  const dir = mkdtempSync(join(tmpdir(), 'huicun-e2e-'));
  const contract = join(dir, '供货合同.txt');
  writeFileSync(
    contract,
    `供货合同（演示）\n甲方：上海某贸易有限公司\n乙方：张三\n${'第一条 货物名称、数量与价格。\n'.repeat(200)}签订日期：2026 年 11 月 26 日\n`,
  );
  const photo = join(dir, 'site-photo.jpg');
  writeFileSync(
    photo,
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(1536 * 1024)]),
  );
  const mail = join(dir, '往来邮件.eml');
  writeFileSync(
    mail,
    `From: buyer@example.cn\nTo: seller@example.cn\nSubject: =?UTF-8?B?5L6b6LSn?=\n\n${'请按合同约定的时间发货。\n'.repeat(400)}`,
  );
  const large = join(dir, '监控录像.bin');
  const fd = openSync(large, 'w');
  const chunk = randomBytes(8 * MB);
  for (let done = 0, i = 0; done < 50 * MB; i++) {
    chunk[0] = i;
    const n = Math.min(chunk.length, 50 * MB - done);
    writeSync(fd, chunk, 0, n);
    done += n;
  }
  closeSync(fd);
  // the same name, one byte different (a changed digit in the date line)
  mkdirSync(join(dir, 'changed'));
  const changedPath = join(dir, 'changed', '供货合同.txt');
  const copy = Buffer.from(readFileSync(contract));
  copy[copy.length - 6] = copy[copy.length - 6] === 0x36 ? 0x37 : 0x36;
  writeFileSync(changedPath, copy);
  return {
    dir,
    uploads: [
      describe(contract, '供货合同.txt', 'text/plain'),
      describe(photo, 'site-photo.jpg', 'image/jpeg'),
      describe(mail, '往来邮件.eml', 'message/rfc822'),
    ],
    large: describe(large, '监控录像.bin', 'application/octet-stream'),
    changed: describe(changedPath, '供货合同.txt', 'text/plain'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
