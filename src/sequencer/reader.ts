/**
 * Reads the stored tree: node hashes for proofs (plan → tiles → rehash, docs/log.md), tiles and
 * entry bundles for the tlog-tiles API, single entries. Keeps recently used tiles in memory; the
 * sequencer puts every tile it writes here, so proofs for fresh appends need no disk read.
 */
import {
  consistencyProofPlan,
  decodeEntryBundle,
  inclusionProofPlan,
  rehashProof,
  TILE_WIDTH,
  type Hash,
  type NodeId,
  type TreeHasher,
} from '../log/index.js';
import { SequencerError } from './errors.js';
import type { LogStore } from './store.js';
import { locateNode, StoredTile, tileKey } from './tile.js';
import { LruCache } from './tile-cache.js';

const TILE_CACHE_SIZE = 4096; // ≤ 64 MiB of full tiles
const BUNDLE_CACHE_SIZE = 64;

/** The part of the right edge the sequencer has in memory: the open entry bundle. */
export interface OpenBundleView {
  readonly bundleIndex: number;
  readonly entries: readonly Uint8Array[];
}

export class TreeReader {
  private readonly tiles = new LruCache<string, StoredTile>(TILE_CACHE_SIZE);
  private readonly bundles = new LruCache<number, Uint8Array[]>(BUNDLE_CACHE_SIZE);

  constructor(
    private readonly store: LogStore,
    private readonly hasher: TreeHasher,
  ) {}

  /** Remembers a tile just written (or read); never replaces a wider copy with a narrower one. */
  remember(tile: StoredTile): void {
    const key = tileKey(tile.tileLevel, tile.tileIndex);
    const had = this.tiles.get(key);
    if (!had || had.width <= tile.width) this.tiles.set(key, tile);
  }

  forget(): void {
    this.tiles.clear();
    this.bundles.clear();
  }

  /** Hashes of `ids` from memory alone, or undefined if any tile is not cached. */
  nodesFromMemory(
    ids: readonly NodeId[],
    overlay?: ReadonlyMap<string, StoredTile>,
  ): Hash[] | undefined {
    const out: Hash[] = new Array<Hash>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const loc = locateNode(ids[i]!);
      const key = tileKey(loc.tileLevel, loc.tileIndex);
      const tile = overlay?.get(key) ?? this.tiles.get(key);
      const h = tile?.node(loc.depth, loc.offset);
      if (!h) return undefined;
      out[i] = h;
    }
    return out;
  }

  /** Hashes of `ids`, reading missing tiles with one getMany. */
  async nodes(ids: readonly NodeId[]): Promise<Hash[]> {
    const fast = this.nodesFromMemory(ids);
    if (fast) return fast;
    const missing = new Map<string, { tileLevel: number; tileIndex: number }>();
    for (const id of ids) {
      const loc = locateNode(id);
      const key = tileKey(loc.tileLevel, loc.tileIndex);
      const t = this.tiles.get(key);
      if (!t || !t.node(loc.depth, loc.offset)) missing.set(key, loc);
    }
    const refs = [...missing.values()];
    const values = await this.store.readTiles(refs);
    refs.forEach((ref, i) => {
      const v = values[i];
      if (v) this.remember(new StoredTile(ref.tileLevel, ref.tileIndex, v));
    });
    return ids.map((id) => {
      const loc = locateNode(id);
      const h = this.tiles.get(tileKey(loc.tileLevel, loc.tileIndex))?.node(loc.depth, loc.offset);
      if (!h) {
        throw new SequencerError(
          'LOG_CORRUPT',
          `node ${id.level}/${id.index} is missing from the stored tiles`,
        );
      }
      return h;
    });
  }

  /** RFC 6962 inclusion proof of `index` in the tree of `size` (size ≤ the stored size). */
  async inclusionProof(index: number, size: number): Promise<Hash[]> {
    const plan = inclusionProofPlan(index, size);
    return rehashProof(plan, await this.nodes(plan.ids), this.hasher);
  }

  /** Same, from memory only when possible (fresh appends). */
  inclusionProofFast(index: number, size: number): Hash[] | undefined {
    const plan = inclusionProofPlan(index, size);
    const hashes = this.nodesFromMemory(plan.ids);
    return hashes && rehashProof(plan, hashes, this.hasher);
  }

  /** RFC 6962 consistency proof from `size1` to `size2`. */
  async consistencyProof(size1: number, size2: number): Promise<Hash[]> {
    const plan = consistencyProofPlan(size1, size2);
    return rehashProof(plan, await this.nodes(plan.ids), this.hasher);
  }

  /**
   * A stored hash tile as served by tlog-tiles: `width` level-0 hashes of tile `level`/`index`,
   * or undefined when the tree of `treeSize` does not have that tile at that width.
   */
  async hashTile(
    level: number,
    index: number,
    width: number,
    treeSize: number,
  ): Promise<Uint8Array | undefined> {
    if (!tileExists(level, index, width, treeSize)) return undefined;
    const key = tileKey(level, index);
    let tile = this.tiles.get(key);
    if (!tile || tile.width < width) {
      const [v] = await this.store.readTiles([{ tileLevel: level, tileIndex: index }]);
      if (!v) throw new SequencerError('LOG_CORRUPT', `tile ${key} is missing from the store`);
      tile = new StoredTile(level, index, v);
      this.remember(tile);
    }
    if (tile.width < width) throw new SequencerError('LOG_CORRUPT', `tile ${key} is too narrow`);
    return tile.served(width);
  }

  /** The entries of bundle `index` (all of it that is stored). */
  async bundleEntries(index: number, open: OpenBundleView): Promise<readonly Uint8Array[]> {
    if (index === open.bundleIndex) return open.entries;
    const cached = this.bundles.get(index);
    if (cached) return cached;
    const full = await this.store.readEntryBundle(index);
    if (!full) throw new SequencerError('LOG_CORRUPT', `entry bundle ${index} is missing`);
    const entries = decodeEntryBundle(full);
    this.bundles.set(index, entries);
    return entries;
  }
}

/** Whether the tree of `treeSize` has tile `level`/`index` with at least `width` hashes. */
export function tileExists(level: number, index: number, width: number, treeSize: number): boolean {
  const count = Math.floor(treeSize / TILE_WIDTH ** level); // level-`level` hashes in the tree
  const full = Math.floor(count / TILE_WIDTH);
  if (index < full) return true;
  return index === full && width <= count % TILE_WIDTH;
}
