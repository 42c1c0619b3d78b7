/**
 * Deposits (docs/life-of-a-deposit.md, docs/formats.md): streaming intake, hash-only bodies,
 * openings, records, receipts and the deposit service.
 * @module
 */
export * from './errors.js';
export * from './hash-only.js';
export * from './list-item.js';
export * from './opening.js';
export * from './preview.js';
export * from './receipt.js';
export * from './records.js';
export * from './service.js';
export * from './intake/index.js';
export * from './intake/body-rate.js';
export * from './intake/errors.js';
export * from './intake/sm3-client.js';
