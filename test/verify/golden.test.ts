import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { buildGoldenReceipts } from '../vectors/receipts/generate.js';
import { golden, manifest } from './golden.js';

describe('golden receipts (test/vectors/receipts)', () => {
  it('are exactly what the committed generator builds', async () => {
    const built = await buildGoldenReceipts();
    expect(built.size).to.be.greaterThan(10);
    for (const [path, bytes] of built) {
      const committed = readFileSync(golden(path));
      expect(
        Buffer.compare(committed, Buffer.from(bytes)),
        `${path} is stale: run npm run vectors:receipts`,
      ).to.equal(0);
    }
  });

  it('hold a receipt and a tlog-proof for each of the six deposits', () => {
    expect(manifest.deposits.map((d) => d.index)).to.deep.equal([0, 1, 2, 4, 5, 6]);
  });
});
