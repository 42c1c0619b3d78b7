/** A sequencer on a fresh LevelDB store in a temp folder, with a test-only log key. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519FromSeed, type Ed25519KeyPair } from '../../src/crypto/index.js';
import { logKeyFor, type LogKey } from '../../src/keys/log-key.js';
import { Sequencer, type LogStore, type SequencerOptions } from '../../src/sequencer/index.js';
import { serverHasher } from '../../src/server.js';
import { openLevelStore, type LevelStore } from '../../src/storage/leveldb.js';

export const TEST_ORIGIN = 'test.huicun.localhost/log';
/** TEST-ONLY key: seed = 32 bytes of 0x42. */
export const testPair: Ed25519KeyPair = ed25519FromSeed(new Uint8Array(32).fill(0x42));
export const testKey: LogKey = logKeyFor(TEST_ORIGIN, testPair);

export function tempDir(prefix = 'huicun-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sequencerOptions(overrides: Partial<SequencerOptions> = {}): SequencerOptions {
  return {
    origin: TEST_ORIGIN,
    signer: testKey.signer,
    verifier: testKey.verifier,
    hasher: serverHasher,
    batchMax: 1024,
    queueMax: 100_000,
    ...overrides,
  };
}

export async function openTestLog(
  dir: string,
  overrides: Partial<SequencerOptions> = {},
  wrap: (s: LevelStore) => LogStore = (s) => s,
): Promise<{ store: LevelStore; log: Sequencer; close(): Promise<void> }> {
  const store = await openLevelStore(dir);
  const log = await Sequencer.open(wrap(store), sequencerOptions(overrides));
  return {
    store,
    log,
    async close() {
      await log.close();
      await store.close();
    },
  };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A LogStore that forwards to `s`, for tests and benchmarks that override one method. */
export function delegatingStore(s: LogStore, overrides: Partial<LogStore> = {}): LogStore {
  return {
    readHead: () => s.readHead(),
    readTiles: (r) => s.readTiles(r),
    readEntryBundle: (i) => s.readEntryBundle(i),
    readEntryFragments: (i) => s.readEntryFragments(i),
    readCheckpoint: (n) => s.readCheckpoint(n),
    readCheckpointCovering: (i) => s.readCheckpointCovering(i),
    writeBatch: (b) => s.writeBatch(b),
    reopen: () => s.reopen(),
    ...overrides,
  };
}

/** The reason `p` rejects with (fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}
