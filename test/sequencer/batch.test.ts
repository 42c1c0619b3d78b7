/**
 * The pure writes of a batch (src/sequencer/batch.ts): whatever the batching, the log ends in
 * the same tree, tiles and bundles, and the tiles and bundles written are the ones the tile
 * layout (src/log/tiles.ts) says a tree growing from one size to another changes.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  decodeEntryBundle,
  fullTileCount,
  partialTileWidth,
  rfc6962,
  TILE_WIDTH,
  tileLevelCount,
  type Hash,
} from '../../src/log/index.js';
import {
  batchWrites,
  bundleWrites,
  EMPTY_BUNDLE,
  type BatchWrites,
  type OpenBundle,
} from '../../src/sequencer/batch.js';
import { TreeState } from '../../src/sequencer/tree-state.js';
import { utf8 } from '../helpers/log-fixture.js';
import { propertyRuns } from '../helpers/size.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const entry = (i: number): Uint8Array => utf8(`entry ${i}`);
const leaf = (i: number): Hash => rfc6962.hashLeaf(entry(i));

/** A log of `size` entries: its tree and open bundle, built as one batch (cached per size). */
const BASE = 255 * TILE_WIDTH; // one level-0 tile short of a full level-1 tile
const bases = new Map<number, { state: TreeState; bundle: OpenBundle }>();
function logOf(size: number): { state: TreeState; bundle: OpenBundle } {
  const from = size >= BASE ? BASE : 0;
  let base = bases.get(from);
  if (!base) {
    const all = Array.from({ length: from }, (_, i) => i);
    const w = batchWrites(TreeState.empty(rfc6962), EMPTY_BUNDLE, all.map(entry), all.map(leaf));
    base = { state: w.state, bundle: w.nextBundle };
    bases.set(from, base);
  }
  const rest = Array.from({ length: size - from }, (_, i) => from + i);
  const w = batchWrites(base.state, base.bundle, rest.map(entry), rest.map(leaf));
  return { state: w.state, bundle: w.nextBundle };
}

/** Appends entries [start, start + n) in batches of the given sizes; returns each batch's writes. */
function appendInBatches(start: number, sizes: readonly number[]): BatchWrites[] {
  let { state, bundle } = logOf(start);
  let at = start;
  return sizes.map((n) => {
    const indices = Array.from({ length: n }, (_, i) => at + i);
    const w = batchWrites(state, bundle, indices.map(entry), indices.map(leaf));
    ({ state, nextBundle: bundle } = w);
    at += n;
    return w;
  });
}

/** What a store holds after the batches: tile values and bundles by key, fragments by offset. */
function stored(batches: readonly BatchWrites[]): {
  tiles: Map<string, string>;
  bundles: Map<number, string>;
  fragments: Map<string, Uint8Array>;
} {
  const tiles = new Map<string, string>();
  const bundles = new Map<number, string>();
  const fragments = new Map<string, Uint8Array>();
  for (const w of batches) {
    for (const t of w.tiles) tiles.set(`${t.tileLevel}/${t.tileIndex}`, hex(t.encoded()));
    for (const f of w.fragments) fragments.set(`${f.bundleIndex}/${f.offset}`, f.bytes);
    for (const b of w.bundles) {
      bundles.set(b.bundleIndex, hex(b.bytes));
      for (const offset of b.dropFragments) fragments.delete(`${b.bundleIndex}/${offset}`);
    }
  }
  return { tiles, bundles, fragments };
}

/** Starting sizes near the edges that matter: the first tiles, and a level-1 tile filling up. */
const startSize = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: BASE, max: BASE + 600 }),
);
const batchSizes = fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 });

describe('sequencer/batch (the pure writes of a batch)', () => {
  it('writes the same tree, tiles and bundles for n entries in one batch as in k batches', () => {
    fc.assert(
      fc.property(startSize, batchSizes, (start, sizes) => {
        const n = sizes.reduce((a, b) => a + b, 0);
        const split = appendInBatches(start, sizes);
        const [whole] = appendInBatches(start, [n]);
        const last = split[split.length - 1]!;
        expect(last.size).to.equal(start + n);
        expect(whole!.size).to.equal(start + n);
        expect(hex(last.root)).to.equal(hex(whole!.root));
        const a = stored(split);
        const b = stored([whole!]);
        expect(a.tiles).to.deep.equal(b.tiles);
        expect(a.bundles).to.deep.equal(b.bundles);
        // The open bundle may be held in more fragments; they hold the same entries.
        const openEntries = (s: typeof a): string[] =>
          [...s.fragments.entries()]
            .sort(([x], [y]) => Number(x.split('/')[1]) - Number(y.split('/')[1]))
            .flatMap(([, bytes]) => decodeEntryBundle(bytes).map(hex));
        expect(openEntries(a)).to.deep.equal(openEntries(b));
        expect(last.nextBundle.entries.map(hex)).to.deep.equal(whole!.nextBundle.entries.map(hex));
      }),
      { numRuns: propertyRuns(40) },
    );
  });

  it('touches exactly the tiles the tile layout changes between the two sizes', () => {
    fc.assert(
      fc.property(startSize, fc.integer({ min: 1, max: 700 }), (from, n) => {
        const to = from + n;
        const [w] = appendInBatches(from, [n]);
        const expected: string[] = [];
        for (let level = 0; level < tileLevelCount(to); level++) {
          const first = fullTileCount(level, from);
          const width = partialTileWidth(level, to);
          const lastIndex = width === 0 ? fullTileCount(level, to) - 1 : fullTileCount(level, to);
          const grew =
            Math.floor(to / TILE_WIDTH ** level) > Math.floor(from / TILE_WIDTH ** level);
          for (let i = first; grew && i <= lastIndex; i++)
            expected.push(`${level}/${i}/${i === lastIndex && width !== 0 ? width : TILE_WIDTH}`);
        }
        const touched = w!.tiles.map((t) => `${t.tileLevel}/${t.tileIndex}/${t.width}`);
        expect(touched).to.have.lengthOf(expected.length).and.to.have.members(expected);
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('completes the bundles the tree fills, and holds the rest in fragments of the next', () => {
    fc.assert(
      fc.property(startSize, fc.integer({ min: 1, max: 700 }), (from, n) => {
        const to = from + n;
        const { bundle } = logOf(from);
        const entries = Array.from({ length: n }, (_, i) => entry(from + i));
        const w = bundleWrites(bundle, entries);
        const full = Array.from(
          { length: fullTileCount(0, to) - fullTileCount(0, from) },
          (_, i) => fullTileCount(0, from) + i,
        );
        expect(w.bundles.map((b) => b.bundleIndex)).to.deep.equal(full);
        for (const b of w.bundles) {
          expect(decodeEntryBundle(b.bytes).map(hex)).to.deep.equal(
            Array.from({ length: TILE_WIDTH }, (_, i) =>
              hex(entry(b.bundleIndex * TILE_WIDTH + i)),
            ),
          );
        }
        expect(w.nextBundle.bundleIndex).to.equal(fullTileCount(0, to));
        expect(w.nextBundle.entries.length).to.equal(partialTileWidth(0, to));
        const open = w.fragments.filter((f) => f.bundleIndex === fullTileCount(0, to));
        expect(open.length).to.equal(w.fragments.length);
        expect(w.nextBundle.fragments).to.include.members(open.map((f) => f.offset));
        // The bundle passed in is not changed.
        expect(bundle.entries.length).to.equal(partialTileWidth(0, from));
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('leaves the state it started from unchanged', () => {
    const { state, bundle } = logOf(300);
    const root = hex(state.root());
    batchWrites(state, bundle, [entry(300)], [leaf(300)]);
    expect(state.size).to.equal(300);
    expect(hex(state.root())).to.equal(root);
    expect(bundle.entries.length).to.equal(300 - TILE_WIDTH);
  });
});
