/**
 * `huicun backup` while the server appends (issue #8, docs/cli.md): the backup is one snapshot —
 * its head is a checkpoint the server handed out — and a restore of it audits clean, and every
 * receipt of a deposit acknowledged before the backup began still verifies against it. The log
 * moved on after the backup, so `--resume` must refuse, and `--new-log` is the way forward.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAudit } from '../../src/audit/index.js';
import { backupCommand } from '../../src/cli/backup.js';
import { restoreCommand } from '../../src/cli/restore.js';
import { loadLogKeyRing } from '../../src/keys/log-key-ring.js';
import {
  decodeBase64,
  rfc6962,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../../src/log/index.js';
import type { BackupManifest } from '../../src/ops/backup-files.js';
import { TreeReader } from '../../src/sequencer/index.js';
import { serverHasher } from '../../src/server.js';
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

describe('huicun backup while the server appends', function () {
  this.timeout(120_000);
  let server: TestServer;
  let tmp: ReturnType<typeof scratch>;
  let token: string;
  let vkey: string;
  const earlier: Body[] = []; // receipts acknowledged before the backup began
  const handedOut = new Set<string>();
  let manifest: BackupManifest;
  let backupOut: string;
  const backupDir = (): string => tmp.path('backup');

  before(async () => {
    tmp = scratch();
    server = await startOpsServer();
    ({ token } = await registerDepositor(server.url));
    vkey = server.logKey.vkey;
    for (let i = 0; i < 3; i++) {
      const d = await deposit(
        server,
        token,
        uploadForm([{ name: `f${i}.txt`, bytes: new TextEncoder().encode(`evidence file ${i}`) }]),
      );
      earlier.push(d.receipt);
    }
    handedOut.add((await call(server.url, 'GET', '/api/v1/log/checkpoint')).text);
    for (const r of earlier) handedOut.add(r.checkpoint);

    // Eight clients deposit without pause; the backup starts once 40 more are acknowledged.
    let stop = false;
    let acknowledged = 0;
    let started = false;
    // Resolves once `n` deposits are acknowledged: the test awaits the workers, never polls.
    const waiting: { n: number; resolve: () => void }[] = [];
    const acknowledgedReach = (n: number): Promise<void> =>
      acknowledged >= n
        ? Promise.resolve()
        : new Promise((resolve) => waiting.push({ n, resolve }));
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const d = await deposit(
          server,
          token,
          hashOnly(`w${w}-${i}`, (w * 1000 + i).toString(16).padStart(64, '0')),
        );
        handedOut.add(d.receipt.checkpoint);
        if (!started) earlier.push(d.receipt);
        acknowledged++;
        for (const waiter of waiting) if (waiter.n <= acknowledged) waiter.resolve();
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await acknowledgedReach(40);
    started = true;
    const atStart = acknowledged;
    const cli = captureIo(opsEnv(server.config));
    const code = await backupCommand([backupDir()], cli.io);
    backupOut = cli.text();
    const afterBackup = acknowledged;
    expect(afterBackup, 'deposits were acknowledged while the backup ran').to.be.above(atStart);
    // Keep appending a little after the backup, then stop.
    await acknowledgedReach(afterBackup + 16);
    stop = true;
    await Promise.all(workers);
    expect(code, backupOut).to.equal(0);
    manifest = JSON.parse(readFileSync(join(backupDir(), 'manifest.json'), 'utf8'));
  });
  after(async () => {
    await server.dispose();
    tmp.remove();
  });

  it('went through the running server and says that keys are not in the backup', () => {
    expect(backupOut).to.include(`by the server at ${server.url}`);
    expect(backupOut).to.include('NOT in the backup');
    expect(backupOut).to.include('pii.key');
  });

  it('has a manifest whose head is a checkpoint the server handed out', () => {
    expect(manifest.format).to.equal('huicun.backup/v1');
    expect(manifest.origin).to.equal(ORIGIN);
    expect(handedOut.has(manifest.checkpoint), 'the manifest checkpoint was handed out').to.equal(
      true,
    );
    const cp = openWith(manifest.checkpoint, vkey);
    expect(cp.size).to.equal(manifest.size);
    expect(Buffer.from(cp.root).toString('base64')).to.equal(manifest.root);
    expect(manifest.size).to.be.above(Math.max(...earlier.map((r) => r.index)));
    expect(manifest.size).to.be.below(server.log.size); // the log went on after the snapshot
    expect(manifest.blobs).to.equal(3);
    expect(manifest.bytes).to.equal(3 * 'evidence file 0'.length);
  });

  describe('restored', () => {
    let data: string;
    before(async () => {
      data = tmp.path('restored');
      const cli = captureIo(opsEnv({ dataDir: data, certsDir: server.config.certsDir }));
      const code = await restoreCommand([backupDir()], cli.io);
      expect(code, cli.text()).to.equal(0);
      expect(cli.text()).to.include('READ-ONLY');
    });

    it('audits clean with runAudit, and every earlier receipt verifies against the restored log', async () => {
      const store = await openLevelStore(join(data, 'db'));
      try {
        const ring = loadLogKeyRing(server.config.certsDir, ORIGIN);
        const blobDir = join(data, 'blobs');
        const report = await runAudit({
          store,
          hasher: serverHasher,
          verifier: ring.current.verifier,
          origin: ORIGIN,
          blobDir,
          blobPath: (sha) => join(blobDir, sha.slice(0, 2), sha.slice(2, 4), sha),
        });
        expect(report.ok, JSON.stringify(report.sections)).to.equal(true);
        expect(report.size).to.equal(manifest.size);
        const head = await store.readHead();
        expect(head!.size).to.equal(manifest.size);
        expect(await store.readRestoredFrom()).to.deep.include({ size: manifest.size });

        const reader = new TreeReader(store, serverHasher);
        const root = decodeBase64(manifest.root);
        expect(earlier.length).to.be.at.least(43);
        for (const receipt of earlier) {
          const own = checkReceipt(receipt, vkey); // as issued
          const leaf = rfc6962.hashLeaf(decodeBase64(receipt.entry));
          const proof: Hash[] = await reader.inclusionProof(receipt.index, manifest.size);
          verifyInclusion(receipt.index, manifest.size, leaf, proof, root, rfc6962);
          if (own.size < manifest.size) {
            const c = await reader.consistencyProof(own.size, manifest.size);
            verifyConsistency(own.size, manifest.size, c, own.root, root, rfc6962);
          }
        }
      } finally {
        await store.close();
      }
    });

    it('refuses --resume with the newest checkpoint of the log, which went on (a fork)', async () => {
      const latest = tmp.path('latest.txt');
      writeFileSync(latest, (await call(server.url, 'GET', '/tlog/checkpoint')).text);
      const cli = captureIo(opsEnv({ dataDir: data, certsDir: server.config.certsDir }));
      expect(await restoreCommand(['--resume', '--latest-checkpoint', latest], cli.io)).to.equal(1);
      expect(cli.text()).to.match(/would fork the log/);
      const store = await openLevelStore(join(data, 'db'));
      try {
        expect(await store.readRestoredFrom()).to.not.equal(undefined); // still read-only
      } finally {
        await store.close();
      }
    });

    it('refuses to restore into a folder that is not empty, and touches nothing', async () => {
      const cli = captureIo(opsEnv({ dataDir: data, certsDir: server.config.certsDir }));
      expect(await restoreCommand([backupDir()], cli.io)).to.equal(1);
      expect(cli.text()).to.include('RESTORE_TARGET_NOT_EMPTY');
      const other = tmp.path('occupied');
      writeFileSync(tmp.path('occupied'), 'a file, not a folder');
      const cli2 = captureIo(opsEnv({ dataDir: other, certsDir: server.config.certsDir }));
      expect(await restoreCommand([backupDir()], cli2.io)).to.equal(1);
      expect(readFileSync(other, 'utf8')).to.equal('a file, not a folder');
    });
  });
});
