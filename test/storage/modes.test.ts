/**
 * Files on disk (issue 11 §7): the data folder, `db/`, `blobs/` (with its `aa/bb` subfolders)
 * and `tmp/` are 0700, every file in them 0600 — evidence and certificate blobs, LevelDB's own
 * files, `server.json` — after a deposit and a certificate, even when an earlier version left
 * the folders 0755 and the process umask is the usual 022.
 */
import { expect } from 'chai';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLevelStore } from '../../src/storage/leveldb.js';
import { call, registerDepositor } from '../helpers/api.js';
import { deposit, sha256hex, uploadForm } from '../helpers/casework.js';
import { tempDir } from '../helpers/log-fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

const mode = (p: string): number => statSync(p).mode & 0o777;

/** Every folder and file under `root` (itself included) whose mode is not 0700 / 0600. */
function wrongModes(root: string): string[] {
  const wrong: string[] = [];
  const visit = (path: string): void => {
    const s = statSync(path);
    const want = s.isDirectory() ? 0o700 : 0o600;
    if ((s.mode & 0o777) !== want)
      wrong.push(`${path.slice(root.length) || '/'} ${(s.mode & 0o777).toString(8)}`);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return wrong;
}

describe('file modes of the data folder', function () {
  this.timeout(60_000);
  let umask: number;
  let tmp: ReturnType<typeof tempDir>;
  before(() => {
    umask = process.umask(0o022); // the usual default; the server must not rely on the caller's
    tmp = tempDir('huicun-modes-');
  });
  after(() => {
    process.umask(umask);
    tmp.remove();
  });

  describe('a server on a data folder an earlier version left 0755', () => {
    let server: TestServer;
    let data: string;
    before(async () => {
      data = join(tmp.dir, 'data');
      for (const d of ['', 'db', 'blobs', 'blobs/ab', 'blobs/ab/cd', 'tmp']) {
        mkdirSync(join(data, d), { recursive: true });
        chmodSync(join(data, d), 0o755);
      }
      writeFileSync(join(data, 'db', 'LOG.old'), 'an old LevelDB info log\n', { mode: 0o644 });
      server = await startTestServer({ HUICUN_DATA_DIR: data });
    });
    after(() => server.dispose());

    it('makes every folder 0700 and every file 0600, evidence and certificate blobs included', async () => {
      const { token } = await registerDepositor(server.url);
      const bytes = new TextEncoder().encode('evidence that only the service may read');
      const { deposit: d } = await deposit(server, token, uploadForm([{ name: 'e.txt', bytes }]));
      const pdf = await fetch(`${server.url}/api/v1/deposits/${d.id}/certificate.pdf`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(pdf.status).to.equal(200);
      const pdfSha = sha256hex(new Uint8Array(await pdf.arrayBuffer()));
      expect(mode(server.blobs.path(sha256hex(bytes))), 'the evidence blob').to.equal(0o600);
      expect(mode(server.blobs.path(pdfSha)), 'the certificate blob').to.equal(0o600);
      expect(readdirSync(join(data, 'db')).length, 'LevelDB wrote its files').to.be.above(3);
      expect(wrongModes(data)).to.deep.equal([]);
      expect((await call(server.url, 'GET', '/api/v1/health')).status).to.equal(200);
    });
  });

  it('a store opened outside the server (the CLI) is 0700 with 0600 files too', async () => {
    process.umask(0o022);
    const dir = join(tmp.dir, 'cli-db');
    const store = await openLevelStore(dir);
    await store.close();
    expect(wrongModes(dir)).to.deep.equal([]);
  });
});
