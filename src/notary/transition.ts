/**
 * The application records a workflow step produces, pure: the new application at submission,
 * and the application after a transition (state, claimant, decision, certificate number, one more
 * history step), with the detail its custody event commits to.
 */
import type { CustodyActor, CustodyDetail } from '../custody/index.js';
import { examinationDetail, type Examination } from './examination.js';
import { serialNumber, type ApplicationRecord } from './records.js';
import { nextState, type ApplicationAction } from './state.js';

/** Where a step happens: the custody event's log index, time and id, and who acts. */
export interface StepContext {
  readonly index: number;
  readonly time: string;
  readonly eventId: string;
  readonly actor: CustodyActor;
}

/** A new application (`submitted`); its id is `NA` + the submission event's index. */
export function submittedApplication(
  deposit: { readonly number: string; readonly index: number },
  input: { readonly purpose: string; readonly contact: string; readonly note?: string },
  step: StepContext,
): { application: ApplicationRecord; detail: CustodyDetail } {
  const { index, time, eventId, actor } = step;
  const id = serialNumber('NA', index);
  const application: ApplicationRecord = {
    v: 1,
    id,
    depositId: deposit.number,
    depositIndex: deposit.index,
    applicant: actor,
    ...input,
    state: 'submitted',
    createdAt: time,
    updatedAt: time,
    history: [{ state: 'submitted', eventId, index, time, actor }],
  };
  return { application, detail: { applicationId: id, purpose: input.purpose } };
}

/**
 * `app` after `action`; issuing assigns the certificate number `NC` + the event's index. A
 * decision keeps its examination, and its custody event commits to it.
 * @throws NotaryError ILLEGAL_TRANSITION
 */
export function applicationAfter(
  app: ApplicationRecord,
  action: ApplicationAction,
  step: StepContext & { readonly reason?: string; readonly examination?: Examination },
): { application: ApplicationRecord; detail: CustodyDetail } {
  const { index, time, eventId, actor, reason } = step;
  const decided = action === 'approve' || action === 'reject';
  const examination = decided ? step.examination : undefined;
  const state = nextState(app.state, action);
  const application: ApplicationRecord = {
    ...app,
    state,
    updatedAt: time,
    ...(action === 'claim' ? { claimedBy: actor } : {}),
    ...(decided
      ? {
          decision: {
            decision: action,
            ...(reason ? { reason } : {}),
            at: time,
            ...(examination ? { examination } : {}),
          },
        }
      : {}),
    ...(action === 'issue' ? { certificateNumber: serialNumber('NC', index), issuedAt: time } : {}),
    history: [
      ...app.history,
      { state, eventId, index, time, actor, ...(reason ? { reason } : {}) },
    ],
  };
  const detail: CustodyDetail = {
    applicationId: app.id,
    state,
    ...(reason ? { reason } : {}),
    ...(examination ? { examination: examinationDetail(examination) } : {}),
    ...(application.certificateNumber ? { certificateNumber: application.certificateNumber } : {}),
  };
  return { application, detail };
}
