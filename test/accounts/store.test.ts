import { expect } from 'chai';
import { join } from 'node:path';
import { persistWithAdminEntry } from '../../src/accounts/admin-log.js';
import { AccountError } from '../../src/accounts/errors.js';
import { AccountStore, ID_NUMBER_PREFIX, USER_PREFIX } from '../../src/accounts/store.js';
import type { StoredUser } from '../../src/accounts/user.js';
import { SequencerError, type LogStore } from '../../src/sequencer/index.js';
import type { LevelStore } from '../../src/storage/leveldb.js';
import { openTestLog, tempDir } from '../helpers/log-fixture.js';
import { checkAdminEntries } from './admin-entries.js';

const draft = (n: number, username = `user${n}`): Omit<StoredUser, 'createdAt'> => ({
  v: 1,
  id: `u_${n.toString(16).padStart(16, '0')}`,
  username,
  role: 'notary',
  displayName: `User ${n}`,
  disabled: false,
  passwordHash: 'scrypt$x',
});

describe('accounts: account store (LevelDB records, in memory)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  it('writes user and username records and loads them back at start', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const s = await AccountStore.open(t.store);
    const a = await s.create(draft(1));
    await s.create(draft(2));
    await s.setDisabled(a.id, true);
    expect(new TextDecoder().decode(await t.store.get('rec/username/user1'))).to.equal(a.id);
    await t.close();
    const t2 = await openTestLog(join(tmp.dir, 'db'));
    const s2 = await AccountStore.open(t2.store);
    expect(s2.size).to.equal(2);
    expect(s2.byUsername('USER1')?.disabled).to.equal(true);
    expect(s2.byId(a.id)?.createdAt).to.equal(a.createdAt);
    expect(s2.list().map((u) => u.username)).to.deep.equal(['user1', 'user2']);
    await t2.close();
  });

  it('sets tokensNotBefore when disabling (kept on enabling, and across a restart)', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const s = await AccountStore.open(t.store);
    const a = await s.create(draft(1));
    expect(a.tokensNotBefore).to.equal(undefined);
    await s.setDisabled(a.id, true, s.writePlain, 1_700_000_001);
    expect(s.byId(a.id)?.tokensNotBefore).to.equal(1_700_000_001);
    await s.setDisabled(a.id, false);
    expect(s.byId(a.id)).to.include({ disabled: false, tokensNotBefore: 1_700_000_001 });
    await s.setDisabled(a.id, true, s.writePlain, 1_600_000_000); // never moves back
    expect(s.byId(a.id)?.tokensNotBefore).to.equal(1_700_000_001);
    await t.close();
    const t2 = await openTestLog(join(tmp.dir, 'db'));
    expect((await AccountStore.open(t2.store)).byId(a.id)?.tokensNotBefore).to.equal(1_700_000_001);
    await t2.close();
  });

  it('refuses a taken username, also when two creations race', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const s = await AccountStore.open(t.store);
    const results = await Promise.allSettled([
      s.create(draft(1, 'same')),
      s.create(draft(2, 'same')),
    ]);
    expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).to.be.instanceOf(AccountError).with.property('code', 'USERNAME_TAKEN');
    await t.close();
  });

  it('keeps one account per ID number (HMAC index in the same batch), also when creations race', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const s = await AccountStore.open(t.store);
    const hmac = 'ab'.repeat(32);
    const results = await Promise.allSettled([
      s.create({ ...draft(1), idHmac: hmac }),
      s.create({ ...draft(2), idHmac: hmac }),
      s.create({ ...draft(3), idHmac: hmac }),
    ]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason)
          .to.be.instanceOf(AccountError)
          .with.property('code', 'ID_NUMBER_REGISTERED');
    const winner = (
      results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<StoredUser>
    ).value;
    expect(new TextDecoder().decode(await t.store.get(`${ID_NUMBER_PREFIX}${hmac}`))).to.equal(
      winner.id,
    );
    expect(s.byIdHmac(hmac)?.id).to.equal(winner.id);
    expect(s.size).to.equal(1);
    await t.close();
    const t2 = await openTestLog(join(tmp.dir, 'db'));
    const s2 = await AccountStore.open(t2.store);
    expect(s2.byIdHmac(hmac)?.id).to.equal(winner.id);
    await s2.create({ ...draft(4), idHmac: hmac }).then(
      () => expect.fail('should throw'),
      (e: unknown) =>
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'ID_NUMBER_REGISTERED'),
    );
    await s2.create({ ...draft(5), idHmac: 'cd'.repeat(32) }); // another number is free
    await t2.close();
  });

  it('opens a store whose older accounts share an ID number, and keeps the number taken', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const hmac = 'ef'.repeat(32);
    const legacy = (n: number): StoredUser => ({
      ...draft(n),
      idHmac: hmac,
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    await t.store.writeRecords(
      [legacy(1), legacy(2)].map((u) => ({
        type: 'put' as const,
        key: USER_PREFIX + u.id,
        value: JSON.stringify(u),
      })),
    );
    const s = await AccountStore.open(t.store);
    expect(s.size).to.equal(2);
    expect(s.idNumberTaken(hmac)).to.equal(true);
    await s.create({ ...draft(3), idHmac: hmac }).then(
      () => expect.fail('should throw'),
      (e: unknown) =>
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'ID_NUMBER_REGISTERED'),
    );
    await t.close();
  });

  it('serialises changes to one account and reports USER_NOT_FOUND', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const s = await AccountStore.open(t.store);
    const a = await s.create(draft(1));
    const [x, y, z] = await Promise.all([
      s.setDisabled(a.id, true),
      s.setDisabled(a.id, true),
      s.setDisabled(a.id, false),
    ]);
    expect([x.changed, y.changed, z.changed]).to.deep.equal([true, false, true]);
    expect(s.byId(a.id)?.disabled).to.equal(false);
    await s.setDisabled('u_ffffffffffffffff', true).then(
      () => expect.fail('should throw'),
      (e: unknown) =>
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'USER_NOT_FOUND'),
    );
    await t.close();
  });

  it('refuses to start on a malformed record', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    await t.store.writeRecords([
      { type: 'put', key: `${USER_PREFIX}u_0000000000000001`, value: '{"v":1}' },
    ]);
    await AccountStore.open(t.store).then(
      () => expect.fail('should throw'),
      (e: unknown) =>
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'ACCOUNT_STORE_CORRUPT'),
    );
    await t.close();
  });

  it('writes the account in the batch of its admin entry, with the entry time as createdAt', async () => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    const s = await AccountStore.open(t.store);
    const actor = { account: 'u_00000000000000aa', role: 'admin' };
    const u = await s.create(
      draft(1),
      persistWithAdminEntry(t.log, 'account-created', actor, 'u_0000000000000001'),
    );
    await s.setDisabled(u.id, true, persistWithAdminEntry(t.log, 'account-disabled', actor, u.id));
    const entries = await checkAdminEntries(t.store, t.log);
    expect(entries.map((e) => e.opening.action)).to.deep.equal([
      'account-created',
      'account-disabled',
    ]);
    expect(entries[0]!.opening.time).to.equal(u.createdAt);
    expect(entries[0]!.opening.actor).to.deep.equal(actor);
    expect(entries[1]!.opening.subject).to.deep.equal({ account: u.id });
    await t.close();
  });

  it('changes nothing, on disk or in memory, when the log batch fails', async () => {
    let failNext = false;
    const wrap = (s: LevelStore): LogStore =>
      Object.assign(Object.create(s) as LevelStore, {
        async writeBatch(batch: Parameters<LevelStore['writeBatch']>[0]) {
          if (failNext) {
            failNext = false;
            throw new Error('injected write failure');
          }
          await s.writeBatch(batch);
        },
      });
    const t = await openTestLog(join(tmp.dir, 'db'), { onError: () => undefined }, wrap);
    const s = await AccountStore.open(t.store);
    failNext = true;
    const actor = { account: 'cli', role: 'operator' };
    await s
      .create(
        { ...draft(1), idHmac: '12'.repeat(32) },
        persistWithAdminEntry(t.log, 'account-created', actor, 'u_0000000000000001'),
      )
      .then(
        () => expect.fail('should throw'),
        (e: unknown) =>
          expect(e).to.be.instanceOf(SequencerError).with.property('code', 'LOG_IN_DOUBT'),
      );
    expect(s.byUsername('user1')).to.equal(undefined);
    await t.log.whenReady();
    expect(await t.store.get(`${USER_PREFIX}u_0000000000000001`)).to.equal(undefined);
    expect((await AccountStore.open(t.store)).size).to.equal(0);
    // the name and the ID number are free again
    await s.create(
      { ...draft(2, 'user1'), idHmac: '12'.repeat(32) },
      persistWithAdminEntry(t.log, 'account-created', actor, 'u_0000000000000002'),
    );
    expect((await checkAdminEntries(t.store, t.log)).length).to.equal(1);
    await t.close();
  });
});
