/**
 * The hashing hosts agree with node:crypto: hash-wasm over Blob slices (the browser's) and the
 * CLI's streaming hasher (main thread, or SM3 on the worker), on random inputs and on the
 * GB/T 32905 and FIPS 180-2 vectors.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile } from '../../src/cli/hash-file.js';
import { hashBlob } from '../../web/src/hash-blob.js';
import { tempDir } from '../helpers/log-fixture.js';
import { propertyRuns } from '../helpers/size.js';

const node = (alg: string, b: Uint8Array): string => createHash(alg).update(b).digest('hex');

describe('verify: hashing hosts', () => {
  it('hash-wasm SHA-256 and SM3 give the standard vectors for "abc"', async () => {
    const d = await hashBlob(new Blob([new TextEncoder().encode('abc')]));
    expect(d.sha256).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(d.sm3).to.equal('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(d.size).to.equal(3);
  });

  it('hash-wasm over Blob slices equals node:crypto on random inputs and slice sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 5000 }),
        fc.integer({ min: 1, max: 1200 }),
        async (bytes, sliceBytes) => {
          let last = -1;
          const d = await hashBlob(new Blob([bytes]), {
            sliceBytes,
            onProgress: (done, total) => {
              expect(done).to.be.greaterThan(last).and.at.most(total);
              last = done;
            },
          });
          expect(d).to.deep.equal({
            size: bytes.length,
            sha256: node('sha256', bytes),
            sm3: node('sm3', bytes),
          });
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it('hash-wasm equals node:crypto on 9 MiB (several default slices) and honours an abort', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 7);
    const d = await hashBlob(new Blob([bytes]));
    expect(d.sha256).to.equal(node('sha256', bytes));
    expect(d.sm3).to.equal(node('sm3', bytes));
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    let err: unknown;
    await hashBlob(new Blob([bytes]), { signal: ctl.signal }).catch((e: unknown) => (err = e));
    expect((err as Error).message).to.equal('stop');
  });

  describe('the CLI hasher (node:crypto, SM3 on the worker for large files)', () => {
    let tmp: ReturnType<typeof tempDir>;
    before(() => (tmp = tempDir('huicun-hash-')));
    after(() => tmp.remove());

    for (const [label, size, workerThreshold] of [
      ['empty, main thread', 0, undefined],
      ['small, main thread', 1000, undefined],
      ['3 MiB on the worker', 3 * 1024 * 1024 + 5, 1],
      ['9 MiB, worker by default', 9 * 1024 * 1024 + 1, undefined],
    ] as const) {
      it(`${label}: equals one-shot node:crypto`, async () => {
        const bytes = randomBytes(size);
        const path = join(tmp.dir, `f-${size}`);
        writeFileSync(path, bytes);
        const seen: number[] = [];
        const d = await hashFile(path, {
          onProgress: (done) => seen.push(done),
          ...(workerThreshold !== undefined ? { workerThreshold } : {}),
        });
        expect(d).to.deep.equal({ size, sha256: node('sha256', bytes), sm3: node('sm3', bytes) });
        if (size > 0) expect(seen.at(-1)).to.equal(size);
      });
    }

    it('stops when aborted (the worker is terminated)', async () => {
      const path = join(tmp.dir, 'abort.bin');
      writeFileSync(path, randomBytes(12 * 1024 * 1024));
      const ctl = new AbortController();
      const hashing = hashFile(path, { signal: ctl.signal, workerThreshold: 1 });
      ctl.abort(new Error('usage error elsewhere'));
      let err: unknown;
      await hashing.catch((e: unknown) => (err = e));
      expect((err as Error).message).to.equal('usage error elsewhere');
    });

    it('rejects a missing file and a directory', async () => {
      for (const path of [join(tmp.dir, 'missing'), tmp.dir]) {
        let err: unknown;
        await hashFile(path).catch((e: unknown) => (err = e));
        expect(err).to.be.instanceOf(Error);
      }
    });
  });
});
