/**
 * Opening a stored log: the head, the right edge of the tree rebuilt from the stored partial
 * tiles, and the open entry bundle — each checked against the signed checkpoint before the
 * sequencer appends to it (docs/log.md). A store without a head is the empty log.
 */
import {
  decodeEntryBundle,
  equalBytes,
  formatCheckpoint,
  fullTileCount,
  openNote,
  parseCheckpoint,
  parseNote,
  partialTileWidth,
  signNote,
  TILE_WIDTH,
  tileLevelCount,
  type NoteSigner,
  type NoteVerifier,
  type TreeHasher,
} from '../log/index.js';
import { EMPTY_BUNDLE, type OpenBundle } from './batch.js';
import { SequencerError } from './errors.js';
import type { LogStore, RestoredMark, StoredHead } from './store.js';
import { StoredTile } from './tile.js';
import { TreeState } from './tree-state.js';

export interface LoadOptions {
  readonly origin: string;
  readonly verifier: NoteVerifier;
  readonly previousVerifiers?: readonly NoteVerifier[];
  readonly previousOrigin?: string;
  readonly hasher: TreeHasher;
}

/** A stored log, checked. */
export interface LoadedLog {
  readonly state: TreeState;
  readonly head: StoredHead;
  readonly bundle: OpenBundle;
  /** The time of the last entry (ms since the epoch), 0 for the empty log. */
  readonly lastTimeMs: number;
  /** The partial tiles the tree was rebuilt from (the reader keeps them). */
  readonly partialTiles: readonly StoredTile[];
  /** The restored mark (docs/backup.md), if the store has one. */
  readonly restored: RestoredMark | undefined;
  /** The next batch starts `origin` on a store restored from `previousOrigin` (`--new-log`). */
  readonly continuesOrigin: boolean;
}

/**
 * Loads the head, recomputes the root from the stored tiles at the head's size and checks it,
 * the checkpoint's origin and signature, the restored mark and the open bundle's leaf hashes.
 * @throws SequencerError LOG_CORRUPT when the stored tree does not match its checkpoint.
 */
export async function loadLog(store: LogStore, options: LoadOptions): Promise<LoadedLog> {
  const { hasher } = options;
  const head = await store.readHead();
  if (!head) {
    return {
      state: TreeState.empty(hasher),
      head: { size: 0, root: hasher.emptyRoot(), time: '', checkpoint: '' },
      bundle: EMPTY_BUNDLE,
      lastTimeMs: 0,
      partialTiles: [],
      restored: undefined,
      continuesOrigin: false,
    };
  }
  // The partial tile of every level, to rebuild the right edge.
  const refs: { tileLevel: number; tileIndex: number }[] = [];
  for (let level = 0; level < tileLevelCount(head.size); level++) {
    if (partialTileWidth(level, head.size) !== 0)
      refs.push({ tileLevel: level, tileIndex: fullTileCount(level, head.size) });
  }
  const values = await store.readTiles(refs);
  const partial = new Map<number, StoredTile>();
  let state: TreeState;
  try {
    refs.forEach((r, i) => {
      const v = values[i];
      if (v) partial.set(r.tileLevel, new StoredTile(r.tileLevel, r.tileIndex, v));
    });
    state = TreeState.restore(hasher, head.size, partial);
  } catch (cause) {
    throw corrupt(
      `the stored tiles at size ${head.size} are damaged: ${(cause as Error).message}`,
      cause,
    );
  }
  const root = state.root();
  if (!equalBytes(root, head.root)) {
    throw corrupt(
      `the root recomputed from the stored tiles differs from the stored head at size ${head.size}`,
    );
  }
  const { origin, previousOrigin } = options;
  const restored = await store.readRestoredFrom?.();
  const noteOrigin = originOf(head.checkpoint);
  if (noteOrigin !== origin && !(restored && noteOrigin === previousOrigin)) {
    throw corrupt(
      `the stored checkpoint is of the log "${noteOrigin}" but the configured origin (HUICUN_ORIGIN) is "${origin}"`,
    );
  }
  let cp;
  try {
    const opened = openNote(head.checkpoint, [
      options.verifier,
      ...(options.previousVerifiers ?? []),
    ]);
    cp = parseCheckpoint(opened.text);
    // C2SP: the key name is the origin; a key of another log's name proves nothing here.
    if (!opened.verified.some((sig) => sig.name === cp!.origin))
      throw new Error(`not signed by a key named ${cp.origin}`);
  } catch (cause) {
    throw corrupt(
      `the stored checkpoint of size ${head.size} does not verify with the log key (nor a previous one)`,
      cause,
    );
  }
  if (cp.origin !== noteOrigin || cp.size !== head.size || !equalBytes(cp.root, root)) {
    throw corrupt(
      `the stored checkpoint does not match the stored tree at size ${head.size} (origin ${cp.origin})`,
    );
  }
  if (restored && (restored.size !== head.size || !equalBytes(restored.root, root))) {
    throw corrupt(
      `the store was restored at size ${restored.size} but its head is at size ${head.size}`,
    );
  }
  // The open entry bundle, checked against the level-0 hashes.
  const bundleIndex = fullTileCount(0, head.size);
  const count = partialTileWidth(0, head.size);
  const fragments = count === 0 ? [] : await store.readEntryFragments(bundleIndex);
  const entries = fragments.flatMap((f) => decodeEntryBundle(f.bytes));
  if (entries.length !== count) {
    throw corrupt(`the open entry bundle holds ${entries.length} entries, expected ${count}`);
  }
  const level0 = partial.get(0);
  entries.forEach((e, i) => {
    if (!level0 || !equalBytes(hasher.hashLeaf(e), level0.node(0, i)!)) {
      throw corrupt(`entry ${bundleIndex * TILE_WIDTH + i} does not match its leaf hash`);
    }
  });
  return {
    state,
    head,
    bundle: { bundleIndex, entries, fragments: fragments.map((f) => f.offset) },
    lastTimeMs: head.time === '' ? 0 : Date.parse(head.time),
    partialTiles: [...partial.values()],
    restored,
    continuesOrigin: restored !== undefined && cp.origin !== origin,
  };
}

/** Signs and writes the checkpoint of the empty tree (a new log's first head). */
export async function writeEmptyHead(
  store: LogStore,
  options: { readonly origin: string; readonly signer: NoteSigner; readonly hasher: TreeHasher },
): Promise<StoredHead> {
  const { hasher, origin, signer } = options;
  const root = hasher.emptyRoot();
  const checkpoint = await signNote(formatCheckpoint({ origin, size: 0, root, extensions: [] }), [
    signer,
  ]);
  const head: StoredHead = { size: 0, root, time: '', checkpoint };
  await store.writeBatch({ head, tiles: [], fragments: [], bundles: [], records: [] });
  return head;
}

/** The origin line of a checkpoint note ('' when it is not a note). */
function originOf(note: string): string {
  try {
    return parseNote(note).text.split('\n', 1)[0] ?? '';
  } catch {
    return '';
  }
}

function corrupt(message: string, cause?: unknown): SequencerError {
  return new SequencerError('LOG_CORRUPT', `refusing to start: ${message}`, { cause });
}
