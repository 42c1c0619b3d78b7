/**
 * The LevelDB store (level 10 / classic-level): the log's tiles, entry bundles and checkpoints,
 * and the records of the domains above it, in one database so one synced batch covers them all.
 */
import { Level } from 'level';
import { decodeBase64, encodeBase64, equalBytes } from '../log/index.js';
import type {
  LogBatch,
  LogStore,
  RecordWrite,
  RestoredMark,
  StoredHead,
  TileRefKey,
} from '../sequencer/store.js';
import { StorageError } from './errors.js';
import type { RecordStore, ScanOptions } from './record-store.js';
import { ensurePrivateDir, restrictFiles, usePrivateUmask } from './modes.js';
import {
  bundleKey,
  CHECKPOINT_PREFIX,
  checkpointKey,
  fragmentKey,
  fragmentPrefix,
  HEAD_KEY,
  prefixEnd,
  RESTORED_FROM_KEY,
  SCHEMA_KEY,
  SCHEMA_VERSION,
  tileKey,
} from './keys.js';

type Db = Level<string, Uint8Array>;
type Snapshot = ReturnType<Db['snapshot']>;
export type Op =
  | { type: 'put'; key: string; value: Uint8Array }
  | { type: 'del'; key: string };

const utf8 = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });

/**
 * Opens (creating if needed) the store in `dir`. The folder is made 0700 and its files 0600,
 * and the process umask 0o077, so the files LevelDB creates later are 0600 too
 * (docs/SECURITY.md, "Files on disk").
 */
export async function openLevelStore(dir: string): Promise<LevelStore> {
  usePrivateUmask();
  await ensurePrivateDir(dir);
  await restrictFiles(dir);
  const db: Db = new Level<string, Uint8Array>(dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
  const store = new LevelStore(db);
  await store.open();
  return store;
}

export class LevelStore implements LogStore, RecordStore {
  /** `read.snapshot`: a read-only view of one explicit snapshot (see {@link withSnapshot}). */
  constructor(
    private readonly db: Db,
    private readonly read: { readonly snapshot?: Snapshot } = {},
  ) {}

  /**
   * Runs `fn` on a read-only view of one snapshot of the store: every read it makes sees the
   * store as it was when the snapshot was taken, while writers go on (an audit of a running log).
   */
  async withSnapshot<T>(fn: (view: LevelStore) => Promise<T>): Promise<T> {
    const snapshot = this.db.snapshot();
    try {
      return await fn(new LevelStore(this.db, { snapshot }));
    } finally {
      await snapshot.close();
    }
  }

  /**
   * Every key and value of the store, in key order, from ONE iterator: LevelDB reads it from the
   * implicit snapshot taken when the iterator is created, so concurrent batches are either wholly
   * in it or wholly absent (a consistent backup of a running log).
   */
  entries(): AsyncIterable<[string, Uint8Array]> {
    return this.db.iterator({ ...this.read });
  }

  /** The mark of a store restored from a backup (`meta/restoredFrom`), if it has one. */
  async readRestoredFrom(): Promise<RestoredMark | undefined> {
    const raw = await this.db.get(RESTORED_FROM_KEY, this.read);
    if (raw === undefined) return undefined;
    try {
      const parsed = JSON.parse(text.decode(raw)) as { size: unknown; root: unknown };
      if (!Number.isSafeInteger(parsed.size) || typeof parsed.root !== 'string') throw new Error();
      return { size: parsed.size as number, root: decodeBase64(parsed.root) };
    } catch (cause) {
      throw new StorageError('STORE_CORRUPT', `${RESTORED_FROM_KEY} is malformed`, { cause });
    }
  }

  private writable(): void {
    if (this.read.snapshot) throw new TypeError('a snapshot view of the store is read-only');
  }

  /** Opens the database and checks (or, when empty, writes) the schema version. */
  async open(): Promise<void> {
    try {
      await this.db.open();
    } catch (cause) {
      const code = (cause as { cause?: { code?: string } }).cause?.code;
      if (code === 'LEVEL_LOCKED') {
        throw new StorageError(
          'STORE_LOCKED',
          `the store at ${this.db.location} is in use by another process (is a server running?)`,
          { cause },
        );
      }
      throw new StorageError('STORE_IO', `cannot open the store at ${this.db.location}`, { cause });
    }
    const version = await this.db.get(SCHEMA_KEY);
    if (version === undefined) {
      const empty = (await this.db.keys({ limit: 1 }).all()).length === 0;
      if (!empty) {
        throw new StorageError('SCHEMA_MISMATCH', 'the store has data but no schema version');
      }
      await this.db.put(SCHEMA_KEY, utf8.encode(SCHEMA_VERSION), { sync: true });
    } else if (text.decode(version) !== SCHEMA_VERSION) {
      throw new StorageError(
        'SCHEMA_MISMATCH',
        `the store has schema version ${text.decode(version)}; this build reads ${SCHEMA_VERSION}`,
      );
    }
  }

  async close(): Promise<void> {
    this.writable();
    await this.db.close();
  }

  async reopen(): Promise<void> {
    this.writable();
    if (this.db.status === 'open') await this.db.close();
    await this.open();
  }

  async readHead(): Promise<StoredHead | undefined> {
    const raw = await this.db.get(HEAD_KEY, this.read);
    if (raw === undefined) return undefined;
    let parsed: { size: number; root: string; time: string };
    try {
      parsed = JSON.parse(text.decode(raw)) as typeof parsed;
    } catch (cause) {
      throw new StorageError('STORE_CORRUPT', 'the stored tree head is not JSON', { cause });
    }
    const checkpoint = await this.readCheckpoint(parsed.size);
    if (checkpoint === undefined) {
      throw new StorageError('STORE_CORRUPT', `no checkpoint stored for size ${parsed.size}`);
    }
    return { size: parsed.size, root: decodeBase64(parsed.root), time: parsed.time, checkpoint };
  }

  readTiles(refs: readonly TileRefKey[]): Promise<(Uint8Array | undefined)[]> {
    if (refs.length === 0) return Promise.resolve([]);
    return this.db.getMany(
      refs.map((r) => tileKey(r.tileLevel, r.tileIndex)),
      this.read,
    );
  }

  readEntryBundle(bundleIndex: number): Promise<Uint8Array | undefined> {
    return this.db.get(bundleKey(bundleIndex), this.read);
  }

  async readEntryFragments(bundleIndex: number): Promise<{ offset: number; bytes: Uint8Array }[]> {
    const prefix = fragmentPrefix(bundleIndex);
    const out: { offset: number; bytes: Uint8Array }[] = [];
    const range = { gte: prefix, lt: prefixEnd(prefix), ...this.read };
    for await (const [key, value] of this.db.iterator(range)) {
      out.push({ offset: Number(key.slice(prefix.length)), bytes: value });
    }
    return out;
  }

  async readCheckpoint(size: number): Promise<string | undefined> {
    const raw = await this.db.get(checkpointKey(size), this.read);
    return raw === undefined ? undefined : text.decode(raw);
  }

  async readCheckpointCovering(index: number): Promise<string | undefined> {
    const it = this.db.values({
      gte: checkpointKey(index + 1),
      lt: prefixEnd(CHECKPOINT_PREFIX),
      limit: 1,
      ...this.read,
    });
    const [raw] = await it.all();
    return raw === undefined ? undefined : text.decode(raw);
  }

  /**
   * Writes one log batch atomically with fsync.
   * @throws StorageError STORE_CORRUPT when an entry already stored at one of these positions
   *   differs (an entry is written once; an identical rewrite is allowed).
   */
  async writeBatch(batch: LogBatch): Promise<void> {
    this.writable();
    const keys = [
      ...batch.fragments.map((f) => fragmentKey(f.bundleIndex, f.offset)),
      ...batch.bundles.map((b) => bundleKey(b.bundleIndex)),
    ];
    const values = [...batch.fragments.map((f) => f.bytes), ...batch.bundles.map((b) => b.bytes)];
    const existing = keys.length ? await this.db.getMany(keys) : [];
    existing.forEach((old, i) => {
      if (old !== undefined && !equalBytes(old, values[i]!)) {
        throw new StorageError('STORE_CORRUPT', `refusing to overwrite ${keys[i]} with different entries`);
      }
    });
    await this.db.batch(this.batchOps(batch), { sync: true });
  }

  /** The LevelDB operations `writeBatch` issues for `batch` (the log benchmark replays them raw). */
  batchOps(batch: LogBatch): Op[] {
    const ops: Op[] = [];
    for (const t of batch.tiles) {
      ops.push({ type: 'put', key: tileKey(t.tileLevel, t.tileIndex), value: t.value });
    }
    for (const f of batch.fragments) {
      ops.push({ type: 'put', key: fragmentKey(f.bundleIndex, f.offset), value: f.bytes });
    }
    for (const b of batch.bundles) {
      ops.push({ type: 'put', key: bundleKey(b.bundleIndex), value: b.bytes });
      for (const offset of b.dropFragments) {
        ops.push({ type: 'del', key: fragmentKey(b.bundleIndex, offset) });
      }
    }
    for (const r of batch.records) ops.push(recordOp(r));
    if (batch.clearRestoredFrom) ops.push({ type: 'del', key: RESTORED_FROM_KEY });
    const { size, root, time, checkpoint } = batch.head;
    ops.push({ type: 'put', key: checkpointKey(size), value: utf8.encode(checkpoint) });
    ops.push({
      type: 'put',
      key: HEAD_KEY,
      value: utf8.encode(JSON.stringify({ size, root: encodeBase64(root), time })),
    });
    return ops;
  }

  // --- records of the domains above the log ---------------------------------------------

  /** Reads one record. */
  get(key: string): Promise<Uint8Array | undefined> {
    return this.db.get(key, this.read);
  }

  getMany(keys: string[]): Promise<(Uint8Array | undefined)[]> {
    return this.db.getMany(keys, this.read);
  }

  /** Writes records outside the log (state that needs no log entry), synced. */
  async writeRecords(records: readonly RecordWrite[]): Promise<void> {
    this.writable();
    await this.db.batch(records.map(recordOp), { sync: true });
  }

  /** Iterates the records whose keys start with `prefix`, in key order. */
  async *scan(
    prefix: string,
    options: ScanOptions = {},
  ): AsyncGenerator<[string, Uint8Array]> {
    const range =
      options.after === undefined
        ? { gte: prefix, lt: prefixEnd(prefix) }
        : options.reverse
          ? { gte: prefix, lt: options.after }
          : { gt: options.after, lt: prefixEnd(prefix) };
    yield* this.db.iterator({
      ...range,
      limit: options.limit ?? -1,
      reverse: options.reverse ?? false,
      ...this.read,
    });
  }

  /** Compacts the whole key range (benchmarks measure bytes on disk after it). */
  async compact(): Promise<void> {
    await (this.db as unknown as { compactRange(a: string, b: string): Promise<void> }).compactRange(
      '',
      '\xff',
    );
  }
}

function recordOp(r: RecordWrite): Op {
  return r.type === 'del'
    ? { type: 'del', key: r.key }
    : { type: 'put', key: r.key, value: typeof r.value === 'string' ? utf8.encode(r.value) : r.value };
}
