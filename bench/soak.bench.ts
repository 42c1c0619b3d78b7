/**
 * `npm run bench:soak`: 60 seconds of mixed traffic from 64 keep-alive clients against the
 * compiled server in its own process — hash-only deposits, small uploads, reads of deposits and
 * receipts, anonymous digest lookups, log proofs. Reports throughput, p50/p99 latency, errors,
 * and the server's RSS at start and end. BENCH_SOAK_SECONDS overrides the 60.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { testIdNumber } from '../test/helpers/api.js';
import { tempDir } from '../test/helpers/log-fixture.js';
import { percentile, printResult, round } from './common.js';
import { startServerProcess } from './server-process.js';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? '60');
const CLIENTS = 64;

function rssMb(pid: number): number {
  return (
    Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024
  );
}

const tmp = tempDir('huicun-soak-');
const server = await startServerProcess({
  HUICUN_DATA_DIR: join(tmp.dir, 'data'),
  HUICUN_CERTS_DIR: join(tmp.dir, 'certs'),
  HUICUN_RATE_LIMITS: 'off',
  HUICUN_LOG_LEVEL: 'warn',
});
try {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const { hostname, port } = new URL(server.url);
  const send = (
    method: string,
    path: string,
    body?: Buffer,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          hostname,
          port,
          path,
          method,
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const reg = await send(
    'POST',
    '/api/v1/auth/register',
    Buffer.from(
      JSON.stringify({
        username: 'soak',
        password: 'soak password 123',
        displayName: 'Soak',
        realName: '测试',
        idNumber: testIdNumber(9),
      }),
    ),
    { 'content-type': 'application/json' },
  );
  const token = (JSON.parse(reg.body) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };
  const ids: string[] = [];
  const digests: string[] = [];

  const ops: (() => Promise<number>)[] = [
    async () => {
      const sha = randomBytes(32).toString('hex');
      const r = await send(
        'POST',
        '/api/v1/deposits',
        Buffer.from(
          JSON.stringify({ title: 'soak', files: [{ name: 'f.bin', size: 1, sha256: sha }] }),
        ),
        { ...auth, 'content-type': 'application/json' },
      );
      if (r.status === 201) {
        ids.push((JSON.parse(r.body) as { deposit: { id: string } }).deposit.id);
        digests.push(sha);
      }
      return r.status;
    },
    async () => {
      const boundary = 'soakBoundary';
      const file = randomBytes(4096);
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nsoak upload\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="e.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return (
        await send('POST', '/api/v1/deposits', body, {
          ...auth,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        })
      ).status;
    },
    async () =>
      ids.length
        ? (
            await send(
              'GET',
              `/api/v1/deposits/${ids[Math.floor(Math.random() * ids.length)]}`,
              undefined,
              auth,
            )
          ).status
        : 200,
    async () =>
      ids.length
        ? (
            await send(
              'GET',
              `/api/v1/deposits/${ids[Math.floor(Math.random() * ids.length)]}/receipt?at=latest`,
              undefined,
              auth,
            )
          ).status
        : 200,
    async () => {
      const sha =
        digests.length && Math.random() < 0.5
          ? digests[Math.floor(Math.random() * digests.length)]!
          : randomBytes(32).toString('hex');
      return (
        await send('POST', '/api/v1/verify', Buffer.from(JSON.stringify({ sha256: sha })), {
          'content-type': 'application/json',
        })
      ).status;
    },
    async () =>
      ids.length
        ? (
            await send(
              'GET',
              `/api/v1/log/proof/inclusion?index=${Math.floor(Math.random() * ids.length)}`,
            )
          ).status
        : 200,
  ];
  const weights = [4, 2, 2, 1, 1, 1]; // hash-only, upload, details, receipt, lookup, proof
  const table = weights.flatMap((w, i) => Array<number>(w).fill(i));

  const rssStart = rssMb(server.child.pid!);
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const op = ops[table[Math.floor(Math.random() * table.length)]!]!;
        const t0 = performance.now();
        const status = await op();
        latencies.push(performance.now() - t0);
        if (status >= 500 || status === 0) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const rssEnd = rssMb(server.child.pid!);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const metrics = {
    soak_seconds: round(elapsed, 1),
    soak_req_per_s: round(latencies.length / elapsed, 0),
    soak_p50_ms: round(percentile(latencies, 50)),
    soak_p99_ms: round(percentile(latencies, 99)),
    soak_errors: errors,
    soak_deposits: ids.length,
    soak_rss_start_mb: round(rssStart, 1),
    soak_rss_end_mb: round(rssEnd, 1),
    soak_rss_peak_mb: round(server.peakRssMb(), 1),
  };
  printResult(
    'soak',
    [
      [
        `mixed requests/s, ${CLIENTS} clients, ${metrics.soak_seconds} s`,
        metrics.soak_req_per_s,
        `p50 ${metrics.soak_p50_ms} ms, p99 ${metrics.soak_p99_ms} ms`,
      ],
      ['5xx or failed requests', metrics.soak_errors],
      ['hash-only deposits made', metrics.soak_deposits],
      [
        'server RSS start → end (peak)',
        `${metrics.soak_rss_start_mb} → ${metrics.soak_rss_end_mb} MiB`,
        `peak ${metrics.soak_rss_peak_mb} MiB`,
      ],
    ],
    metrics,
  );
} finally {
  await server.stop();
  tmp.remove();
}
