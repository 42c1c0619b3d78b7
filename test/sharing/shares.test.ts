/**
 * Court sharing over HTTP: input checks, shares name a listed court (docs/courts.md) and are
 * matched by court id, codes stored only as hashes, redemption binding each judge, expiry and
 * revocation as 404s, the trail.
 */
import { expect } from 'chai';
import { newCode } from '../../src/custody/index.js';
import { call, type Body, type Reply } from '../helpers/api.js';
import {
  checkCustodyReceipt,
  DAY,
  deposit,
  hashOnly,
  listedCourt,
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
  let courtId: string;
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
    courtId = (await listedCourt(server, COURT)).id;
    // Full-width digit and a trailing space: the same listed court after NFKC and trimming.
    judge = await makeAccount(server, 'judge', { court: '上海市第１中级人民法院 ' });
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
      [{ ...valid(), courtId }, 'INVALID_FIELD'], // court and courtId: give one
      [{ ...valid(), court: 42 }, 'INVALID_FIELD'],
      // Only a listed court: a free-text court, or an id nobody listed, is refused.
      [{ ...valid(), court: '徐汇区法院' }, 'COURT_UNKNOWN'],
      [
        { caseNumber: 'c', expiresAt: valid().expiresAt, courtId: 'ct_0000000000000000' },
        'COURT_UNKNOWN',
      ],
      [{ caseNumber: 'c', expiresAt: valid().expiresAt, courtId: 'not an id' }, 'COURT_UNKNOWN'],
    ];
    for (const [body, code] of bad) expectError(await create(body), 400, code);
    expectError(await create(valid(), other), 404, 'DEPOSIT_NOT_FOUND');
    const closed = await listedCourt(server, '上海海事法院');
    await server.courts.update({ account: 'system', role: 'system' }, closed.id, {
      disabled: true,
    });
    const size2 = server.log.size;
    expectError(
      await create({ ...valid(), court: undefined, courtId: closed.id }),
      400,
      'COURT_DISABLED',
    );
    expect(server.log.size).to.equal(size2);
    expect(size2).to.equal(size + 2); // only the two court entries
    const shares = await call(server.url, 'GET', `/api/v1/deposits/${id}/shares`, {
      token: owner.token,
    });
    expect(shares.body.items).to.deep.equal([]);
  });

  it('shares with a listed court by id; the depositor sees its canonical name', async () => {
    const d = (await deposit(server, owner.token, hashOnly('按编号'))).deposit.id;
    const r = await create({ courtId, caseNumber: 'c0', expiresAt: valid().expiresAt }, owner, d);
    expect(r.status, r.text).to.equal(201);
    expect(r.body.share).to.include({ court: COURT, courtId });
    // The court typed another way (full-width digit, spaces) is the same listed court.
    const typed = await create({ ...valid(), court: ' 上海市第１中级人民法院' }, owner, d);
    expect(typed.status, typed.text).to.equal(201);
    expect(typed.body.share).to.include({ court: COURT, courtId });
    // A judge of another court gets the 404 every unusable code gets.
    expectError(await redeem(elsewhere, r.body.code), 404, 'SHARE_NOT_FOUND');
    expect((await redeem(colleague, r.body.code)).status).to.equal(200);
  });

  it('shows the code once and keeps only its hash', async () => {
    const r = await create(valid());
    expect(r.status, r.text).to.equal(201);
    expect(r.body.share).to.include({ court: COURT, courtId, state: 'active', depositId: id });
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
    expect(items[0].detail).to.deep.include({ shareId: share.share.id, court: COURT, courtId });
    for (const item of items) checkCustodyReceipt(item.receipt, vkey, d.receipt.opening.salt);
  });

  it('follows a rename of the court: matched by id, shown by its new name', async () => {
    const d = await deposit(server, owner.token, hashOnly('改名'));
    const before = (await create(valid(), owner, d.deposit.id)).body;
    const renamed = await call(server.url, 'PATCH', `/api/v1/admin/courts/${courtId}`, {
      token: (await makeAccount(server, 'admin')).token,
      json: { name: '上海市第一中级人民法院' },
    });
    expect(renamed.status, renamed.text).to.equal(200);
    const list = await call(server.url, 'GET', `/api/v1/deposits/${d.deposit.id}/shares`, {
      token: owner.token,
    });
    expect(list.body.items[0]).to.include({ court: '上海市第一中级人民法院', courtId });
    // The judges bound to it follow (their court is shown by its new name) and still redeem.
    const me = await call(server.url, 'GET', '/api/v1/auth/me', { token: judge.token });
    expect(me.body.user).to.include({ court: '上海市第一中级人民法院', courtId });
    expect((await redeem(judge, before.code)).status).to.equal(200);
    expect((await read(judge, d.deposit.id)).status).to.equal(200);
    const items = await trail(server, owner.token, d.deposit.id);
    expect(items.find((e) => e.event === 'share-redeemed').detail).to.deep.include({
      court: '上海市第一中级人民法院',
      courtId,
    });
  });

  it('puts the first deposit’s share events on its trail', async () => {
    const events = (await trail(server, owner.token, id)).map((e) => e.event);
    expect(events.filter((e) => e === 'share-redeemed')).to.have.length(2);
    expect(salt).to.match(/^[0-9a-f]{64}$/);
  });
});
