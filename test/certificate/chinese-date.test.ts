/** Dates in Chinese numerals, as the notarial certificate prints them. */
import { expect } from 'chai';
import {
  chineseCount,
  chineseDate,
  chineseYear,
} from '../../src/certificate/rendering/chinese-date.js';

const VALUE: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads 三, 十, 十一, 二十, 二十一 back (an independent reading, not the code under test). */
function readCount(text: string): number {
  const m = /^(?:([二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') throw new Error(`not a count: ${text}`);
  const tens = m[2] ? (m[1] ? VALUE[m[1]]! : 1) : 0;
  return tens * 10 + (m[3] ? VALUE[m[3]]! : 0);
}

describe('chinese dates', () => {
  it('prints the examples as offices write them', () => {
    expect(chineseDate('2026-12-03T04:00:00Z')).to.equal('二〇二六年十二月三日');
    expect(chineseDate('2026-11-21T04:00:00Z')).to.equal('二〇二六年十一月二十一日');
    expect(chineseDate('2026-11-30T04:00:00Z')).to.equal('二〇二六年十一月三十日');
    expect(chineseDate('2027-01-31T04:00:00Z')).to.equal('二〇二七年一月三十一日');
    expect(chineseDate('2026-10-10T04:00:00Z')).to.equal('二〇二六年十月十日');
    expect(chineseDate('2026-02-20T04:00:00Z')).to.equal('二〇二六年二月二十日');
    expect(chineseYear(2000)).to.equal('二〇〇〇');
  });

  it('takes the date in UTC+08:00 (Beijing time)', () => {
    expect(chineseDate('2026-12-31T15:59:59Z')).to.equal('二〇二六年十二月三十一日');
    expect(chineseDate('2026-12-31T16:00:00Z')).to.equal('二〇二七年一月一日');
  });

  it('reads back to the right date on every day of a leap year', () => {
    let days = 0;
    for (let t = Date.UTC(2028, 0, 1, 4); t < Date.UTC(2029, 0, 1); t += 86400_000) {
      const d = new Date(t);
      const m = /^(二〇二八)年(.+)月(.+)日$/.exec(chineseDate(d));
      expect(m, chineseDate(d)).to.not.equal(null);
      expect([readCount(m![2]!), readCount(m![3]!)]).to.deep.equal([
        d.getUTCMonth() + 1,
        d.getUTCDate(),
      ]);
      days++;
    }
    expect(days).to.equal(366);
  });

  it('refuses what is not a count of 1 to 99', () => {
    for (const n of [0, 100, 1.5, -3]) expect(() => chineseCount(n)).to.throw(RangeError);
    expect(chineseCount(99)).to.equal('九十九');
  });
});
