/**
 * Chain of custody (docs/formats.md, docs/access.md): custody events on the log (tags, openings, receipts), the
 * access policy for deposits, read windows, and the codes that grant access. `Casework`
 * (src/casework) opens the workflows built on them.
 * @module
 */
export { CustodyError, type CustodyErrorCode } from './errors.js';
export { custodyTag, CUSTODY_TAG_BYTES, CUSTODY_TAG_LABEL } from './tag.js';
export {
  CUSTODY_EVENTS,
  custodyKey,
  custodyPrefix,
  CUSTODY_PREFIX,
  type CustodyActor,
  type CustodyDetail,
  type CustodyEvent,
  type CustodyOpening,
  type CustodyRecord,
} from './events.js';
export {
  CustodyLog,
  newEventId,
  type CustodyDeposit,
  type CustodyLogDeps,
  type DepositRead,
  type EventContext,
  type EventRequest,
  type RecordedEvent,
  TRAIL_PAGE_MAX,
  type TrailItem,
  type TrailPage,
  type TrailQuery,
  type WithheldReceipt,
} from './service.js';
export {
  FILE_DETAIL_KEYS,
  OWNER_READER,
  SHARE_DETAIL_KEYS,
  withheldKeys,
  type TrailReader,
} from './disclosure.js';
export {
  actorOf,
  DepositAccess,
  type DepositFinder,
  type Grant,
  type GrantSource,
  type ReadableDeposit,
  type Reader,
} from './access.js';
export {
  codeCheck,
  codeHash,
  CODE_CHECK_SYMBOLS,
  CODE_GROUP,
  CODE_RANDOM_SYMBOLS,
  CODE_SYMBOLS,
  CROCKFORD_ALPHABET,
  formatCode,
  newCode,
  parseCode,
  type IssuedCode,
} from './codes.js';
export {
  EventWindow,
  DOWNLOADED_WINDOW_MS,
  readWindow,
  VIEWED_WINDOW_MS,
  type CertificateRead,
} from './window.js';
