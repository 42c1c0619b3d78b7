/**
 * A verification report as text lines, Chinese and English on every check (the CLI prints it;
 * the browser can show it as is).
 * @module
 */
import type { Check, CheckStatus, Verdict } from './checks.js';

const MARK: Readonly<Record<CheckStatus, string>> = {
  pass: '✔ 通过 pass',
  fail: '✘ 失败 FAIL',
  skip: '– 跳过 skip',
};

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Lines for each check: status, id, message in both languages, and expected/actual on failure. */
export function checkLines(checks: readonly Check[]): string[] {
  const width = Math.max(...checks.map((c) => c.id.length));
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(`${MARK[c.status]}  ${c.id.padEnd(width)}  ${c.message.zh}`);
    lines.push(`${' '.repeat(MARK[c.status].length + 2 + width + 2)}${c.message.en}`);
    if (c.status === 'fail') {
      lines.push(`      期望 expected: ${show(c.expected)}`);
      lines.push(`      实际 actual:   ${show(c.actual)}`);
    }
  }
  return lines;
}

/** The verdict line. */
export function verdictLine(verdict: Verdict): string {
  return verdict === 'verified'
    ? '结论 verdict: 核验通过 VERIFIED'
    : '结论 verdict: 未通过核验 NOT VERIFIED';
}
