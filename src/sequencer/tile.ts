/**
 * A stored hash tile (C2SP tlog-tiles, height 8) together with the levels in between.
 *
 * tlog-tiles stores levels 0, 8, 16, …; a proof also needs the nodes at the seven levels between.
 * Recomputing them costs up to 255 hashes per tile per proof (~0.5 ms here), so each stored tile
 * value carries them too: `u16 width ‖ level 0 (width hashes) ‖ level 1 (⌊width/2⌋) ‖ … ‖ level 7`.
 * The served tile is the level-0 part. This costs ~32 extra bytes per entry on disk and makes
 * every proof a pure lookup (docs/log.md asks for O(log n) reads; this keeps it at one read a tile).
 */
import { HASH_SIZE, TILE_HEIGHT, TILE_WIDTH, type Hash, type NodeId } from '../log/index.js';

/** Where a tree node lives: tile level (band), tile index, level inside the tile, offset there. */
export interface NodeLocation {
  readonly tileLevel: number;
  readonly tileIndex: number;
  readonly depth: number;
  readonly offset: number;
}

/** Locates node `id` among the tiles. */
export function locateNode(id: NodeId): NodeLocation {
  const tileLevel = Math.floor(id.level / TILE_HEIGHT);
  const depth = id.level - tileLevel * TILE_HEIGHT;
  const perTile = TILE_WIDTH >>> depth; // nodes of this depth in one full tile
  return {
    tileLevel,
    tileIndex: Math.floor(id.index / perTile),
    depth,
    offset: id.index % perTile,
  };
}

/** Key of a tile in caches and maps. */
export function tileKey(tileLevel: number, tileIndex: number): string {
  return `${tileLevel}/${tileIndex}`;
}

/** Number of hashes stored at `depth` in a tile of `width` level-0 hashes. */
function countAt(width: number, depth: number): number {
  return Math.floor(width / (1 << depth));
}

/** Total hashes stored in a tile value of `width`. */
function storedHashCount(width: number): number {
  let total = 0;
  for (let d = 0; d < TILE_HEIGHT; d++) total += countAt(width, d);
  return total;
}

/** A decoded, read-only tile value. */
export class StoredTile {
  readonly width: number;
  private readonly starts: number[];

  constructor(
    readonly tileLevel: number,
    readonly tileIndex: number,
    private readonly bytes: Uint8Array,
  ) {
    if (bytes.length < 2) throw new RangeError('tile value too short');
    this.width = (bytes[0]! << 8) | bytes[1]!;
    if (this.width < 1 || this.width > TILE_WIDTH) throw new RangeError('tile width out of range');
    if (bytes.length !== 2 + storedHashCount(this.width) * HASH_SIZE) {
      throw new RangeError('tile value length does not match its width');
    }
    this.starts = [];
    let at = 2;
    for (let d = 0; d < TILE_HEIGHT; d++) {
      this.starts.push(at);
      at += countAt(this.width, d) * HASH_SIZE;
    }
  }

  /** The hash at `depth`/`offset`, or undefined when the tile does not (yet) hold it. */
  node(depth: number, offset: number): Hash | undefined {
    if (offset >= countAt(this.width, depth)) return undefined;
    const start = this.starts[depth]! + offset * HASH_SIZE;
    return this.bytes.subarray(start, start + HASH_SIZE);
  }

  /** The tlog-tiles body for width `w` ≤ this tile's width: the first `w` level-0 hashes. */
  served(w: number): Uint8Array {
    return this.bytes.subarray(2, 2 + w * HASH_SIZE);
  }

  /** The stored value. */
  encoded(): Uint8Array {
    return this.bytes;
  }
}

/** Encodes tile levels (levels[d] holds the complete nodes at depth d) as a stored value. */
export function encodeTile(levels: readonly (readonly Hash[])[]): Uint8Array {
  const width = levels[0]?.length ?? 0;
  if (width < 1 || width > TILE_WIDTH) throw new RangeError('tile width out of range');
  const out = new Uint8Array(2 + storedHashCount(width) * HASH_SIZE);
  out[0] = width >>> 8;
  out[1] = width & 0xff;
  let at = 2;
  for (let d = 0; d < TILE_HEIGHT; d++) {
    const level = levels[d] ?? [];
    const want = countAt(width, d);
    if (level.length !== want)
      throw new RangeError(`tile depth ${d} has ${level.length} != ${want}`);
    for (const h of level) {
      out.set(h, at);
      at += HASH_SIZE;
    }
  }
  return out;
}
