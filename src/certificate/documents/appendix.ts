/**
 * The appendix of the certificates: the inclusion proof hash by hash, the signed checkpoint and
 * the log entry, printed in full so that they can be retyped if the attachments are lost.
 * @module
 */
import { decodeBase64, encodeHex } from '../../log/index.js';
import { mono } from './deposit-pages.js';
import { COLOR, CONTENT_WIDTH, type Sheet } from '../rendering/layout.js';
import type { ReceiptFacts } from './receipt-facts.js';

/** The appendix: inclusion proof, signed checkpoint, entry, and the full description if cut. */
export function appendixPages(sheet: Sheet, f: ReceiptFacts, fullDescription?: string): void {
  sheet.newPage();
  sheet.heading('附录  包含证明', 'Appendix — inclusion proof');
  sheet.paragraph([
    {
      text: `自叶哈希起，按 RFC 9162 §2.1.3.2 依次与下列兄弟节点哈希合并（条目序号 ${f.index}，树大小 ${f.treeSize}），所得结果应等于检查点中的树根。`,
      size: 7.8,
      after: 1,
    },
    {
      text: `Starting from the leaf hash, combine with the sibling hashes below in order (RFC 9162 §2.1.3.2; index ${f.index}, tree size ${f.treeSize}); the result must equal the checkpoint's root.`,
      size: 7,
      color: COLOR.muted,
      after: 5,
    },
  ]);
  sheet.table(
    [
      { width: 36, zh: '序号', en: 'No.' },
      {
        width: CONTENT_WIDTH - 36,
        zh: '兄弟节点哈希（base64 / hex）',
        en: 'Sibling hash (base64 / hex)',
      },
    ],
    [
      [[mono('叶 leaf', 7)], [mono(f.leafHashHex)]],
      ...f.proof.map((p, n) => [
        [mono(String(n + 1), 7.5)],
        [mono(p, 7.5), mono(encodeHex(decodeBase64(p)))],
      ]),
      [[mono('根 root', 7)], [mono(f.rootBase64, 7.5), mono(f.rootHex)]],
    ],
  );
  sheet.heading('签名检查点', 'Signed checkpoint (C2SP signed-note)');
  sheet.paragraph(f.checkpoint.split('\n').map((l) => mono(l || ' ', 7)));
  sheet.heading('日志条目', 'Log entry (RFC 8785 canonical JSON)');
  sheet.paragraph([mono(f.entryText, 7)]);
  if (fullDescription) {
    sheet.heading('存证说明全文', 'Description in full');
    sheet.paragraph([{ text: fullDescription, size: 8 }]);
  }
}
