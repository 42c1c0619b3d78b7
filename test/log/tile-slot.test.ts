/**
 * `tileSlot` and `tileWidth`: the tile arithmetic the shell (routes, monitor, audit) asks
 * src/log for instead of redoing it.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  partialTileWidth,
  shiftRight,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileSlot,
  tileWidth,
} from '../../src/log/index.js';
import { expectLogError } from './helpers.js';

describe('log/tiles: slots and widths', () => {
  it('puts entry 70,000 at position 112 of bundle 273', () => {
    expect(tileSlot(70_000)).to.deep.equal({ tile: 273, position: 112 });
    expect(tileSlot(0)).to.deep.equal({ tile: 0, position: 0 });
    expect(tileSlot(255)).to.deep.equal({ tile: 0, position: 255 });
    expect(tileSlot(256)).to.deep.equal({ tile: 1, position: 0 });
  });

  it('tileSlot inverts tile·256 + position (fast-check)', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (i) => {
        const { tile, position } = tileSlot(i);
        expect(position).to.be.within(0, TILE_WIDTH - 1);
        expect(tile * TILE_WIDTH + position).to.equal(i);
      }),
    );
  });

  it('widths: full tiles, then the partial one, then none; they add up to the level (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 2 }),
        (size, level) => {
          const hashes = shiftRight(size, TILE_HEIGHT * level);
          const last = Math.floor(hashes / TILE_WIDTH);
          for (let n = Math.max(0, last - 2); n < last; n++)
            expect(tileWidth(level, n, size)).to.equal(256);
          expect(tileWidth(level, last, size)).to.equal(partialTileWidth(level, size));
          expect(tileWidth(level, last + 1, size)).to.equal(0);
          expect(last * TILE_WIDTH + tileWidth(level, last, size)).to.equal(hashes);
        },
      ),
    );
  });

  it('refuses unsafe arguments', () => {
    expectLogError(() => tileSlot(-1), 'INVALID_ARGUMENT');
    expectLogError(() => tileWidth(64, 0, 1), 'INVALID_ARGUMENT');
    expectLogError(() => tileWidth(0, 1.5, 1), 'INVALID_ARGUMENT');
    expectLogError(() => tileWidth(0, 0, Number.MAX_SAFE_INTEGER + 1), 'INVALID_ARGUMENT');
  });
});
