/** The printed notarial number: `（2026）沪徐证经字第 123 号`, numbered per year of issue. */
import { expect } from 'chai';
import fc from 'fast-check';
import { notarialNumber, sequenceInYear } from '../../src/certificate/documents/notarial-number.js';
import type { ApplicationRecord } from '../../src/notary/records.js';

const actor = {
  account: 'n1',
  role: 'notary',
  displayName: '王五',
} as ApplicationRecord['applicant'];

/** An application issued at log index `index` and `time`, or still open when `time` is null. */
function app(index: number, time: string | null): ApplicationRecord {
  const submitted = {
    state: 'submitted' as const,
    eventId: 'e',
    index: index - 1,
    time: '2026-01-01T00:00:00Z',
    actor,
  };
  return {
    v: 1,
    id: `NA${index}`,
    depositId: 'HC',
    depositIndex: 1,
    applicant: actor,
    purpose: '',
    contact: '',
    state: time ? 'issued' : 'approved',
    createdAt: submitted.time,
    updatedAt: time ?? submitted.time,
    ...(time ? { certificateNumber: `NC${index}`, issuedAt: time } : {}),
    history: time
      ? [submitted, { state: 'issued', eventId: 'f', index, time, actor }]
      : [submitted],
  };
}

describe('notarial numbers', () => {
  it('prints the year, the prefix and the sequence as offices do', () => {
    expect(notarialNumber({ prefix: '沪徐证经字', year: 2026, sequence: 123 })).to.equal(
      '（2026）沪徐证经字第 123 号',
    );
  });

  it('counts per year of issue in Beijing time, in log order, skipping unissued applications', () => {
    const all = [
      app(10, '2026-03-01T00:00:00Z'),
      app(20, null),
      app(30, '2026-12-31T15:59:59Z'), // still 2026 in UTC+08:00
      app(40, '2026-12-31T16:00:00Z'), // 2027-01-01 in UTC+08:00
      app(50, '2027-02-01T00:00:00Z'),
    ];
    expect(all.filter((a) => a.certificateNumber).map((a) => sequenceInYear(all, a))).to.deep.equal(
      [
        { year: 2026, sequence: 1 },
        { year: 2026, sequence: 2 },
        { year: 2027, sequence: 1 },
        { year: 2027, sequence: 2 },
      ],
    );
    expect(() => sequenceInYear(all, all[1]!)).to.throw(RangeError);
  });

  it('numbers of a year run 1…n without repeats, and later issues never change them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2026, max: 2028 }), fc.boolean()), { maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (steps, cut) => {
          // log indices grow; each step issues in its year or leaves the application open
          const all = steps.map(([year, issued], i) =>
            app(2 * i + 2, issued ? `${year}-06-01T00:00:00Z` : null),
          );
          const issued = all.filter((a) => a.certificateNumber);
          const numbers = issued.map((a) => sequenceInYear(all, a));
          for (const year of [2026, 2027, 2028]) {
            const seq = numbers.filter((n) => n.year === year).map((n) => n.sequence);
            expect(seq).to.deep.equal(seq.map((_, i) => i + 1));
          }
          const earlier = all.slice(0, cut);
          for (const a of earlier.filter((x) => x.certificateNumber))
            expect(sequenceInYear(earlier, a)).to.deep.equal(sequenceInYear(all, a));
        },
      ),
    );
  });
});
