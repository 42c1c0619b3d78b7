import { expect } from 'chai';
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

  it('backs off an account after 5 failures (429 + Retry-After), and a success resets it', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('demo-notary', 'wrong password', `10.0.0.${i}`)).status).to.equal(401);
    const held = await attempt('demo-notary', 'demo-notary-pass', '10.0.1.1');
    expect(held.status).to.equal(429);
    expect(held.body.error.code).to.equal('LOGIN_THROTTLED');
    expect(held.headers.get('retry-after')).to.equal('1');
    now += 1000;
    expect((await attempt('demo-notary', 'wrong password', '10.0.1.2')).status).to.equal(401);
    const longer = await attempt('demo-notary', 'demo-notary-pass', '10.0.1.3');
    expect(longer.status).to.equal(429);
    expect(longer.headers.get('retry-after')).to.equal('2');
    now += 2000;
    expect((await attempt('demo-notary', 'demo-notary-pass', '10.0.1.4')).status).to.equal(200);
    expect((await attempt('demo-notary', 'wrong password', '10.0.1.5')).status).to.equal(401);
    expect((await attempt('demo-notary', 'demo-notary-pass', '10.0.1.6')).status).to.equal(200);
  });

  it('backs off an address that fails across many accounts, not other addresses', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt(`nobody${i}`, 'wrong password', '10.9.9.9')).status).to.equal(401);
    const held = await attempt('demo-judge', 'demo-judge-pass', '10.9.9.9');
    expect(held.status).to.equal(429);
    expect(held.headers.get('retry-after')).to.equal('1');
    expect((await attempt('demo-judge', 'demo-judge-pass', '10.9.9.10')).status).to.equal(200);
  });

  it('limits registrations to 20 an hour per address (429 RATE_LIMITED)', async () => {
    const register = (username: string, ip: string): Promise<Reply> =>
      server.call('POST', '/api/v1/auth/register', {
        body: {
          username,
          password: 'a strong password',
          displayName: 'x',
          realName: 'x',
          idNumber: '11010519491231002X',
        },
        headers: { 'x-forwarded-for': ip },
      });
    expect((await register('reg0', '10.7.7.7')).status).to.equal(201);
    for (let i = 1; i < 20; i++) expect((await register('reg0', '10.7.7.7')).status).to.equal(409);
    const limited = await register('reg1', '10.7.7.7');
    expect(limited.status).to.equal(429);
    expect(limited.body.error.code).to.equal('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).to.be.within(3590, 3600);
    expect((await register('reg1', '10.7.7.8')).status).to.equal(201);
    now += 3_600_000;
    expect((await register('reg2', '10.7.7.7')).status).to.equal(201);
  });
});
