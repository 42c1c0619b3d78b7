/**
 * The in-memory right edge of the tree: the open (partial) tile of every tile level.
 *
 * Appending leaf hashes fills the level-0 tile; each completed tile's root becomes the next
 * level-0 hash of the tile level above (C2SP tlog-tiles: level l holds subtree roots of height
 * 8·l). The compact range of the tree — and so its root — is read off the open tiles: a depth
 * with an odd number of complete nodes ends in a node of the compact range (RFC 6962 §2.1).
 * Pure: no I/O. `clone()` lets a batch be computed and thrown away if its write fails.
 */
import { equalBytes, TILE_HEIGHT, TILE_WIDTH, type Hash, type TreeHasher } from '../log/index.js';
import { encodeTile, StoredTile, tileKey } from './tile.js';

interface OpenTile {
  readonly index: number;
  /** levels[d] = the complete nodes at depth d of this tile, left to right. */
  readonly levels: Hash[][];
}

/** A tile the batch changed, encoded for the store. */
export interface TouchedTile {
  readonly tileLevel: number;
  readonly tileIndex: number;
  readonly value: Uint8Array;
}

export class TreeState {
  private constructor(
    private readonly hasher: TreeHasher,
    private treeSize: number,
    /** open[l] = the partial tile of tile level l (absent when that level has none). */
    private readonly open: (OpenTile | undefined)[],
  ) {}

  /** The empty tree. */
  static empty(hasher: TreeHasher): TreeState {
    return new TreeState(hasher, 0, []);
  }

  /**
   * Rebuilds the right edge of a tree of `size` from its stored partial tiles
   * (`partial[l]` = the stored value of the partial tile of level l, if that level has one).
   * Recomputes every depth above 0 from the level-0 hashes and checks it against the stored value.
   * @throws RangeError when a tile is missing, has the wrong width, or its stored levels disagree.
   */
  static restore(
    hasher: TreeHasher,
    size: number,
    partial: ReadonlyMap<number, StoredTile>,
  ): TreeState {
    const open: (OpenTile | undefined)[] = [];
    let count = size;
    for (let level = 0; count > 0; level++) {
      const width = count % TILE_WIDTH;
      const index = Math.floor(count / TILE_WIDTH);
      count = index;
      if (width === 0) continue;
      const tile = partial.get(level);
      if (!tile || tile.tileIndex !== index || tile.width !== width) {
        throw new RangeError(`partial tile ${tileKey(level, index)} of width ${width} is missing`);
      }
      const rebuilt: OpenTile = { index, levels: [[]] };
      for (let i = 0; i < width; i++) pushNode(hasher, rebuilt, tile.node(0, i)!);
      for (let d = 1; d < TILE_HEIGHT; d++) {
        const stored = rebuilt.levels[d] ?? [];
        stored.forEach((h, i) => {
          const s = tile.node(d, i);
          if (!s || !equalBytes(s, h)) {
            throw new RangeError(`tile ${tileKey(level, index)} depth ${d} node ${i} is corrupt`);
          }
        });
      }
      open[level] = rebuilt;
    }
    return new TreeState(hasher, size, open);
  }

  get size(): number {
    return this.treeSize;
  }

  /** A copy that can be changed without changing this state. */
  clone(): TreeState {
    return new TreeState(
      this.hasher,
      this.treeSize,
      this.open.map((t) => (t ? { index: t.index, levels: t.levels.map((l) => l.slice()) } : t)),
    );
  }

  /**
   * Appends leaf hashes; returns every tile changed (full tiles once, partial tiles as they are
   * now), in tile-level order.
   */
  append(leafHashes: readonly Hash[]): TouchedTile[] {
    const touched = new Map<string, { level: number; tile: OpenTile }>();
    for (const leaf of leafHashes) {
      let hash: Hash | undefined = leaf;
      for (let level = 0; hash; level++) {
        const tile: OpenTile = (this.open[level] ??= {
          index: Math.floor(Math.floor(this.treeSize / TILE_WIDTH ** level) / TILE_WIDTH),
          levels: [[]],
        });
        touched.set(tileKey(level, tile.index), { level, tile });
        hash = pushNode(this.hasher, tile, hash);
        if (hash) this.open[level] = undefined; // the tile is full; its root goes up a level
      }
      this.treeSize++;
    }
    return [...touched.values()].map(({ level, tile }) => ({
      tileLevel: level,
      tileIndex: tile.index,
      value: encodeTile(tile.levels),
    }));
  }

  /** The RFC 6962 root of the tree, folded from the compact range. */
  root(): Hash {
    let root: Hash | undefined;
    // Right to left: lowest level first.
    for (let level = 0; level < this.open.length; level++) {
      const tile = this.open[level];
      if (!tile) continue;
      for (let d = 0; d < TILE_HEIGHT; d++) {
        const nodes = tile.levels[d] ?? [];
        if (nodes.length % 2 === 1) {
          const node = nodes[nodes.length - 1]!;
          root = root ? this.hasher.hashChildren(node, root) : node;
        }
      }
    }
    return root ?? this.hasher.emptyRoot();
  }
}

/** Adds a level-0 hash to a tile; returns the tile's root when this completes the tile. */
function pushNode(hasher: TreeHasher, tile: OpenTile, hash: Hash): Hash | undefined {
  let node = hash;
  for (let d = 0; d < TILE_HEIGHT; d++) {
    const level = (tile.levels[d] ??= []);
    level.push(node);
    if (level.length % 2 === 1) return undefined;
    node = hasher.hashChildren(level[level.length - 2]!, node);
  }
  return node;
}
