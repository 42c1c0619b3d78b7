/** C2SP tlog-tiles: paths, partial widths and entry bundles (nodes in tiles: test/sequencer/tile.test.ts). */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  decodeEntryBundle,
  encodeEntryBundle,
  entriesTilePath,
  formatTileIndex,
  fullTileCount,
  hashTilePath,
  parseTilePath,
  partialTileWidth,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileLevelCount,
  type TileRef,
} from '../../src/log/index.js';
import { expectLogError } from './helpers.js';
import { propertyRuns } from '../helpers/size.js';

describe('log/tiles (C2SP tlog-tiles)', () => {
  it('constants', () => {
    expect([TILE_HEIGHT, TILE_WIDTH]).to.deep.equal([8, 256]);
  });

  it('formats tile indices in x-prefixed 3-digit groups (spec example 1234067)', () => {
    expect(formatTileIndex(1234067)).to.equal('x001/x234/067');
    expect(formatTileIndex(0)).to.equal('000');
    expect(formatTileIndex(5)).to.equal('005');
    expect(formatTileIndex(999)).to.equal('999');
    expect(formatTileIndex(1000)).to.equal('x001/000');
    expect(formatTileIndex(Number.MAX_SAFE_INTEGER)).to.equal('x009/x007/x199/x254/x740/991');
    expectLogError(() => formatTileIndex(-1), 'INVALID_ARGUMENT');
  });

  it('formats hash tile and entry bundle paths', () => {
    expect(hashTilePath(0, 1234)).to.equal('tile/0/x001/234');
    expect(hashTilePath(0, 1, 17)).to.equal('tile/0/001.p/17');
    expect(hashTilePath(2, 1, 256)).to.equal('tile/2/001');
    expect(entriesTilePath(0, 5)).to.equal('tile/entries/000.p/5');
    expect(entriesTilePath(1234067)).to.equal('tile/entries/x001/x234/067');
    expectLogError(() => hashTilePath(64, 0), 'INVALID_ARGUMENT');
    expectLogError(() => hashTilePath(0, 0, 0), 'INVALID_ARGUMENT');
    expectLogError(() => entriesTilePath(0, 257), 'INVALID_ARGUMENT');
  });

  it('spec example: size 70,000 = 273 full L0 + partial L0 w112 + 1 full L1 + partial L1 w17 + partial L2 w1', () => {
    const size = 70_000;
    expect(tileLevelCount(size)).to.equal(3);
    expect([fullTileCount(0, size), partialTileWidth(0, size)]).to.deep.equal([273, 112]);
    expect([fullTileCount(1, size), partialTileWidth(1, size)]).to.deep.equal([1, 17]);
    expect([fullTileCount(2, size), partialTileWidth(2, size)]).to.deep.equal([0, 1]);
    expect([fullTileCount(3, size), partialTileWidth(3, size)]).to.deep.equal([0, 0]);
  });

  it('spec note: size 256 = one full L0 tile and a partial L1 tile of width 1', () => {
    expect([fullTileCount(0, 256), partialTileWidth(0, 256)]).to.deep.equal([1, 0]);
    expect([fullTileCount(1, 256), partialTileWidth(1, 256)]).to.deep.equal([0, 1]);
    expect(tileLevelCount(256)).to.equal(2);
    expect(tileLevelCount(0)).to.equal(0);
    expect(tileLevelCount(255)).to.equal(1);
  });

  it('parses valid paths', () => {
    expect(parseTilePath('tile/1/x001/002.p/7')).to.deep.equal({
      kind: 'hash',
      level: 1,
      index: 1002,
      width: 7,
    });
    expect(parseTilePath('tile/0/x001/x234/067')).to.deep.equal({
      kind: 'hash',
      level: 0,
      index: 1234067,
      width: 256,
    });
    expect(parseTilePath('tile/entries/000.p/5')).to.deep.equal({
      kind: 'entries',
      index: 0,
      width: 5,
    });
    expect(parseTilePath('tile/entries/x001/234')).to.deep.equal({
      kind: 'entries',
      index: 1234,
      width: 256,
    });
    expect(parseTilePath('tile/63/000.p/255')).to.deep.equal({
      kind: 'hash',
      level: 63,
      index: 0,
      width: 255,
    });
  });

  it('round-trips format ↔ parse (fast-check)', () => {
    const width = fc.option(fc.integer({ min: 1, max: 256 }), { nil: undefined });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 63 }), fc.maxSafeNat(), width, (level, index, w) => {
        const expected: TileRef = { kind: 'hash', level, index, width: w ?? 256 };
        expect(parseTilePath(hashTilePath(level, index, w))).to.deep.equal(expected);
        expect(parseTilePath(entriesTilePath(index, w))).to.deep.equal({
          kind: 'entries',
          index,
          width: w ?? 256,
        });
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  describe('rejects bad paths (INVALID_TILE_PATH)', () => {
    const bad: [string, string][] = [
      ['leading slash', '/tile/0/000'],
      ['trailing slash', 'tile/0/000/'],
      ['empty', ''],
      ['no index', 'tile/0'],
      ['empty index', 'tile/0/'],
      ['wrong prefix', 'tiles/0/000'],
      ['level with leading zero', 'tile/01/000'],
      ['negative level', 'tile/-1/000'],
      ['level 64', 'tile/64/000'],
      ['non-numeric level', 'tile/a/000'],
      ['index not zero-padded', 'tile/0/5'],
      ['index of 4 digits', 'tile/0/1234'],
      ['missing x', 'tile/0/001/234'],
      ['x on the last group', 'tile/0/x001/x234'],
      ['leading all-zero group', 'tile/0/x000/005'],
      ['negative index', 'tile/0/-01'],
      ['width 0', 'tile/0/000.p/0'],
      ['width 256 with .p', 'tile/0/000.p/256'],
      ['width with leading zero', 'tile/0/000.p/07'],
      ['negative width', 'tile/0/000.p/-7'],
      ['missing width', 'tile/0/000.p'],
      ['empty width', 'tile/0/000.p/'],
      ['extra segment after width', 'tile/0/000.p/7/1'],
      ['extra segment', 'tile/0/000/000'],
      ['.p not on the last group', 'tile/0/x001.p/7/002'],
      ['double slash', 'tile/0//000'],
      ['entries with level', 'tile/entries/0/000'],
      ['uppercase X', 'tile/0/X001/234'],
      ['index above 2^53', 'tile/0/x009/x007/x199/x254/x740/992'],
      ['too many groups', 'tile/0/x001/x000/x000/x000/x000/x000/000'],
      ['dot segment', 'tile/0/../000'],
      ['percent-encoded', 'tile/0/%30%30%30'],
    ];
    for (const [what, path] of bad) {
      it(what, () => {
        expectLogError(() => parseTilePath(path), 'INVALID_TILE_PATH');
      });
    }
  });

  describe('entry bundles', () => {
    it('encodes big-endian uint16 length prefixes and round-trips (fast-check)', () => {
      expect(
        encodeEntryBundle([
          new Uint8Array([7]),
          new Uint8Array(0),
          new Uint8Array(258).fill(1),
        ]).subarray(0, 7),
      ).to.deep.equal(new Uint8Array([0, 1, 7, 0, 0, 1, 2]));
      fc.assert(
        fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 40 }), (entries) => {
          expect(decodeEntryBundle(encodeEntryBundle(entries), entries.length)).to.deep.equal(
            entries,
          );
        }),
        { numRuns: propertyRuns(200) },
      );
      const max = new Uint8Array(65_535);
      expect(decodeEntryBundle(encodeEntryBundle([max]))[0]).to.have.length(65_535);
    });

    it('rejects entries over 65,535 bytes', () => {
      expectLogError(() => encodeEntryBundle([new Uint8Array(65_536)]), 'INVALID_ARGUMENT');
    });

    it('rejects truncation and count mismatches (INVALID_ENTRY_BUNDLE)', () => {
      const bundle = encodeEntryBundle([new Uint8Array([1, 2, 3]), new Uint8Array([4])]);
      expect(decodeEntryBundle(new Uint8Array(0))).to.deep.equal([]);
      expectLogError(
        () => decodeEntryBundle(bundle.subarray(0, bundle.length - 1)),
        'INVALID_ENTRY_BUNDLE',
      );
      expectLogError(() => decodeEntryBundle(bundle.subarray(0, 1)), 'INVALID_ENTRY_BUNDLE');
      expectLogError(() => decodeEntryBundle(bundle.subarray(0, 4)), 'INVALID_ENTRY_BUNDLE');
      expectLogError(() => decodeEntryBundle(bundle, 3), 'INVALID_ENTRY_BUNDLE');
    });

    it('decoded entries are copies, also of a Buffer', () => {
      const buf = Buffer.from(encodeEntryBundle([new Uint8Array([9, 9])]));
      const [entry] = decodeEntryBundle(buf);
      buf[2] = 0;
      expect(entry).to.deep.equal(new Uint8Array([9, 9]));
    });
  });
});
