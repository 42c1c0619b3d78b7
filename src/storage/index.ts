/**
 * Storage (docs/log.md, docs/architecture.md): LevelDB, the record-store port, the evidence files,
 * the keyed lock, the key layout and file modes.
 * @module
 */
export * from './blobs.js';
export * from './errors.js';
export * from './keyed-lock.js';
export * from './keys.js';
export * from './leveldb.js';
export * from './record-store.js';
export * from './modes.js';
