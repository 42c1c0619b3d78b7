/**
 * `npm run bench:log` (docs/BENCHMARKS.md): durable appends/s and latency at 1, 16 and 256 concurrent
 * appenders (256-byte entries; every batch synced and signed before callers resolve), the same
 * batches written as raw synced LevelDB batches, proof generation at 1,000,000 entries, and
 * bytes on disk per entry. BENCH_LOG_ENTRIES overrides the 1,000,000.
 *
 * Stamping on (docs/timestamps.md): 256 appenders again with a CheckpointStamper attached (the
 * development TSA, in process as under `npm start`, interval 1 s), between two more runs without
 * it; `log_append_ratio_with_stamps` is its appends/s over the mean of those two (target ≥ 0.95:
 * a stamp is never on the append path).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Level } from 'level';
import pino from 'pino';
import { delegatingStore, openTestLog, tempDir } from '../test/helpers/log-fixture.js';
import type { LogBatch, LogStore } from '../src/sequencer/index.js';
import type { LevelStore } from '../src/storage/leveldb.js';
import {
  CheckpointStamper,
  developmentTsa,
  StampStore,
  type DevelopmentTsa,
} from '../src/timestamp/index.js';
import { diskBytes, percentile, printResult, round } from './common.js';

const ENTRY_BYTES = 256;
const SECONDS = Number(process.env.BENCH_SECONDS ?? '4');
const BIG = Number(process.env.BENCH_LOG_ENTRIES ?? '1000000');
/** Target of stamping on / off (appends/s at 256 appenders). */
const STAMPS_RATIO_TARGET = 0.95;
const STAMP_INTERVAL_MS = 1000;

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  batches: LogBatch[];
  /** Checkpoints stamped during the run (with a TSA). */
  stamps: number;
}

/**
 * Runs `writers` concurrent appenders for SECONDS; records every batch written. With `tsa`, a
 * CheckpointStamper stamps the log's checkpoints every STAMP_INTERVAL_MS meanwhile.
 */
async function appendRun(writers: number, tsa?: DevelopmentTsa): Promise<Run> {
  const tmp = tempDir('huicun-bench-');
  const batches: LogBatch[] = [];
  const recording = (s: LevelStore): LogStore =>
    delegatingStore(s, {
      writeBatch: (b) => {
        batches.push(b);
        return s.writeBatch(b);
      },
    });
  const { log, store, close } = await openTestLog(tmp.dir, { queueMax: 1 << 20 }, recording);
  let stamps = 0;
  const stamper =
    tsa &&
    (await CheckpointStamper.start({
      source: log,
      stamper: tsa,
      store: new StampStore(store),
      intervalMs: STAMP_INTERVAL_MS,
      logger: pino({ level: 'warn' }),
      onStamp: () => stamps++,
    }));
  const pool = Array.from({ length: 4096 }, () => randomBytes(ENTRY_BYTES));
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  batches.length = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = w; performance.now() < until; n += writers) {
        const t0 = performance.now();
        await log.append(pool[n % pool.length]!);
        latencies.push(performance.now() - t0);
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await stamper?.close();
  await close();
  tmp.remove();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: done / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    batches,
    stamps,
  };
}

/** Writes the same keys and values the sequencer wrote, batch by batch, as raw synced LevelDB batches. */
async function rawReplay(batches: readonly LogBatch[]): Promise<number> {
  const { LevelStore } = await import('../src/storage/leveldb.js');
  const encoder = new LevelStore(undefined as never); // batchOps only encodes
  const opsPerBatch = batches.map((b) => encoder.batchOps(b));
  const entries = batches.length ? batches[batches.length - 1]!.head.size : 0;
  const raw = tempDir('huicun-bench-raw-');
  const db = new Level<string, Uint8Array>(raw.dir, { keyEncoding: 'utf8', valueEncoding: 'view' });
  await db.open();
  const start = performance.now();
  for (const ops of opsPerBatch) await db.batch(ops, { sync: true });
  const elapsed = (performance.now() - start) / 1000;
  await db.close();
  raw.remove();
  return entries / elapsed;
}

async function bigLog(): Promise<{
  inclusionP50: number;
  inclusionP99: number;
  consistencyP50: number;
  consistencyP99: number;
  bytesPerEntry: number;
}> {
  const tmp = tempDir('huicun-bench-big-');
  const first = await openTestLog(tmp.dir, { queueMax: 1 << 20 });
  const pool = Array.from({ length: 4096 }, () => randomBytes(ENTRY_BYTES));
  const started = performance.now();
  for (let done = 0; done < BIG;) {
    const n = Math.min(8192, BIG - done);
    await Promise.all(
      Array.from({ length: n }, (_, i) => first.log.append(pool[(done + i) % pool.length]!)),
    );
    done += n;
  }
  console.error(
    `built a log of ${BIG} entries in ${round((performance.now() - started) / 1000, 1)} s`,
  );
  await first.store.compact();
  await first.close();
  const bytesPerEntry = diskBytes(tmp.dir) / BIG;

  const { log, close } = await openTestLog(tmp.dir); // cold cache
  const incl: number[] = [];
  const cons: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const index = Math.floor(Math.random() * BIG);
    let t0 = performance.now();
    await log.reader.inclusionProof(index, BIG);
    incl.push(performance.now() - t0);
    const from = 1 + Math.floor(Math.random() * (BIG - 1));
    t0 = performance.now();
    await log.reader.consistencyProof(from, BIG);
    cons.push(performance.now() - t0);
  }
  await close();
  tmp.remove();
  incl.sort((a, b) => a - b);
  cons.sort((a, b) => a - b);
  return {
    inclusionP50: percentile(incl, 50),
    inclusionP99: percentile(incl, 99),
    consistencyP50: percentile(cons, 50),
    consistencyP99: percentile(cons, 99),
    bytesPerEntry,
  };
}

const c1 = await appendRun(1);
const c16 = await appendRun(16);
const c256 = await appendRun(256);
const raw = await rawReplay(c256.batches);
const devCerts = tempDir('huicun-bench-tsa-');
const tsa = developmentTsa(join(devCerts.dir, 'certs'));
const stamped = await appendRun(256, tsa);
const unstamped = await appendRun(256);
devCerts.remove();
const offPerSecond = (c256.perSecond + unstamped.perSecond) / 2;
const offP99 = (c256.p99 + unstamped.p99) / 2;
const big = await bigLog();

const metrics = {
  append_c1_per_s: round(c1.perSecond, 0),
  append_c1_p99_ms: round(c1.p99),
  append_c16_per_s: round(c16.perSecond, 0),
  append_c16_p99_ms: round(c16.p99),
  append_c256_per_s: round(c256.perSecond, 0),
  append_c256_p50_ms: round(c256.p50),
  append_c256_p99_ms: round(c256.p99),
  raw_leveldb_c256_per_s: round(raw, 0),
  append_vs_raw_ratio: round(c256.perSecond / raw, 3),
  c256_mean_batch: round(
    c256.batches.length ? (c256.perSecond * SECONDS) / c256.batches.length : 0,
    1,
  ),
  append_c256_per_s_with_stamps: round(stamped.perSecond, 0),
  append_c256_p99_ms_with_stamps: round(stamped.p99),
  append_c256_per_s_again: round(unstamped.perSecond, 0),
  log_append_ratio_with_stamps: round(stamped.perSecond / offPerSecond, 3),
  log_append_p99_ratio_with_stamps: round(stamped.p99 / offP99, 3),
  stamps_during_run: stamped.stamps,
  inclusion_proof_p50_ms: round(big.inclusionP50, 3),
  inclusion_proof_p99_ms: round(big.inclusionP99, 3),
  consistency_proof_p50_ms: round(big.consistencyP50, 3),
  consistency_proof_p99_ms: round(big.consistencyP99, 3),
  bytes_per_entry: round(big.bytesPerEntry, 1),
  log_entries: BIG,
};
printResult(
  'log',
  [
    [
      'durable appends/s, 1 appender',
      metrics.append_c1_per_s,
      `p99 ${metrics.append_c1_p99_ms} ms`,
    ],
    [
      'durable appends/s, 16 appenders',
      metrics.append_c16_per_s,
      `p99 ${metrics.append_c16_p99_ms} ms`,
    ],
    [
      'durable appends/s, 256 appenders',
      metrics.append_c256_per_s,
      `p50 ${metrics.append_c256_p50_ms} ms, p99 ${metrics.append_c256_p99_ms} ms (target ≥ 50,000/s, p99 ≤ 50 ms)`,
    ],
    [
      'raw LevelDB synced batches (same ops)',
      metrics.raw_leveldb_c256_per_s,
      `ratio ${metrics.append_vs_raw_ratio}`,
    ],
    ['mean batch at 256 appenders', metrics.c256_mean_batch],
    [
      '256 appenders, checkpoints stamped',
      metrics.append_c256_per_s_with_stamps,
      `p99 ${metrics.append_c256_p99_ms_with_stamps} ms; ${stamped.stamps} stamps in ${SECONDS} s (development TSA, every ${STAMP_INTERVAL_MS / 1000} s)`,
    ],
    [
      '256 appenders, no stamper (again)',
      metrics.append_c256_per_s_again,
      `p99 ${round(unstamped.p99)} ms`,
    ],
    [
      'ratio stamped / mean of both unstamped',
      metrics.log_append_ratio_with_stamps,
      `target ≥ ${STAMPS_RATIO_TARGET} ${metrics.log_append_ratio_with_stamps >= STAMPS_RATIO_TARGET ? 'met' : 'NOT met'}; p99 ratio ${metrics.log_append_p99_ratio_with_stamps}`,
    ],
    [
      `inclusion proof p99 (${BIG} entries)`,
      `${metrics.inclusion_proof_p99_ms} ms`,
      `p50 ${metrics.inclusion_proof_p50_ms} ms (target ≤ 1 ms)`,
    ],
    [
      `consistency proof p99 (${BIG} entries)`,
      `${metrics.consistency_proof_p99_ms} ms`,
      `p50 ${metrics.consistency_proof_p50_ms} ms (target ≤ 1 ms)`,
    ],
    ['bytes on disk per entry', metrics.bytes_per_entry, `entry 256 B; target ≤ 456`],
  ],
  metrics,
);
