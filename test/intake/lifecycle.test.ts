import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { Intake } from '../../src/evidence/intake/index.js';
import { codeOf, file, multipart, startFixture, title, type Fixture } from './helpers.js';

describe('intake: blobs after the upload (dedup, rollback, holds, free space)', () => {
  let fx: Fixture;
  beforeEach(async () => {
    fx = await startFixture({ reserveBytes: 0 });
  });
  afterEach(async () => {
    expect(fx.tmpFiles(), 'temp files left').to.deep.equal([]);
    await fx.close();
  });

  it('deduplicates identical files within a request and across requests', async () => {
    const bytes = randomBytes(20_000);
    const first = await fx.post(multipart([title(), file('a.bin', bytes), file('b.bin', bytes)]));
    const second = await fx.post(multipart([title(), file('c.bin', bytes)]));
    expect([first.status, second.status]).to.deep.equal([201, 201]);
    const digests = [...(first.body as Intake).files, ...(second.body as Intake).files].map(
      (f) => f.sha256,
    );
    expect(new Set(digests).size).to.equal(1);
    const d = digests[0]!;
    expect(fx.blobFiles()).to.deep.equal([`${d.slice(0, 2)}/${d.slice(2, 4)}/${d}`]);
    expect(fx.blobs.holds(d)).to.equal(0);
  });

  it('rollback removes an unreferenced blob and keeps a referenced one', async () => {
    const [a, b] = [randomBytes(1000), randomBytes(1000)];
    const res = await fx.post(multipart([title(), file('a', a), file('b', b)]), '/keep');
    expect(res.status).to.equal(201);
    const intake = fx.kept[0]!;
    const [fa, fb] = intake.files;
    expect(fx.blobs.holds(fa!.sha256)).to.equal(1);
    fx.referenced.add(fb!.sha256); // an earlier deposit holds b
    await fx.upload.rollback(intake);
    expect(await fx.blobs.stat(fa!.sha256)).to.equal(undefined);
    expect((await fx.blobs.stat(fb!.sha256))?.size).to.equal(1000);
    expect(fx.blobs.holds(fa!.sha256)).to.equal(0);
    await fx.upload.rollback(intake); // idempotent
  });

  it('keeps a blob that a concurrent identical upload still holds', async () => {
    const bytes = randomBytes(5000);
    const [r1, r2] = await Promise.all([
      fx.post(multipart([title(), file('x', bytes)]), '/keep'),
      fx.post(multipart([title(), file('y', bytes)]), '/keep'),
    ]);
    expect([r1.status, r2.status]).to.deep.equal([201, 201]);
    const [i1, i2] = fx.kept as [Intake, Intake];
    const d = i1.files[0]!.sha256;
    expect(fx.blobs.holds(d)).to.equal(2);
    await fx.upload.rollback(i1); // the first deposit's append failed
    expect(await fx.blobs.stat(d), 'still held by the second upload').to.not.equal(undefined);
    fx.upload.settle(i2); // the second was appended and its record references the blob
    fx.referenced.add(d);
    expect(await fx.blobs.release(d)).to.equal(false);
    expect(await fx.blobs.stat(d)).to.not.equal(undefined);
  });

  it('releases blobs of a request refused after its files were stored', async () => {
    const res = await fx.post(
      multipart([file('a', randomBytes(3000)), file('b', randomBytes(3000))]),
    );
    expect(codeOf(res)).to.equal('MISSING_TITLE');
    expect(fx.blobFiles()).to.deep.equal([]);
  });
});

describe('intake: free-space reserve', () => {
  it('answers 507 when the reserve is above the free space, before writing', async () => {
    const fx = await startFixture({ reserveBytes: Number.MAX_SAFE_INTEGER });
    try {
      const res = await fx.post(multipart([title(), file('a.bin', randomBytes(1000))]));
      expect([res.status, codeOf(res)]).to.deep.equal([507, 'INSUFFICIENT_STORAGE']);
      expect(fx.tmpFiles()).to.deep.equal([]);
      expect(fx.blobFiles()).to.deep.equal([]);
    } finally {
      await fx.close();
    }
  });

  it('counts the request Content-Length against the free space', async () => {
    const fx = await startFixture({ reserveBytes: 1000, freeBytes: () => Promise.resolve(50_000) });
    try {
      const small = await fx.post(multipart([title(), file('a.bin', randomBytes(10_000))]));
      expect(small.status).to.equal(201);
      const big = await fx.post(multipart([title(), file('b.bin', randomBytes(60_000))]));
      expect([big.status, codeOf(big)]).to.deep.equal([507, 'INSUFFICIENT_STORAGE']);
    } finally {
      await fx.close();
    }
  });

  it('answers 507 when the free space runs out while a file streams, leaving nothing', async () => {
    let calls = 0; // the checks at the start of both parts pass, the one after 64 KiB fails
    const fx = await startFixture({
      reserveBytes: 1000,
      spaceCheckBytes: 64 * 1024,
      freeBytes: () => Promise.resolve(++calls <= 2 ? 1e12 : 0),
    });
    try {
      const first = randomBytes(2000);
      const res = await fx.post(
        multipart([title(), file('ok.bin', first), file('big.bin', randomBytes(1 << 20))]),
      );
      expect([res.status, codeOf(res)]).to.deep.equal([507, 'INSUFFICIENT_STORAGE']);
      expect(fx.tmpFiles()).to.deep.equal([]);
      expect(fx.blobFiles(), 'ok.bin was committed, then released').to.deep.equal([]);
      expect(calls).to.equal(3);
    } finally {
      await fx.close();
    }
  });
});
