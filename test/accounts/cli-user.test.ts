import { expect } from 'chai';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AccountStore } from '../../src/accounts/store.js';
import { userCommand, type UserCommandIo } from '../../src/cli/user.js';
import { openLevelStore } from '../../src/storage/leveldb.js';
import { tempDir } from '../helpers/log-fixture.js';

describe('cli: huicun user add', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  const run = async (
    args: string[],
    stdin: string,
  ): Promise<{ code: number; out: string[]; err: string[] }> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: UserCommandIo = {
      stdin: Readable.from([stdin]),
      env: {
        NODE_ENV: 'test',
        HUICUN_DATA_DIR: join(tmp.dir, 'data'),
        HUICUN_CERTS_DIR: join(tmp.dir, 'certs'),
        HUICUN_ORIGIN: 'cli-test.huicun.localhost/log',
      },
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    };
    return { code: await userCommand(args, io), out, err };
  };

  it('creates a judge with the password from the first line of stdin', async () => {
    const r = await run(
      [
        'add',
        '--role',
        'judge',
        '--username',
        'Judge.Wang',
        '--name',
        '王法官',
        '--court',
        '上海市徐汇区人民法院',
      ],
      'judge password 1\nignored\n',
    );
    expect(r.code, r.err.join('\n')).to.equal(0);
    expect(r.out.join('\n'))
      .to.match(/created account judge\.wang \(judge\)/)
      .and.not.contain('judge password');
    const again = await run(
      ['add', '--role', 'notary', '--username', 'judge.wang'],
      'another password\n',
    );
    expect(again.code).to.equal(1);
    expect(again.err.join('\n')).to.contain('taken');
    const store = await openLevelStore(join(tmp.dir, 'data', 'db'));
    try {
      const accounts = await AccountStore.open(store);
      expect(accounts.byUsername('judge.wang')).to.deep.include({
        role: 'judge',
        displayName: '王法官',
        court: '上海市徐汇区人民法院',
      });
      let admin = 0;
      for await (const [, value] of store.scan('rec/admin/')) {
        expect(JSON.parse(Buffer.from(value).toString()).opening.actor).to.deep.equal({
          account: 'cli',
          role: 'operator',
        });
        admin++;
      }
      expect(admin).to.equal(1);
    } finally {
      await store.close();
    }
  });

  it('answers usage errors with exit 2', async () => {
    expect((await run([], 'x\n')).code).to.equal(2);
    expect((await run(['remove', '--username', 'x'], 'x\n')).code).to.equal(2);
    expect(
      (await run(['add', '--role', 'admin', '--username', 'admin2', '--bogus'], 'long enough pw\n'))
        .code,
    ).to.equal(2);
    expect((await run(['add', '--role', 'admin', '--username', 'admin2'], '\n')).code).to.equal(2);
    expect((await run(['add', '--role', 'admin', '--username', 'admin2'], '')).code).to.equal(2);
    expect(
      (await run(['add', '--role', 'admin', '--username', 'admin2'], 'short\n')).code,
    ).to.equal(2);
    expect(
      (await run(['add', '--role', 'depositor', '--username', 'dep2'], 'long enough pw\n')).code,
    ).to.equal(2);
    const blank = await run(
      ['add', '--role', 'admin', '--username', 'admin2'],
      ' '.repeat(12) + '\n',
    );
    expect(blank.code).to.equal(2);
    expect(blank.err.join('\n')).to.contain('--password must not be only spaces');
    const judge = await run(['add', '--role', 'judge', '--username', 'judge2'], 'long enough pw\n');
    expect(judge.code).to.equal(2);
    expect(judge.err.join('\n')).to.contain('--court');
  });

  it('refuses politely while a server holds the store', async () => {
    const held = await openLevelStore(join(tmp.dir, 'data', 'db'));
    try {
      const r = await run(['add', '--role', 'admin', '--username', 'admin2'], 'long enough pw\n');
      expect(r.code).to.equal(1);
      expect(r.err.join('\n')).to.contain('POST /api/v1/admin/users');
    } finally {
      await held.close();
    }
  });
});
