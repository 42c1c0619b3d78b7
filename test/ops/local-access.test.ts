/**
 * How the CLI reaches a running server (docs/cli.md): `<data>/server.json` (mode 0600, removed on
 * shutdown) and the local secret, honoured only from a direct loopback peer; the admin routes'
 * checks of the backup folder; a damaged blob stops a backup; `huicun audit` and `huicun backup`
 * the same with or without a server.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditCommand } from '../../src/cli/audit.js';
import { backupCommand } from '../../src/cli/backup.js';
import { checkLocalSecret, isLoopbackAddress } from '../../src/ops/local-secret.js';
import { prepareBackupDir } from '../../src/ops/backup.js';
import { OpsError } from '../../src/ops/errors.js';
import { findLiveServer, readServerFile, type ServerFile } from '../../src/ops/server-file.js';
import { call, registerDepositor } from '../helpers/api.js';
import { deposit, uploadForm } from '../helpers/casework.js';
import { rejection } from '../helpers/log-fixture.js';
import type { TestServer } from '../helpers/server-fixture.js';
import { captureIo, opsEnv, scratch, startOpsServer } from './fixture.js';

const SECRET = 'ab'.repeat(32);
const req = (
  remoteAddress: string | undefined,
  headers: Record<string, string | string[]> = {},
) => ({
  headers: { 'x-huicun-local-secret': SECRET, ...headers },
  socket: { remoteAddress },
});

describe('the local secret guard', () => {
  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a), a).to.equal(true);
    for (const a of [
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '128.0.0.1',
      '::2',
      '1127.0.0.1',
      '',
      undefined,
    ])
      expect(isLoopbackAddress(a), String(a)).to.equal(false);
  });

  it('accepts the right secret from a direct loopback peer only', () => {
    expect(checkLocalSecret(req('127.0.0.1'), SECRET).verdict).to.equal('accepted');
    expect(checkLocalSecret(req('::1'), SECRET).verdict).to.equal('accepted');
    expect(
      checkLocalSecret({ headers: {}, socket: { remoteAddress: '10.0.0.1' } }, SECRET).verdict,
    ).to.equal('absent');
    const refused = (r: ReturnType<typeof req>): string => {
      const c = checkLocalSecret(r, SECRET);
      expect(c.verdict).to.equal('refused');
      return c.verdict === 'refused' ? c.reason : '';
    };
    expect(refused(req('192.168.1.20'))).to.match(/loopback only/);
    expect(refused(req('::ffff:203.0.113.9'))).to.match(/loopback only/);
    expect(refused(req(undefined))).to.match(/loopback only/);
    // A local reverse proxy forwards remote callers from 127.0.0.1: refused, whichever
    // forwarding header it adds.
    for (const [name, value] of [
      ['x-forwarded-for', '203.0.113.9'],
      ['forwarded', 'for=203.0.113.9'],
      ['x-forwarded-host', 'huicun.example'],
      ['x-forwarded-proto', 'https'],
      ['x-real-ip', '203.0.113.9'],
      ['via', '1.1 nginx'],
    ] as const) {
      const c = checkLocalSecret(req('127.0.0.1', { [name]: value }), SECRET);
      expect(c, name).to.deep.include({ verdict: 'refused', code: 'FORWARDED_REQUEST_REFUSED' });
      expect(refused(req('127.0.0.1', { [name]: value })), name).to.match(/proxy/);
    }
    expect(refused(req('127.0.0.1', { 'x-huicun-local-secret': 'cd'.repeat(32) }))).to.match(
      /wrong/,
    );
    expect(refused(req('127.0.0.1', { 'x-huicun-local-secret': 'short' }))).to.match(/wrong/);
    expect(refused(req('127.0.0.1', { 'x-huicun-local-secret': [SECRET, SECRET] }))).to.match(
      /one/,
    );
  });
});

describe('server.json and the admin routes', function () {
  this.timeout(60_000);
  let server: TestServer;
  let tmp: ReturnType<typeof scratch>;
  let file: ServerFile;
  let token: string;
  let sha: string;

  before(async () => {
    tmp = scratch();
    server = await startOpsServer();
    ({ token } = await registerDepositor(server.url));
    const d = await deposit(
      server,
      token,
      uploadForm([{ name: 'x.txt', bytes: new TextEncoder().encode('local access') }]),
    );
    sha = d.deposit.files[0].sha256;
    file = (await readServerFile(server.config.dataDir))!;
  });
  after(async () => {
    await server.dispose();
    tmp.remove();
  });

  const admin = (path: string, headers: Record<string, string>, json: unknown = {}) =>
    call(server.url, 'POST', path, { headers, json });

  it('is written at start with mode 0600 and names this live server', async () => {
    const path = join(server.config.dataDir, 'server.json');
    expect(statSync(path).mode & 0o777).to.equal(0o600);
    expect(file).to.include({ pid: process.pid, url: server.url });
    expect(file.secret).to.match(/^[0-9a-f]{64}$/);
    expect(Date.parse(file.startedAt)).to.be.at.most(Date.now());
    expect((await findLiveServer(server.config.dataDir))?.url).to.equal(server.url);
  });

  it('answers the local secret, refuses a wrong one (403) and no credentials (401)', async () => {
    const ok = await admin('/api/v1/admin/audit', { 'x-huicun-local-secret': file.secret });
    expect(ok.status, ok.text).to.equal(200);
    expect(ok.body.ok).to.equal(true);
    const wrong = await admin('/api/v1/admin/audit', { 'x-huicun-local-secret': 'ef'.repeat(32) });
    expect([wrong.status, wrong.body.error.code]).to.deep.equal([403, 'LOCAL_SECRET_REFUSED']);
    for (const forwarding of ['x-forwarded-for', 'x-forwarded-host']) {
      const proxied = await admin('/api/v1/admin/audit', {
        'x-huicun-local-secret': file.secret,
        [forwarding]: '203.0.113.9',
      });
      expect([proxied.status, proxied.body.error.code], forwarding).to.deep.equal([
        403,
        'FORWARDED_REQUEST_REFUSED',
      ]);
    }
    const none = await admin('/api/v1/admin/audit', {});
    expect([none.status, none.body.error.code]).to.deep.equal([401, 'AUTH_REQUIRED']);
    const depositor = await call(server.url, 'POST', '/api/v1/admin/audit', { token, json: {} });
    expect(depositor.status).to.equal(403);
  });

  it('refuses backup folders that are relative, inside the data or certs folder, or not empty', async () => {
    const s = { 'x-huicun-local-secret': file.secret };
    const occupied = tmp.path('occupied');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'x'), 'x');
    for (const dir of [
      'relative/backup',
      `${tmp.dir}/a/../b`,
      join(server.config.dataDir, 'backup'),
      server.config.dataDir,
      join(server.config.certsDir, 'b'),
      occupied,
      join(tmp.dir, 'no-such-parent', 'b'),
      '/',
    ]) {
      const r = await admin('/api/v1/admin/backup', s, { dir });
      expect([r.status, r.body?.error?.code], dir).to.deep.equal([400, 'BACKUP_DIR_INVALID']);
    }
    const notString = await admin('/api/v1/admin/backup', s, { dir: 42 });
    expect(notString.status).to.equal(400);
    expect(existsSync(join(server.config.dataDir, 'backup'))).to.equal(false);
    const err = await rejection(
      prepareBackupDir(join(server.config.dataDir, 'blobs', 'x'), server.config),
    );
    expect(err).to.be.instanceOf(OpsError).with.property('code', 'BACKUP_DIR_INVALID');
  });

  it('backs up into an existing empty folder, and streams progress with Accept: application/x-ndjson', async () => {
    const dir = tmp.path('empty');
    mkdirSync(dir);
    const res = await fetch(`${server.url}/api/v1/admin/backup`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        'x-huicun-local-secret': file.secret,
      },
      body: JSON.stringify({ dir }),
    });
    expect(res.headers.get('content-type')).to.match(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const last = lines.at(-1);
    expect(last.result.dir).to.equal(dir);
    expect(last.result.manifest.blobs).to.equal(1);
    expect(existsSync(join(dir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha))).to.equal(true);
    expect(existsSync(join(dir, 'manifest.json'))).to.equal(true);
  });

  it('huicun audit asks the running server; the same report without one', async () => {
    const env = opsEnv(server.config);
    const viaServer = captureIo(env);
    expect(await auditCommand([], viaServer.io), viaServer.text()).to.equal(0);
    const viaStore = captureIo(env);
    // A server that is not this one's (stale file): the CLI opens the store, which is locked.
    writeFileSync(
      join(server.config.dataDir, 'server.json'),
      JSON.stringify({ ...file, pid: 2 ** 22 + 12345 }),
    );
    try {
      expect(await auditCommand([], viaStore.io)).to.equal(2);
      expect(viaStore.text()).to.match(/a server holds the store/);
    } finally {
      writeFileSync(join(server.config.dataDir, 'server.json'), JSON.stringify(file));
    }
  });

  it('a blob that no longer has its digest stops the backup (no manifest)', async () => {
    const blob = join(server.config.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
    const original = readFileSync(blob);
    writeFileSync(blob, 'tampered!!!!');
    try {
      const dir = tmp.path('damaged');
      const cli = captureIo(opsEnv(server.config));
      expect(await backupCommand([dir], cli.io)).to.equal(1);
      expect(cli.text()).to.include('BLOB_DIGEST_MISMATCH');
      expect(existsSync(join(dir, 'manifest.json'))).to.equal(false);
      // a 503 of data loss is reported to the operator (src/http/errors.ts), once
      expect(server.errors.splice(0).map((e) => (e as { code?: string }).code)).to.deep.equal([
        'BLOB_DIGEST_MISMATCH',
      ]);
    } finally {
      writeFileSync(blob, original);
    }
  });

  describe('after shutdown', () => {
    before(() => server.close());

    it('server.json is gone; audit and backup open the store themselves', async () => {
      expect(existsSync(join(server.config.dataDir, 'server.json'))).to.equal(false);
      const env = opsEnv(server.config);
      const audit = captureIo(env);
      expect(await auditCommand([], audit.io), audit.text()).to.equal(0);
      expect(audit.out[0]).to.match(/OK/);
      const backup = captureIo(env);
      expect(await backupCommand([tmp.path('offline')], backup.io), backup.text()).to.equal(0);
      expect(backup.text()).to.include('no server was running');
      expect(await backupCommand([tmp.path('offline')], captureIo(env).io)).to.equal(1); // not empty
      expect(await backupCommand([], captureIo(env).io)).to.equal(2);
    });
  });
});
