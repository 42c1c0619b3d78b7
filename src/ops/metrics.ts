/**
 * Prometheus metrics (prom-client) on a registry of our own: deposits, batch sizes, append
 * latency, upload bytes, errors, plus the process defaults. Served at `/metrics` to admins and
 * to loopback callers.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly deposits: Counter<'method'>;
  readonly uploadBytes: Counter;
  readonly batchSize: Histogram;
  readonly appendSeconds: Histogram;
  readonly errors: Counter<'code' | 'status'>;
  readonly requests: Counter<'method' | 'status'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'huicun_' });
  return {
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
  };
}
