/**
 * Receipt verification (docs/verification.md), isomorphic: the same code runs in the CLI, the server and the
 * browser. It takes digests (the host hashes files) and text; no I/O, no node:crypto.
 * @module
 */
export {
  check,
  CHECK_IDS,
  msg,
  redactExpected,
  sortChecks,
  verdictOf,
  type Check,
  type CheckId,
  type CheckStatus,
  type Message,
  type Verdict,
} from './checks.js';
export {
  InconsistencyError,
  VerifyError,
  type InconsistencyCode,
  type VerifyErrorCode,
} from './errors.js';
export {
  checkpointBody,
  MAX_RECEIPT_STAMPS,
  RECEIPT_FORMAT,
  readReceipt,
  receiptCheckpointSize,
  type ReceiptParts,
} from './receipt.js';
export { isHexDigest, openingFiles, type FileDigests, type OpeningFile } from './files.js';
export { consistencyCheck, type OnlineView } from './consistency.js';
export {
  checkpointExtends,
  needsConsistencyProof,
  openCheckpoint,
  type SignedCheckpoint,
} from './checkpoint-extends.js';
export { onlineView, type FetchedOnlineView, type LogClient } from './online.js';
export {
  keyLabel,
  parseTrustedKeys,
  parseTrustedKeysFile,
  WHERE_TO_GET_THE_KEY,
  type VerifierKey,
} from './trust.js';
export { looksLikeTlogProof, receiptFromTlogProof } from './tlog-proof.js';
export {
  isPdf,
  MAX_PDF_BYTES,
  readReceiptDocument,
  receiptFromPdf,
  type Attachment,
  type ExtractAttachments,
} from './pdf.js';
export {
  completeVerification,
  documentCheck,
  inclusionCheck,
  prepareVerification,
  verifyReceipt,
  type PreparedVerification,
  type VerifyOptions,
  type VerifyReport,
} from './verify-receipt.js';
export {
  readTimeStampToken,
  timestampChecks,
  type ReceiptStamp,
  type StampContext,
  type StampFacts,
  type TokenFacts,
  type TsaChecker,
  type TsaTokenResult,
} from './timestamp.js';
export { checkLines, verdictLine } from './text-report.js';
export {
  askedDepositNumber,
  verifyLogProof,
  type LogProof,
  type LogProofOptions,
  type LogProofReport,
} from './log-proof.js';
export {
  attributeValue,
  derOf,
  derOrder,
  signedAttributesDer,
  signedBytesOf,
  TST_INFO_OID_DER,
} from './cms.js';
