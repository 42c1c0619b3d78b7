/**
 * The monitor's audit of new entries (docs/cli.md): fetch the entry bundles of the leaves a new
 * checkpoint added, hash them into the compact range kept from the last run, compare every
 * completed node on a tile level with the log's hash tiles (C2SP tlog-tiles), and check that the
 * range folds into the checkpoint's root. Any difference is an inconsistency.
 */
import { sha256 } from '../crypto/index.js';
import {
  CompactRange,
  decodeEntryBundle,
  encodeBase64,
  entriesTilePath,
  equalBytes,
  hashTilePath,
  HASH_SIZE,
  LogError,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileSlot,
  tileWidth,
  treeHasher,
  type Hash,
} from '../log/index.js';
import { CliError } from './errors.js';
import { getBytes } from './online.js';

/** The log served data that contradicts its signed checkpoint: the monitor exits 1. */
export function inconsistency(what: string, options: { cause?: unknown } = {}): CliError {
  return new CliError('INCONSISTENT', `不一致 INCONSISTENT: ${what}`, options);
}

/** A compact range as the state file keeps it: size and base64 hashes. */
export interface CompactState {
  readonly size: number;
  readonly hashes: readonly string[];
}

const hasher = treeHasher(sha256);
/** Requests in flight at once. */
const PARALLEL = 8;

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL)
    await Promise.all(items.slice(i, i + PARALLEL).map(run));
}

/**
 * Extends `from` (the compact range of the last verified tree) to `to` leaves with the log's
 * entry bundles, checking the hash tiles on the way and the result against `root`.
 * @throws {CliError} INCONSISTENT when a bundle, tile or the root disagrees, UNREACHABLE when
 *   the log cannot be read.
 */
export async function auditNewEntries(
  base: string,
  from: CompactState,
  to: number,
  root: Hash,
): Promise<CompactState> {
  const range = new CompactRange(
    hasher,
    from.size,
    from.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64'))),
  );
  // Nodes on tile levels (tree level 8·L) completed by the new leaves, by tile.
  const tiles = new Map<string, { level: number; index: number; nodes: Map<number, Hash> }>();
  const visit = (level: number, index: number, hash: Hash): void => {
    if (level % TILE_HEIGHT !== 0) return;
    const L = level / TILE_HEIGHT;
    const { tile: N, position } = tileSlot(index);
    const key = `${L}/${N}`;
    let t = tiles.get(key);
    if (!t) tiles.set(key, (t = { level: L, index: N, nodes: new Map() }));
    t.nodes.set(position, hash);
  };
  const first = tileSlot(from.size);
  const bundles: number[] = [];
  for (let b = first.tile; tileWidth(0, b, to) > 0; b++) bundles.push(b);
  const fetched = new Map<number, Uint8Array[]>();
  await inBatches(bundles, async (b) => {
    const width = tileWidth(0, b, to);
    const path = entriesTilePath(b, width === TILE_WIDTH ? undefined : width);
    let entries: Uint8Array[];
    try {
      entries = decodeEntryBundle(await getBytes(base, `/tlog/${path}`), width);
    } catch (err) {
      if (err instanceof LogError)
        throw inconsistency(`entry bundle ${path} is malformed: ${err.message}`);
      throw err;
    }
    fetched.set(b, entries);
  });
  for (const b of bundles) {
    const entries = fetched.get(b)!;
    for (let p = b === first.tile ? first.position : 0; p < entries.length; p++)
      range.append(hasher.hashLeaf(entries[p]!), visit);
  }
  const calculated = range.root();
  if (!equalBytes(calculated, root)) {
    throw inconsistency(
      `the entries do not hash to the checkpoint's root (calculated ${encodeBase64(calculated)}, signed ${encodeBase64(root)})`,
    );
  }
  await inBatches([...tiles.values()], async (t) => {
    const width = tileWidth(t.level, t.index, to);
    const path = hashTilePath(t.level, t.index, width === TILE_WIDTH ? undefined : width);
    const tile = await getBytes(base, `/tlog/${path}`);
    if (tile.length !== width * HASH_SIZE)
      throw inconsistency(`hash tile ${path} has ${tile.length} bytes, want ${width * HASH_SIZE}`);
    for (const [pos, hash] of t.nodes) {
      if (!equalBytes(tile.subarray(pos * HASH_SIZE, (pos + 1) * HASH_SIZE), hash))
        throw inconsistency(`hash tile ${path} differs from the entries at position ${pos}`);
    }
  });
  return { size: range.size, hashes: range.hashes.map(encodeBase64) };
}
