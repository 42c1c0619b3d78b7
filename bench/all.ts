/**
 * `npm run bench`: runs every benchmark in turn (each in its own process, after one build),
 * keeps each one's last-line JSON, and writes docs/BENCHMARKS.md: figures, the baselines measured
 * in the same run, ratios, each target met or not, and the machine. BENCH_ONLY=log,cert limits it.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

interface Result {
  bench: string;
  machine: string;
  metrics: Record<string, number>;
}

const BENCHES = ['log', 'ingest', 'cert', 'timestamp', 'verify', 'password', 'web', 'soak'];

/** Targets of the issues: metric, comparison, bound, wording. */
const TARGETS: { bench: string; metric: string; op: '>=' | '<='; bound: number; what: string }[] = [
  {
    bench: 'log',
    metric: 'append_c256_per_s',
    op: '>=',
    bound: 50_000,
    what: '≥ 50,000 durable appends/s at 256 appenders',
  },
  {
    bench: 'log',
    metric: 'append_c256_p99_ms',
    op: '<=',
    bound: 50,
    what: 'p99 ≤ 50 ms to a covering signed checkpoint',
  },
  {
    bench: 'log',
    metric: 'inclusion_proof_p99_ms',
    op: '<=',
    bound: 1,
    what: 'inclusion proof p99 ≤ 1 ms at 1,000,000 entries',
  },
  {
    bench: 'log',
    metric: 'consistency_proof_p99_ms',
    op: '<=',
    bound: 1,
    what: 'consistency proof p99 ≤ 1 ms at 1,000,000 entries',
  },
  {
    bench: 'log',
    metric: 'bytes_per_entry',
    op: '<=',
    bound: 456,
    what: '≤ 200 bytes per entry beyond the 256-byte entry',
  },
  {
    bench: 'log',
    metric: 'log_append_ratio_with_stamps',
    op: '>=',
    bound: 0.95,
    what: 'appends/s with checkpoints stamped every 1 s ≥ 0.95 × without',
  },
  {
    bench: 'ingest',
    metric: 'upload_ratio',
    op: '>=',
    bound: 0.8,
    what: 'upload ≥ 0.8 × the slower of OpenSSL SM3 and a synced raw write',
  },
  {
    bench: 'ingest',
    metric: 'upload_peak_rss_mb',
    op: '<=',
    bound: 200,
    what: 'server peak RSS ≤ 200 MB while a 2 GiB file uploads',
  },
  {
    bench: 'ingest',
    metric: 'hashonly_http_per_s',
    op: '>=',
    bound: 3000,
    what: '≥ 3,000 durable hash-only deposits/s over HTTP',
  },
  {
    bench: 'ingest',
    metric: 'hashonly_http_p99_ms',
    op: '<=',
    bound: 100,
    what: 'hash-only p99 ≤ 100 ms',
  },
  {
    bench: 'cert',
    metric: 'cert_total_median_ms',
    op: '<=',
    bound: 150,
    what: 'signed deposit certificate ≤ 150 ms median',
  },
  {
    bench: 'cert',
    metric: 'cert_bytes',
    op: '<=',
    bound: 120_000,
    what: '≤ 120 KB for a deposit of 5 files',
  },
  {
    bench: 'timestamp',
    metric: 'tsa_stamp_ratio',
    op: '<=',
    bound: 2,
    what: 'RFC 3161 stamp + every check ≤ 2 × the bare exchange with a local openssl TSA',
  },
  {
    bench: 'verify',
    metric: 'cli_verify_ratio',
    op: '<=',
    bound: 1.3,
    what: 'CLI ≤ 1.3 × openssl sha256 + sm3 on 100 MB',
  },
  {
    bench: 'verify',
    metric: 'cli_verify_small_ms',
    op: '<=',
    bound: 400,
    what: 'CLI ≤ 400 ms on a small file, start-up included',
  },
  {
    bench: 'password',
    metric: 'dummy_ratio',
    op: '>=',
    bound: 0.8,
    what: 'unknown-user sign-in ≥ 0.8 × the time of a wrong password',
  },
  {
    bench: 'web',
    metric: 'browser_hash_mb_s',
    op: '>=',
    bound: 100,
    what: 'in-browser SHA-256 + SM3 ≥ 100 MB/s',
  },
  {
    bench: 'web',
    metric: 'first_load_js_gzip_kb',
    op: '<=',
    bound: 200,
    what: 'first-load JavaScript ≤ 200 KB gzipped',
  },
  {
    bench: 'web',
    metric: 'deposit_page_interactive_ms',
    op: '<=',
    bound: 1000,
    what: 'deposit page interactive ≤ 1 s',
  },
];

function run(bench: string): Promise<{ result?: Result; output: string }> {
  const script = fileURLToPath(new URL(`./${bench}.bench.ts`, import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => {
      output += c;
      process.stdout.write(c);
    });
    child.on('exit', () => {
      const last = output.trim().split('\n').pop() ?? '';
      try {
        resolve({ result: JSON.parse(last) as Result, output });
      } catch {
        resolve({ output });
      }
    });
  });
}

const only = process.env.BENCH_ONLY?.split(',');
const results: Result[] = [];
const outputs: Record<string, string> = {};
for (const b of BENCHES.filter((x) => !only || only.includes(x))) {
  console.log(`\n== bench:${b}`);
  const r = await run(b);
  outputs[b] = r.output;
  if (r.result) results.push(r.result);
  else console.error(`bench:${b} printed no JSON result`);
}

const byBench = new Map(results.map((r) => [r.bench, r]));
const value = (bench: string, metric: string): number | undefined => {
  const m = byBench.get(bench)?.metrics;
  if (!m) return undefined;
  if (metric === 'cert_total_median_ms' && m.cert_render_median_ms !== undefined) {
    return Math.round(((m.cert_render_median_ms ?? 0) + (m.cert_sign_median_ms ?? 0)) * 100) / 100;
  }
  return m[metric];
};
const lines: string[] = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0]?.model.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Baselines are measured in the same run; durability is never relaxed (every log batch is fsynced and signed before callers resolve). These machines are shared and noisy: figures vary by ±20 % between runs.`,
  '',
  'Reproduce: `npm run bench` (every bench; writes this file), or one bench with `npm run bench:<name>` (`log`, `ingest`, `cert`, `timestamp`, `verify`, `password`, `web`, `soak`). `bench:timestamp` needs `openssl` on the PATH (its TSA runs `openssl ts -reply` per query on loopback); `bench:log` stamps with the development TSA, generated into a temp folder.',
  '',
  '## Targets',
  '',
  '| target | measured | met |',
  '| --- | --- | --- |',
];
for (const t of TARGETS) {
  const v = value(t.bench, t.metric);
  const met =
    v === undefined
      ? 'not measured'
      : (t.op === '>=' ? v >= t.bound : v <= t.bound)
        ? 'yes'
        : '**no**';
  lines.push(`| ${t.what} | ${v === undefined ? '—' : `${v} (\`${t.metric}\`)`} | ${met} |`);
}
lines.push('', '## Every figure', '');
for (const r of results) {
  lines.push(
    `### bench:${r.bench}`,
    '',
    '```',
    (outputs[r.bench] ?? '').trim().split('\n').slice(0, -1).join('\n'),
    '```',
    '',
    '| metric | value |',
    '| --- | --- |',
  );
  for (const [k, v] of Object.entries(r.metrics)) lines.push(`| \`${k}\` | ${v} |`);
  lines.push('');
}
if (!only)
  writeFileSync(new URL('../docs/BENCHMARKS.md', import.meta.url), `${lines.join('\n')}\n`);
console.log(lines.slice(6, 8 + TARGETS.length + 2).join('\n'));
