import { expect } from 'chai';
import fc from 'fast-check';
import { rfc6962, TILE_WIDTH } from '../../src/log/index.js';
import { StoredTile, locateNode } from '../../src/sequencer/tile.js';
import { TreeState } from '../../src/sequencer/tree-state.js';
import { ReferenceTree } from '../reference/tree.js';
import { propertyRuns } from '../helpers/size.js';

const entries = Array.from({ length: 70_000 }, (_, i) => new TextEncoder().encode(`leaf ${i}`));
const reference = new ReferenceTree(entries.slice(0, 5000), rfc6962);
const leafHashes = entries.map((e) => rfc6962.hashLeaf(e));

/** Appends leaves in the given batch sizes; returns the state and the latest value of every tile. */
function build(batches: readonly number[]): { state: TreeState; tiles: Map<string, StoredTile> } {
  const state = TreeState.empty(rfc6962);
  const tiles = new Map<string, StoredTile>();
  let at = 0;
  for (const n of batches) {
    for (const t of state.append(leafHashes.slice(at, at + n))) {
      tiles.set(`${t.tileLevel}/${t.tileIndex}`, new StoredTile(t.tileLevel, t.tileIndex, t.value));
    }
    at += n;
  }
  return { state, tiles };
}

describe('sequencer/tree-state (in-memory right edge and tiles)', () => {
  it('has the reference root after every append, whatever the batch sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        (batches) => {
          const total = batches.reduce((a, b) => a + b, 0);
          fc.pre(total <= 5000);
          const { state } = build(batches);
          expect(state.size).to.equal(total);
          expect(state.root()).to.deep.equal(reference.root(total));
        },
      ),
      { numRuns: propertyRuns(60) },
    );
  });

  it('is the empty root with no leaves', () => {
    expect(TreeState.empty(rfc6962).root()).to.deep.equal(rfc6962.emptyRoot());
  });

  it('stores every complete node at its place in the tiles', () => {
    const size = 4321;
    const { tiles } = build([1000, 1, 3000, 320]);
    for (let level = 0; 2 ** level <= size; level++) {
      for (let index = 0; (index + 1) * 2 ** level <= size; index++) {
        const loc = locateNode({ level, index });
        const tile = tiles.get(`${loc.tileLevel}/${loc.tileIndex}`);
        expect(tile, `tile of ${level}/${index}`).to.not.equal(undefined);
        expect(tile!.node(loc.depth, loc.offset)).to.deep.equal(
          reference.mth(index * 2 ** level, (index + 1) * 2 ** level),
        );
      }
    }
  });

  it('restores from its partial tiles and continues identically', () => {
    for (const size of [1, 255, 256, 257, 65_536, 65_537, 70_000]) {
      const { state, tiles } = build([size]);
      const partial = new Map<number, StoredTile>();
      for (
        let level = 0, count = size;
        count > 0;
        level++, count = Math.floor(count / TILE_WIDTH)
      ) {
        if (count % TILE_WIDTH)
          partial.set(level, tiles.get(`${level}/${Math.floor(count / TILE_WIDTH)}`)!);
      }
      const restored = TreeState.restore(rfc6962, size, partial);
      expect(restored.root()).to.deep.equal(state.root());
      const extra = [rfc6962.hashLeaf(new Uint8Array([1])), rfc6962.hashLeaf(new Uint8Array([2]))];
      state.append(extra);
      restored.append(extra);
      expect(restored.root()).to.deep.equal(state.root());
    }
  });

  it('refuses to restore from a damaged or missing tile', () => {
    const { tiles } = build([300]);
    const good = tiles.get('0/1')!;
    const bytes = good.encoded().slice();
    bytes[2 + 44 * 32] = bytes[2 + 44 * 32]! ^ 1; // the first depth-1 node of the partial tile
    const damaged = new StoredTile(0, 1, bytes);
    expect(() => TreeState.restore(rfc6962, 300, new Map([[0, damaged]]))).to.throw(
      RangeError,
      /corrupt/,
    );
    expect(() => TreeState.restore(rfc6962, 300, new Map())).to.throw(RangeError, /missing/);
  });

  it('keeps a clone independent of its original', () => {
    const { state } = build([10]);
    const copy = state.clone();
    copy.append([rfc6962.hashLeaf(new Uint8Array([9]))]);
    expect(state.size).to.equal(10);
    expect(state.root()).to.deep.equal(reference.root(10));
    expect(copy.size).to.equal(11);
  });
});
