/**
 * The record-store port: the records of the domains above the log (`rec/…` keys, see keys.ts),
 * declared once so every service names the same methods. A service depends on the part it uses,
 * `Pick<RecordStore, 'get' | 'scan'>`, so a test can hand it a small fake; LevelStore
 * implements the whole port.
 */
import type { RecordWrite } from '../sequencer/index.js';

/** How a scan walks a prefix: start after a key, stop after `limit` records, newest first. */
export interface ScanOptions {
  readonly after?: string;
  readonly limit?: number;
  readonly reverse?: boolean;
}

export interface RecordStore {
  /** One record, or undefined when the key is absent. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Several records in one read, in the order of `keys`. */
  getMany(keys: string[]): Promise<(Uint8Array | undefined)[]>;
  /** The records whose keys start with `prefix`, in key order (reversed with `reverse`). */
  scan(prefix: string, options?: ScanOptions): AsyncIterable<[string, Uint8Array]>;
  /** Writes records outside the log in one synced batch. */
  writeRecords(records: readonly RecordWrite[]): Promise<void>;
}
