import { expect } from 'chai';
import { tempDir } from '../helpers/log-fixture.js';
import { size } from '../helpers/size.js';
import { torture } from './torture.js';

/** Kills: 1 in `npm test`, 20 in `npm run test:slow`. */
const CYCLES = size(1, 20);

describe('crash torture: the server under mixed load, killed with SIGKILL', function () {
  this.timeout(60_000 + CYCLES * 30_000);

  it(`loses no acknowledged deposit or custody event over ${CYCLES} kills`, async () => {
    const tmp = tempDir('huicun-torture-');
    try {
      const r = await torture(tmp.dir, CYCLES, (m) => console.log(`      ${m}`));
      expect(r.cycles).to.equal(CYCLES);
      expect(r.deposits).to.be.greaterThan(0);
    } finally {
      tmp.remove();
    }
  });
});
