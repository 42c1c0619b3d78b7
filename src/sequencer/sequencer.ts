/**
 * The group-commit sequencer (docs/log.md): the only place that assigns log indices and times.
 *
 * Appends that arrive while a batch is being written wait and form the next batch (no timer).
 * Per batch: build each entry with `time = max(now, previous time)`, hash in memory, check the new
 * root is consistent with the previous signed checkpoint, sign the new checkpoint, write ONE
 * synced batch (entries, tiles, callers' records, head, checkpoint). Only then does the state
 * advance and do callers resolve — with their inclusion proof and the covering checkpoint.
 */
import {
  consistencyProofPlan,
  formatCheckpoint,
  rehashProof,
  signNote,
  verifyConsistency,
  type Hash,
  type NoteSigner,
  type NoteVerifier,
  type TreeHasher,
} from '../log/index.js';
import { batchWrites, type BatchWrites, type OpenBundle } from './batch.js';
import { SequencerError } from './errors.js';
import { loadLog, writeEmptyHead } from './load.js';
import { TreeReader, type OpenBundleView } from './reader.js';
import type { LogStore, RecordWrite, RestoredMark, StoredHead } from './store.js';
import { tileKey, type StoredTile } from './tile.js';
import type { TreeState } from './tree-state.js';

/** Largest entry a tlog-tiles entry bundle can hold (uint16 length prefix). */
export const MAX_ENTRY_BYTES = 65_535;

export interface AppendContext {
  /** The entry's log index. */
  readonly index: number;
  /** The entry's time, RFC 3339 UTC with milliseconds; never decreases with the index. */
  readonly time: string;
}

export interface Built {
  readonly entry: Uint8Array;
  /** Records written in the same durable batch as the entry. */
  readonly writes?: readonly RecordWrite[];
}

export type BuildEntry = (ctx: AppendContext) => Built;

export interface AppendResult extends AppendContext {
  readonly leafHash: Hash;
  /** Inclusion proof of the entry in the tree of `checkpoint`. */
  readonly proof: readonly Hash[];
  readonly size: number;
  readonly root: Hash;
  /** The signed checkpoint (C2SP note) that covers the entry. */
  readonly checkpoint: string;
}

export interface SequencerOptions {
  readonly origin: string;
  readonly signer: NoteSigner;
  /** Verifies our own signature on the stored checkpoint at start. */
  readonly verifier: NoteVerifier;
  /**
   * Earlier log keys (rotation): the stored checkpoint may carry the signature of one of them;
   * new checkpoints are always signed by `signer`.
   */
  readonly previousVerifiers?: readonly NoteVerifier[];
  /**
   * `huicun restore --new-log` only: the origin of the restored log this one continues. A
   * restored (marked) store whose head is of this origin is accepted, appends are allowed, and
   * the first batch — the first checkpoint of `origin` — removes the mark.
   */
  readonly previousOrigin?: string;
  readonly hasher: TreeHasher;
  readonly batchMax: number;
  readonly queueMax: number;
  /** Milliseconds since the epoch (tests pin it). */
  readonly now?: () => number;
  /** Called with every error the sequencer meets in the background. */
  readonly onError?: (error: unknown) => void;
  /** Called after each durable batch (metrics). */
  readonly onBatch?: (info: { size: number; count: number; ms: number }) => void;
}

interface Pending {
  readonly build: BuildEntry;
  readonly resolve: (r: AppendResult) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * `recovering` after a failed write until the store is reopened and reloaded; `corrupt` when a
 * reload found the tree not matching its signed checkpoint (for good: the operator must act);
 * `closed` after {@link Sequencer.close}, whatever the state before.
 */
type Status = 'ready' | 'recovering' | 'corrupt' | 'closed';

interface ReadyWaiter {
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** First and longest pause between attempts to reopen the store after a failed write. */
const RECOVERY_FIRST_PAUSE_MS = 250;
const RECOVERY_MAX_PAUSE_MS = 30_000;

export class Sequencer {
  private status: Status = 'ready';
  private readonly queue: Pending[] = [];
  private running: Promise<void> | undefined;
  private state!: TreeState;
  private head!: StoredHead;
  private lastTimeMs = 0;
  private readonly readyWaiters: ReadyWaiter[] = [];
  /** The recovery in progress (reopen, reload, pauses between attempts). */
  private recovery: Promise<void> | undefined;
  /** Ends the recovery's pause early (close). */
  private wakeRecovery: (() => void) | undefined;
  /** The LOG_CORRUPT a reload met: the log stays down. */
  private fault: SequencerError | undefined;
  private bundle!: OpenBundle;
  /** The restored mark: appends are refused (unless the log continues under a new origin). */
  private restored: RestoredMark | undefined;
  /** The next batch starts a new origin on a restored store and removes the mark. */
  private continuesOrigin = false;
  readonly reader: TreeReader;
  /** Told of each new durable head ({@link Sequencer.onCheckpoint}). */
  private readonly checkpointListeners = new Set<(head: StoredHead) => void>();

  private constructor(
    private readonly store: LogStore,
    private readonly options: SequencerOptions,
  ) {
    this.reader = new TreeReader(store, options.hasher);
  }

  /**
   * Opens the log on `store`: loads the head, recomputes the root from the stored tiles at the
   * last checkpoint's size and checks it and the checkpoint's signature.
   * @throws SequencerError LOG_CORRUPT when the stored tree does not match its checkpoint.
   */
  static async open(store: LogStore, options: SequencerOptions): Promise<Sequencer> {
    const s = new Sequencer(store, options);
    await s.load();
    if (s.head.size === 0 && s.head.checkpoint === '')
      s.head = await writeEmptyHead(store, options);
    return s;
  }

  /** The latest durable head. */
  current(): StoredHead {
    return this.head;
  }

  get size(): number {
    return this.head.size;
  }

  get hasher(): TreeHasher {
    return this.options.hasher;
  }

  get origin(): string {
    return this.options.origin;
  }

  /**
   * Calls `listener` with each new durable head, after its batch is on disk and before its
   * callers resolve. The append path never waits on it: a listener must return at once (schedule
   * its work), and whatever it throws goes to `onError`. Returns the unsubscribe function.
   */
  onCheckpoint(listener: (head: StoredHead) => void): () => void {
    this.checkpointListeners.add(listener);
    return () => this.checkpointListeners.delete(listener);
  }

  /** The signed checkpoint handed out with entry `index` (the first one covering it). */
  checkpointCovering(index: number): Promise<string | undefined> {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.head.size)
      return Promise.resolve(undefined);
    return this.store.readCheckpointCovering(index);
  }

  /** The open entry bundle (read API). */
  openBundle(): OpenBundleView {
    return this.bundle;
  }

  /** Whether appends are accepted now. */
  get available(): boolean {
    return this.status === 'ready' && !this.readOnly;
  }

  /** The store was restored from a backup and serves read-only (docs/backup.md). */
  get readOnly(): boolean {
    return this.restored !== undefined && !this.continuesOrigin;
  }

  /** The head the store was restored at, while it is read-only. */
  get restoredFrom(): RestoredMark | undefined {
    return this.readOnly ? this.restored : undefined;
  }

  /**
   * Appends one entry. `build` is called inside the batch with the entry's index and time and
   * returns the entry bytes and the records to write with it; raw bytes are appended as they are.
   * Resolves after the batch holding it is durable.
   * @throws SequencerError LOG_OVERLOADED, LOG_UNAVAILABLE, LOG_IN_DOUBT, ENTRY_TOO_LARGE,
   *   LOG_READ_ONLY (a restored store), LOG_CORRUPT (a reload after a failed write found the
   *   stored tree not matching its checkpoint)
   */
  append(entryOrBuild: Uint8Array | BuildEntry): Promise<AppendResult> {
    if (this.readOnly) {
      return Promise.reject(
        new SequencerError(
          'LOG_READ_ONLY',
          `this log was restored from a backup (size ${this.restored!.size}) and is read-only until the operator resumes it or starts a new log (huicun restore --resume | --new-log)`,
        ),
      );
    }
    if (this.status === 'corrupt') {
      return Promise.reject(
        new SequencerError(
          'LOG_CORRUPT',
          'the log stopped: its stored tree does not match its signed checkpoint (the operator runs huicun audit)',
          { cause: this.fault },
        ),
      );
    }
    if (this.status !== 'ready') {
      return Promise.reject(
        new SequencerError('LOG_UNAVAILABLE', 'the log is not accepting appends right now'),
      );
    }
    if (this.queue.length >= this.options.queueMax) {
      return Promise.reject(
        new SequencerError('LOG_OVERLOADED', 'too many appends are waiting; retry shortly'),
      );
    }
    const build: BuildEntry =
      typeof entryOrBuild === 'function' ? entryOrBuild : () => ({ entry: entryOrBuild });
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ build, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /**
   * Stops accepting appends, finishes the queued ones, and waits for the last batch. A recovery
   * in progress stops: close() waits for a reopen in flight (so the caller may close the store
   * afterwards), and the sequencer never becomes ready again; `whenReady()` waiters reject.
   */
  async close(): Promise<void> {
    if (this.running) await this.running;
    this.status = 'closed';
    this.wakeRecovery?.();
    if (this.recovery) await this.recovery;
    const closed = new SequencerError('LOG_UNAVAILABLE', 'the log is closed');
    for (const w of this.readyWaiters.splice(0)) w.reject(closed);
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && this.status === 'ready') {
        await this.runBatch(this.queue.splice(0, this.options.batchMax));
      }
    } finally {
      this.running = undefined;
    }
    // A batch that failed switched to recovery; queued callers were told.
  }

  private async runBatch(items: Pending[]): Promise<void> {
    const started = performance.now();
    const { hasher } = this.options;
    const timeMs = Math.max(this.now(), this.lastTimeMs);
    const time = new Date(timeMs).toISOString();
    const accepted: { item: Pending; index: number; entry: Uint8Array; leafHash: Hash }[] = [];
    const leafHashes: Hash[] = [];
    const records: RecordWrite[] = [];
    for (const item of items) {
      const index = this.state.size + accepted.length;
      try {
        const built = item.build({ index, time });
        if (built.entry.length > MAX_ENTRY_BYTES) {
          throw new SequencerError(
            'ENTRY_TOO_LARGE',
            `entries are at most ${MAX_ENTRY_BYTES} bytes`,
          );
        }
        const leafHash = hasher.hashLeaf(built.entry);
        accepted.push({ item, index, entry: built.entry, leafHash });
        leafHashes.push(leafHash);
        if (built.writes) records.push(...built.writes);
      } catch (error) {
        item.reject(error);
      }
    }
    if (accepted.length === 0) return;

    let writes: BatchWrites;
    let checkpoint: string;
    try {
      writes = batchWrites(
        this.state,
        this.bundle,
        accepted.map((a) => a.entry),
        leafHashes,
      );
      this.checkConsistent(writes.size, writes.root, writes.tiles);
      checkpoint = await signNote(
        formatCheckpoint({
          origin: this.options.origin,
          size: writes.size,
          root: writes.root,
          extensions: [],
        }),
        [this.options.signer],
      );
    } catch (error) {
      // A bug or corrupt state: never sign or write; stop appending.
      for (const a of accepted) a.item.reject(error);
      this.fail(error);
      return;
    }

    const { size, root, tiles: touched, fragments, bundles, nextBundle } = writes;
    const head: StoredHead = { size, root, time, checkpoint };
    try {
      await this.store.writeBatch({
        head,
        tiles: touched.map((t) => ({
          tileLevel: t.tileLevel,
          tileIndex: t.tileIndex,
          value: t.encoded(),
        })),
        fragments,
        bundles,
        records,
        ...(this.continuesOrigin ? { clearRestoredFrom: true } : {}),
      });
    } catch (error) {
      const doubt = new SequencerError(
        'LOG_IN_DOUBT',
        'the log could not confirm this write; look the deposit up before retrying',
        { cause: error },
      );
      for (const a of accepted) a.item.reject(doubt);
      this.fail(error);
      return;
    }

    // Durable: advance.
    if (this.continuesOrigin) {
      this.continuesOrigin = false;
      this.restored = undefined;
    }
    this.state = writes.state;
    this.head = head;
    this.lastTimeMs = timeMs;
    this.bundle = nextBundle;
    for (const t of touched) this.reader.remember(t);
    this.options.onBatch?.({ size, count: accepted.length, ms: performance.now() - started });
    for (const listener of this.checkpointListeners) {
      try {
        listener(head);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
    for (const a of accepted) {
      const base = { index: a.index, time, leafHash: a.leafHash, size, root, checkpoint };
      const proof = this.reader.inclusionProofFast(a.index, size);
      if (proof) {
        a.item.resolve({ ...base, proof });
      } else {
        this.reader.inclusionProof(a.index, size).then(
          (p) => a.item.resolve({ ...base, proof: p }),
          (e: unknown) => a.item.reject(e),
        );
      }
    }
  }

  /** Checks, in memory, that the tree of `size`/`root` extends the last signed checkpoint. */
  private checkConsistent(size: number, root: Hash, touched: readonly StoredTile[]): void {
    const old = this.head;
    if (old.size === 0) return; // everything extends the empty tree
    const plan = consistencyProofPlan(old.size, size);
    const overlay = new Map(touched.map((t) => [tileKey(t.tileLevel, t.tileIndex), t]));
    const hashes = this.reader.nodesFromMemory(plan.ids, overlay);
    if (!hashes) {
      throw new SequencerError('LOG_CORRUPT', 'nodes for the consistency check are not in memory');
    }
    verifyConsistency(
      old.size,
      size,
      rehashProof(plan, hashes, this.options.hasher),
      old.root,
      root,
      this.options.hasher,
    );
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  // --- loading and recovery ----------------------------------------------------------------

  /** (Re)loads the stored log (src/sequencer/load.ts) and adopts it. */
  private async load(): Promise<void> {
    this.reader.forget();
    const loaded = await loadLog(this.store, this.options);
    for (const t of loaded.partialTiles) this.reader.remember(t);
    this.state = loaded.state;
    this.head = loaded.head;
    this.bundle = loaded.bundle;
    this.lastTimeMs = loaded.lastTimeMs;
    this.restored = loaded.restored;
    this.continuesOrigin = loaded.continuesOrigin;
  }

  /** After a failed write: refuse appends, tell the queue, reopen the store and reload. */
  private fail(error: unknown): void {
    if (this.status !== 'ready') return;
    this.status = 'recovering';
    this.options.onError?.(error);
    const unavailable = new SequencerError(
      'LOG_UNAVAILABLE',
      'the log is recovering from a storage error',
      {
        cause: error,
      },
    );
    for (const p of this.queue.splice(0)) p.reject(unavailable);
    this.recovery = this.recover().finally(() => (this.recovery = undefined));
  }

  /**
   * Reopens the store and reloads until it works, pausing longer after each failure; stops for
   * good on LOG_CORRUPT (waiters reject with it), and whenever close() was called meanwhile.
   */
  private async recover(): Promise<void> {
    for (let pauseMs = RECOVERY_FIRST_PAUSE_MS; ;) {
      try {
        await this.store.reopen();
        if (this.closed) return;
        await this.load();
        if (this.closed) return;
        this.status = 'ready';
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        return;
      } catch (error) {
        this.options.onError?.(error);
        if (this.closed) return;
        if (error instanceof SequencerError && error.code === 'LOG_CORRUPT') {
          this.status = 'corrupt';
          this.fault = error;
          for (const w of this.readyWaiters.splice(0)) w.reject(error);
          return;
        }
      }
      await this.pause(pauseMs);
      if (this.closed) return;
      pauseMs = Math.min(pauseMs * 2, RECOVERY_MAX_PAUSE_MS);
    }
  }

  /** Whether close() was called (a method, so checks after an await are not narrowed away). */
  private get closed(): boolean {
    return this.status === 'closed';
  }

  /** Waits `ms` (without keeping the process alive), or until close() wakes it. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeRecovery = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wakeRecovery = done;
    });
  }

  /**
   * Resolves when the sequencer accepts appends again (tests, shutdown).
   * @throws SequencerError LOG_UNAVAILABLE once closed; LOG_CORRUPT (the error the reload met)
   *   when recovery found the log corrupt — waiters do not wait for a log that stays down.
   */
  whenReady(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (this.status === 'closed') {
      return Promise.reject(new SequencerError('LOG_UNAVAILABLE', 'the log is closed'));
    }
    if (this.status === 'corrupt') return Promise.reject(this.fault);
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }
}
