import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { BlobError, BlobStore } from '../../src/storage/blobs.js';
import { listFiles } from './helpers.js';

const digest = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('storage: blob store', () => {
  let dataDir: string;
  let referenced: Set<string>;
  let blobs: BlobStore;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'huicun-blobs-'));
    referenced = new Set();
    blobs = await BlobStore.open({ dataDir, isReferenced: (d) => referenced.has(d) });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function temp(bytes: Uint8Array): string {
    const path = blobs.tempPath();
    writeFileSync(path, bytes, { flag: 'wx' });
    return path;
  }

  it('sweeps leftovers out of tmp/ when opened', async () => {
    writeFileSync(join(blobs.tmpDir, 'crashed.part'), 'x');
    await BlobStore.open({ dataDir, isReferenced: () => false });
    expect(listFiles(blobs.tmpDir)).to.deep.equal([]);
  });

  it('commits a temp file to blobs/<aa>/<bb>/<sha256> and reads it back', async () => {
    const bytes = randomBytes(5000);
    const d = digest(bytes);
    const hold = await blobs.commit(temp(bytes), d);
    expect(hold).to.deep.include({ sha256: d, created: true });
    expect(blobs.path(d)).to.equal(join(dataDir, 'blobs', d.slice(0, 2), d.slice(2, 4), d));
    expect(readFileSync(blobs.path(d))).to.deep.equal(bytes);
    expect(listFiles(blobs.tmpDir)).to.deep.equal([]);
    expect((await blobs.stat(d))?.size).to.equal(5000);
    const chunks: Buffer[] = [];
    for await (const c of await blobs.createReadStream(d, { start: 10, end: 19 }))
      chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).to.deep.equal(bytes.subarray(10, 20));
  });

  it('deduplicates: a second commit unlinks its temp file and adds a hold', async () => {
    const bytes = randomBytes(100);
    const d = digest(bytes);
    const first = await blobs.commit(temp(bytes), d);
    const mtime = statSync(blobs.path(d)).mtimeMs;
    const second = await blobs.commit(temp(bytes), d);
    expect([first.created, second.created]).to.deep.equal([true, false]);
    expect(blobs.holds(d)).to.equal(2);
    expect(statSync(blobs.path(d)).mtimeMs).to.equal(mtime);
    expect(listFiles(blobs.tmpDir)).to.deep.equal([]);
    second.drop();
    second.drop(); // idempotent
    expect(blobs.holds(d)).to.equal(1);
  });

  it('replaces a same-named blob of the wrong size (corrupt)', async () => {
    const bytes = randomBytes(100);
    const d = digest(bytes);
    (await blobs.commit(temp(bytes.subarray(0, 50)), d)).drop();
    await blobs.commit(temp(bytes), d);
    expect(readFileSync(blobs.path(d))).to.deep.equal(bytes);
  });

  it('releases a blob only when neither held nor referenced', async () => {
    const bytes = randomBytes(100);
    const d = digest(bytes);
    const hold = await blobs.commit(temp(bytes), d);
    expect(await blobs.release(d), 'held').to.equal(false);
    hold.drop();
    referenced.add(d);
    expect(await blobs.release(d), 'referenced').to.equal(false);
    referenced.delete(d);
    expect(await blobs.release(d)).to.equal(true);
    expect(await blobs.stat(d)).to.equal(undefined);
    expect(await blobs.release(d), 'already gone').to.equal(false);
  });

  it('serialises release and commit of one digest: the committed blob survives', async () => {
    const bytes = randomBytes(100);
    const d = digest(bytes);
    (await blobs.commit(temp(bytes), d)).drop();
    const [, hold] = await Promise.all([blobs.release(d), blobs.commit(temp(bytes), d)]);
    expect(hold.sha256).to.equal(d);
    expect(readFileSync(blobs.path(d))).to.deep.equal(bytes);
    expect(blobs.holds(d)).to.equal(1);
  });

  it('refuses a malformed digest and reports a missing blob', async () => {
    expect(() => blobs.path('../etc/passwd')).to.throw(TypeError);
    expect(() => blobs.path('A'.repeat(64))).to.throw(TypeError);
    const err = await blobs.open('0'.repeat(64)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(BlobError).with.property('code', 'BLOB_NOT_FOUND');
    expect(await blobs.freeBytes()).to.be.above(0);
  });
});
