/**
 * The file manifest table (docs/certificates.md): per file its name, media type, size, SHA-256 and SM3
 * (a hash-only file may have no SM3: shown as "未提供 not given").
 * @module
 */
import type { FileItem } from '../../evidence/index.js';
import { COLOR, CONTENT_WIDTH, type Column, type Line, type Sheet } from '../rendering/layout.js';
import { grouped, humanSize } from '../rendering/wording.js';

const DIGEST_MAX_SIZE = 6.5;
const HEX = '0123456789abcdef';

/** The largest size (≤ 6.5 pt) at which `label` + 64 of the widest hex digits fit in `width`. */
export function digestSize(sheet: Sheet, label: string, width: number): number {
  sheet.setFont(false, 10);
  const widest = Math.max(...[...HEX].map((c) => sheet.doc.widthOfString(c)));
  const at10 = sheet.doc.widthOfString(label) + 64 * widest;
  return Math.min(DIGEST_MAX_SIZE, Math.floor((width / at10) * 100) / 10);
}

/** Draws the section heading and the manifest of `files`. */
export function manifestTable(sheet: Sheet, heading: string, files: readonly FileItem[]): void {
  const total = files.reduce((n, f) => n + f.size, 0);
  sheet.heading(
    heading,
    `File manifest — ${files.length} file${files.length === 1 ? '' : 's'}, ${grouped(total)} bytes`,
  );
  const cols: Column[] = [
    { width: 26, zh: '序号', en: 'No.' },
    { width: 148, zh: '文件名称 / 类型', en: 'Name / media type' },
    { width: 62, zh: '大小', en: 'Size' },
    { width: CONTENT_WIDTH - 236, zh: '摘要（十六进制）', en: 'Digests (hex)' },
  ];
  const size = digestSize(sheet, 'SHA-256  ', cols[3]!.width - 8);
  const rows = files.map((f, n): Line[][] => [
    [{ text: String(n + 1), size: 8 }],
    [
      { text: f.name, size: 8, after: 0 },
      { text: f.mediaType, size: 6.5, color: COLOR.muted },
    ],
    [
      { text: grouped(f.size), size: 8, after: 0 },
      { text: f.size >= 1024 ? humanSize(f.size) : 'bytes', size: 6.5, color: COLOR.muted },
    ],
    [
      { text: `SHA-256  ${f.sha256}`, size, after: 1.5 },
      { text: `SM3       ${f.sm3 ?? '未提供 not given'}`, size },
    ],
  ]);
  sheet.table(cols, rows);
}
