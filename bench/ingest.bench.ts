/**
 * `npm run bench:ingest` (docs/BENCHMARKS.md, issue "Deposits" §8): a 1 GiB upload over loopback against
 * the compiled server in its own process (MB/s), beside `openssl dgst -sm3`, `openssl dgst -sha256`
 * and a synced raw copy of the same file measured in the same run; the server's peak RSS while
 * a 2 GiB file uploads; hash-only deposits/s over HTTP from 64 concurrent keep-alive clients.
 * BENCH_INGEST_MB (1024), BENCH_RSS_MB (2048), BENCH_SECONDS (5) override the sizes and duration.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { tempDir } from '../test/helpers/log-fixture.js';
import { testIdNumber } from '../test/helpers/api.js';
import { percentile, printResult, round } from './common.js';
import { startServerProcess } from './server-process.js';

const MB = 1024 * 1024;
const INGEST_MB = Number(process.env.BENCH_INGEST_MB ?? '1024');
const RSS_MB = Number(process.env.BENCH_RSS_MB ?? '2048');
const SECONDS = Number(process.env.BENCH_SECONDS ?? '5');

function makeFile(path: string, mb: number): void {
  const fd = openSync(path, 'w');
  const chunk = randomBytes(8 * MB);
  for (let i = 0; i < mb / 8; i++) {
    chunk[0] = i & 0xff;
    writeSync(fd, chunk);
  }
  fsyncSync(fd);
  closeSync(fd);
}

function seconds(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

async function json(url: string, body: unknown, token?: string): Promise<{ token: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string };
}

function upload(url: string, token: string, path: string): number {
  const out = execFileSync(
    'curl',
    [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{http_code} %{time_total}',
      '-H',
      `Authorization: Bearer ${token}`,
      '-F',
      'title=bench',
      '-F',
      `files=@${path};type=application/octet-stream`,
      `${url}/api/v1/deposits`,
    ],
    { encoding: 'utf8' },
  );
  const [code, time] = out.trim().split(' ');
  if (code !== '201') throw new Error(`upload answered ${code}`);
  return Number(time);
}

/** Hash-only deposits from `clients` concurrent keep-alive connections for SECONDS. */
async function hashOnly(
  url: string,
  token: string,
  clients: number,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port } = new URL(url);
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          path: '/api/v1/deposits',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let n = 0; performance.now() < until; n++) {
        const body = JSON.stringify({
          title: `hash-only ${c}/${n}`,
          files: [{ name: `f${n}.bin`, size: 1 + n, sha256: randomBytes(32).toString('hex') }],
        });
        const t0 = performance.now();
        const status = await post(body);
        if (status !== 201) throw new Error(`hash-only deposit answered ${status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

const tmp = tempDir('huicun-bench-ingest-');
try {
  const file = join(tmp.dir, 'evidence.bin');
  makeFile(file, INGEST_MB);
  const sizeMb = statSync(file).size / MB;

  // Baselines on the same file, same run.
  const sm3s = seconds('openssl', ['dgst', '-sm3', file]);
  const sha256s = seconds('openssl', ['dgst', '-sha256', file]);
  const copys = seconds('dd', [
    `if=${file}`,
    `of=${join(tmp.dir, 'copy.bin')}`,
    'bs=8M',
    'conv=fsync',
    'status=none',
  ]);
  rmSync(join(tmp.dir, 'copy.bin'));

  const server = await startServerProcess({
    HUICUN_DATA_DIR: join(tmp.dir, 'data'),
    HUICUN_CERTS_DIR: join(tmp.dir, 'certs'),
    HUICUN_RATE_LIMITS: 'off',
    HUICUN_RESERVE_BYTES: String(64 * MB),
  });
  try {
    const { token } = await json(`${server.url}/api/v1/auth/register`, {
      username: 'bench-depositor',
      password: 'bench password 123',
      displayName: 'Bench',
      realName: '测试',
      idNumber: testIdNumber(7),
    });
    const uploadS = upload(server.url, token, file);
    rmSync(file);
    const big = join(tmp.dir, 'big.bin');
    makeFile(big, RSS_MB);
    upload(server.url, token, big);
    rmSync(big);
    const peakRss = server.peakRssMb();
    const h = await hashOnly(server.url, token, 64);

    const uploadMbS = sizeMb / uploadS;
    const sm3MbS = sizeMb / sm3s;
    const rawMbS = sizeMb / copys;
    const metrics = {
      upload_mb_s: round(uploadMbS, 1),
      openssl_sha256_mb_s: round(sizeMb / sha256s, 1),
      openssl_sm3_mb_s: round(sm3MbS, 1),
      raw_write_mb_s: round(rawMbS, 1),
      upload_ratio: round(uploadMbS / Math.min(sm3MbS, rawMbS), 3),
      upload_peak_rss_mb: round(peakRss, 1),
      upload_rss_file_mb: RSS_MB,
      hashonly_http_per_s: round(h.perSecond, 0),
      hashonly_http_p50_ms: round(h.p50),
      hashonly_http_p99_ms: round(h.p99),
    };
    printResult(
      'ingest',
      [
        [
          `upload ${sizeMb} MiB over loopback`,
          `${metrics.upload_mb_s} MB/s`,
          `ratio ${metrics.upload_ratio} of the slower baseline (target ≥ 0.8)`,
        ],
        ['openssl dgst -sm3', `${metrics.openssl_sm3_mb_s} MB/s`],
        ['openssl dgst -sha256', `${metrics.openssl_sha256_mb_s} MB/s`],
        ['synced raw copy (dd conv=fsync)', `${metrics.raw_write_mb_s} MB/s`],
        [
          `server peak RSS, ${RSS_MB} MiB upload`,
          `${metrics.upload_peak_rss_mb} MiB`,
          'target ≤ 200',
        ],
        [
          'hash-only deposits/s, 64 clients',
          metrics.hashonly_http_per_s,
          `p50 ${metrics.hashonly_http_p50_ms} ms, p99 ${metrics.hashonly_http_p99_ms} ms (target ≥ 3,000/s, p99 ≤ 100 ms)`,
        ],
      ],
      metrics,
    );
  } finally {
    await server.stop();
  }
} finally {
  tmp.remove();
}
