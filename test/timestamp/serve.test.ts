/**
 * `huicun serve` as `npm start` runs it: with no HUICUN_TSA_URLS outside production it stamps
 * the log with the development TSA, and `openssl ts -verify` accepts the stamp over the exact
 * checkpoint bytes with the generated `tsa-dev-ca.pem` (docs/timestamps.md); with
 * HUICUN_TSA_URLS=none nothing stamps.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { CLI, ensureBuilt } from '../cli/cli.js';

/** Starts `huicun serve` on a free port; resolves with its URL once it says it listens. */
function serve(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && /time-stamps/.test(out)) resolve({ child, url, out: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The first stamp the server stores: waits for the stamper, bounded only by mocha's timeout. */
async function firstStamp(
  url: string,
): Promise<{ checkpoint: string; token: string; tsa: string }> {
  for (;;) {
    const res = await fetch(`${url}/api/v1/log/timestamps?size=1`);
    if (res.status === 200)
      return (await res.json()) as { checkpoint: string; token: string; tsa: string };
    expect(res.status).to.equal(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal(
      'NOT_STAMPED_YET',
    );
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('huicun serve: trusted time as npm start configures it', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => ensureBuilt());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'huicun-serve-tsa-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stamps the log with the development TSA; openssl ts -verify accepts the stamp', async () => {
    const certs = join(dir, 'certs');
    const { child, url, out } = await serve({
      HUICUN_DATA_DIR: join(dir, 'data'),
      HUICUN_CERTS_DIR: certs,
      HUICUN_TSA_INTERVAL_S: '1',
    });
    try {
      expect(out()).to.match(
        /time-stamps \(RFC 3161\): the development TSA, not a trusted time source/,
      );
      const stamp = await firstStamp(url);
      expect(stamp.tsa).to.match(/not a trusted time source/);
      writeFileSync(join(dir, 'checkpoint'), stamp.checkpoint);
      writeFileSync(join(dir, 'token.der'), Buffer.from(stamp.token, 'base64'));
      const verify = (): string =>
        execFileSync(
          'openssl',
          [
            'ts',
            '-verify',
            '-data',
            join(dir, 'checkpoint'),
            '-in',
            join(dir, 'token.der'),
            '-token_in',
            '-CAfile',
            join(certs, 'tsa-dev-ca.pem'),
          ],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        );
      expect(verify()).to.match(/Verification: OK/);
      writeFileSync(join(dir, 'checkpoint'), stamp.checkpoint.replace('\n', ' \n'));
      expect(verify).to.throw();
    } finally {
      await stop(child);
    }
  });

  it('HUICUN_TSA_URLS=none: says so and stores no stamp', async () => {
    const { child, url, out } = await serve({
      HUICUN_DATA_DIR: join(dir, 'data'),
      HUICUN_CERTS_DIR: join(dir, 'certs'),
      HUICUN_TSA_URLS: 'none',
    });
    try {
      expect(out()).to.match(/time-stamps: none/);
      const res = await fetch(`${url}/api/v1/log/timestamps?size=1`);
      expect(res.status).to.equal(404);
    } finally {
      await stop(child);
    }
  });
});
