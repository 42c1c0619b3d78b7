/** isOneOf (src/input/one-of.ts): names from a closed list, as the custody trail filter reads them. */
import { expect } from 'chai';
import { CUSTODY_EVENTS } from '../../src/custody/events.js';
import { isOneOf } from '../../src/input/index.js';

describe('input: names from a closed list', () => {
  it('accepts every listed name and nothing else', () => {
    for (const name of CUSTODY_EVENTS) expect(isOneOf(CUSTODY_EVENTS, name)).to.equal(true);
    for (const other of [
      '',
      'Viewed',
      'viewed ',
      'toString',
      'constructor',
      undefined,
      null,
      1,
      {},
      ['viewed'],
    ])
      expect(isOneOf(CUSTODY_EVENTS, other)).to.equal(false);
  });
});
