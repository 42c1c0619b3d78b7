/**
 * `huicun verify --online` and `huicun monitor` against live servers (compiled CLI,
 * subprocess): the published key, consistency from the receipt's checkpoint, a forked log
 * (same key, same size, other root), a rollback, and a lying tile server.
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { formatVkey } from '../../src/log/index.js';
import { call, registerDepositor } from '../helpers/api.js';
import { tempDir } from '../helpers/log-fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { ensureBuilt, runCli } from './cli.js';

const ORIGIN = 'monitor-test.huicun.localhost/log';
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Appends `n` raw entries `<tag> <i>` (the log does not care what an entry says). */
async function grow(server: TestServer, n: number, tag: string): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => server.log.append(utf8(`${tag} ${i}`))));
}

/** A proxy in front of `target` that may rewrite the body of some GETs. */
async function lyingProxy(
  target: string,
  lie: (path: string, body: Buffer) => Buffer,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const up = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => {
        const body = lie(req.url ?? '', Buffer.concat(chunks));
        res.writeHead(r.statusCode ?? 502, {
          'content-type': r.headers['content-type'] ?? 'application/octet-stream',
        });
        res.end(body);
      });
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('cli: verify --online and monitor against live logs', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof tempDir>;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    await ensureBuilt();
    tmp = tempDir('huicun-cli-online-');
    // Two servers with the same log key and origin: b is a fork of a.
    const certs = join(tmp.dir, 'certs');
    mkdirSync(certs);
    const env = { HUICUN_ORIGIN: ORIGIN, HUICUN_CERTS_DIR: certs };
    a = await startTestServer(env);
    b = await startTestServer(env);
  });
  after(async () => {
    await a?.dispose();
    await b?.dispose();
    tmp?.remove();
  });

  it('verify --online trusts the published key and proves the log only grew since the receipt', async () => {
    const alice = await registerDepositor(a.url);
    const bytes = utf8('在线核验的证据文件 online evidence\n');
    const fd = new FormData();
    fd.append('title', '在线核验');
    fd.append('files', new Blob([bytes]), '证据.txt');
    const dep = await call(a.url, 'POST', '/api/v1/deposits', { token: alice.token, body: fd });
    expect(dep.status, dep.text).to.equal(201);
    const receipt = join(tmp.dir, 'online.receipt.json');
    writeFileSync(receipt, JSON.stringify(dep.body.receipt));
    const file = join(tmp.dir, 'online.txt');
    writeFileSync(file, bytes);
    await grow(a, 40, 'later');
    const r = await runCli(['verify', file, '--receipt', receipt, '--online', a.url, '--json']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout) as {
      verdict: string;
      checks: { id: string; status: string }[];
    };
    expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).to.include({
      consistency: 'pass',
      'checkpoint.key_trusted': 'pass',
      inclusion: 'pass',
    });
    // The fork has the same key but not this history: the receipt's checkpoint is not in it.
    await grow(b, a.log.size + 5, 'fork');
    const forked = await runCli([
      'verify',
      file,
      '--receipt',
      receipt,
      '--online',
      b.url,
      '--json',
    ]);
    expect(forked.code).to.equal(1);
    const failed = (
      JSON.parse(forked.stdout) as { checks: { id: string; status: string }[] }
    ).checks
      .filter((c) => c.status === 'fail')
      .map((c) => c.id);
    expect(failed).to.deep.equal(['consistency']);
  });

  it('monitor: keeps the last verified checkpoint; exits 1 on a fork, a rollback or lying tiles', async () => {
    const state = join(tmp.dir, 'a.state.json');
    const keyed = ['--log-key', a.logKey.vkey];
    // First run: audits every entry bundle and tile (300 entries: a full tile and a level-1 tile).
    await grow(a, 300 - a.log.size, 'first');
    const first = await runCli(['monitor', a.url, '--state', state]);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stderr).to.contain('first run');
    expect(JSON.parse(readFileSync(state, 'utf8'))).to.include({ size: 300, vkey: a.logKey.vkey });
    // Growth: a consistency proof and the new bundles.
    await grow(a, 260, 'second');
    const second = await runCli(['monitor', a.url, '--state', state, ...keyed]);
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.contain('size 560 (+260)');
    const good = readFileSync(state, 'utf8');

    // A fork: same key and origin, same size, another root.
    await grow(b, 560 - b.log.size, 'fork');
    expect(b.log.size).to.equal(560);
    const fork = await runCli(['monitor', b.url, '--state', state]);
    expect(fork.code).to.equal(1);
    expect(fork.stderr).to.contain('INCONSISTENT').and.contain('fork');
    expect(readFileSync(state, 'utf8')).to.equal(good);
    // The fork grows on: no consistency proof from our checkpoint.
    await grow(b, 10, 'fork more');
    expect((await runCli(['monitor', b.url, '--state', state])).code).to.equal(1);
    // A rollback: a state from a larger tree.
    const big = JSON.parse(good) as { size: number };
    writeFileSync(join(tmp.dir, 'big.json'), JSON.stringify({ ...big, size: big.size + 1000 }));
    const rollback = await runCli(['monitor', a.url, '--state', join(tmp.dir, 'big.json')]);
    expect(rollback.code).to.equal(1);
    expect(rollback.stderr).to.contain('rollback');
    // Another key of the same name.
    const otherKey = formatVkey(ORIGIN, ed25519.getPublicKey(new Uint8Array(32).fill(7)));
    const other = await runCli([
      'monitor',
      a.url,
      '--state',
      join(tmp.dir, 'o.json'),
      '--log-key',
      otherKey,
    ]);
    expect(other.code).to.equal(1);
    expect(other.stderr).to.contain('does not verify with a trusted key');
    expect(readFileSync(state, 'utf8')).to.equal(good);
  });

  it('monitor: exits 1 when an entry bundle or a hash tile disagrees with the signed root', async () => {
    for (const part of ['/tlog/tile/entries/', '/tlog/tile/0/', '/tlog/tile/1/']) {
      const proxy = await lyingProxy(a.url, (path, body) => {
        if (!path.startsWith(part) || body.length === 0) return body;
        const out = Buffer.from(body);
        out[out.length - 1]! ^= 1;
        return out;
      });
      try {
        const r = await runCli([
          'monitor',
          proxy.url,
          '--state',
          join(tmp.dir, `lie-${part.length}.json`),
          '--log-key',
          a.logKey.vkey,
        ]);
        expect(r.code, `${part}: ${r.stderr}`).to.equal(1);
        expect(r.stderr).to.contain('INCONSISTENT');
      } finally {
        proxy.server.close();
      }
    }
  });

  it('monitor: exit 2 for usage errors, an unreachable log or a malformed state file', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, '{');
    for (const args of [
      ['monitor'],
      ['monitor', a.url],
      ['monitor', 'http://127.0.0.1:9', '--state', join(tmp.dir, 'x.json')],
      ['monitor', a.url, '--state', bad],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).to.equal(2);
    }
  });
});
