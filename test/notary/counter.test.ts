/**
 * Counter deposits (窗口办理) over HTTP: the opening names the client and the notary, the claim
 * code is single use, needs the claimant's registered ID number, locks after 5 mismatches and
 * expires after 90 days; the notary reads the deposit until the client claims it, and may
 * reissue a lost, locked or expired code until then.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newCode } from '../../src/custody/index.js';
import { call, testIdNumber, type Body, type Reply } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  DAY,
  hashOnly,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  trail,
  uploadForm,
  type Persona,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

function expectError(r: Reply, status: number, code: string): void {
  expect(r.status, r.text).to.equal(status);
  expect(r.body.error.code).to.equal(code);
}

describe('counter deposits and claim codes (HTTP)', () => {
  let server: TestServer;
  let clock: TestClock;
  let vkey: string;
  let notary: Persona;
  let otherNotary: Persona;
  let client: Persona;
  let stranger: Persona;
  let judge: Persona;
  const counter = (json: unknown, who = notary) =>
    call(server.url, 'POST', '/api/v1/notary/counter-deposits', { token: who.token, json });
  const claim = (who: Persona, code: unknown) =>
    call(server.url, 'POST', '/api/v1/deposits/claim', { token: who.token, json: { code } });
  const reissue = (id: string, who = notary, json?: unknown) =>
    call(server.url, 'POST', `/api/v1/notary/counter-deposits/${id}/claim-code`, {
      token: who.token,
      ...(json !== undefined ? { json } : {}),
    });
  const made = async (idNumber = client.idNumber): Promise<Body> => {
    const r = await counter({
      ...hashOnly('窗口办理'),
      clientName: '赵六',
      clientIdNumber: idNumber,
    });
    expect(r.status, r.text).to.equal(201);
    return r.body;
  };

  before(async () => {
    ({ server, clock, vkey } = await startCaseworkServer());
    notary = await makeAccount(server, 'notary', {
      office: '上海市徐汇公证处',
      displayName: '钱公证员',
    });
    otherNotary = await makeAccount(server, 'notary');
    client = await makeDepositor(server, '赵六');
    stranger = await makeDepositor(server, '孙七');
    judge = await makeAccount(server, 'judge', { court: '上海市徐汇区人民法院' });
  });
  after(() => server.dispose());

  it('deposits for the client: masked ID, in-person, the notary as agent; the code and its expiry once', async () => {
    const body = await made();
    const id = client.idNumber!;
    expect(body.receipt.opening.depositor).to.deep.equal({
      name: '赵六',
      idMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      verification: 'in-person',
    });
    expect(body.receipt.opening.agent).to.deep.equal({
      account: notary.id,
      name: '钱公证员',
      role: 'notary',
      office: '上海市徐汇公证处',
    });
    expect(body.deposit.depositor.verification).to.equal('in-person');
    // the view names the notary and office (the slip prints them), never the account
    expect(body.deposit.agent).to.deep.equal({ name: '钱公证员', office: '上海市徐汇公证处' });
    expect(body.claimCode).to.match(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(Date.parse(body.claimExpiresAt) - clock.now()).to.be.within(90 * DAY - 60_000, 90 * DAY);
    expect(JSON.stringify(body)).to.not.include(id);
    const list = await call(server.url, 'GET', '/api/v1/notary/counter-deposits', {
      token: notary.token,
    });
    expect(list.body.items[0]).to.deep.include({
      depositId: body.deposit.id,
      client: '赵六',
      clientIdMasked: body.deposit.depositor.idMasked,
    });
    expect(list.body.items[0].claim.state).to.equal('open');
    expect(JSON.stringify(list.body)).to.not.include(body.claimCode);
  });

  it('checks the client fields; a refused multipart upload leaves nothing behind', async () => {
    const size = server.log.size;
    expectError(
      await counter({ ...hashOnly('x'), clientName: '赵六', clientIdNumber: '310104199003071230' }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await counter({ ...hashOnly('x'), clientIdNumber: client.idNumber }),
      400,
      'INVALID_FIELD',
    );
    expectError(
      await counter({
        ...hashOnly('x'),
        clientName: '赵六',
        clientIdNumber: client.idNumber,
        owner: 'x',
      }),
      400,
      'UNKNOWN_FIELD',
    );
    const blobs = join(server.config.dataDir, 'blobs');
    const count = (): number => {
      try {
        return readdirSync(blobs, { recursive: true, withFileTypes: true }).filter((d) =>
          d.isFile(),
        ).length;
      } catch {
        return 0;
      }
    };
    const before = count();
    const r = await call(server.url, 'POST', '/api/v1/notary/counter-deposits', {
      token: notary.token,
      body: uploadForm([{ name: 'a.txt', bytes: new TextEncoder().encode('never kept') }], {
        title: 't',
        clientName: '赵六',
        clientIdNumber: 'not a number',
      }),
    });
    expectError(r, 400, 'INVALID_FIELD');
    expect(count()).to.equal(before);
    expect(server.log.size).to.equal(size);
  });

  it('lets the agent read the unclaimed deposit (custody events), no other notary', async () => {
    const body = await made();
    const path = `/api/v1/deposits/${body.deposit.id}`;
    expect((await call(server.url, 'GET', path, { token: notary.token })).status).to.equal(200);
    expectError(
      await call(server.url, 'GET', path, { token: otherNotary.token }),
      404,
      'DEPOSIT_NOT_FOUND',
    );
    expectError(
      await call(server.url, 'GET', path, { token: client.token }),
      404,
      'DEPOSIT_NOT_FOUND',
    );
    const items = await trail(server, notary.token, body.deposit.id);
    expect(items.map((e) => [e.event, e.detail.access])).to.deep.equal([
      ['viewed', { via: 'agent' }],
    ]);
  });

  it('hands the deposit to the client with the right ID number, once; the agent’s access ends', async () => {
    const body = await made();
    expectError(await claim(client, 'not-a-code'), 400, 'CODE_INVALID');
    expectError(await claim(client, newCode().code), 404, 'CLAIM_NOT_FOUND');
    const r = await claim(client, body.claimCode.toLowerCase());
    expect(r.status, r.text).to.equal(200);
    expect(r.body.deposit.id).to.equal(body.deposit.id);
    const mine = await call(server.url, 'GET', '/api/v1/deposits', { token: client.token });
    expect(mine.body.items.map((d: Body) => d.id)).to.include(body.deposit.id);
    expectError(
      await call(server.url, 'GET', `/api/v1/deposits/${body.deposit.id}`, { token: notary.token }),
      404,
      'DEPOSIT_NOT_FOUND',
    );
    expectError(await claim(client, body.claimCode), 409, 'CLAIM_USED');
    expectError(await claim(stranger, body.claimCode), 409, 'CLAIM_USED');
    const items = await trail(server, client.token, body.deposit.id);
    expect(items.map((e) => e.event)).to.deep.equal(['claimed']);
    expect(items[0].actor.role).to.equal('depositor');
    const opening = checkCustodyReceipt(items[0].receipt, vkey, body.receipt.opening.salt);
    expect(opening.actor.account).to.equal(client.id);
    const list = await call(server.url, 'GET', '/api/v1/notary/counter-deposits', {
      token: notary.token,
    });
    const row = list.body.items.find((i: Body) => i.depositId === body.deposit.id);
    expect(row.claim.state).to.equal('claimed');
  });

  it('counts mismatched ID numbers and locks the code after 5', async () => {
    const body = await made();
    for (let left = 4; left >= 1; left--) {
      const r = await claim(stranger, body.claimCode);
      expectError(r, 403, 'CLAIM_IDENTITY_MISMATCH');
      expect(r.body.error.message).to.not.include(client.idNumber);
    }
    expectError(await claim(stranger, body.claimCode), 423, 'CLAIM_LOCKED');
    expectError(await claim(client, body.claimCode), 423, 'CLAIM_LOCKED');
  });

  it('lets the notary reissue a locked code: the old one is refused, the new one claims', async () => {
    const body = await made();
    const id = body.deposit.id;
    for (let i = 0; i < 5; i++) await claim(stranger, body.claimCode);
    expectError(await claim(client, body.claimCode), 423, 'CLAIM_LOCKED');

    const r = await reissue(id);
    expect(r.status, r.text).to.equal(200);
    expect(r.headers.get('cache-control')).to.equal('no-store');
    expect(r.body.depositId).to.equal(id);
    expect(r.body.claimCode).to.match(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(r.body.claimCode).to.not.equal(body.claimCode);
    expect(Date.parse(r.body.claimExpiresAt) - clock.now()).to.be.within(
      90 * DAY - 60_000,
      90 * DAY,
    );
    const list = await call(server.url, 'GET', '/api/v1/notary/counter-deposits', {
      token: notary.token,
    });
    const row = list.body.items.find((i: Body) => i.depositId === id);
    expect(row.claim.state).to.equal('open');
    expect(row.claim.reissuedAt).to.be.a('string');
    expect(JSON.stringify(list.body)).to.not.include(r.body.claimCode);

    // The old code is dead, locked or not; the new one starts with 5 attempts.
    expectError(await claim(client, body.claimCode), 404, 'CLAIM_NOT_FOUND');
    const miss = await claim(stranger, r.body.claimCode);
    expectError(miss, 403, 'CLAIM_IDENTITY_MISMATCH');
    expect(miss.body.error.message).to.not.include(client.idNumber);
    const ok = await claim(client, r.body.claimCode);
    expect(ok.status, ok.text).to.equal(200);
    expect(ok.body.deposit.id).to.equal(id);

    // The trail holds the reissue (by the notary) before the claim, each with a receipt.
    const items = await trail(server, client.token, id);
    expect(items.map((e) => [e.event, e.actor.role])).to.deep.equal([
      ['claim-code-reissued', 'notary'],
      ['claimed', 'depositor'],
    ]);
    expect(items[0].detail).to.deep.include({ previousState: 'locked' });
    const opening = checkCustodyReceipt(items[0].receipt, vkey, body.receipt.opening.salt);
    expect(opening.actor.account).to.equal(notary.id);
    expect(JSON.stringify(items)).to.not.include(r.body.claimCode);

    // Once claimed, there is nothing to reissue.
    expectError(await reissue(id), 409, 'CLAIM_USED');
  });

  it('reissues an expired code with a new 90 days; only the notary who made the deposit may', async () => {
    const body = await made();
    const id = body.deposit.id;
    const size = server.log.size;
    expectError(await reissue(id, otherNotary), 404, 'DEPOSIT_NOT_FOUND');
    expectError(await reissue(id, client), 403, 'ROLE_FORBIDDEN');
    expectError(await reissue(id, judge), 403, 'ROLE_FORBIDDEN');
    expectError(
      await call(server.url, 'POST', `/api/v1/notary/counter-deposits/${id}/claim-code`),
      401,
      'AUTH_REQUIRED',
    );
    expectError(await reissue('HC00000000000'), 404, 'DEPOSIT_NOT_FOUND');
    expectError(await reissue(id, notary, { clientName: 'x' }), 400, 'UNKNOWN_FIELD');
    expect(server.log.size).to.equal(size); // nothing was written
    // An ordinary deposit is no counter deposit.
    const own = await call(server.url, 'POST', '/api/v1/deposits', {
      token: client.token,
      json: hashOnly('mine'),
    });
    expectError(await reissue(own.body.deposit.id), 404, 'DEPOSIT_NOT_FOUND');

    clock.advance(90 * DAY + 1000);
    expectError(await claim(client, body.claimCode), 410, 'CLAIM_EXPIRED');
    const r = await reissue(id.toLowerCase());
    expect(r.status, r.text).to.equal(200);
    expect(Date.parse(r.body.claimExpiresAt) - clock.now()).to.be.within(
      90 * DAY - 60_000,
      90 * DAY,
    );
    const ok = await claim(client, r.body.claimCode);
    expect(ok.status, ok.text).to.equal(200);
  });

  it('expires a code after 90 days', async () => {
    const body = await made();
    const other = await made(testIdNumber(950));
    clock.advance(90 * DAY + 1000);
    expectError(await claim(client, body.claimCode), 410, 'CLAIM_EXPIRED');
    expectError(await claim(stranger, other.claimCode), 410, 'CLAIM_EXPIRED');
  });
});
