/**
 * Judges and shares made before the court list (docs/courts.md): at start, a judge whose
 * free-text court matches a listed court by NFKC name is bound to it (an admin entry by the
 * operator); a judge whose court matches nothing keeps working as before, matched by name, and is
 * bound as soon as the administrator lists that court.
 */
import { expect } from 'chai';
import { AccountService } from '../../src/accounts/service.js';
import { checkNewAccount } from '../../src/accounts/input.js';
import { loadOrCreatePiiVault } from '../../src/accounts/pii.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { newCode } from '../../src/custody/codes.js';
import { SHARE_PREFIX, type ShareRecord } from '../../src/sharing/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { DAY, hashOnly, makeAccount } from '../helpers/casework.js';
import { tempDir } from '../helpers/log-fixture.js';
import { startTestServer } from '../helpers/server-fixture.js';
import { checkAdminEntries } from '../accounts/admin-entries.js';

const SYSTEM = { account: 'system', role: 'system' };

describe('court list: judges and shares made before it', () => {
  const tmp = tempDir('huicun-courts-legacy-');
  let config: Config;
  let server: RunningServer | undefined;
  after(async () => {
    await server?.close();
    tmp.remove();
  });

  it('binds matching judges at start; the others keep working by name until their court is listed', async function () {
    this.timeout(60_000);
    config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      HUICUN_DATA_DIR: `${tmp.dir}/data`,
      HUICUN_CERTS_DIR: `${tmp.dir}/certs`,
      HUICUN_ORIGIN: 'courts-legacy-test.huicun.localhost/log',
      HUICUN_RATE_LIMITS: 'off',
    });
    server = await startServer(config, { seeds: false });
    const xuhui = await server.courts.create(SYSTEM, { name: '上海市徐汇区人民法院' });
    // Judges as the service made them before the list: a free-text court, no courtId.
    const before = new AccountService({
      store: server.accounts.service.store,
      vault: loadOrCreatePiiVault(config.certsDir).vault,
      tokens: server.accounts.service.tokens,
      log: server.log,
      rateLimits: false,
    });
    const legacy = async (username: string, court: string) =>
      before.createAccount(
        SYSTEM,
        checkNewAccount({
          username,
          password: 'a long test passphrase',
          role: 'judge',
          displayName: username,
          court,
        }),
      );
    const matching = await legacy('judge-matching', ' 上海市徐汇区人民法院');
    const unlisted = await legacy('judge-unlisted', '徐汇法院');
    expect(matching.courtId).to.equal(undefined);
    // Shares as they were stored before the list: a court name, no courtId.
    const owner = await registerDepositor(server.url);
    const made: Body = (
      await call(server.url, 'POST', '/api/v1/deposits', {
        token: owner.token,
        json: hashOnly('旧'),
      })
    ).body;
    const oldShare = (court: string): { record: ShareRecord; code: string } => {
      const issued = newCode();
      const n = court === '徐汇法院' ? '1' : '2';
      const record: ShareRecord = {
        v: 1,
        id: `sh_000000000000000${n}`,
        depositIndex: made.receipt.index,
        depositId: made.deposit.id,
        owner: owner.user.id,
        court,
        caseNumber: `旧案${n}`,
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
        createdAt: new Date().toISOString(),
        codeHash: issued.hash,
        redemptions: [],
      };
      return { record, code: issued.code };
    };
    const toListed = oldShare('上海市徐汇区人民法院');
    const toUnlisted = oldShare('徐汇法院');
    await server.store.writeRecords(
      [toListed, toUnlisted].map((s) => ({
        type: 'put' as const,
        key: SHARE_PREFIX + s.record.id,
        value: JSON.stringify(s.record),
      })),
    );
    await server.close();

    server = await startServer(config, { seeds: false });
    const store = server.accounts.service.store;
    expect(store.byId(matching.id)).to.include({
      courtId: xuhui.id,
      court: '上海市徐汇区人民法院',
    });
    expect(store.byId(unlisted.id)).to.include({ court: '徐汇法院' });
    expect(store.byId(unlisted.id)!.courtId).to.equal(undefined);
    const bound = (await checkAdminEntries(server.store, server.log)).filter(
      (e) => e.opening.action === 'account-court-changed',
    );
    expect(bound.map((e) => e.opening.subject)).to.deep.equal([
      { account: matching.id, court: { id: xuhui.id, name: '上海市徐汇区人民法院' } },
    ]);
    expect(bound[0]!.opening.actor).to.deep.equal(SYSTEM);

    const token = (id: string) => server!.accounts.service.tokens.issue(id).token;
    const redeem = (id: string, code: string) =>
      call(server!.url, 'POST', '/api/v1/shares/redeem', { token: token(id), json: { code } });
    // Old shares: each court's judge by name; not the other's.
    expect((await redeem(unlisted.id, toListed.code)).status).to.equal(404);
    expect((await redeem(matching.id, toUnlisted.code)).status).to.equal(404);
    expect((await redeem(matching.id, toListed.code)).status).to.equal(200);
    expect((await redeem(unlisted.id, toUnlisted.code)).status).to.equal(200);
    // A new share names a listed court: the bound judge redeems it by court id.
    const fresh = await call(server.url, 'POST', `/api/v1/deposits/${made.deposit.id}/shares`, {
      token: owner.token,
      json: {
        courtId: xuhui.id,
        caseNumber: '新案',
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      },
    });
    expect(fresh.status, fresh.text).to.equal(201);
    expect((await redeem(matching.id, fresh.body.code)).status).to.equal(200);
    // Once the administrator lists the unlisted judge's court, that judge is bound at once.
    const admin = await makeAccount(server, 'admin');
    const listed = await call(server.url, 'POST', '/api/v1/admin/courts', {
      token: admin.token,
      json: { name: '徐汇法院' },
    });
    expect(listed.status, listed.text).to.equal(201);
    expect(store.byId(unlisted.id)).to.include({ courtId: listed.body.court.id });
    const last = (await checkAdminEntries(server.store, server.log)).at(-1)!;
    expect(last.opening).to.deep.include({ action: 'account-court-changed' });
    expect(last.opening.actor).to.deep.equal({ account: admin.id, role: 'admin' });
  });
});

describe('court list: the demo store', () => {
  it('lists the demo courts and binds the demo judge to 上海市徐汇区人民法院', async function () {
    this.timeout(30_000);
    const server = await startTestServer({}, { seeds: true });
    try {
      const list = await call(server.url, 'GET', '/api/v1/courts?q=上海');
      expect(list.body.items.map((c: Body) => c.name)).to.include.members([
        '上海市徐汇区人民法院',
        '上海市第一中级人民法院',
        '上海知识产权法院',
        '上海市高级人民法院',
      ]);
      const xuhui = server.courts.byName('上海市徐汇区人民法院')!;
      expect(server.accounts.service.store.byUsername('demo-judge')).to.include({
        court: '上海市徐汇区人民法院',
        courtId: xuhui.id,
      });
      const created = (await checkAdminEntries(server.store, server.log)).filter(
        (e) => e.opening.action === 'court-created',
      );
      expect(created).to.have.length(server.courts.size);
      expect(created.every((e) => e.opening.actor.account === 'system')).to.equal(true);
    } finally {
      await server.dispose();
    }
  });
});
