import { expect } from 'chai';
import { join } from 'node:path';
import { loadOrCreateTokenKey, TokenService } from '../../src/accounts/tokens.js';
import { testIdNumber } from '../helpers/api.js';
import {
  ADMIN_PASSWORD,
  ISSUER,
  login,
  startAccountsServer,
  expectError,
  type AccountsServer,
} from './fixture.js';

const ID = testIdNumber(456); // one ID number, one account: not the demo depositor's
const registration = (username: string): Record<string, unknown> => ({
  username,
  password: 'a strong password',
  displayName: '李四',
  realName: '李四',
  idNumber: ID,
});

describe('accounts HTTP: register, login, me, tokens', () => {
  let server: AccountsServer;
  before(async () => (server = await startAccountsServer()));
  after(async () => {
    await server.close();
    expect(server.errors).to.deep.equal([]);
  });

  it('registers a depositor: 201 {token, user}, the ID number never echoed', async () => {
    const r = await server.call('POST', '/api/v1/auth/register', { body: registration('Li.Si') });
    expect(r.status).to.equal(201);
    expect(r.body.user).to.deep.include({
      username: 'li.si',
      role: 'depositor',
      displayName: '李四',
    });
    expect(r.body.user.id).to.match(/^u_[0-9a-f]{16}$/);
    expect(JSON.stringify(r.body)).not.to.contain(ID.slice(4, 14));
    const me = await server.call('GET', '/api/v1/auth/me', { token: r.body.token });
    expect(me.status).to.equal(200);
    expect(me.body.user).to.deep.include({
      username: 'li.si',
      idMasked: `3101**********${ID.slice(-4)}`,
      realName: '李四',
      disabled: false,
    });
    expect(JSON.stringify(me.body)).not.to.match(
      new RegExp(`passwordHash|idNumberSealed|idHmac|${ID.slice(10, 17)}`),
    );
  });

  it('stores the ID number sealed, never in clear', async () => {
    for await (const [, value] of server.store.scan('rec/')) {
      expect(Buffer.from(value).toString('utf8')).not.to.contain(ID.slice(10, 17));
    }
  });

  it('refuses a taken username case-insensitively (409 USERNAME_TAKEN)', async () => {
    expectError(
      await server.call('POST', '/api/v1/auth/register', { body: registration('LI.SI') }),
      409,
      'USERNAME_TAKEN',
    );
    expectError(
      await server.call('POST', '/api/v1/auth/register', { body: registration('ｌｉ.ｓｉ') }),
      409,
      'USERNAME_TAKEN',
    );
  });

  it('logs in with the same error for an unknown user and a wrong password', async () => {
    const ok = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'LI.SI', password: 'a strong password' },
    });
    expect(ok.status).to.equal(200);
    expect(ok.body.user).to.deep.equal({
      id: ok.body.user.id,
      username: 'li.si',
      role: 'depositor',
      displayName: '李四',
    });
    const wrong = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'li.si', password: 'not the password' },
    });
    const unknown = await server.call('POST', '/api/v1/auth/login', {
      body: { username: 'nobody', password: 'not the password' },
    });
    expectError(wrong, 401, 'LOGIN_FAILED');
    expectError(unknown, 401, 'LOGIN_FAILED');
    expect(wrong.body).to.deep.equal(unknown.body);
    expectError(
      await server.call('POST', '/api/v1/auth/login', { body: { username: 'li.si' } }),
      400,
      'INVALID_FIELD',
      'password',
    );
    expectError(
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'li.si', password: 'x', otp: 1 },
      }),
      400,
      'UNKNOWN_FIELD',
      'otp',
    );
  });

  it('answers 401 AUTH_REQUIRED without a token and 401 TOKEN_INVALID for a bad one', async () => {
    expectError(await server.call('GET', '/api/v1/auth/me'), 401, 'AUTH_REQUIRED');
    const bad = await server.call('GET', '/api/v1/auth/me', { token: 'a.b.c' });
    expectError(bad, 401, 'TOKEN_INVALID');
    expect(bad.headers.get('www-authenticate')).to.match(/^Bearer /);
    expectError(
      await server.call('GET', '/api/v1/auth/me', { headers: { authorization: 'Basic eDp5' } }),
      401,
      'TOKEN_INVALID',
    );
    // a present but invalid token fails even where no login is needed
    expectError(
      await server.call('POST', '/api/v1/auth/login', {
        token: 'a.b.c',
        body: { username: 'x', password: 'y' },
      }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('answers 401 TOKEN_EXPIRED for an expired token', async () => {
    const user = server.accounts.store.byUsername('li.si')!;
    const { pair } = loadOrCreateTokenKey(join(server.dir, 'certs'));
    const old = new TokenService({
      pair,
      issuer: ISSUER,
      now: () => Date.now() - 2 * 3600_000,
    }).issue(user.id).token;
    expectError(await server.call('GET', '/api/v1/auth/me', { token: old }), 401, 'TOKEN_EXPIRED');
  });

  it('stops a disabled account at once, even with a cached token; when enabled, only new sign-ins work', async () => {
    const admin = await login(server, 'admin', ADMIN_PASSWORD);
    const token = await login(server, 'li.si', 'a strong password');
    expect((await server.call('GET', '/api/v1/auth/me', { token })).status).to.equal(200); // now cached
    const id = server.accounts.store.byUsername('li.si')!.id;
    expect(
      (
        await server.call('PATCH', `/api/v1/admin/users/${id}`, {
          token: admin,
          body: { disabled: true, reason: 'test' },
        })
      ).status,
    ).to.equal(200);
    expectError(await server.call('GET', '/api/v1/auth/me', { token }), 401, 'ACCOUNT_DISABLED');
    expectError(
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'li.si', password: 'a strong password' },
      }),
      401,
      'ACCOUNT_DISABLED',
    );
    expectError(
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'li.si', password: 'wrong password' },
      }),
      401,
      'LOGIN_FAILED',
    );
    expect(
      (
        await server.call('PATCH', `/api/v1/admin/users/${id}`, {
          token: admin,
          body: { disabled: false },
        })
      ).status,
    ).to.equal(200);
    // the token issued before the account was disabled stays dead, cached or not
    const revoked = await server.call('GET', '/api/v1/auth/me', { token });
    expectError(revoked, 401, 'TOKEN_INVALID');
    expect(revoked.headers.get('www-authenticate')).to.match(/invalid_token/);
    // a sign-in right after (very likely in the same second) gets a token that works
    const fresh = await login(server, 'li.si', 'a strong password');
    expect((await server.call('GET', '/api/v1/auth/me', { token: fresh })).status).to.equal(200);
  });

  it('forbids a role that can never use a route (403 ROLE_FORBIDDEN)', async () => {
    const token = await login(server, 'li.si', 'a strong password');
    expectError(await server.call('GET', '/api/v1/admin/users', { token }), 403, 'ROLE_FORBIDDEN');
    expectError(
      await server.call('POST', '/api/v1/admin/users', { token, body: {} }),
      403,
      'ROLE_FORBIDDEN',
    );
  });
});
