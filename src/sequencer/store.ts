/**
 * What the sequencer needs from storage, declared here by its consumer (docs/architecture.md) so another
 * backend (PostgreSQL, object storage) can implement it. `src/storage` implements it on LevelDB.
 */
import type { Hash } from '../log/index.js';
import type { TouchedTile } from './tree-state.js';

/** A caller's record, written in the same durable batch as its entry. */
export type RecordWrite =
  | { readonly type: 'put'; readonly key: string; readonly value: Uint8Array | string }
  | { readonly type: 'del'; readonly key: string };

/** The tree head as last written. */
export interface StoredHead {
  readonly size: number;
  readonly root: Hash;
  /** The time given to the last entry (RFC 3339, ms, UTC); '' for the empty tree. */
  readonly time: string;
  /** The signed checkpoint of this size (C2SP signed note). */
  readonly checkpoint: string;
}

/**
 * The mark of a store restored from a backup (`meta/restoredFrom`, docs/backup.md): the head it
 * was restored at. A marked store serves read-only, so a restored log can never fork.
 */
export interface RestoredMark {
  readonly size: number;
  readonly root: Hash;
}

/** Entries of one bundle written by one batch, starting at `offset` within the bundle. */
export interface EntryFragment {
  readonly bundleIndex: number;
  readonly offset: number;
  /** tlog-tiles entry-bundle encoding of just these entries. */
  readonly bytes: Uint8Array;
}

/** A bundle completed by this batch: the full bundle replaces its fragments. */
export interface CompletedBundle {
  readonly bundleIndex: number;
  readonly bytes: Uint8Array;
  /** Offsets of fragments written by earlier batches, now to delete. */
  readonly dropFragments: readonly number[];
}

/** Everything one batch writes; a store must write it atomically and durably (fsync). */
export interface LogBatch {
  readonly head: StoredHead;
  readonly tiles: readonly TouchedTile[];
  readonly fragments: readonly EntryFragment[];
  readonly bundles: readonly CompletedBundle[];
  readonly records: readonly RecordWrite[];
  /** Removes the restored mark in this batch (the first batch of a new origin, `--new-log`). */
  readonly clearRestoredFrom?: boolean;
}

export interface TileRefKey {
  readonly tileLevel: number;
  readonly tileIndex: number;
}

export interface LogStore {
  readHead(): Promise<StoredHead | undefined>;
  /** Stored tile values (with their in-between levels), undefined where absent. */
  readTiles(refs: readonly TileRefKey[]): Promise<(Uint8Array | undefined)[]>;
  /** A full entry bundle, or undefined. */
  readEntryBundle(bundleIndex: number): Promise<Uint8Array | undefined>;
  /** The fragments of a partial bundle, ordered by offset. */
  readEntryFragments(bundleIndex: number): Promise<{ offset: number; bytes: Uint8Array }[]>;
  /** The signed checkpoint stored for `size`, if one was. */
  readCheckpoint(size: number): Promise<string | undefined>;
  /** The first stored checkpoint whose tree contains `index` (the one handed out with it). */
  readCheckpointCovering(index: number): Promise<string | undefined>;
  /** Writes one batch atomically with fsync. */
  writeBatch(batch: LogBatch): Promise<void>;
  /** Closes and opens the store again (after a failed write). */
  reopen(): Promise<void>;
  /** The restored mark, if the store has one (a store without the method has none). */
  readRestoredFrom?(): Promise<RestoredMark | undefined>;
}
