/**
 * The notarisation state machine (docs/access.md), pure:
 * `submitted → in_review (claim) → approved → issued`, or `rejected` (with a reason) from
 * `in_review`, or `withdrawn` by the depositor before a decision (`submitted` or `in_review`).
 * Every transition is a custody event; anything else is 409 ILLEGAL_TRANSITION.
 */
import type { CustodyEvent } from '../custody/events.js';
import { NotaryError } from './errors.js';

export const APPLICATION_STATES = [
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'withdrawn',
  'issued',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = ['claim', 'approve', 'reject', 'issue', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** States in which a deposit's application is still in progress (a new one is refused). */
export const OPEN_STATES: readonly ApplicationState[] = ['submitted', 'in_review', 'approved'];

/** One transition: from which states, to which state, its custody event and who acts. */
export interface Transition {
  readonly from: readonly ApplicationState[];
  readonly to: ApplicationState;
  readonly event: CustodyEvent;
  readonly by: 'notary' | 'depositor';
}

/** Every legal transition. */
export const TRANSITIONS: Readonly<Record<ApplicationAction, Transition>> = {
  claim: { from: ['submitted'], to: 'in_review', event: 'notarisation-claimed', by: 'notary' },
  approve: { from: ['in_review'], to: 'approved', event: 'notarisation-approved', by: 'notary' },
  reject: { from: ['in_review'], to: 'rejected', event: 'notarisation-rejected', by: 'notary' },
  issue: { from: ['approved'], to: 'issued', event: 'notarisation-issued', by: 'notary' },
  withdraw: {
    from: ['submitted', 'in_review'],
    to: 'withdrawn',
    event: 'notarisation-withdrawn',
    by: 'depositor',
  },
};

/** Whether `state` is a state name. */
export function isApplicationState(state: unknown): state is ApplicationState {
  return typeof state === 'string' && (APPLICATION_STATES as readonly string[]).includes(state);
}

/**
 * The state after `action` in `state`.
 * @throws NotaryError ILLEGAL_TRANSITION (with `details.state` and `details.action`).
 * @example nextState('submitted', 'claim') === 'in_review'
 */
export function nextState(state: ApplicationState, action: ApplicationAction): ApplicationState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) {
    throw new NotaryError(
      'ILLEGAL_TRANSITION',
      `an application that is ${state} cannot be ${PAST[action]}`,
      { details: { state, action } },
    );
  }
  return t.to;
}

const PAST: Readonly<Record<ApplicationAction, string>> = {
  claim: 'claimed',
  approve: 'approved',
  reject: 'rejected',
  issue: 'issued',
  withdraw: 'withdrawn',
};
