/**
 * Dates as notarial certificates print them, in Chinese numerals: 二〇二六年十二月三日,
 * 十一月, 二十一日, 三十日 (docs/certificates.md, "The notarial certificate"). Pure.
 * @module
 */
import { utc8 } from './wording.js';

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–99 as counted: 三, 十, 十一, 二十, 二十一, 三十一. */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`not 1–99: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${ones ? DIGITS[ones] : ''}`;
}

/** A year digit by digit: 2026 → 二〇二六. */
export const chineseYear = (year: number): string =>
  [...String(year)].map((d) => DIGITS[Number(d)]).join('');

/** The date of `time` in UTC+08:00 in Chinese numerals: `二〇二六年十二月三日`. */
export function chineseDate(time: string | Date): string {
  const [y, m, d] = utc8(time).slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${chineseYear(y)}年${chineseCount(m)}月${chineseCount(d)}日`;
}
