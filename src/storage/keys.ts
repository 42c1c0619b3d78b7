/**
 * The LevelDB key layout (schema version 1). Numbers are zero-padded so keys sort numerically.
 *
 * | key | value |
 * | --- | --- |
 * | `meta/schema` | `1` |
 * | `meta/restoredFrom` | JSON `{size, root, …}`: restored from a backup, read-only until resumed |
 * | `log/head` | JSON `{size, root, time}` of the last batch |
 * | `log/checkpoint/<size:16>` | signed checkpoint note of that size |
 * | `log/tile/<level>/<index:14>` | tile value (level 0 hashes and the levels in between) |
 * | `log/entries/<bundle:14>` | full entry bundle (256 entries) |
 * | `log/entries-part/<bundle:14>/<offset:3>` | entries of a partial bundle written by one batch |
 * | `ts/<size:16>` | JSON RFC 3161 time-stamp of the checkpoint of that size (docs/log.md) |
 * | `rec/…` | records of the domains above the log (deposits, accounts, …) |
 */
export const SCHEMA_VERSION = '1';
export const SCHEMA_KEY = 'meta/schema';
export const HEAD_KEY = 'log/head';
/** Present on a store restored from a backup: it serves read-only (docs/backup.md). */
export const RESTORED_FROM_KEY = 'meta/restoredFrom';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const CHECKPOINT_PREFIX = 'log/checkpoint/';
export const checkpointKey = (size: number): string => `${CHECKPOINT_PREFIX}${pad(size, 16)}`;
export const tileKey = (level: number, index: number): string =>
  `log/tile/${level}/${pad(index, 14)}`;
export const bundleKey = (index: number): string => `log/entries/${pad(index, 14)}`;
export const fragmentPrefix = (index: number): string => `log/entries-part/${pad(index, 14)}/`;
export const fragmentKey = (index: number, offset: number): string =>
  `${fragmentPrefix(index)}${pad(offset, 3)}`;

/** Time-stamps of checkpoints, by checkpoint size: a scan finds the earliest of size ≥ N. */
export const TIMESTAMP_PREFIX = 'ts/';
export const timestampKey = (size: number): string => `${TIMESTAMP_PREFIX}${pad(size, 16)}`;

/** The upper bound of a key range that starts with `prefix`. */
export const prefixEnd = (prefix: string): string => `${prefix}\xff`;
