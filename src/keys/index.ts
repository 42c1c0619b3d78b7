/**
 * The log's signing keys (docs/log.md, docs/configuration.md): the current Ed25519 key and the ring of retired ones
 * whose checkpoints stay verifiable after a rotation.
 * @module
 */
export { LOG_KEY_FILE, loadLogKey, loadOrCreateLogKey, logKeyFor, type LogKey } from './log-key.js';
export {
  assertOriginOpen,
  loadLogKeyRing,
  loadPreviousLogKeys,
  ringVerifiers,
  rotateLogKey,
  type LogKeyRing,
  type PreviousLogKey,
} from './log-key-ring.js';
