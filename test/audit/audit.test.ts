import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAudit, type AuditReport } from '../../src/audit/index.js';
import { serverHasher } from '../../src/server.js';
import { openLevelStore, type LevelStore } from '../../src/storage/leveldb.js';
import { tileKey } from '../../src/storage/keys.js';
import { call, registerDepositor } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

describe('huicun audit', () => {
  let server: TestServer;
  let store: LevelStore;
  let blobSha: string;
  let depositIndex: number;

  before(async function () {
    this.timeout(60_000);
    server = await startTestServer({}, { seeds: true });
    const { token } = await registerDepositor(server.url);
    const form = new FormData();
    form.append('title', '审计');
    form.append(
      'files',
      new Blob([new TextEncoder().encode('evidence bytes for the audit')]),
      'a.txt',
    );
    const up = await call(server.url, 'POST', '/api/v1/deposits', { token, body: form });
    blobSha = up.body.deposit.files[0].sha256;
    depositIndex = up.body.deposit.index;
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        call(server.url, 'POST', '/api/v1/deposits', {
          token,
          json: {
            title: `h${i}`,
            files: [{ name: 'x', size: 1, sha256: i.toString(16).padStart(64, '0') }],
          },
        }),
      ),
    );
    await server.close();
    store = await openLevelStore(join(server.config.dataDir, 'db'));
  });
  after(async () => {
    await store.close();
    await server.dispose();
  });

  const audit = (): Promise<AuditReport> => {
    const blobDir = join(server.config.dataDir, 'blobs');
    return runAudit({
      store,
      hasher: serverHasher,
      verifier: server.logKey.verifier,
      origin: server.config.origin,
      blobDir,
      blobPath: (sha) => join(blobDir, sha.slice(0, 2), sha.slice(2, 4), sha),
    });
  };
  const ids = (r: AuditReport): string[] => r.sections.flatMap((s) => s.findings.map((f) => f.id));

  it('finds no damage in an intact store, having checked every part', async () => {
    const r = await audit();
    expect(ids(r)).to.deep.equal([]);
    expect(r.ok).to.equal(true);
    expect(r.size).to.be.greaterThan(300);
    for (const s of r.sections) expect(s.checked, s.name).to.be.greaterThan(0);
  });

  it('finds a changed evidence file', async () => {
    const path = join(
      server.config.dataDir,
      'blobs',
      blobSha.slice(0, 2),
      blobSha.slice(2, 4),
      blobSha,
    );
    const original = readFileSync(path);
    writeFileSync(
      path,
      Buffer.concat([original.subarray(0, 3), Buffer.from('X'), original.subarray(4)]),
    );
    try {
      const r = await audit();
      expect(r.ok).to.equal(false);
      expect(ids(r)).to.include('blob.sha256');
    } finally {
      writeFileSync(path, original);
    }
  });

  it('finds a changed node hash', async () => {
    const key = tileKey(0, 0);
    const original = (await store.get(key))!;
    const damaged = Uint8Array.from(original); // a copy: values may be Buffers, whose slice() is a view
    damaged[2 + 7 * 32] = damaged[2 + 7 * 32]! ^ 0x40;
    await store.writeRecords([{ type: 'put', key, value: damaged }]);
    try {
      const r = await audit();
      expect(r.ok).to.equal(false);
      expect(ids(r)).to.include('tile.mismatch');
    } finally {
      await store.writeRecords([{ type: 'put', key, value: original }]);
    }
  });

  it('finds a changed record', async () => {
    const key = `rec/deposit/${String(depositIndex).padStart(16, '0')}`;
    const original = (await store.get(key))!;
    const record = JSON.parse(new TextDecoder().decode(original));
    record.opening.title = '篡改后的标题';
    await store.writeRecords([{ type: 'put', key, value: JSON.stringify(record) }]);
    try {
      const r = await audit();
      expect(r.ok).to.equal(false);
      expect(ids(r)).to.include('record.entry');
    } finally {
      await store.writeRecords([{ type: 'put', key, value: original }]);
    }
    const after = await audit();
    expect(ids(after)).to.deep.equal([]);
  });
});
