/**
 * Prometheus metrics (prom-client) on a registry of our own: deposits, batch sizes, append
 * latency, upload bytes, errors, checkpoint time-stamps (docs/log.md), plus the process defaults. Served at `/metrics` to admins and
 * to loopback callers.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly deposits: Counter<'method'>;
  readonly uploadBytes: Counter;
  readonly batchSize: Histogram;
  readonly appendSeconds: Histogram;
  readonly errors: Counter<'code' | 'status'>;
  readonly requests: Counter<'method' | 'status'>;
  /** Checkpoint time-stamps stored. */
  readonly timestamps: Counter;
  /** Failed checkpoint time-stamps, by error code. */
  readonly timestampFailures: Counter<'code'>;
  /** genTime − our clock of the latest stamp, seconds. */
  readonly timestampOffset: Gauge;
  /** The latest stamp's genTime (ms since the epoch), which the age gauge reads at scrape time. */
  readonly timestampLatest: { genTimeMs?: number };
}

export function createMetrics(now: () => number = Date.now): Metrics {
  const registry = new Registry();
  const timestampLatest: { genTimeMs?: number } = {};
  collectDefaultMetrics({ register: registry, prefix: 'huicun_' });
  const metrics: Metrics = {
    registry,
    deposits: new Counter({
      name: 'huicun_deposits_total',
      help: 'Deposits appended, by method',
      labelNames: ['method'],
      registers: [registry],
    }),
    uploadBytes: new Counter({
      name: 'huicun_upload_bytes_total',
      help: 'Bytes of uploaded evidence files received',
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'huicun_log_batch_size',
      help: 'Entries per durable log batch',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers: [registry],
    }),
    appendSeconds: new Histogram({
      name: 'huicun_log_batch_seconds',
      help: 'Time from the start of a batch to its durable, signed checkpoint (the append latency of its first entry)',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'huicun_http_errors_total',
      help: 'Error responses, by code and status',
      labelNames: ['code', 'status'],
      registers: [registry],
    }),
    requests: new Counter({
      name: 'huicun_http_requests_total',
      help: 'HTTP responses, by method and status',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
    timestamps: new Counter({
      name: 'huicun_timestamps_total',
      help: 'RFC 3161 time-stamps of checkpoints stored',
      registers: [registry],
    }),
    timestampFailures: new Counter({
      name: 'huicun_timestamp_failures_total',
      help: 'Failed RFC 3161 time-stamps of checkpoints, by error code (each is retried)',
      labelNames: ['code'],
      registers: [registry],
    }),
    timestampOffset: new Gauge({
      name: 'huicun_timestamp_clock_offset_seconds',
      help: "genTime of the latest time-stamp minus the server's clock when it arrived",
      registers: [registry],
    }),
    timestampLatest,
  };
  new Gauge({
    name: 'huicun_timestamp_age_seconds',
    help: 'Seconds since the genTime of the latest stored checkpoint time-stamp (absent: none yet)',
    registers: [registry],
    collect() {
      if (timestampLatest.genTimeMs === undefined) return;
      this.set((now() - timestampLatest.genTimeMs) / 1000);
    },
  });
  return metrics;
}
