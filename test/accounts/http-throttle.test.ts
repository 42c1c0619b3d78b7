import { expect } from 'chai';
import { testIdNumber } from '../helpers/api.js';
import { startAccountsServer, type AccountsServer, type Reply } from './fixture.js';

describe('accounts HTTP: login back-off and registration limits', () => {
  let server: AccountsServer;
  let now = Date.now();
  before(
    async () =>
      (server = await startAccountsServer({ rateLimits: true, trustProxy: true, now: () => now })),
  );
  after(async () => {
    await server.close();
    expect(server.errors).to.deep.equal([]);
  });

  const attempt = (username: string, password: string, ip: string): Promise<Reply> =>
    server.call('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': ip },
    });

  it('backs off an account from an address after 5 failures (429 + Retry-After); a success resets it', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('demo-notary', 'wrong password', '10.0.0.1')).status).to.equal(401);
    const held = await attempt('demo-notary', 'demo-notary-pass', '10.0.0.1');
    expect(held.status).to.equal(429);
    expect(held.body.error.code).to.equal('LOGIN_THROTTLED');
    expect(held.body.error.message).to.contain('retry in 1 s');
    expect(held.headers.get('retry-after')).to.equal('1');
    now += 1000;
    expect((await attempt('demo-notary', 'wrong password', '10.0.0.1')).status).to.equal(401);
    const longer = await attempt('demo-notary', 'demo-notary-pass', '10.0.0.1');
    expect(longer.status).to.equal(429);
    expect(longer.headers.get('retry-after')).to.equal('2');
    now += 2000;
    expect((await attempt('demo-notary', 'demo-notary-pass', '10.0.0.1')).status).to.equal(200);
    expect((await attempt('demo-notary', 'wrong password', '10.0.0.1')).status).to.equal(401);
    expect((await attempt('demo-notary', 'demo-notary-pass', '10.0.0.1')).status).to.equal(200);
  });

  it('gives a burst of 20 parallel wrong passwords exactly the 5 tries the back-off allows', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => attempt('demo-depositor', 'wrong password', '10.0.2.1')),
    );
    const codes = replies.map((r) => r.body.error.code as string);
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).to.have.length(5);
    expect(codes.filter((c) => c === 'LOGIN_THROTTLED')).to.have.length(15);
  });

  it('lets the owner in from an address that has not been failing', async () => {
    for (let i = 0; i < 12; i++) await attempt('demo-admin', 'wrong password', `10.0.3.${i % 4}`); // 4 addresses, 12 failures
    const held = await attempt('demo-admin', 'demo-admin-pass', '10.0.3.1');
    expect(held.status).to.equal(429);
    expect(held.body.error.code).to.equal('LOGIN_THROTTLED_ACCOUNT');
    expect(Number(held.headers.get('retry-after'))).to.be.greaterThan(0);
    expect((await attempt('demo-admin', 'demo-admin-pass', '10.0.4.1')).status).to.equal(200);
  });

  it('backs off an address that fails across many accounts on those accounts, not on the others', async () => {
    for (let i = 0; i < 20; i++)
      expect((await attempt(`nobody${i}`, 'wrong password', '10.9.9.9')).status).to.equal(401);
    const held = await attempt('nobody3', 'wrong password', '10.9.9.9');
    expect(held.status).to.equal(429);
    expect(held.body.error.code).to.equal('LOGIN_THROTTLED_ADDRESS');
    expect(held.headers.get('retry-after')).to.equal('1');
    // the owner of an account this address never failed on, behind the same (NAT) address
    expect((await attempt('demo-judge', 'demo-judge-pass', '10.9.9.9')).status).to.equal(200);
    expect((await attempt('nobody3', 'wrong password', '10.9.9.10')).status).to.equal(401);
  });

  it('limits registrations to 20 an hour per address (429 RATE_LIMITED)', async () => {
    const register = (username: string, ip: string, seq = 601): Promise<Reply> =>
      server.call('POST', '/api/v1/auth/register', {
        body: {
          username,
          password: 'a strong password',
          displayName: 'x',
          realName: 'x',
          idNumber: testIdNumber(seq),
        },
        headers: { 'x-forwarded-for': ip },
      });
    expect((await register('reg0', '10.7.7.7')).status).to.equal(201);
    for (let i = 1; i < 20; i++) expect((await register('reg0', '10.7.7.7')).status).to.equal(409);
    const limited = await register('reg1', '10.7.7.7', 602);
    expect(limited.status).to.equal(429);
    expect(limited.body.error.code).to.equal('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).to.be.within(3590, 3600);
    expect((await register('reg1', '10.7.7.8', 602)).status).to.equal(201);
    now += 3_600_000;
    expect((await register('reg2', '10.7.7.7', 603)).status).to.equal(201);
  });
});
