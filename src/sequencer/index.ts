export { Sequencer, MAX_ENTRY_BYTES } from './sequencer.js';
export type {
  AppendContext,
  AppendResult,
  Built,
  BuildEntry,
  SequencerOptions,
} from './sequencer.js';
export { SequencerError, type SequencerErrorCode } from './errors.js';
export type { LogStore, LogBatch, RecordWrite, StoredHead } from './store.js';
export { TreeReader, tileExists } from './reader.js';
