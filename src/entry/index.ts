export { canonicalize, canonicalBytes, type JsonValue } from './jcs.js';
export {
  displayDepositNumber,
  formatDepositNumber,
  mod11_2,
  parseDepositNumber,
} from './deposit-number.js';
export {
  ENTRY_VERSION,
  makeEntry,
  newSalt,
  openingCommitment,
  parseEntry,
  type Entry,
  type EntryType,
} from './entry.js';
