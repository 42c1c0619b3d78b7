/**
 * Notarisation (出证) and counter deposits (窗口办理), docs/access.md: the application state machine,
 * the workflow service, counter deposits and their claim codes.
 * @module
 */
export { NotaryError, type NotaryErrorCode } from './errors.js';
export {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  isApplicationState,
  nextState,
  OPEN_STATES,
  TRANSITIONS,
  type ApplicationAction,
  type ApplicationState,
  type Transition,
} from './state.js';
export {
  APPLICATION_PREFIX,
  parseApplicationId,
  parseApplicationRecord,
  serialNumber,
  type ApplicationRecord,
  type ApplicationStep,
} from './records.js';
export {
  COUNTER_DEPOSIT_FIELDS,
  parseApplication,
  parseClient,
  parseDecision,
  parseOptionalReason,
  type DecisionInput,
} from './input.js';
export { applicationView, type ApplicationView } from './view.js';
export { applicationAfter, submittedApplication, type StepContext } from './transition.js';
export { NotarisationService, type DecisionExtras, type NotarisationDeps } from './service.js';
export {
  examinationDetail,
  failedChecks,
  IDENTITY_SEEN,
  NO_ATTESTATIONS,
  SYSTEM_CHECK_IDS,
  type Attestations,
  type Examination,
  type IdentitySeen,
  type SystemCheck,
  type SystemCheckId,
  type SystemCheckResult,
  type SystemChecks,
} from './examination.js';
export {
  loggedEntryOf,
  systemExaminer,
  type Examiner,
  type SystemCheckDeps,
} from './system-checks.js';
export {
  CLAIM_MAX_FAILURES,
  CLAIM_PREFIX,
  CLAIM_TTL_MS,
  claimKey,
  claimState,
  type ClaimRecord,
  type ClaimState,
} from './claims.js';
export {
  CounterDeposits,
  type Agent,
  type ClientIdentity,
  type CounterDepositsDeps,
  type NewCounterDeposit,
} from './counter.js';
