/**
 * What one batch of entries writes, computed in memory (no I/O): the tree after the batch, the
 * tiles it touched, and its entry bundles — fragments of the open bundle and the bundles it
 * completed. The sequencer checks, signs and writes the result, and adopts it once durable;
 * a failed write throws it away, so nothing here changes its inputs.
 */
import { encodeEntryBundle, TILE_WIDTH, type Hash } from '../log/index.js';
import type { OpenBundleView } from './reader.js';
import type { CompletedBundle, EntryFragment } from './store.js';
import { StoredTile } from './tile.js';
import type { TreeState } from './tree-state.js';

/** The entry bundle being filled: its entries so far and the offsets of their fragments. */
export interface OpenBundle extends OpenBundleView {
  readonly bundleIndex: number;
  readonly entries: readonly Uint8Array[];
  readonly fragments: readonly number[];
}

/** The bundle before the first entry. */
export const EMPTY_BUNDLE: OpenBundle = { bundleIndex: 0, entries: [], fragments: [] };

export interface BundleWrites {
  readonly fragments: EntryFragment[];
  readonly bundles: CompletedBundle[];
  /** The open bundle after the batch. */
  readonly nextBundle: OpenBundle;
}

/** Splits new entries into entry-bundle fragments and completed bundles. */
export function bundleWrites(open: OpenBundle, entries: readonly Uint8Array[]): BundleWrites {
  const fragments: EntryFragment[] = [];
  const bundles: CompletedBundle[] = [];
  let bundleIndex = open.bundleIndex;
  let filled = open.entries.slice();
  let offsets = open.fragments.slice();
  let at = 0;
  while (at < entries.length) {
    const take = entries.slice(at, at + TILE_WIDTH - filled.length);
    at += take.length;
    const offset = filled.length;
    filled.push(...take);
    if (filled.length === TILE_WIDTH) {
      bundles.push({ bundleIndex, bytes: encodeEntryBundle(filled), dropFragments: offsets });
      bundleIndex++;
      filled = [];
      offsets = [];
    } else {
      fragments.push({ bundleIndex, offset, bytes: encodeEntryBundle(take) });
      offsets.push(offset);
    }
  }
  return { fragments, bundles, nextBundle: { bundleIndex, entries: filled, fragments: offsets } };
}

export interface BatchWrites extends BundleWrites {
  /** The tree with the batch appended (a copy: the state passed in is unchanged). */
  readonly state: TreeState;
  readonly size: number;
  readonly root: Hash;
  /** Every tile the batch changed: full tiles once, partial tiles as they are now. */
  readonly tiles: StoredTile[];
}

/** The writes of appending `entries` (with their `leafHashes`) to `state` and `open`. */
export function batchWrites(
  state: TreeState,
  open: OpenBundle,
  entries: readonly Uint8Array[],
  leafHashes: readonly Hash[],
): BatchWrites {
  const next = state.clone();
  const tiles = next
    .append(leafHashes)
    .map((t) => new StoredTile(t.tileLevel, t.tileIndex, t.value));
  return { state: next, size: next.size, root: next.root(), tiles, ...bundleWrites(open, entries) };
}
