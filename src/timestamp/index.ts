/** Trusted time (RFC 3161, docs/log.md "Time-stamps"): the shapes, the errors, the stamper. */
export type { TimeStamp, TimeStamper } from './types.js';
export { TimestampError, type TimestampErrorCode } from './errors.js';
export { StampStore, type StoredStamp } from './store.js';
export {
  CheckpointStamper,
  checkpointImprint,
  realScheduler,
  type CheckpointSource,
  type CheckpointStamperOptions,
  type Scheduler,
  type StamperEvents,
} from './checkpoint-stamper.js';
