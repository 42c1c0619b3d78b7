/**
 * C2SP tlog-tiles: tile and entry-bundle paths (`tile/<L>/<N>[.p/<W>]`, `tile/entries/<N>[.p/<W>]`),
 * partial widths, and entry bundles (big-endian uint16 length-prefixed entries). Tile height 8.
 * @module
 */
import { shiftRight } from './bits.js';
import { assertSafeIndex } from './check.js';
import { LogError } from './errors.js';

/** Tree levels per tile (C2SP tlog-tiles). */
export const TILE_HEIGHT = 8;
/** Hashes (or entries) in a full tile (2^TILE_HEIGHT). */
export const TILE_WIDTH = 256;
/** Largest tile level a path may name (C2SP tlog-tiles: 0 to 63). */
export const MAX_TILE_LEVEL = 63;
/** Largest entry an entry bundle can hold (uint16 length prefix). */
export const MAX_ENTRY_SIZE = 0xffff;

/** A tile or entry bundle; `width` is 256 for a full one, 1–255 for a partial one. */
export type TileRef =
  | { kind: 'hash'; level: number; index: number; width: number }
  | { kind: 'entries'; index: number; width: number };

function badPath(path: string, why: string): LogError {
  return new LogError('INVALID_TILE_PATH', `invalid tile path ${JSON.stringify(path)}: ${why}`);
}

/**
 * Tile index in 3-digit groups, all but the last prefixed `x` (1234067 → `x001/x234/067`).
 * @throws {LogError} `INVALID_ARGUMENT` unless `n` is a safe non-negative integer.
 */
export function formatTileIndex(n: number): string {
  assertSafeIndex(n, 'tile index');
  let digits = String(n);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  let out = '';
  for (let i = 0; i < digits.length; i += 3) {
    out +=
      (i + 3 < digits.length ? 'x' : '') +
      digits.slice(i, i + 3) +
      (i + 3 < digits.length ? '/' : '');
  }
  return out;
}

function widthSuffix(width: number | undefined): string {
  if (width === undefined || width === TILE_WIDTH) return '';
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new LogError(
      'INVALID_ARGUMENT',
      `tile width must be 1..${TILE_WIDTH}, got ${String(width)}`,
    );
  }
  return `.p/${width}`;
}

/**
 * Path of hash tile `index` at tile level `level` (`tile/0/x001/234`, partial `tile/0/001.p/17`).
 * `width` 1–255 makes a partial tile; undefined or 256 a full one.
 * @throws {LogError} `INVALID_ARGUMENT` for a level outside 0–63, an unsafe index or a width
 *   outside 1–256.
 */
export function hashTilePath(level: number, index: number, width?: number): string {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw new LogError(
      'INVALID_ARGUMENT',
      `tile level must be 0..${MAX_TILE_LEVEL}, got ${String(level)}`,
    );
  }
  return `tile/${level}/${formatTileIndex(index)}${widthSuffix(width)}`;
}

/**
 * Path of entry bundle `index` (`tile/entries/x001/234`, partial `tile/entries/000.p/5`).
 * @throws {LogError} `INVALID_ARGUMENT` for an unsafe index or a width outside 1–256.
 */
export function entriesTilePath(index: number, width?: number): string {
  return `tile/entries/${formatTileIndex(index)}${widthSuffix(width)}`;
}

/**
 * Parses a tile path without a leading `/` (`tile/1/x001/002.p/7`, `tile/entries/000`).
 * Strict: only the canonical form that {@link hashTilePath} / {@link entriesTilePath} produce
 * is accepted (as x/mod tlog.ParseTilePath, which re-formats and compares).
 * @throws {LogError} `INVALID_TILE_PATH` for anything else: leading or trailing `/`, empty or
 *   extra segments, level outside 0–63 or with leading zeros, groups that are not 3 digits, a
 *   missing or extra `x`, a leading all-zero group, width 0, ≥ 256 or with leading zeros,
 *   an index above 2^53 − 1.
 */
export function parseTilePath(path: string): TileRef {
  if (typeof path !== 'string') throw badPath(String(path), 'not a string');
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== 'tile') throw badPath(path, 'must start with tile/<L>/');
  const levelText = parts[1] as string;
  const isEntries = levelText === 'entries';
  let level = 0;
  if (!isEntries) {
    if (!/^(?:0|[1-9][0-9]?)$/.test(levelText)) throw badPath(path, 'bad level');
    level = Number(levelText);
    if (level > MAX_TILE_LEVEL) throw badPath(path, 'level above 63');
  }
  let groups = parts.slice(2);
  let width = TILE_WIDTH;
  const last = groups[groups.length - 2];
  if (last !== undefined && last.endsWith('.p')) {
    const w = groups[groups.length - 1] as string;
    if (!/^[1-9][0-9]{0,2}$/.test(w) || Number(w) >= TILE_WIDTH)
      throw badPath(path, 'partial width must be 1..255');
    width = Number(w);
    groups = [...groups.slice(0, -2), last.slice(0, -2)];
  }
  if (groups.length > 6) throw badPath(path, 'tile index too large');
  let index = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as string;
    const re = i < groups.length - 1 ? /^x[0-9]{3}$/ : /^[0-9]{3}$/;
    if (!re.test(g)) throw badPath(path, `bad index element ${JSON.stringify(g)}`);
    index = index * 1000 + Number(g.slice(-3));
  }
  if (!Number.isSafeInteger(index)) throw badPath(path, 'tile index above 2^53 - 1');
  const canonical = isEntries ? entriesTilePath(index, width) : hashTilePath(level, index, width);
  if (canonical !== path) throw badPath(path, 'not in canonical form');
  return isEntries ? { kind: 'entries', index, width } : { kind: 'hash', level, index, width };
}

/**
 * The tile that holds hash (or entry) `index` of its level, and its position in that tile: entry
 * `index` is entry `position` of bundle `tile`.
 * @throws {LogError} `INVALID_ARGUMENT` for an unsafe index.
 */
export function tileSlot(index: number): { tile: number; position: number } {
  assertSafeIndex(index, 'index');
  return { tile: Math.floor(index / TILE_WIDTH), position: index % TILE_WIDTH };
}

/**
 * Width of tile `index` at tile `level` for a tree of `treeSize` leaves: 256 when it is full, its
 * partial width when it is the last, 0 when the tree has no such tile.
 * @throws {LogError} `INVALID_ARGUMENT` for an unsafe tree size or index, or a level outside 0–63.
 */
export function tileWidth(level: number, index: number, treeSize: number): number {
  assertTileLevel(level);
  assertSafeIndex(index, 'tile index');
  assertSafeIndex(treeSize, 'tree size');
  const hashes = shiftRight(treeSize, TILE_HEIGHT * level); // stored at that level
  return Math.max(0, Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH));
}

/**
 * Width of the partial tile at `level` for a tree of `treeSize` leaves: ⌊treeSize / 256^level⌋
 * mod 256 (0: there is no partial tile at that level).
 * @throws {LogError} `INVALID_ARGUMENT` for an unsafe tree size or a level outside 0–63.
 */
export function partialTileWidth(level: number, treeSize: number): number {
  assertTileLevel(level);
  assertSafeIndex(treeSize, 'tree size');
  return shiftRight(treeSize, TILE_HEIGHT * level) % TILE_WIDTH;
}

/**
 * Number of FULL tiles at `level` for a tree of `treeSize` leaves: ⌊treeSize / 256^(level+1)⌋.
 * @throws {LogError} `INVALID_ARGUMENT` as {@link partialTileWidth}.
 */
export function fullTileCount(level: number, treeSize: number): number {
  assertTileLevel(level);
  assertSafeIndex(treeSize, 'tree size');
  return shiftRight(treeSize, TILE_HEIGHT * (level + 1));
}

/**
 * Number of tile levels that hold at least one hash for `treeSize` (0 for the empty tree;
 * 1 up to 255 leaves; 2 for 256 leaves, whose level-1 partial tile has width 1).
 * @throws {LogError} `INVALID_ARGUMENT` for an unsafe tree size.
 */
export function tileLevelCount(treeSize: number): number {
  assertSafeIndex(treeSize, 'tree size');
  let levels = 0;
  while (shiftRight(treeSize, TILE_HEIGHT * levels) > 0) levels++;
  return levels;
}

function assertTileLevel(level: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw new LogError(
      'INVALID_ARGUMENT',
      `tile level must be 0..${MAX_TILE_LEVEL}, got ${String(level)}`,
    );
  }
}

/**
 * Concatenates entries as an entry bundle: each a big-endian uint16 length, then its bytes.
 * @throws {LogError} `INVALID_ARGUMENT` if an entry is longer than 65,535 bytes.
 */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE)
      throw new LogError(
        'INVALID_ARGUMENT',
        `entry of ${e.length} bytes exceeds ${MAX_ENTRY_SIZE}`,
      );
    total += 2 + e.length;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const e of entries) {
    out[o] = e.length >>> 8;
    out[o + 1] = e.length & 255;
    out.set(e, o + 2);
    o += 2 + e.length;
  }
  return out;
}

/**
 * Splits an entry bundle into entries (copies). With `count`, the bundle must hold exactly
 * that many entries.
 * @throws {LogError} `INVALID_ENTRY_BUNDLE` on a truncated length or entry, or a count mismatch.
 */
export function decodeEntryBundle(bytes: Uint8Array, count?: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let o = 0;
  while (o < bytes.length) {
    if (o + 2 > bytes.length)
      throw new LogError('INVALID_ENTRY_BUNDLE', `truncated length at offset ${o}`);
    const len = ((bytes[o] as number) << 8) | (bytes[o + 1] as number);
    if (o + 2 + len > bytes.length)
      throw new LogError('INVALID_ENTRY_BUNDLE', `truncated entry ${out.length} at offset ${o}`);
    out.push(new Uint8Array(bytes.subarray(o + 2, o + 2 + len))); // a copy, even for a Buffer
    o += 2 + len;
  }
  if (count !== undefined && out.length !== count) {
    throw new LogError(
      'INVALID_ENTRY_BUNDLE',
      `bundle holds ${out.length} entries, expected ${count}`,
    );
  }
  return out;
}
