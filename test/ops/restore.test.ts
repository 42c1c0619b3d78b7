/**
 * `huicun restore` (docs/cli.md): a restored store serves read-only until `--resume` is given the
 * newest checkpoint the log ever published and it equals the restored head; older, different or
 * foreign checkpoints are refused. Here the server stops right after the backup (nothing was
 * published beyond it), so resuming is right, and the log then goes on consistently.
 */
import { expect } from 'chai';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditCommand } from '../../src/cli/audit.js';
import { backupCommand } from '../../src/cli/backup.js';
import { restoreCommand } from '../../src/cli/restore.js';
import { ed25519FromSeed } from '../../src/crypto/index.js';
import { loadLogKey, logKeyFor } from '../../src/keys/log-key.js';
import {
  decodeBase64,
  formatCheckpoint,
  rfc6962,
  signNote,
  verifyConsistency,
} from '../../src/log/index.js';
import { readManifest, type BackupManifest } from '../../src/ops/backup-files.js';
import { openLevelStore } from '../../src/storage/leveldb.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { deposit, hashOnly, uploadForm } from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';
import {
  captureIo,
  checkReceipt,
  opsEnv,
  openWith,
  ORIGIN,
  scratch,
  startOpsServer,
} from './fixture.js';

describe('huicun restore: read-only, then --resume', function () {
  this.timeout(120_000);
  let server: TestServer;
  let tmp: ReturnType<typeof scratch>;
  let token: string;
  let depositId: string;
  let older: string;
  let manifest: BackupManifest;
  let vkey: string;
  const backupDir = (): string => tmp.path('backup');
  const restored = (): string => tmp.path('restored');
  const env = (dataDir = restored()): Record<string, string> =>
    opsEnv({ dataDir, certsDir: server.config.certsDir });
  const isMarked = async (dataDir: string): Promise<boolean> => {
    const store = await openLevelStore(join(dataDir, 'db'));
    try {
      return (await store.readRestoredFrom()) !== undefined;
    } finally {
      await store.close();
    }
  };
  const file = (name: string, text: string): string => {
    writeFileSync(tmp.path(name), text);
    return tmp.path(name);
  };

  before(async () => {
    tmp = scratch();
    server = await startOpsServer();
    vkey = server.logKey.vkey;
    ({ token } = await registerDepositor(server.url));
    const up = await deposit(
      server,
      token,
      uploadForm([{ name: 'a.txt', bytes: new TextEncoder().encode('restore me') }]),
    );
    depositId = up.deposit.id;
    older = up.receipt.checkpoint;
    for (let i = 0; i < 5; i++) await deposit(server, token, hashOnly(`r${i}`));
    const cli = captureIo(opsEnv(server.config));
    expect(await backupCommand([backupDir()], cli.io), cli.text()).to.equal(0);
    await server.close(); // the machine is lost right after the backup: nothing published since
    const r = captureIo(env());
    expect(await restoreCommand([backupDir()], r.io), r.text()).to.equal(0);
    manifest = await readManifest(backupDir());
  });
  after(async () => {
    await server.dispose();
    tmp.remove();
  });

  it('serves read-only: appends are 503 LOG_READ_ONLY, reads work, health says read-only', async () => {
    const ro = await startOpsServer({ dataDir: restored(), certsDir: server.config.certsDir });
    try {
      const health = await call(ro.url, 'GET', '/api/v1/health');
      expect(health.status).to.equal(200);
      expect(health.body).to.deep.equal({
        status: 'read-only',
        size: manifest.size,
        restoredFrom: { size: manifest.size, root: manifest.root },
      });
      expect((await call(ro.url, 'GET', '/tlog/checkpoint')).text).to.equal(manifest.checkpoint);
      const own = await call(ro.url, 'GET', `/api/v1/deposits/${depositId}`, { token });
      expect(own.status, own.text).to.equal(200);
      const file0 = await call(ro.url, 'GET', `/api/v1/deposits/${depositId}/files/0`, { token });
      expect(file0.text).to.equal('restore me');
      const receipt = await call(ro.url, 'GET', `/api/v1/deposits/${depositId}/receipt`, { token });
      checkReceipt(receipt.body, vkey);
      const proof = await call(ro.url, 'GET', '/api/v1/log/proof/inclusion?index=0');
      expect(proof.status).to.equal(200);

      const refused = await call(ro.url, 'POST', '/api/v1/deposits', {
        token,
        json: hashOnly('after restore'),
      });
      expect(refused.status).to.equal(503);
      expect(refused.body.error.code).to.equal('LOG_READ_ONLY');
      expect(refused.headers.get('retry-after')).to.equal(null); // not transient
      expect(ro.log.size).to.equal(manifest.size);
    } finally {
      ro.errors.splice(0); // the 503s above
      await ro.dispose();
    }
  });

  it('refuses --resume with an older checkpoint, another root, or an unknown key', async () => {
    const resume = async (note: string): Promise<string> => {
      const cli = captureIo(env());
      const code = await restoreCommand(
        ['--resume', '--latest-checkpoint', file('latest.txt', note)],
        cli.io,
      );
      expect(code, cli.text()).to.equal(1);
      return cli.text();
    };
    expect(await resume(older)).to.match(/older than the restored head/);

    const key = loadLogKey(server.config.certsDir, ORIGIN);
    const forged = await signNote(
      formatCheckpoint({
        origin: ORIGIN,
        size: manifest.size,
        root: new Uint8Array(32).fill(7),
        extensions: [],
      }),
      [key.signer],
    );
    expect(await resume(forged)).to.match(/another root/);

    const stranger = logKeyFor(ORIGIN, ed25519FromSeed(new Uint8Array(32).fill(9)));
    const cp = openWith(manifest.checkpoint, vkey);
    const foreign = await signNote(
      formatCheckpoint({ origin: ORIGIN, size: cp.size, root: cp.root, extensions: [] }),
      [stranger.signer],
    );
    expect(await resume(foreign)).to.match(/does not verify/);
    expect(await isMarked(restored())).to.equal(true);
  });

  it('refuses <dir> --resume with a checkpoint that is not the head before copying anything', async () => {
    const target = tmp.path('never-created');
    const cli = captureIo(env(target));
    const code = await restoreCommand(
      [backupDir(), '--resume', '--latest-checkpoint', file('older.txt', older)],
      cli.io,
    );
    expect(code, cli.text()).to.equal(1);
    expect(existsSync(target)).to.equal(false);
  });

  it('resumes with the equal checkpoint (a monitor state file); appends then go on consistently', async () => {
    const state = file(
      'monitor-state.json',
      JSON.stringify({ v: 1, checkpoint: manifest.checkpoint }),
    );
    const cli = captureIo(env());
    expect(
      await restoreCommand(['--resume', '--latest-checkpoint', state], cli.io),
      cli.text(),
    ).to.equal(0);
    expect(await isMarked(restored())).to.equal(false);

    const rw = await startOpsServer({ dataDir: restored(), certsDir: server.config.certsDir });
    try {
      expect((await call(rw.url, 'GET', '/api/v1/health')).body.status).to.equal('ok');
      const d: Body = await deposit(rw, token, hashOnly('after resume'));
      expect(d.receipt.index).to.equal(manifest.size);
      const next = checkReceipt(d.receipt, vkey);
      const c = await call(
        rw.url,
        'GET',
        `/api/v1/log/proof/consistency?from=${manifest.size}&to=${next.size}`,
      );
      verifyConsistency(
        manifest.size,
        next.size,
        c.body.proof.map(decodeBase64),
        decodeBase64(manifest.root),
        next.root,
        rfc6962,
      );
      const audit = captureIo(env());
      expect(await auditCommand([], audit.io), audit.text()).to.equal(0);
      expect(audit.text()).to.include('OK');
    } finally {
      await rw.dispose();
    }
  });

  it('refuses --resume on a store that is not (or no longer) restored', async () => {
    const cli = captureIo(env());
    const code = await restoreCommand(
      ['--resume', '--latest-checkpoint', file('again.txt', manifest.checkpoint)],
      cli.io,
    );
    expect(code).to.equal(1);
    expect(cli.text()).to.match(/not a restored store/);
  });

  it('restores and resumes in one go with <dir> --resume', async () => {
    const target = tmp.path('one-go');
    const cli = captureIo(env(target));
    const code = await restoreCommand(
      [backupDir(), '--resume', '--latest-checkpoint', file('head.txt', manifest.checkpoint)],
      cli.io,
    );
    expect(code, cli.text()).to.equal(0);
    expect(await isMarked(target)).to.equal(false);
  });

  it('usage errors exit 2', async () => {
    for (const args of [
      [],
      ['--resume'],
      ['a', 'b'],
      ['--latest-checkpoint', 'x'],
      ['--new-log', 'a b'],
    ]) {
      const cli = captureIo(env());
      expect(await restoreCommand(args, cli.io), args.join(' ')).to.equal(2);
    }
  });
});
