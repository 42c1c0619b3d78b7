import { expect } from 'chai';
import { checkAdminEntries } from './admin-entries.js';
import {
  ADMIN_PASSWORD,
  expectError,
  login,
  startAccountsServer,
  type AccountsServer,
  type Reply,
} from './fixture.js';

describe('accounts HTTP: administration and admin entries', () => {
  let server: AccountsServer;
  let admin: string;
  let adminId: string;
  before(async () => {
    server = await startAccountsServer();
    admin = await login(server, 'admin', ADMIN_PASSWORD);
    adminId = server.accounts.store.byUsername('admin')!.id;
  });
  after(async () => {
    await server.close();
    expect(server.errors).to.deep.equal([]);
  });

  it('bootstraps admin and the demo accounts, each with an admin entry by "system"', async () => {
    expect(server.demo.map((d) => d.username)).to.deep.equal([
      'demo-depositor',
      'demo-notary',
      'demo-judge',
      'demo-admin',
    ]);
    for (const d of server.demo) await login(server, d.username, d.password);
    const entries = await checkAdminEntries(server.store, server.log);
    expect(entries).to.have.length(5);
    for (const e of entries) {
      expect(e.opening.action).to.equal('account-created');
      expect(e.opening.actor).to.deep.equal({ account: 'system', role: 'system' });
    }
    expect(server.accounts.store.byUsername('demo-judge')?.court).to.equal('上海市徐汇区人民法院');
  });

  it('lists accounts for admins only, without personal data beyond the masked ID', async () => {
    const r = await server.call('GET', '/api/v1/admin/users', { token: admin });
    expect(r.status).to.equal(200);
    expect(r.body.items.map((u: { username: string }) => u.username)).to.include.members([
      'admin',
      'demo-depositor',
    ]);
    const dep = r.body.items.find((u: { username: string }) => u.username === 'demo-depositor');
    expect(dep).to.include({ role: 'depositor', idMasked: '3101**********123X', disabled: false });
    expect(dep).not.to.have.any.keys('realName', 'passwordHash', 'idHmac', 'idNumberSealed');
    const judge = await login(server, 'demo-judge', 'demo-judge-pass');
    expectError(
      await server.call('GET', '/api/v1/admin/users', { token: judge }),
      403,
      'ROLE_FORBIDDEN',
    );
    expectError(await server.call('GET', '/api/v1/admin/users'), 401, 'AUTH_REQUIRED');
  });

  it('creates accounts with the role rules: court for judges, office for notaries', async () => {
    const post = (body: unknown): Promise<Reply> =>
      server.call('POST', '/api/v1/admin/users', { token: admin, body });
    const base = { password: 'judge password 1', displayName: '王法官' };
    expectError(
      await post({ ...base, username: 'judge1', role: 'judge' }),
      400,
      'INVALID_FIELD',
      'court',
    );
    expectError(
      await post({ ...base, username: 'judge1', role: 'notary', court: 'x' }),
      400,
      'INVALID_FIELD',
      'court',
    );
    expectError(
      await post({ ...base, username: 'judge1', role: 'judge', court: 'x', office: 'y' }),
      400,
      'INVALID_FIELD',
      'office',
    );
    expectError(
      await post({ ...base, username: 'judge1', role: 'superuser' }),
      400,
      'INVALID_FIELD',
      'role',
    );
    expectError(
      await post({ ...base, username: 'judge1', role: 'judge', court: 'x', extra: true }),
      400,
      'UNKNOWN_FIELD',
      'extra',
    );
    expectError(
      await post({
        ...base,
        username: 'judge1',
        role: 'judge',
        court: 'x',
        password: '\u3000'.repeat(10),
      }),
      400,
      'PASSWORD_BLANK',
      'password',
    );
    expectError(
      await post({ ...base, username: 'dep1', role: 'depositor' }),
      400,
      'INVALID_FIELD',
      'realName',
    );
    const r = await post({
      ...base,
      username: 'Judge1',
      role: 'judge',
      court: ' 上海市第一中级人民法院 ',
    });
    expect(r.status).to.equal(201);
    expect(r.body.user).to.include({
      username: 'judge1',
      role: 'judge',
      court: '上海市第一中级人民法院',
      disabled: false,
    });
    expectError(
      await post({ ...base, username: 'JUDGE1', role: 'judge', court: 'x' }),
      409,
      'USERNAME_TAKEN',
    );
    const n = await post({
      username: 'notary1',
      password: 'notary password',
      role: 'notary',
      displayName: '赵公证员',
      office: '上海市东方公证处',
    });
    expect(n.status).to.equal(201);
    expect(n.body.user.office).to.equal('上海市东方公证处');
    const judgeToken = await login(server, 'judge1', 'judge password 1');
    const me = await server.call('GET', '/api/v1/auth/me', { token: judgeToken });
    expect(me.body.user).to.include({ role: 'judge', court: '上海市第一中级人民法院' });
  });

  it('disables and enables accounts; never the admin themself', async () => {
    const id = server.accounts.store.byUsername('notary1')!.id;
    const patch = (target: string, body: unknown): Promise<Reply> =>
      server.call('PATCH', `/api/v1/admin/users/${target}`, { token: admin, body });
    const reason = '离职，账户停用';
    expectError(await patch(adminId, { disabled: true, reason }), 409, 'CANNOT_DISABLE_SELF');
    expectError(await patch(id, { disabled: 'yes' }), 400, 'INVALID_FIELD', 'disabled');
    expectError(await patch(id, {}), 400, 'INVALID_FIELD', 'disabled');
    expectError(await patch(id, { disabled: true, role: 'admin' }), 400, 'UNKNOWN_FIELD', 'role');
    expectError(
      await patch('u_ffffffffffffffff', { disabled: true, reason }),
      404,
      'USER_NOT_FOUND',
    );
    expectError(
      await patch('U_FFFFFFFFFFFFFFFF', { disabled: true, reason }),
      404,
      'USER_NOT_FOUND',
    );
    const r = await patch(id, { disabled: true, reason });
    expect(r.status).to.equal(200);
    expect(r.body.user).to.include({ id, disabled: true, disabledReason: reason });
    expect((await patch(id, { disabled: true, reason })).body.user.disabled).to.equal(true); // no change, no entry
    const enabled = await patch(id, { disabled: false });
    expect(enabled.body.user.disabled).to.equal(false);
    expect(enabled.body.user).not.to.have.property('disabledReason');
    expect((await patch(adminId, { disabled: false })).status).to.equal(200); // enabling oneself is a no-op
  });

  it('refuses to disable without a one-line reason, and writes nothing', async () => {
    const id = server.accounts.store.byUsername('judge1')!.id;
    const before = server.log.current().size;
    const patch = (body: unknown): Promise<Reply> =>
      server.call('PATCH', `/api/v1/admin/users/${id}`, { token: admin, body });
    const missing = await patch({ disabled: true });
    expectError(missing, 400, 'INVALID_FIELD', 'reason');
    expect(missing.body.error).to.deep.include({ field: 'reason', fields: ['reason'] });
    expect(missing.body.error.issues).to.deep.equal([
      { field: 'reason', code: 'INVALID_FIELD', problem: 'required' },
    ]);
    expectError(await patch({ disabled: true, reason: '  ' }), 400, 'INVALID_FIELD', 'reason');
    expectError(await patch({ disabled: true, reason: 'a\nb' }), 400, 'INVALID_FIELD', 'reason');
    const long = await patch({ disabled: true, reason: '长'.repeat(201) });
    expectError(long, 400, 'FIELD_TOO_LONG', 'reason');
    expect(long.body.error).to.include({ field: 'reason', limit: 200 });
    expectError(await patch({ disabled: false, reason: 'x' }), 400, 'INVALID_FIELD', 'reason');
    // both bad at once: both named, each with its own problem
    const both = await patch({ disabled: 'yes', reason: '长'.repeat(201) });
    expect(both.body.error.fields).to.deep.equal(['disabled', 'reason']);
    expect(both.body.error.issues.map((i: { code: string }) => i.code)).to.deep.equal([
      'INVALID_FIELD',
      'INVALID_FIELD',
    ]);
    expect(server.log.current().size).to.equal(before);
    expect(server.accounts.store.byId(id)!.disabled).to.equal(false);
  });

  it('puts every admin action on the log: commitments recomputed, inclusion verified', async () => {
    const entries = await checkAdminEntries(server.store, server.log);
    const mine = entries.filter((e) => e.opening.actor.account === adminId);
    expect(mine.map((e) => e.opening.action)).to.deep.equal([
      'account-created',
      'account-created',
      'account-disabled',
      'account-enabled',
    ]);
    expect(mine[2]!.opening.reason).to.equal('离职，账户停用');
    expect(mine[3]!.opening).not.to.have.property('reason');
    for (const e of mine)
      expect(e.opening.actor).to.deep.equal({ account: adminId, role: 'admin' });
    const notary = server.accounts.store.byUsername('notary1')!;
    expect(mine[1]!.opening.subject).to.deep.equal({ account: notary.id });
    expect(mine[1]!.opening.time).to.equal(notary.createdAt);
    // the public entry holds no personal data
    const entryText = JSON.stringify(entries);
    expect(entryText).not.to.contain('notary1');
  });
});
