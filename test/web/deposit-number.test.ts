/**
 * The QR landing reads a typed deposit number (web/src/pages/verify/number.ts) as the server
 * does (src/entry/deposit-number.ts), and says whether the shape or the check character is wrong.
 */
import { expect } from 'chai';
import { formatDepositNumber, parseDepositNumber } from '../../src/entry/deposit-number.js';
import { readNumber } from '../../web/src/pages/verify/number.js';

describe('web app: reading a typed deposit number', () => {
  it('takes the printed form, spaces, hyphens and lower case', () => {
    const number = formatDepositNumber(12345);
    expect(readNumber(number)).to.deep.equal({ number });
    expect(readNumber('HC 00000 12345 8')).to.deep.equal({ number: 'HC00000123458' });
    expect(readNumber(' hc-00000-12345-8 ')).to.deep.equal({ number: 'HC00000123458' });
  });

  it('tells a wrong check character from a wrong shape', () => {
    expect(readNumber('HC00000123459')).to.deep.equal({ problem: 'check' });
    for (const raw of ['', 'HC0000012345', 'HC000001234588', 'XX00000123458', 'HC0000012345Y'])
      expect(readNumber(raw), raw).to.deep.equal({ problem: 'shape' });
  });

  it('agrees with the server on every index it tries', () => {
    for (const index of [0, 1, 9, 10, 99, 12345, 2 ** 31, 9_999_999_999]) {
      const number = formatDepositNumber(index);
      expect(readNumber(number)).to.deep.equal({ number });
      expect(parseDepositNumber(number)?.number).to.equal(number);
      const wrong = number.slice(0, -1) + (number.endsWith('0') ? '1' : '0');
      expect(readNumber(wrong), wrong).to.deep.equal({ problem: 'check' });
      expect(parseDepositNumber(wrong)).to.equal(undefined);
    }
  });
});
