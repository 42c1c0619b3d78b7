import { expect } from 'chai';
import { freshIdNumber, testIdNumber } from '../helpers/api.js';
import {
  ADMIN_PASSWORD,
  expectError,
  login,
  startAccountsServer,
  type AccountsServer,
  type Reply,
} from './fixture.js';

const DEMO_DEPOSITOR_ID = '31010419900307123X'; // seeds/demo-accounts.json

describe('accounts HTTP: one ID number, one account', () => {
  let server: AccountsServer;
  before(async () => (server = await startAccountsServer()));
  after(async () => {
    await server.close();
    expect(server.errors).to.deep.equal([]);
  });

  const register = (username: string, idNumber: string): Promise<Reply> =>
    server.call('POST', '/api/v1/auth/register', {
      body: {
        username,
        password: 'a strong password',
        displayName: 'x',
        realName: '王五',
        idNumber,
      },
    });

  it('refuses to register a second account with a registered ID number (409 ID_NUMBER_REGISTERED)', async () => {
    const taken = await register('second-self', DEMO_DEPOSITOR_ID);
    expectError(taken, 409, 'ID_NUMBER_REGISTERED');
    expect(taken.body.error.message).not.to.contain('demo-depositor');
    // the same number typed with a lower-case x is the same number
    expectError(
      await register('third-self', DEMO_DEPOSITOR_ID.toLowerCase()),
      409,
      'ID_NUMBER_REGISTERED',
    );
    expect(server.accounts.store.byUsername('second-self')).to.equal(undefined);
    expect((await register('someone-else', testIdNumber(321))).status).to.equal(201);
  });

  it('lets exactly one of five parallel registrations with one ID number win', async () => {
    const id = freshIdNumber(424_242);
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, i) => register(`racer-${i}`, id)),
    );
    expect(replies.map((r) => r.status).sort()).to.deep.equal([201, 409, 409, 409, 409]);
    for (const r of replies.filter((x) => x.status === 409))
      expect(r.body.error.code).to.equal('ID_NUMBER_REGISTERED');
    const accounts = server.accounts.store.list().filter((u) => u.username.startsWith('racer-'));
    expect(accounts).to.have.length(1);
  });

  it('refuses an admin-created depositor with a registered ID number', async () => {
    const admin = await login(server, 'admin', ADMIN_PASSWORD);
    const post = (username: string, idNumber: string): Promise<Reply> =>
      server.call('POST', '/api/v1/admin/users', {
        token: admin,
        body: {
          username,
          password: 'a strong password',
          role: 'depositor',
          displayName: 'x',
          realName: '王五',
          idNumber,
        },
      });
    expectError(await post('admin-made-1', DEMO_DEPOSITOR_ID), 409, 'ID_NUMBER_REGISTERED');
    expect((await post('admin-made-2', testIdNumber(322))).status).to.equal(201);
  });

  it('keeps claim codes matching the one account of the ID number', async () => {
    const dep = server.accounts.store.byUsername('demo-depositor')!;
    const hmac = server.accounts.idNumberHmac(DEMO_DEPOSITOR_ID);
    expect(server.accounts.store.byIdHmac(hmac)?.id).to.equal(dep.id);
    const matching = server.accounts.store.list().filter((u) => u.idHmac === hmac);
    expect(matching.map((u) => u.id)).to.deep.equal([dep.id]);
  });
});
