/**
 * Passwords after registration (docs/SECURITY.md, "Sign-in"): anyone signed in changes their own
 * (the current one checked under the sign-in back-off), an admin sets a new one for an account
 * (typed, or generated and shown once; an admin entry). Either way every older token is refused.
 */
import { expect } from 'chai';
import { PAIR_THRESHOLD } from '../../src/accounts/throttle.js';
import { checkAdminEntries } from './admin-entries.js';
import {
  ADMIN_PASSWORD,
  expectError,
  login,
  startAccountsServer,
  type AccountsServer,
  type Reply,
} from './fixture.js';

describe('accounts HTTP: changing and resetting passwords', () => {
  let server: AccountsServer;
  let admin: string;
  before(async () => {
    server = await startAccountsServer();
    admin = await login(server, 'admin', ADMIN_PASSWORD);
  });
  after(async () => {
    await server.close();
    expect(server.errors).to.deep.equal([]);
  });

  const change = (token: string | undefined, body: unknown): Promise<Reply> =>
    server.call('POST', '/api/v1/auth/password', { ...(token ? { token } : {}), body });
  const me = (token: string): Promise<Reply> => server.call('GET', '/api/v1/auth/me', { token });

  it('changes one’s own password: the old token is refused, the new session works', async () => {
    const old = await login(server, 'demo-notary', 'demo-notary-pass');
    const r = await change(old, {
      currentPassword: 'demo-notary-pass',
      newPassword: 'a brand new notary password',
    });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.headers.get('cache-control')).to.equal('no-store');
    expect(r.body.user).to.include({ username: 'demo-notary', role: 'notary' });
    expect((await me(r.body.token)).status).to.equal(200);
    expectError(await me(old), 401, 'TOKEN_INVALID');
    expectError(
      await server.call('POST', '/api/v1/auth/login', {
        body: { username: 'demo-notary', password: 'demo-notary-pass' },
      }),
      401,
      'LOGIN_FAILED',
    );
    await login(server, 'demo-notary', 'a brand new notary password');
  });

  it('refuses a wrong current password or a bad new one, naming each field, and changes nothing', async () => {
    const token = await login(server, 'demo-judge', 'demo-judge-pass');
    const hash = server.accounts.store.byUsername('demo-judge')!.passwordHash;
    const wrong = await change(token, {
      currentPassword: 'not the password',
      newPassword: 'a long enough password',
    });
    expectError(wrong, 400, 'CURRENT_PASSWORD_WRONG');
    expect(wrong.body.error).to.deep.include({ field: 'currentPassword' });
    const short = await change(token, { currentPassword: 'demo-judge-pass', newPassword: 'short' });
    expectError(short, 400, 'INVALID_FIELD', 'newPassword');
    expectError(
      await change(token, { currentPassword: 'demo-judge-pass', newPassword: ' '.repeat(12) }),
      400,
      'PASSWORD_BLANK',
    );
    const both = await change(token, { newPassword: 'short' });
    expect(both.body.error.fields).to.deep.equal(['currentPassword', 'newPassword']);
    expect(both.body.error.issues[0]).to.deep.equal({
      field: 'currentPassword',
      code: 'INVALID_FIELD',
      problem: 'required',
    });
    expectError(
      await change(token, {
        currentPassword: 'demo-judge-pass',
        newPassword: 'x'.repeat(12),
        x: 1,
      }),
      400,
      'UNKNOWN_FIELD',
      'x',
    );
    expectError(
      await change(undefined, { currentPassword: 'a', newPassword: 'b' }),
      401,
      'AUTH_REQUIRED',
    );
    expect(server.accounts.store.byUsername('demo-judge')!.passwordHash).to.equal(hash);
    expect((await me(token)).status).to.equal(200); // a refused change signs no one out
  });

  it('admin: generates a new password shown once, or sets the one typed; older tokens are refused', async () => {
    const user = server.accounts.store.byUsername('demo-depositor')!;
    const old = await login(server, 'demo-depositor', 'demo-depositor-pass');
    const reset = (id: string, body: unknown, token = admin): Promise<Reply> =>
      server.call('POST', `/api/v1/admin/users/${id}/password`, { token, body });
    const generated = await reset(user.id, {});
    expect(generated.status, JSON.stringify(generated.body)).to.equal(200);
    expect(generated.headers.get('cache-control')).to.equal('no-store');
    expect(generated.body.password).to.match(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(generated.body.user).to.include({ id: user.id }).and.not.have.property('passwordHash');
    expectError(await me(old), 401, 'TOKEN_INVALID');
    await login(server, 'demo-depositor', generated.body.password);

    const typed = await reset(user.id, { password: 'typed by the admin 1' });
    expect(typed.status).to.equal(200);
    expect(typed.body).not.to.have.property('password');
    await login(server, 'demo-depositor', 'typed by the admin 1');

    expectError(await reset(user.id, { password: 'short' }), 400, 'INVALID_FIELD', 'password');
    expectError(await reset('u_ffffffffffffffff', {}), 404, 'USER_NOT_FOUND');
    const depositor = await login(server, 'demo-depositor', 'typed by the admin 1');
    expectError(await reset(user.id, {}, depositor), 403, 'ROLE_FORBIDDEN');

    const entries = await checkAdminEntries(server.store, server.log);
    const resets = entries.filter((e) => e.opening.action === 'account-password-reset');
    expect(resets).to.have.length(2);
    expect(resets[0]!.opening.subject).to.deep.equal({ account: user.id });
    const text = JSON.stringify(entries);
    expect(text).not.to.contain('typed by the admin').and.not.to.contain(generated.body.password);
  });
});

describe('accounts HTTP: the current password is checked under the sign-in back-off', () => {
  let server: AccountsServer;
  let clock = Date.parse('2026-06-01T00:00:00Z');
  before(async () => {
    server = await startAccountsServer({ rateLimits: true, now: () => clock });
  });
  after(() => server.close());

  it('holds a token that guesses the current password like a sign-in, with Retry-After', async () => {
    const token = await login(server, 'demo-judge', 'demo-judge-pass');
    const guess = (): Promise<Reply> =>
      server.call('POST', '/api/v1/auth/password', {
        token,
        body: { currentPassword: 'a guess', newPassword: 'a long enough password' },
      });
    for (let i = 0; i < PAIR_THRESHOLD; i++)
      expectError(await guess(), 400, 'CURRENT_PASSWORD_WRONG');
    const held = await guess();
    expectError(held, 429, 'LOGIN_THROTTLED');
    expect(Number(held.headers.get('retry-after'))).to.be.greaterThan(0);
    clock += 60_000;
    expectError(await guess(), 400, 'CURRENT_PASSWORD_WRONG');
  });
});
