import { expect } from 'chai';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAccounts, readSeeds } from '../../src/accounts/index.js';
import { AccountError } from '../../src/accounts/errors.js';
import { isValidIdNumber } from '../../src/accounts/id-number.js';
import { openTestLog, tempDir } from '../helpers/log-fixture.js';
import { checkAdminEntries } from './admin-entries.js';

describe('accounts: bootstrap, seeds and production checks', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  const open = async (options: {
    production: boolean;
    adminPassword?: string;
    seedsFile?: string;
    seeds?: boolean;
  }) => {
    const t = await openTestLog(join(tmp.dir, 'db'));
    try {
      const opened = await openAccounts({
        store: t.store,
        log: t.log,
        certsDir: join(tmp.dir, 'certs'),
        issuer: 'http://localhost:3000',
        rateLimits: true,
        ...options,
      });
      return { ...opened, t };
    } catch (e) {
      await t.close();
      throw e;
    }
  };

  it('ships four valid demo accounts', () => {
    const seeds = readSeeds();
    expect(seeds.map((s) => s.username)).to.deep.equal([
      'demo-depositor',
      'demo-notary',
      'demo-judge',
      'demo-admin',
    ]);
    expect(isValidIdNumber(seeds[0]!.idNumber!)).to.equal(true);
    expect(seeds.find((s) => s.role === 'judge')?.court).to.equal('上海市徐汇区人民法院');
  });

  it('loads the seeds on an empty store (with the env admin), and never again', async () => {
    const first = await open({ production: false, adminPassword: 'env admin password' });
    expect(first.adminCreated).to.equal(true);
    expect(first.demo.map((d) => [d.username, d.password])).to.deep.include([
      'demo-depositor',
      'demo-depositor-pass',
    ]);
    expect(first.service.store.size).to.equal(5);
    expect((await checkAdminEntries(first.t.store, first.t.log)).length).to.equal(5);
    await first.t.close();
    const second = await open({ production: false, adminPassword: 'another password' });
    expect(second.adminCreated).to.equal(false);
    expect(second.demo).to.deep.equal([]);
    expect(await second.service.hasPassword('admin', 'env admin password')).to.equal(true);
    await second.t.close();
  });

  it('skips the seeds when asked', async () => {
    const o = await open({ production: false, seeds: false });
    expect(o.demo).to.deep.equal([]);
    expect(o.service.store.size).to.equal(0);
    expect(o.t.log.size).to.equal(0);
    await o.t.close();
  });

  it('in production: no seeds; HUICUN_ADMIN_PASSWORD makes admin', async () => {
    const p = await open({ production: true, adminPassword: 'production admin pw' });
    expect(p.demo).to.deep.equal([]);
    expect(p.service.store.list().map((u) => u.username)).to.deep.equal(['admin']);
    await p.t.close();
  });

  it('refuses to start in production while a demo password is in place, unless that account is disabled', async () => {
    const dev = await open({ production: false });
    const keep = dev.service.store.byUsername('demo-admin')!;
    for (const name of ['demo-depositor', 'demo-notary', 'demo-judge']) {
      await dev.service.setDisabled(
        { account: keep.id, role: 'admin' },
        dev.service.store.byUsername(name)!.id,
        true,
      );
    }
    await dev.t.close();
    try {
      await open({ production: true });
      expect.fail('should refuse');
    } catch (e) {
      expect(e).to.be.instanceOf(AccountError).with.property('code', 'DEMO_PASSWORD_IN_PRODUCTION');
      expect((e as Error).message)
        .to.contain('demo-admin')
        .and.not.contain('demo-admin-pass')
        .and.not.contain('demo-judge');
    }
  });

  it('refuses a short or blank HUICUN_ADMIN_PASSWORD and a broken seeds file clearly', async () => {
    await open({ production: true, adminPassword: 'short' }).then(
      () => expect.fail('should refuse'),
      (e: unknown) => expect((e as Error).message).to.contain('HUICUN_ADMIN_PASSWORD'),
    );
    await open({ production: true, adminPassword: ' '.repeat(16) }).then(
      () => expect.fail('should refuse'),
      (e: unknown) => {
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'PASSWORD_BLANK');
        expect((e as Error).message).to.contain('HUICUN_ADMIN_PASSWORD');
      },
    );
    const bad = join(tmp.dir, 'seeds.json');
    writeFileSync(
      bad,
      JSON.stringify({
        accounts: [{ username: 'x', password: 'y', role: 'judge', displayName: 'z' }],
      }),
    );
    await open({ production: false, seedsFile: bad }).then(
      () => expect.fail('should refuse'),
      (e: unknown) =>
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'SEEDS_INVALID'),
    );
  });

  it('refuses to start when pii.key no longer opens the stored ID numbers', async () => {
    const first = await open({ production: false });
    await first.t.close();
    rmSync(join(tmp.dir, 'certs', 'pii.key'));
    await open({ production: false }).then(
      () => expect.fail('should refuse'),
      (e: unknown) =>
        expect(e).to.be.instanceOf(AccountError).with.property('code', 'ACCOUNT_KEY_INVALID'),
    );
  });
});
