/**
 * Interop test (docs/log.md): builds the Go verifier (golang.org/x/mod sumdb/note + sumdb/tlog,
 * from Debian packages, offline), starts huicun in-process on a temporary data directory, fills
 * the log past a partial level-2 tile, and lets the verifier audit what the server serves.
 *
 *   node --import tsx test/interop/run.ts      (npm run test:interop)
 *
 * Environment: HUICUN_INTEROP_SIZE (default 70100), HUICUN_INTEROP_OLD_SIZE (default 300),
 * HUICUN_INTEROP_KEEP=1 keeps the temporary directory. The last line printed is
 * `N passed, M failed` (the verifier's checks); the exit status is 0 only if M is 0.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import { startServer } from '../../src/server.js';
import { testIdNumber } from '../helpers/api.js';

const here = dirname(fileURLToPath(import.meta.url));
const GOPATH = '/usr/share/gocode';
const CHUNK = 64;

function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
}

const TARGET_SIZE = sizeFromEnv('HUICUN_INTEROP_SIZE', 70_100);
const OLD_SIZE = Math.min(sizeFromEnv('HUICUN_INTEROP_OLD_SIZE', 300), TARGET_SIZE);

/**
 * Entry i: a text prefix and 0–96 pseudo-random (non-UTF-8) bytes; entries 257 and 299 are
 * 65,535 bytes, the largest an entry bundle's uint16 length prefix allows.
 */
function entry(i: number): Uint8Array {
  const head = Buffer.from(`huicun interop entry ${i}\n`);
  const len = i === 257 || i === 299 ? 65_535 - head.length : (i * 7919) % 97;
  const tail = Buffer.alloc(len);
  let x = (i + 1) * 2654435761;
  for (let k = 0; k < len; k++) {
    x = (x * 1103515245 + 12345) >>> 0;
    tail[k] = x >>> 24;
  }
  return Buffer.concat([head, tail]);
}

function buildVerifier(out: string): void {
  const env = {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH,
    GOFLAGS: '',
    GOCACHE: process.env.GOCACHE || join(tmpdir(), 'huicun-interop-gocache'),
  };
  const res = spawnSync('go', ['build', '-o', out, join(here, 'verifier.go')], {
    env,
    stdio: 'inherit',
  });
  if (res.error || res.status !== 0) {
    throw new Error(
      `building the Go verifier failed (${res.error?.message ?? `exit ${res.status}`}); ` +
        'install the toolchain with .ci/install-interop.sh (Debian golang-go, golang-golang-x-mod-dev)',
    );
  }
}

interface Summary {
  code: number;
  passed: number;
  failed: number;
}

/** Runs the verifier, echoing its output, and picks up its `N passed, M failed` line. */
function runVerifier(bin: string, args: string[]): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    let summary: { passed: number; failed: number } | undefined;
    const scan = (lines: string[]): void => {
      for (const line of lines) {
        const m = /^(\d+) passed, (\d+) failed$/.exec(line);
        if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = (tail + chunk.toString('utf8')).split('\n');
      tail = lines.pop() ?? '';
      scan(lines);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      scan([tail]);
      const exit = code ?? (signal ? 1 : 0);
      if (!summary) {
        console.error(`verifier ended (${signal ?? `exit ${code}`}) without a summary line`);
        resolve({ code: exit || 1, passed: 0, failed: 1 });
        return;
      }
      resolve({ code: exit, ...summary });
    });
  });
}

async function appendUpTo(
  log: { append(entry: Uint8Array): Promise<{ index: number; checkpoint: string }> },
  from: number,
  to: number,
): Promise<{ index: number; checkpoint: string } | undefined> {
  let last: { index: number; checkpoint: string } | undefined;
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(start + CHUNK, to);
    const batch: Promise<{ index: number; checkpoint: string }>[] = [];
    for (let i = start; i < end; i++) batch.push(log.append(entry(i)));
    for (const r of await Promise.all(batch)) {
      if (!last || r.index > last.index) last = r;
    }
  }
  return last;
}

/** Registers a depositor, makes an upload and a hash-only deposit over HTTP, saves the receipts. */
async function depositReceipts(base: string, dir: string): Promise<string[]> {
  const reg = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'interop-depositor',
      password: 'interop password 1',
      displayName: 'Interop',
      realName: '王五',
      idNumber: testIdNumber(42),
    }),
  });
  const { token } = (await reg.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const form = new FormData();
  form.append('title', '互操作测试');
  form.append('files', new Blob([new TextEncoder().encode('interop evidence')]), '证据.txt');
  const bodies: RequestInit[] = [
    { method: 'POST', headers: auth, body: form },
    {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'hash only',
        files: [{ name: 'v.mp4', size: 9, sha256: 'ab'.repeat(32) }],
      }),
    },
  ];
  const files: string[] = [];
  for (const [i, init] of bodies.entries()) {
    const res = await fetch(`${base}/api/v1/deposits`, init);
    if (res.status !== 201) throw new Error(`deposit answered ${res.status}: ${await res.text()}`);
    const { receipt } = (await res.json()) as { receipt: unknown };
    const file = join(dir, `receipt-${i}.json`);
    await writeFile(file, JSON.stringify(receipt));
    files.push(file);
  }
  return files;
}

async function main(): Promise<Summary> {
  const tmp = await mkdtemp(join(tmpdir(), 'huicun-interop-'));
  const bin = join(here, 'verifier');
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    console.log('# building the Go verifier (GO111MODULE=off, GOPATH=/usr/share/gocode)');
    buildVerifier(bin);

    server = await startServer(
      loadConfig({
        HUICUN_DATA_DIR: `${tmp}/data`,
        HUICUN_CERTS_DIR: `${tmp}/certs`,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        HUICUN_ORIGIN: 'interop.huicun.localhost/log',
      }),
      { seeds: false },
    );
    console.log(`# server at ${server.url}, data in ${tmp}`);

    const t0 = Date.now();
    const first = await appendUpTo(server.log, 0, OLD_SIZE);
    if (!first) throw new Error('no entries appended');
    const oldFile = join(tmp, `checkpoint.${first.index + 1}`);
    await writeFile(oldFile, first.checkpoint);
    const oldSize = Number(first.checkpoint.split('\n')[1]);
    console.log(`# old checkpoint (size ${oldSize}) saved to ${oldFile}`);
    if (oldSize !== OLD_SIZE) {
      throw new Error(
        `the checkpoint of entry ${first.index} has size ${oldSize}, want ${OLD_SIZE}`,
      );
    }

    const last = (await appendUpTo(server.log, OLD_SIZE, TARGET_SIZE)) ?? first;
    const size = Number(last.checkpoint.split('\n')[1]);
    console.log(`# appended ${TARGET_SIZE} entries in ${Date.now() - t0} ms; size ${size}`);
    if (size !== TARGET_SIZE) throw new Error(`log size ${size}, want ${TARGET_SIZE}`);

    const receipts = await depositReceipts(server.url, tmp);
    console.log(`# ${receipts.length} deposit receipts from the HTTP API saved for the verifier`);
    return await runVerifier(bin, [
      '-url',
      server.url,
      '-old',
      oldFile,
      ...receipts.flatMap((f) => ['-receipt', f]),
    ]);
  } catch (err) {
    console.error('interop:', err instanceof Error ? err.message : err);
    return { code: 1, passed: 0, failed: 1 };
  } finally {
    await server?.close().catch((err: unknown) => console.error('interop: close:', err));
    if (process.env.HUICUN_INTEROP_KEEP === '1') console.log(`# kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

const summary = await main();
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exitCode = summary.failed === 0 && summary.code === 0 ? 0 : 1;
