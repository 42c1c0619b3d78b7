/**
 * `huicun restore <dir> --new-log ORIGIN` (docs/backup.md): the log went on after the backup, so
 * the restored copy may not sign under the old origin again. It goes on under a new origin and a
 * new key: the tree continues (the old entries stay readable and old receipts verify with the
 * retired key, published under `previous`), its first entry records the continuation, and the
 * old origin is refused at start.
 */
import { expect } from 'chai';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditCommand } from '../../src/cli/audit.js';
import { backupCommand } from '../../src/cli/backup.js';
import { restoreCommand } from '../../src/cli/restore.js';
import { loadConfig } from '../../src/config/index.js';
import { decodeBase64, rfc6962, verifyConsistency, verifyInclusion } from '../../src/log/index.js';
import { readManifest, type BackupManifest } from '../../src/ops/backup-files.js';
import { startServer } from '../../src/server.js';
import { call, registerDepositor, type Body } from '../helpers/api.js';
import { deposit, hashOnly } from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';
import {
  captureIo,
  checkReceipt,
  copyCerts,
  NEW_ORIGIN,
  opsEnv,
  openWith,
  ORIGIN,
  scratch,
  startOpsServer,
} from './fixture.js';

describe('huicun restore --new-log', function () {
  this.timeout(120_000);
  let old: TestServer;
  let tmp: ReturnType<typeof scratch>;
  let token: string;
  let oldVkey: string;
  const earlier: Body[] = [];
  let manifest: BackupManifest;
  let certs: string;
  let data: string;
  let restoreOut: string;

  before(async () => {
    tmp = scratch();
    old = await startOpsServer();
    oldVkey = old.logKey.vkey;
    ({ token } = await registerDepositor(old.url));
    for (let i = 0; i < 4; i++)
      earlier.push((await deposit(old, token, hashOnly(`n${i}`))).receipt);
    const cli = captureIo(opsEnv(old.config));
    expect(await backupCommand([tmp.path('backup')], cli.io), cli.text()).to.equal(0);
    for (let i = 0; i < 3; i++) await deposit(old, token, hashOnly(`lost ${i}`)); // published, then lost
    await old.close();
    manifest = await readManifest(tmp.path('backup'));

    certs = copyCerts(old.config.certsDir, tmp.path('certs'));
    data = tmp.path('data');
    const r = captureIo(opsEnv({ dataDir: data, certsDir: certs }));
    const code = await restoreCommand([tmp.path('backup'), '--new-log', NEW_ORIGIN], r.io);
    restoreOut = r.text();
    expect(code, restoreOut).to.equal(0);
  });
  after(async () => {
    await old.dispose();
    tmp.remove();
  });

  it('retires the old key beside the new one and tells the operator what to set', () => {
    const names = readdirSync(certs);
    expect(
      names.filter((n) => /^log-ed25519\.[0-9a-f]{8}\.previous\.(pem|vkey)$/.test(n)),
    ).to.have.length(2);
    expect(names).to.include('log-ed25519.pem');
    expect(restoreOut).to.include(`HUICUN_ORIGIN=${NEW_ORIGIN}`);
    expect(restoreOut).to.include(oldVkey);
  });

  const startError = async (origin: string): Promise<string | undefined> => {
    const config = loadConfig({
      ...opsEnv({ dataDir: data, certsDir: certs }, origin),
      HOST: '127.0.0.1',
      PORT: '0',
    });
    try {
      const s = await startServer(config, { seeds: false, report: () => undefined });
      await s.close();
      return undefined;
    } catch (err) {
      return (err as Error).message;
    } finally {
      expect(existsSync(join(data, 'server.json'))).to.equal(false);
    }
  };

  it('refuses to start under the old origin (closed: it would sign the old log again) or another', async () => {
    expect(await startError(ORIGIN)).to.match(/was continued as .*HUICUN_ORIGIN=/);
    expect(await startError('ops-test.huicun.localhost/other')).to.match(
      /configured origin \(HUICUN_ORIGIN\)/,
    );
  });

  it('never resumes the old origin, even from an old backup restored again', async () => {
    const again = tmp.path('again');
    const env = opsEnv({ dataDir: again, certsDir: certs });
    const r = captureIo(env);
    expect(await restoreCommand([tmp.path('backup')], r.io), r.text()).to.equal(0); // read-only
    writeFileSync(tmp.path('head.txt'), manifest.checkpoint);
    const cli = captureIo(env);
    expect(
      await restoreCommand(['--resume', '--latest-checkpoint', tmp.path('head.txt')], cli.io),
    ).to.equal(1);
    expect(cli.text()).to.match(/was continued as/);
  });

  describe('the server under the new origin', () => {
    let server: TestServer;
    let newVkey: string;
    before(async () => {
      server = await startOpsServer({ dataDir: data, certsDir: certs }, NEW_ORIGIN);
      newVkey = server.logKey.vkey;
    });
    after(() => server.dispose());

    it('publishes the new key and the old one under previous, and accepts appends', async () => {
      const key = (await call(server.url, 'GET', '/api/v1/log/key')).body;
      expect(key.origin).to.equal(NEW_ORIGIN);
      expect(key.vkey).to.equal(newVkey).and.not.equal(oldVkey);
      expect(key.vkey.startsWith(`${NEW_ORIGIN}+`)).to.equal(true);
      expect(key.previous).to.deep.equal([oldVkey]);
      const health = (await call(server.url, 'GET', '/api/v1/health')).body;
      expect(health).to.deep.equal({ status: 'ok', size: manifest.size + 1 });
    });

    it('continues the tree: the first new entry records the continuation, proofs link old and new', async () => {
      const entry = await call(server.url, 'GET', `/api/v1/log/entries/${manifest.size}`);
      expect(JSON.parse(Buffer.from(entry.body.entry, 'base64').toString('utf8'))).to.include({
        type: 'admin',
      });
      const d: Body = await deposit(server, token, hashOnly('under the new origin'));
      const head = checkReceipt(d.receipt, newVkey);
      expect(head.origin).to.equal(NEW_ORIGIN);
      expect(() => openWith(d.receipt.checkpoint, oldVkey)).to.throw();
      const c = await call(
        server.url,
        'GET',
        `/api/v1/log/proof/consistency?from=${manifest.size}&to=${head.size}`,
      );
      verifyConsistency(
        manifest.size,
        head.size,
        c.body.proof.map(decodeBase64),
        decodeBase64(manifest.root),
        head.root,
        rfc6962,
      );
      for (const receipt of earlier) {
        checkReceipt(receipt, oldVkey); // old receipts verify with the retired key
        const p = await call(
          server.url,
          'GET',
          `/api/v1/log/proof/inclusion?index=${receipt.index}&size=${head.size}`,
        );
        verifyInclusion(
          receipt.index,
          head.size,
          rfc6962.hashLeaf(decodeBase64(receipt.entry)),
          p.body.proof.map(decodeBase64),
          head.root,
          rfc6962,
        );
      }
    });

    it('audits clean through the running server (checkpoints of both origins)', async () => {
      const cli = captureIo(opsEnv({ dataDir: data, certsDir: certs }, NEW_ORIGIN));
      expect(await auditCommand(['--json'], cli.io), cli.text()).to.equal(0);
      const report = JSON.parse(cli.out.join('\n'));
      expect(report.ok).to.equal(true);
    });
  });

  it('refuses a "new" origin that is the old one, before copying anything', async () => {
    const target = tmp.path('same-origin');
    const cli = captureIo(opsEnv({ dataDir: target, certsDir: certs }));
    expect(await restoreCommand([tmp.path('backup'), '--new-log', ORIGIN], cli.io)).to.equal(1);
    expect(existsSync(target)).to.equal(false);
  });
});
