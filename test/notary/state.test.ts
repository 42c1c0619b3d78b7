import { expect } from 'chai';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  applicationAfter,
  nextState,
  NotaryError,
  parseApplicationId,
  serialNumber,
  submittedApplication,
  TRANSITIONS,
  type ApplicationAction,
  type ApplicationState,
} from '../../src/notary/index.js';

/** docs/access.md, written out: the only legal (state, action) pairs and where they lead. */
const LEGAL: Record<string, ApplicationState> = {
  'submitted claim': 'in_review',
  'submitted withdraw': 'withdrawn',
  'in_review approve': 'approved',
  'in_review reject': 'rejected',
  'in_review withdraw': 'withdrawn',
  'approved issue': 'issued',
};

describe('notary/state (the notarisation state machine)', () => {
  for (const state of APPLICATION_STATES) {
    for (const action of APPLICATION_ACTIONS) {
      const key = `${state} ${action}`;
      const to = LEGAL[key];
      it(to ? `${state} —${action}→ ${to}` : `${state} —${action}→ 409 ILLEGAL_TRANSITION`, () => {
        if (to) {
          expect(nextState(state, action)).to.equal(to);
          return;
        }
        try {
          nextState(state, action);
          expect.fail('an illegal transition was allowed');
        } catch (err) {
          expect(err).to.be.instanceOf(NotaryError);
          expect((err as NotaryError).code).to.equal('ILLEGAL_TRANSITION');
          expect((err as NotaryError).details).to.deep.equal({ state, action });
        }
      });
    }
  }

  it('names a custody event for every transition and says who acts', () => {
    const events = Object.fromEntries(
      APPLICATION_ACTIONS.map((a: ApplicationAction) => [a, TRANSITIONS[a].event]),
    );
    expect(events).to.deep.equal({
      claim: 'notarisation-claimed',
      approve: 'notarisation-approved',
      reject: 'notarisation-rejected',
      issue: 'notarisation-issued',
      withdraw: 'notarisation-withdrawn',
    });
    expect(APPLICATION_ACTIONS.filter((a) => TRANSITIONS[a].by === 'depositor')).to.deep.equal([
      'withdraw',
    ]);
  });
});

describe('notary/transition (the application after each step)', () => {
  const actor = { account: 'u_0000000000000001', role: 'notary', displayName: '钱公证员' };
  const applicant = { account: 'u_0000000000000002', role: 'depositor', displayName: '张三' };
  const step = (index: number) => ({
    index,
    time: `2026-11-26T06:30:0${index}.000Z`,
    eventId: `ev_${index}`,
  });

  it('numbers the application and the certificate after the log index of their events', () => {
    const { application: submitted, detail } = submittedApplication(
      { number: 'HC00000000011', index: 1 },
      { purpose: '诉讼', contact: 'c' },
      { ...step(2), actor: applicant },
    );
    expect(submitted.id).to.equal(serialNumber('NA', 2)).and.equal('NA00000000028'); // MOD 11-2 of 0000000002: p = 4, (12 - 4) % 11 = 8;
    expect(detail).to.deep.equal({ applicationId: submitted.id, purpose: '诉讼' });
    expect(parseApplicationId(' na 00000 00002 8 ')).to.equal(submitted.id);
    expect(parseApplicationId('NA00000000027')).to.equal(undefined);
    const claimed = applicationAfter(submitted, 'claim', { ...step(3), actor }).application;
    expect(claimed.claimedBy).to.deep.equal(actor);
    const rejected = applicationAfter(claimed, 'reject', { ...step(4), actor, reason: '材料不全' });
    expect(rejected.application.decision).to.deep.equal({
      decision: 'reject',
      reason: '材料不全',
      at: step(4).time,
    });
    expect(rejected.detail).to.deep.equal({
      applicationId: submitted.id,
      state: 'rejected',
      reason: '材料不全',
    });
    const approved = applicationAfter(claimed, 'approve', { ...step(5), actor }).application;
    const issued = applicationAfter(approved, 'issue', { ...step(7), actor });
    expect(issued.application).to.include({
      state: 'issued',
      certificateNumber: serialNumber('NC', 7),
    });
    expect(issued.detail.certificateNumber).to.match(/^NC0000000007[0-9X]$/);
    expect(issued.application.history.map((h) => [h.state, h.index])).to.deep.equal([
      ['submitted', 2],
      ['in_review', 3],
      ['approved', 5],
      ['issued', 7],
    ]);
    expect(() =>
      applicationAfter(issued.application, 'withdraw', { ...step(8), actor: applicant }),
    ).to.throw(NotaryError);
  });
});
