/**
 * Trusted time (docs/timestamps.md, docs/log.md "Time-stamps"): the RFC 3161 client over the
 * configured TSAs, the checks of a reply and of a stored token, the development TSA, and the
 * checkpoint stamper with its store.
 * @module
 */
export type { TimeStamp, TimeStamper } from './types.js';
export { TimestampError, type TimestampErrorCode } from './errors.js';
export {
  EssCertId,
  EssCertIdV2,
  SigningCertificate,
  SigningCertificateV2,
  id_aa_signingCertificate,
  id_aa_signingCertificateV2,
} from './ess.js';
export { ID_SHA256, randomNonce, timeStampRequest, type TimeStampRequest } from './request.js';
export {
  anchorsFromPem,
  checkClock,
  checkTimeStampToken,
  MAX_CLOCK_SKEW_MS,
  tsaName,
  type CheckedToken,
  type TokenExpectations,
} from './check.js';
export { checkReply, tokenOfReply, type ReplyExpectations } from './reply.js';
export { MAX_REPLY_BYTES, tsaClient, type TsaClientOptions, type TsaFailure } from './client.js';
export { signTimeStampToken, type TokenSigner } from './token.js';
export {
  DEVELOPMENT_TSA_NAME,
  DEVELOPMENT_TSA_POLICY,
  developmentTsa,
  ensureDevelopmentTsa,
  TSA_DEV_CA_FILE,
  TSA_DEV_CA_KEY_FILE,
  TSA_DEV_CERT_FILE,
  TSA_DEV_KEY_FILE,
  type DevelopmentTsa,
  type DevelopmentTsaFiles,
} from './development.js';
export { configuredTimeStamper, loadTsaAnchors } from './select.js';
export { tsaTokenChecker } from './token-checker.js';
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
