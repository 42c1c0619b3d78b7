/**
 * Court sharing over HTTP: input checks, codes stored only as hashes, court matching (NFKC,
 * trimmed), redemption binding each judge, expiry and revocation as 404s, the trail.
 */
import { expect } from 'chai';
import { newCode } from '../../src/custody/index.js';
import { call, type Body, type Reply } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  DAY,
  deposit,
  hashOnly,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  trail,
  type Persona,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

function expectError(r: Reply, status: number, code: string): void {
  expect(r.status, r.text).to.equal(status);
  expect(r.body.error.code).to.equal(code);
}

const COURT = '上海市第1中级人民法院';

describe('court sharing (HTTP)', () => {
  let server: TestServer;
  let clock: TestClock;
  let vkey: string;
  let owner: Persona;
  let other: Persona;
  let judge: Persona;
  let colleague: Persona;
  let elsewhere: Persona;
  let id: string;
  let salt: string;
  const create = (json: Body, who = owner, dep = id) =>
    call(server.url, 'POST', `/api/v1/deposits/${dep}/shares`, { token: who.token, json });
  const valid = (days = 10): Body => ({
    court: COURT,
    caseNumber: '(2026)沪01民初1号',
    expiresAt: new Date(clock.now() + days * DAY).toISOString(),
  });
  const redeem = (who: Persona, code: unknown) =>
    call(server.url, 'POST', '/api/v1/shares/redeem', { token: who.token, json: { code } });
  const read = (who: Persona, dep = id) =>
    call(server.url, 'GET', `/api/v1/deposits/${dep}`, { token: who.token });

  before(async () => {
    ({ server, clock, vkey } = await startCaseworkServer());
    owner = await makeDepositor(server);
    other = await makeDepositor(server, '李四');
    // Full-width digit and a trailing space: the same court after NFKC and trimming.
    judge = await makeAccount(server, 'judge', { court: '上海市第１中级人民法院' });
    colleague = await makeAccount(server, 'judge', { court: COURT });
    elsewhere = await makeAccount(server, 'judge', { court: '北京互联网法院' });
    const d = await deposit(server, owner.token, hashOnly('共享证据'));
    id = d.deposit.id;
    salt = d.receipt.opening.salt;
  });
  after(() => server.dispose());

  it('checks the share body', async () => {
    const size = server.log.size;
    const bad: [Body, string][] = [
      [{ ...valid(), expiresAt: new Date(clock.now() - 1000).toISOString() }, 'INVALID_FIELD'],
      [{ ...valid(), expiresAt: new Date(clock.now() + 800 * DAY).toISOString() }, 'INVALID_FIELD'],
      [{ ...valid(), expiresAt: 'tomorrow' }, 'INVALID_FIELD'],
      [{ ...valid(), expiresAt: '2030-01-01' }, 'INVALID_FIELD'],
      [{ caseNumber: 'c', expiresAt: valid().expiresAt }, 'INVALID_FIELD'],
      [{ ...valid(), caseNumber: '' }, 'INVALID_FIELD'],
      [{ ...valid(), judge: 'x' }, 'UNKNOWN_FIELD'],
    ];
    for (const [body, code] of bad) expectError(await create(body), 400, code);
    expectError(await create(valid(), other), 404, 'DEPOSIT_NOT_FOUND');
    expect(server.log.size).to.equal(size);
  });

  it('shows the code once and keeps only its hash', async () => {
    const r = await create(valid());
    expect(r.status, r.text).to.equal(201);
    expect(r.body.share).to.include({ court: COURT, state: 'active', depositId: id });
    expect(r.body.share.redemptions).to.deep.equal([]);
    const canonical = r.body.code.replace(/-/g, '');
    for await (const [key, value] of server.store.scan('rec/')) {
      const text = new TextDecoder().decode(value);
      expect(text, key).to.not.include(canonical).and.not.include(r.body.code);
    }
    const list = await call(server.url, 'GET', `/api/v1/deposits/${id}/shares`, {
      token: owner.token,
    });
    expect(JSON.stringify(list.body)).to.not.include(canonical);
  });

  it('lets judges of that court redeem (NFKC, trimmed), each bound; others get 404', async () => {
    const { body } = await create(valid());
    expectError(await redeem(judge, 'ABCD'), 400, 'CODE_INVALID');
    expectError(await redeem(judge, newCode().code), 404, 'SHARE_NOT_FOUND');
    expectError(await redeem(elsewhere, body.code), 404, 'SHARE_NOT_FOUND');
    expectError(await read(judge), 404, 'DEPOSIT_NOT_FOUND');
    const size = server.log.size;
    expect((await redeem(judge, body.code)).status).to.equal(200);
    expect((await redeem(judge, body.code)).status).to.equal(200); // again: no new event
    expect(server.log.size).to.equal(size + 1);
    expect((await read(judge)).status).to.equal(200);
    expectError(await read(colleague), 404, 'DEPOSIT_NOT_FOUND'); // not bound yet
    expect((await redeem(colleague, body.code)).status).to.equal(200);
    expect((await read(colleague)).status).to.equal(200);
    const list = await call(server.url, 'GET', `/api/v1/deposits/${id}/shares`, {
      token: owner.token,
    });
    const mine = list.body.items.find((s: Body) => s.id === body.share.id);
    expect(mine.redemptions.map((r: Body) => r.judge.displayName)).to.deep.equal([
      judge.displayName,
      colleague.displayName,
    ]);
    const listed = await call(server.url, 'GET', '/api/v1/deposits', { token: judge.token });
    expect(listed.body.items.map((d: Body) => d.id)).to.deep.equal([id]);
    // A share of one deposit opens no other deposit of the same owner.
    const second = await deposit(server, owner.token, hashOnly('另一件'));
    expectError(await read(judge, second.deposit.id), 404, 'DEPOSIT_NOT_FOUND');
  });

  it('ends access at revocation and at expiry, both 404 for the judge', async () => {
    const d = await deposit(server, owner.token, hashOnly('撤销'));
    const share = (await create(valid(30), owner, d.deposit.id)).body;
    const short = (await create(valid(1), owner, d.deposit.id)).body;
    await redeem(judge, share.code);
    await redeem(colleague, short.code);
    const path = `/api/v1/deposits/${d.deposit.id}/shares/${share.share.id}`;
    expectError(
      await call(server.url, 'DELETE', path, { token: other.token }),
      404,
      'DEPOSIT_NOT_FOUND',
    );
    expectError(
      await call(
        server.url,
        'DELETE',
        `/api/v1/deposits/${d.deposit.id}/shares/sh_0000000000000000`,
        { token: owner.token },
      ),
      404,
      'SHARE_NOT_FOUND',
    );
    expect((await call(server.url, 'DELETE', path, { token: owner.token })).status).to.equal(204);
    const size = server.log.size;
    expect((await call(server.url, 'DELETE', path, { token: owner.token })).status).to.equal(204);
    expect(server.log.size).to.equal(size);
    expectError(await read(judge, d.deposit.id), 404, 'DEPOSIT_NOT_FOUND');
    expectError(await redeem(judge, share.code), 404, 'SHARE_REVOKED');
    expect((await read(colleague, d.deposit.id)).status).to.equal(200);
    clock.advance(DAY + 1000);
    expectError(await read(colleague, d.deposit.id), 404, 'DEPOSIT_NOT_FOUND');
    expectError(await redeem(colleague, short.code), 404, 'SHARE_EXPIRED');
    const states = (
      await call(server.url, 'GET', `/api/v1/deposits/${d.deposit.id}/shares`, {
        token: owner.token,
      })
    ).body.items
      .map((s: Body) => s.state)
      .sort();
    expect(states).to.deep.equal(['expired', 'revoked']);
    const items = await trail(server, owner.token, d.deposit.id);
    expect(items.map((e) => e.event)).to.deep.equal([
      'shared',
      'shared',
      'share-redeemed',
      'share-redeemed',
      'share-revoked',
      'viewed',
    ]);
    expect(items[0].detail).to.deep.include({ shareId: share.share.id, court: COURT });
    for (const item of items) checkCustodyReceipt(item.receipt, vkey, d.receipt.opening.salt);
  });

  it('puts the first deposit’s share events on its trail', async () => {
    const events = (await trail(server, owner.token, id)).map((e) => e.event);
    expect(events.filter((e) => e === 'share-redeemed')).to.have.length(2);
    expect(salt).to.match(/^[0-9a-f]{64}$/);
  });
});
