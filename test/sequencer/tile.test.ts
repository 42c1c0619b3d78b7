/**
 * Where a tree node lives among the stored tiles (src/sequencer/tile.ts): the tile level, the
 * tile, and its depth and offset inside the tile's in-between levels.
 */
import { expect } from 'chai';
import { locateNode } from '../../src/sequencer/tile.js';

describe('sequencer/tile: nodes in tiles', () => {
  it('locates nodes on a tile level and between tile levels', () => {
    expect(locateNode({ level: 0, index: 1000 })).to.deep.equal({
      tileLevel: 0,
      tileIndex: 3,
      depth: 0,
      offset: 232,
    });
    expect(locateNode({ level: 8, index: 5 })).to.deep.equal({
      tileLevel: 1,
      tileIndex: 0,
      depth: 0,
      offset: 5,
    });
    // A level-3 node covers 8 level-0 hashes: the second such node of tile 1 (hashes 8…15).
    expect(locateNode({ level: 3, index: 33 })).to.deep.equal({
      tileLevel: 0,
      tileIndex: 1,
      depth: 3,
      offset: 1,
    });
    // The right half of level-1 tile 0 (level-8 hashes 128…255).
    expect(locateNode({ level: 15, index: 1 })).to.deep.equal({
      tileLevel: 1,
      tileIndex: 0,
      depth: 7,
      offset: 1,
    });
  });
});
