/**
 * `npm run bench:web` (docs/BENCHMARKS.md, issue #7 §8), in headless Chromium (Debian's, as the browser
 * tests use it) against a server on loopback:
 * - `browser_hash_mb_s`: SHA-256 and SM3 of a 200 MB file (BENCH_WEB_HASH_MB), hashed by the
 *   deposit page in "hash only" mode — from choosing the file until both digests are shown;
 *   median of BENCH_RUNS (3) runs. Baseline in the same run: node:crypto SHA-256 + SM3 of the
 *   same file, one after the other, on one core.
 * - `first_load_js_gzip_kb`: the JavaScript the browser fetched to show the deposit page (the
 *   entry and its static chunks; gzip -9 sizes of those files).
 * - `deposit_page_interactive_ms`: from navigation start to the deposit form rendered with its
 *   handlers attached (the app's `huicun:ready:new-deposit` mark), a fresh browser context (no
 *   cache) each time; median of 10 loads.
 * Targets: ≥ 100 MB/s, ≤ 200 KB, ≤ 1000 ms.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildWeb } from '../web/build.js';
import { startTestServer } from '../test/helpers/server-fixture.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness.js';
import { printResult, round } from './common.js';

const MB = 1024 * 1024;
const HASH_MB = Number(process.env.BENCH_WEB_HASH_MB ?? '200');
const RUNS = Number(process.env.BENCH_RUNS ?? '3');
const LOADS = 10;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function makeFile(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  const chunk = randomBytes(8 * MB);
  for (let done = 0, i = 0; done < bytes; i++) {
    chunk[0] = i & 0xff;
    const n = Math.min(chunk.length, bytes - done);
    writeSync(fd, chunk, 0, n);
    done += n;
  }
  closeSync(fd);
}

async function nodeDigests(path: string): Promise<{ sha256: string; sm3: string; ms: number }> {
  const started = performance.now();
  const out: string[] = [];
  for (const alg of ['sha256', 'sm3']) {
    const h = createHash(alg);
    for await (const chunk of createReadStream(path, { highWaterMark: 4 * MB }))
      h.update(chunk as Buffer);
    out.push(h.digest('hex'));
  }
  return { sha256: out[0]!, sm3: out[1]!, ms: performance.now() - started };
}

const dir = mkdtempSync(join(tmpdir(), 'huicun-bench-web-'));
const built = await buildWeb();
const server = await startTestServer({ HUICUN_RATE_LIMITS: 'off' }, { seeds: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const login = (await (
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'demo-depositor', password: 'demo-depositor-pass' }),
    })
  ).json()) as { token: string; user: unknown; expiresAt: string };
  const session = `sessionStorage.setItem('huicun.session', ${JSON.stringify(JSON.stringify(login))})`;
  const newContext = async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript(session);
    return context;
  };

  // time to interactive of the deposit page, and the JavaScript it fetched
  const gzipOf = new Map(built.files.map((f) => [`/${f.path}`, f.gzipBytes]));
  const loads: number[] = [];
  let firstLoadGzip = 0;
  for (let i = 0; i < LOADS + 1; i++) {
    const context = await newContext();
    const page = await context.newPage();
    const js = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) js.add(path);
    });
    await page.goto('/deposits/new');
    await page.waitForSelector('html[data-ready="new-deposit"]', { state: 'attached' });
    const ms = (await page.evaluate(
      `performance.getEntriesByName('huicun:ready:new-deposit')[0].startTime`,
    )) as number;
    if (i > 0) loads.push(ms); // the first load warms the server and the disk cache
    firstLoadGzip = [...js].reduce((n, p) => n + (gzipOf.get(p) ?? 0), 0);
    await context.close();
  }

  // hashing a 200 MB file in the browser
  const file = join(dir, 'bench.bin');
  makeFile(file, HASH_MB * MB);
  const want = await nodeDigests(file);
  const hashMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/deposits/new');
    await page.waitForSelector('html[data-ready="new-deposit"]', { state: 'attached' });
    await page.click('label[for="hash-only"]');
    const started = performance.now();
    await page.setInputFiles('input[name="files"]', file);
    await page.waitForSelector('[data-chosen] [data-hashed]', { timeout: 300_000 });
    hashMs.push(performance.now() - started);
    const sha = await page.textContent('[data-chosen] [data-digest="sha256"]');
    const sm3 = await page.textContent('[data-chosen] [data-digest="sm3"]');
    if (sha !== want.sha256 || sm3 !== want.sm3)
      throw new Error('the browser computed other digests');
    await context.close();
  }

  const hashMbS = HASH_MB / (median(hashMs) / 1000);
  const nodeMbS = HASH_MB / (want.ms / 1000);
  const interactive = median(loads);
  printResult(
    'web',
    [
      [
        `browser SHA-256 + SM3, ${HASH_MB} MB (median of ${RUNS})`,
        `${round(hashMbS, 1)} MB/s`,
        `target ≥ 100; runs ${hashMs.map((x) => Math.round(x)).join(', ')} ms`,
      ],
      [
        'node:crypto SHA-256 then SM3, same file',
        `${round(nodeMbS, 1)} MB/s`,
        'baseline, one core',
      ],
      ['first-load JavaScript (gzip)', `${round(firstLoadGzip / 1024, 1)} KB`, 'target ≤ 200'],
      [
        `deposit page interactive (median of ${LOADS})`,
        `${round(interactive, 0)} ms`,
        `target ≤ 1000; p100 ${Math.round(Math.max(...loads))} ms`,
      ],
    ],
    {
      browser_hash_mb_s: round(hashMbS, 1),
      first_load_js_gzip_kb: round(firstLoadGzip / 1024, 1),
      deposit_page_interactive_ms: round(interactive, 0),
      node_hash_sequential_mb_s: round(nodeMbS, 1),
    },
  );
} finally {
  await browser.close();
  await server.dispose();
  rmSync(dir, { recursive: true, force: true });
}
