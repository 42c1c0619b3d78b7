import { expect } from 'chai';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AccountStore } from '../../src/accounts/store.js';
import { userCommand, type UserCommandIo } from '../../src/cli/user.js';
import { loadConfig } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';
import { openLevelStore } from '../../src/storage/leveldb.js';
import { tempDir } from '../helpers/log-fixture.js';

describe('cli: huicun user add', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.remove());

  const env = (): Record<string, string> => ({
    NODE_ENV: 'test',
    HUICUN_DATA_DIR: join(tmp.dir, 'data'),
    HUICUN_CERTS_DIR: join(tmp.dir, 'certs'),
    HUICUN_ORIGIN: 'cli-test.huicun.localhost/log',
  });
  const run = async (
    args: string[],
    stdin: string,
  ): Promise<{ code: number; out: string[]; err: string[] }> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: UserCommandIo = {
      stdin: Readable.from([stdin]),
      env: env(),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    };
    return { code: await userCommand(args, io), out, err };
  };
  /** Lists courts as a server's administrator would, then stops the server; returns their ids. */
  const listCourts = async (...names: string[]): Promise<string[]> => {
    const server = await startServer(loadConfig({ ...env(), HOST: '127.0.0.1', PORT: '0' }), {
      seeds: false,
    });
    try {
      const ids: string[] = [];
      for (const name of names)
        ids.push((await server.courts.create({ account: 'system', role: 'system' }, { name })).id);
      return ids;
    } finally {
      await server.close();
    }
  };

  it('binds a judge to a listed court named by --court (a name or an id); an unknown court is refused', async function () {
    this.timeout(20_000);
    const [xuhui, ip] = await listCourts('上海市徐汇区人民法院', '上海知识产权法院');
    const unknown = await run(
      ['add', '--role', 'judge', '--username', 'judge.li', '--court', '徐汇区法院'],
      'judge password 1\n',
    );
    expect(unknown.code).to.equal(1);
    expect(unknown.err.join('\n'))
      .to.contain('no listed court has this name')
      .and.contain('2 listed');
    const byId = await run(
      ['add', '--role', 'judge', '--username', 'judge.zhao', '--court', ip!],
      'judge password 1\n',
    );
    expect(byId.code, byId.err.join('\n')).to.equal(0);
    const byName = await run(
      ['add', '--role', 'judge', '--username', 'judge.qian', '--court', ' 上海市徐汇区人民法院 '],
      'judge password 1\n',
    );
    expect(byName.code, byName.err.join('\n')).to.equal(0);
    const store = await openLevelStore(join(tmp.dir, 'data', 'db'));
    try {
      const accounts = await AccountStore.open(store);
      expect(accounts.byUsername('judge.li')).to.equal(undefined);
      expect(accounts.byUsername('judge.zhao')).to.deep.include({
        court: '上海知识产权法院',
        courtId: ip,
      });
      expect(accounts.byUsername('judge.qian')).to.deep.include({
        court: '上海市徐汇区人民法院',
        courtId: xuhui,
      });
    } finally {
      await store.close();
    }
  });

  it('creates a judge with the password from the first line of stdin', async function () {
    this.timeout(20_000);
    const [courtId] = await listCourts('上海市徐汇区人民法院');
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
        courtId,
      });
      const actors: unknown[] = [];
      for await (const [, value] of store.scan('rec/admin/'))
        actors.push(JSON.parse(Buffer.from(value).toString()).opening.actor);
      // the court listed by the server's operator, the account by the CLI
      expect(actors).to.have.deep.members([
        { account: 'system', role: 'system' },
        { account: 'cli', role: 'operator' },
      ]);
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
