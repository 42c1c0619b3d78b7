/** Deposit upload intake (docs/life-of-a-deposit.md): streaming digests, limits, blob commit and rollback. */
export { IntakeError, type IntakeErrorCode } from './errors.js';
export {
  BodyRateMeter,
  DEFAULT_MINIMUM_RATE,
  guardBodyRate,
  watchBodyRate,
  type MinimumRate,
} from './body-rate.js';
export { chooseMediaType, sniffMediaType, DEFAULT_MEDIA_TYPE } from './media-type.js';
export { Sm3Worker, SM3_MAX_IN_FLIGHT_BYTES } from './sm3-client.js';
export type { IntakeFields } from './fields.js';
export type { IntakeFile } from './storage-engine.js';
export {
  createUploadHandler,
  intakeOf,
  DEFAULT_INTAKE_LIMITS,
  DEFAULT_RESERVE_BYTES,
  FILES_FIELD,
  type Intake,
  type IntakeLimits,
  type UploadHandler,
  type UploadHandlerOptions,
} from './upload.js';
