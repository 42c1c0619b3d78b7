/**
 * The parts of a verification report that show checks: the verdict box and the table of checks
 * (id, result, bilingual message; for failures what was expected and what was found).
 * @module
 */
import { COLOR, CONTENT_WIDTH, PAGE, type Line, type Sheet } from '../rendering/layout.js';
import type { Bilingual } from '../rendering/wording.js';

/** One check, in the shape of docs/verification.md (src/verify's `Check` is assignable to it). */
export interface VerificationCheck {
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly passed: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: Bilingual;
}

export type ReportVerdict = 'verified' | 'not_verified' | 'found' | 'not_found';

const VERDICT: Record<ReportVerdict, Bilingual & { ok: boolean }> = {
  verified: { zh: '核验一致', en: 'VERIFIED — consistent on technical verification', ok: true },
  not_verified: { zh: '核验不一致', en: 'NOT VERIFIED — see the failed checks', ok: false },
  found: {
    zh: '已找到存证记录',
    en: 'FOUND — a deposit with this digest or number exists',
    ok: true,
  },
  not_found: {
    zh: '未找到存证记录',
    en: 'NOT FOUND — no deposit with this digest or number',
    ok: false,
  },
};
const STATUS: Record<VerificationCheck['status'], Bilingual> = {
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '失败', en: 'FAIL' },
  skip: { zh: '不适用', en: 'skip' },
};
const GREEN = '#1d6b3a';
const MAX_SHOWN = 100;

/** `expected`/`actual` as short text (strings as they are, anything else as JSON). */
function shown(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The verdict in a ruled box, green or red. */
export function verdictBox(sheet: Sheet, verdict: ReportVerdict): void {
  const v = VERDICT[verdict];
  const color = v.ok ? GREEN : COLOR.red;
  const h = 30;
  sheet.ensure(h + 6);
  sheet.doc.lineWidth(1.2).strokeColor(color).rect(PAGE.left, sheet.y, CONTENT_WIDTH, h).stroke();
  sheet.draw(
    [{ text: `${v.zh}    ${v.en}`, size: 12, bold: true, color, align: 'center' }],
    PAGE.left,
    sheet.y + 7,
    CONTENT_WIDTH,
  );
  sheet.y += h + 6;
}

/** The table of checks. */
export function checksTable(sheet: Sheet, checks: readonly VerificationCheck[]): void {
  const muted = (text: string, size = 6.6): Line => ({ text, size, color: COLOR.muted });
  sheet.table(
    [
      { width: 100, zh: '检查项', en: 'Check' },
      { width: 52, zh: '结果', en: 'Result' },
      { width: CONTENT_WIDTH - 152, zh: '说明', en: 'Message' },
    ],
    checks.map((c) => {
      const st = STATUS[c.status];
      const color = c.status === 'fail' ? COLOR.red : c.status === 'pass' ? GREEN : COLOR.muted;
      const detail =
        c.status === 'fail' && (c.expected != null || c.actual != null)
          ? [
              muted(`期望 expected: ${shown(c.expected)}`, 6),
              muted(`实际 actual: ${shown(c.actual)}`, 6),
            ]
          : [];
      return [
        [{ text: c.id, size: 6.8 }],
        [{ text: `${st.zh} ${st.en}`, size: 6.8, bold: c.status === 'fail', color }],
        [{ text: `${c.message.zh} · ${c.message.en}`, size: 6.8 }, ...detail],
      ];
    }),
  );
}
