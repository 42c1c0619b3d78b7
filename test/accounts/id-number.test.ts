import { expect } from 'chai';
import fc from 'fast-check';
import {
  idCheckChar,
  isValidIdNumber,
  maskIdNumber,
  normalizeIdNumber,
} from '../../src/accounts/id-number.js';
import { checkIdNumber } from '../../src/accounts/input.js';
import { AccountError } from '../../src/accounts/errors.js';
import { propertyRuns } from '../helpers/size.js';

const TODAY = new Date('2026-06-01T00:00:00Z');
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Valid numbers made with the algorithm: region, birth date 1900…today, sequence, check. */
const validId = fc
  .record({
    region: fc.integer({ min: 110000, max: 829999 }),
    day: fc.integer({
      min: 0,
      max: Math.floor((TODAY.getTime() - Date.UTC(1900, 0, 1)) / 86_400_000),
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, day, seq }) => {
    const d = new Date(Date.UTC(1900, 0, 1) + day * 86_400_000);
    const body = `${region}${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}${pad(seq, 3)}`;
    return body + idCheckChar(body);
  });

const ALPHABET = '0123456789X';

describe('accounts: resident ID numbers (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the standard example and computes its check character', () => {
    expect(idCheckChar('11010519491231002')).to.equal('X');
    expect(isValidIdNumber('11010519491231002X', TODAY)).to.equal(true);
    expect(isValidIdNumber('31010419900307123X', TODAY)).to.equal(true);
  });

  it('normalises a lower-case x and surrounding spaces', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).to.equal('11010519491231002X');
    expect(checkIdNumber('11010519491231002x')).to.equal('11010519491231002X');
  });

  it('refuses bad shapes and implausible birth dates', () => {
    for (const bad of [
      '',
      '1101051949123100',
      '11010519491231002XX',
      '1101051949123100X2',
      '01010519491231002X',
      'A1010519491231002X',
    ]) {
      expect(isValidIdNumber(bad, TODAY), bad).to.equal(false);
    }
    const withDate = (date: string): string => {
      const body = `310104${date}123`;
      return body + idCheckChar(body);
    };
    expect(isValidIdNumber(withDate('19000101'), TODAY)).to.equal(true);
    for (const date of ['18991231', '19900230', '19901301', '19900000', '20260602', '29990101']) {
      expect(isValidIdNumber(withDate(date), TODAY), date).to.equal(false);
    }
  });

  it('masks to the first 4 and last 4 characters', () => {
    expect(maskIdNumber('31010419900307123X')).to.equal('3101**********123X');
  });

  it('checkIdNumber throws INVALID_FIELD without echoing the number', () => {
    try {
      checkIdNumber('310104199003071231');
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(AccountError);
      expect((e as AccountError).code).to.equal('INVALID_FIELD');
      expect((e as AccountError).details).to.deep.equal({ field: 'idNumber' });
      expect((e as Error).message).not.to.contain('3101');
    }
  });

  it('property: every number made with the algorithm is valid', () => {
    fc.assert(
      fc.property(validId, (id) => isValidIdNumber(id, TODAY)),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('property: every single-character substitution is caught', () => {
    fc.assert(
      fc.property(validId, fc.nat(17), fc.nat(10), (id, pos, k) => {
        const replacement = ALPHABET.replace(id[pos]!, '')[k % 10]!;
        const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
        return !isValidIdNumber(mutated, TODAY);
      }),
      { numRuns: propertyRuns(5000) },
    );
  });

  it('property: every adjacent swap of different characters is caught', () => {
    fc.assert(
      fc.property(validId, fc.nat(16), (id, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const mutated = id.slice(0, pos) + id[pos + 1]! + id[pos]! + id.slice(pos + 2);
        return !isValidIdNumber(mutated, TODAY);
      }),
      { numRuns: propertyRuns(5000) },
    );
  });

  it('exhaustively: every substitution and swap of one number is caught', () => {
    const id = '31010419900307123X';
    for (let pos = 0; pos < 18; pos++) {
      for (const c of ALPHABET) {
        if (c === id[pos]) continue;
        expect(isValidIdNumber(id.slice(0, pos) + c + id.slice(pos + 1), TODAY)).to.equal(false);
      }
      if (pos < 17 && id[pos] !== id[pos + 1]) {
        expect(
          isValidIdNumber(id.slice(0, pos) + id[pos + 1]! + id[pos]! + id.slice(pos + 2), TODAY),
        ).to.equal(false);
      }
    }
  });
});
