/**
 * The notarisation workflow over HTTP: validation, the queue, who sees what, every legal and
 * illegal transition with its code, and each transition on the custody trail.
 */
import { expect } from 'chai';
import { SequencerError } from '../../src/sequencer/index.js';
import { call, type Body, type Reply } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  deposit,
  hashOnly,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  trail,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

function expectError(r: Reply, status: number, code: string): void {
  expect(r.status, r.text).to.equal(status);
  expect(r.body.error.code).to.equal(code);
}

describe('notarisation workflow (HTTP)', () => {
  let server: TestServer;
  let vkey: string;
  let owner: Persona;
  let other: Persona;
  let notaryA: Persona;
  let notaryB: Persona;
  const post = (path: string, who: Persona, json: unknown = {}) =>
    call(server.url, 'POST', path, { token: who.token, json });
  const get = (path: string, who: Persona) => call(server.url, 'GET', path, { token: who.token });
  const apply = async (): Promise<{ id: string; salt: string; app: Body }> => {
    const d = await deposit(server, owner.token, hashOnly('申请公证'));
    const r = await post(`/api/v1/deposits/${d.deposit.id}/notarisation`, owner, {
      purpose: '诉讼',
      contact: 'owner@example.com',
    });
    expect(r.status, r.text).to.equal(201);
    return { id: d.deposit.id, salt: d.receipt.opening.salt, app: r.body.application };
  };
  const act = (app: string, action: string, who: Persona, json: unknown = {}) =>
    post(`/api/v1/notary/applications/${app}/${action}`, who, json);

  before(async () => {
    ({ server, vkey } = await startCaseworkServer());
    owner = await makeDepositor(server);
    other = await makeDepositor(server, '李四');
    notaryA = await makeAccount(server, 'notary', { office: '徐汇公证处' });
    notaryB = await makeAccount(server, 'notary', { office: '徐汇公证处' });
  });
  after(() => server.dispose());

  it('checks the application body and refuses deposits that are not the applicant’s', async () => {
    const d = await deposit(server, owner.token, hashOnly('x'));
    const path = `/api/v1/deposits/${d.deposit.id}/notarisation`;
    const size = server.log.size;
    expectError(await post(path, owner, { contact: 'x' }), 400, 'INVALID_FIELD');
    expectError(await post(path, owner, { purpose: ' ', contact: 'x' }), 400, 'INVALID_FIELD');
    expectError(
      await post(path, owner, { purpose: 'p', contact: 'x', state: 'issued' }),
      400,
      'UNKNOWN_FIELD',
    );
    expectError(
      await post(path, owner, { purpose: 'a\u0000b', contact: 'x' }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await post(path, owner, { purpose: 'p'.repeat(201), contact: 'x' }),
      400,
      'FIELD_TOO_LONG',
    );
    expectError(await post(path, other, { purpose: 'p', contact: 'x' }), 404, 'DEPOSIT_NOT_FOUND');
    expectError(
      await post('/api/v1/deposits/HC00000000000/notarisation', owner, {
        purpose: 'p',
        contact: 'x',
      }),
      404,
      'DEPOSIT_NOT_FOUND',
    );
    expect(server.log.size).to.equal(size);
  });

  it('allows one application in progress per deposit; after a withdrawal a new one', async () => {
    const { id, app } = await apply();
    const again = await post(`/api/v1/deposits/${id}/notarisation`, owner, {
      purpose: 'p',
      contact: 'c',
    });
    expectError(again, 409, 'APPLICATION_EXISTS');
    const withdrawn = await act(app.id, 'withdraw', owner, { reason: '和解' });
    expect(withdrawn.body.application.state).to.equal('withdrawn');
    const second = await post(`/api/v1/deposits/${id}/notarisation`, owner, {
      purpose: 'p2',
      contact: 'c',
    });
    expect(second.status).to.equal(201);
    const view = (await get(`/api/v1/deposits/${id}`, owner)).body.deposit;
    expect(view.notarisation).to.deep.equal({
      applicationId: second.body.application.id,
      state: 'submitted',
    });
  });

  it('shows the queue to every notary until one claims; then only the claimant sees and decides', async () => {
    const { id, app } = await apply();
    for (const n of [notaryA, notaryB]) {
      const q = await get('/api/v1/notary/applications?state=submitted', n);
      expect(q.body.items.map((a: Body) => a.id)).to.include(app.id);
      expect((await get(`/api/v1/deposits/${id}`, n)).status).to.equal(200);
    }
    expect((await get('/api/v1/notary/applications', other)).body.items).to.deep.equal([]);
    expectError(
      await get(`/api/v1/notary/applications/${app.id}`, other),
      404,
      'APPLICATION_NOT_FOUND',
    );
    expectError(await get('/api/v1/notary/applications?state=done', notaryA), 400, 'INVALID_QUERY');
    // Both claim at once: exactly one wins.
    const [ra, rb] = await Promise.all([
      act(app.id, 'claim', notaryA),
      act(app.id, 'claim', notaryB),
    ]);
    const winner = ra.status === 200 ? notaryA : notaryB;
    const loser = winner === notaryA ? notaryB : notaryA;
    expect([ra.status, rb.status].sort()).to.deep.equal([200, 404]);
    expect((ra.status === 200 ? ra : rb).body.application.claimedBy).to.deep.equal({
      displayName: winner.displayName,
    });
    expectError(
      await get(`/api/v1/notary/applications/${app.id}`, loser),
      404,
      'APPLICATION_NOT_FOUND',
    );
    expectError(await get(`/api/v1/deposits/${id}`, loser), 404, 'DEPOSIT_NOT_FOUND');
    expectError(
      await act(app.id, 'decision', loser, { decision: 'approve', opinion: '同意出证' }),
      404,
      'APPLICATION_NOT_FOUND',
    );
    expect(
      (await get('/api/v1/notary/applications?state=in_review', winner)).body.items.map(
        (a: Body) => a.id,
      ),
    ).to.include(app.id);
    expect(
      (await get('/api/v1/notary/applications?state=in_review', loser)).body.items.map(
        (a: Body) => a.id,
      ),
    ).to.not.include(app.id);
    expectError(await act(app.id, 'claim', winner), 409, 'ILLEGAL_TRANSITION');
  });

  it('answers every illegal transition with 409 ILLEGAL_TRANSITION and changes nothing', async () => {
    const { app } = await apply();
    const size = server.log.size;
    expectError(
      await act(app.id, 'decision', notaryA, { decision: 'approve', opinion: '同意出证' }),
      409,
      'ILLEGAL_TRANSITION',
    );
    expectError(await act(app.id, 'issue', notaryA), 409, 'ILLEGAL_TRANSITION');
    expect(server.log.size).to.equal(size);
    await act(app.id, 'claim', notaryA);
    expectError(await act(app.id, 'issue', notaryA), 409, 'ILLEGAL_TRANSITION');
    expectError(
      await act(app.id, 'decision', notaryA, { decision: 'reject' }),
      400,
      'REASON_REQUIRED',
    );
    expectError(
      await act(app.id, 'decision', notaryA, { decision: 'reject', reason: '  ' }),
      400,
      'REASON_REQUIRED',
    );
    expectError(
      await act(app.id, 'decision', notaryA, { decision: 'maybe' }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await act(app.id, 'decision', notaryA, { decision: 'approve', extra: 1 }),
      400,
      'UNKNOWN_FIELD',
    );
    expect(
      (await act(app.id, 'decision', notaryA, { decision: 'approve', opinion: '同意出证' })).body
        .application.state,
    ).to.equal('approved');
    expectError(await act(app.id, 'withdraw', owner), 409, 'ILLEGAL_TRANSITION');
    expectError(
      await act(app.id, 'decision', notaryA, { decision: 'reject', reason: 'x' }),
      409,
      'ILLEGAL_TRANSITION',
    );
    expect((await act(app.id, 'issue', notaryA)).body.application.state).to.equal('issued');
    for (const [action, body] of [
      ['claim', {}],
      ['issue', {}],
      ['decision', { decision: 'approve', opinion: '同意出证' }],
    ] as const)
      expectError(await act(app.id, action, notaryA, body), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(app.id, 'withdraw', owner), 409, 'ILLEGAL_TRANSITION');
    expectError(await act(app.id, 'claim', owner), 403, 'ROLE_FORBIDDEN');
    expectError(await act(app.id, 'withdraw', notaryA), 403, 'ROLE_FORBIDDEN');
    expectError(await act('NA00000000000', 'claim', notaryA), 404, 'APPLICATION_NOT_FOUND');
    expectError(await act('nonsense', 'claim', notaryA), 404, 'APPLICATION_NOT_FOUND');
  });

  it('changes nothing when the log cannot append the transition (503), and goes on after', async () => {
    const { app } = await apply();
    const append = server.log.append.bind(server.log);
    server.log.append = () => Promise.reject(new SequencerError('LOG_UNAVAILABLE', 'injected'));
    try {
      expectError(await act(app.id, 'claim', notaryA), 503, 'LOG_UNAVAILABLE');
    } finally {
      server.log.append = append;
    }
    expect(server.errors.splice(0)).to.have.length(1);
    const still = await get(`/api/v1/notary/applications/${app.id}`, notaryB);
    expect(still.body.application.state).to.equal('submitted');
    expect((await act(app.id, 'claim', notaryB)).body.application.state).to.equal('in_review');
  });

  it('keeps the claimant’s access after a rejection, ends it after a withdrawal, and puts each step on the trail', async () => {
    const rejected = await apply();
    await act(rejected.app.id, 'claim', notaryA);
    const r = await act(rejected.app.id, 'decision', notaryA, {
      decision: 'reject',
      reason: '材料不全',
    });
    expect(r.body.application.decision).to.deep.include({ decision: 'reject', reason: '材料不全' });
    expect((await get(`/api/v1/deposits/${rejected.id}`, notaryA)).status).to.equal(200);
    const items = await trail(server, owner.token, rejected.id);
    expect(items.map((e) => e.event)).to.deep.equal([
      'notarisation-submitted',
      'notarisation-claimed',
      'notarisation-rejected',
      'viewed',
    ]);
    expect(items.slice(0, 3).map((e) => e.eventId)).to.deep.equal(
      r.body.application.history.map((h: Body) => h.eventId),
    );
    const { examination, ...decided } = items[2].detail;
    expect(decided).to.deep.equal({
      applicationId: rejected.app.id,
      state: 'rejected',
      reason: '材料不全',
    });
    // a rejection records what was examined too (test/notary/examination.test.ts)
    expect(examination.attestations).to.deep.equal({
      identity: 'not-seen',
      custodyTrailReviewed: false,
    });
    for (const item of items) checkCustodyReceipt(item.receipt, vkey, rejected.salt);

    const withdrawn = await apply();
    await act(withdrawn.app.id, 'claim', notaryB);
    expect((await act(withdrawn.app.id, 'withdraw', owner)).body.application.state).to.equal(
      'withdrawn',
    );
    expectError(await get(`/api/v1/deposits/${withdrawn.id}`, notaryB), 404, 'DEPOSIT_NOT_FOUND');
    expect(
      (await get(`/api/v1/notary/applications/${withdrawn.app.id}`, notaryB)).body.application
        .state,
    ).to.equal('withdrawn');
    expectError(await get(`/api/v1/deposits/${withdrawn.id}`, notaryA), 404, 'DEPOSIT_NOT_FOUND');
  });
});
