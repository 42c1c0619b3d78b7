/**
 * Configuration from environment variables (docs/configuration.md). Every variable is documented in the
 * README; a bad value stops the process at start with a message naming the variable.
 */
import { resolve } from 'node:path';
import { BaseError } from '../errors.js';
import { isValidKeyName } from '../log/index.js';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

export { expressTrustProxy, parseTrustProxy, type TrustProxy } from './trust-proxy.js';

export type ConfigErrorCode = 'CONFIG_INVALID';
export class ConfigError extends BaseError<ConfigErrorCode> {}

export const DEFAULT_ORIGIN = 'huicun.localhost/log';
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';
export const DEFAULT_NOTARIAL_NUMBER_PREFIX = '沪徐证经字';
/** Default `HUICUN_ANON_VERIFY_MAX_BYTES`: anonymous `file` uploads to verify (docs/api.md). */
export const DEFAULT_ANON_VERIFY_MAX_BYTES = 100 * 1024 ** 2;

export interface Config {
  readonly nodeEnv: string;
  readonly production: boolean;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly dataDir: string;
  readonly certsDir: string;
  /** The log's origin line and key name (C2SP tlog-checkpoint). */
  readonly origin: string;
  readonly publicUrl: string;
  /** Most appends the sequencer writes in one batch. */
  readonly batchMax: number;
  /** Most appends waiting for a batch; beyond it appends get 503 LOG_OVERLOADED. */
  readonly queueMax: number;
  /** HUICUN_TRUST_PROXY: which proxies in front may name the client (src/config/trust-proxy.ts). */
  readonly trustProxy: TrustProxy;
  /** HUICUN_RATE_LIMITS: off only for benchmarks and load tests on loopback. */
  readonly rateLimits: boolean;
  /** HUICUN_ADMIN_PASSWORD: creates the `admin` account when none exists. */
  readonly adminPassword: string | undefined;
  /** Largest uploaded file (a file of exactly this size is accepted). */
  readonly maxFileBytes: number;
  /** Most files in one deposit. */
  readonly maxFiles: number;
  /** Free space uploads must leave on the data filesystem, so the log can still append. */
  readonly reserveBytes: number;
  /** Years certificates promise the evidence is kept (HUICUN_RETENTION_YEARS). */
  readonly retentionYears: number;
  /** The notary office named on certificates and in their seal (HUICUN_OFFICE_NAME, _EN). */
  readonly office: { readonly zh: string; readonly en: string };
  /** HUICUN_NOTARIAL_NUMBER_PREFIX: `沪徐证经字` in `（2026）沪徐证经字第 123 号`. */
  readonly notarialNumberPrefix: string;
  /** Largest `file` an anonymous caller may send to POST /api/v1/verify. */
  readonly anonVerifyMaxBytes: number;
  /** HUICUN_HEADERS_TIMEOUT_MS: a request's headers must arrive within this (slow clients). */
  readonly headersTimeoutMs: number;
  /** HUICUN_IDLE_TIMEOUT_MS: a connection sending or receiving nothing this long is closed. */
  readonly idleTimeoutMs: number;
  /**
   * HUICUN_MIN_UPLOAD_BYTES_PER_S averaged over HUICUN_MIN_UPLOAD_WINDOW_MS: an upload body
   * (deposit or verify) arriving slower is cut off with 408 REQUEST_TOO_SLOW; 0 turns it off.
   */
  readonly minUploadRate: { readonly bytesPerS: number; readonly windowMs: number };
  /** HUICUN_LOG_LEVEL: pino's level of the server's log (default warn under NODE_ENV=test, else info). */
  readonly logLevel: LogLevel;
  /**
   * HUICUN_NOTARY_P12 (resolved) and HUICUN_NOTARY_P12_PASSWORD: the office's signing
   * certificate; no path means the generated `<certsDir>/notary.p12` (docs/certificates.md).
   */
  readonly notaryP12: { readonly path: string | undefined; readonly password: string };
  /** Trusted time: the RFC 3161 TSAs and how often checkpoints are stamped (docs/timestamps.md). */
  readonly tsa: TsaConfig;
}

/**
 * HUICUN_TSA_*. `mode` is `rfc3161` when HUICUN_TSA_URLS names TSAs, `none` for
 * `HUICUN_TSA_URLS=none` (nothing is stamped), `development` when it is unset outside
 * production (the built-in development TSA).
 */
export interface TsaConfig {
  readonly mode: 'rfc3161' | 'none' | 'development';
  /** HUICUN_TSA_URLS: http(s) endpoints, tried in order (empty unless `rfc3161`). */
  readonly urls: readonly string[];
  /** HUICUN_TSA_CA (resolved): the PEM of the TSAs' trust anchors; required with URLs. */
  readonly caPath: string | undefined;
  /** HUICUN_TSA_TIMEOUT_MS: one exchange with one TSA. */
  readonly timeoutMs: number;
  /** HUICUN_TSA_INTERVAL_S: the least time between two checkpoint stamps. */
  readonly intervalS: number;
}

function tsaConfig(env: Env, production: boolean): TsaConfig {
  const raw = (env.HUICUN_TSA_URLS ?? '').trim();
  const caPath = env.HUICUN_TSA_CA ? resolve(env.HUICUN_TSA_CA) : undefined;
  const timeoutMs = integer(env, 'HUICUN_TSA_TIMEOUT_MS', 5000, 100, 120_000);
  const intervalS = integer(env, 'HUICUN_TSA_INTERVAL_S', 10, 1, 86_400);
  if (raw === '') {
    if (production) {
      throw new ConfigError(
        'CONFIG_INVALID',
        'HUICUN_TSA_URLS must be set in production: the RFC 3161 time-stamp authorities, or "none" (the development TSA is not a trusted time source)',
      );
    }
    return { mode: 'development', urls: [], caPath, timeoutMs, intervalS };
  }
  if (raw.toLowerCase() === 'none') return { mode: 'none', urls: [], caPath, timeoutMs, intervalS };
  const urls = raw.split(',').map((u) => u.trim());
  for (const url of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError('CONFIG_INVALID', `HUICUN_TSA_URLS: "${url}" is not an absolute URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ConfigError('CONFIG_INVALID', `HUICUN_TSA_URLS: "${url}" is not http or https`);
    }
    if (parsed.username || parsed.password) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `HUICUN_TSA_URLS: "${parsed.host}" carries a password`,
      );
    }
  }
  if (!caPath) {
    throw new ConfigError(
      'CONFIG_INVALID',
      "HUICUN_TSA_CA must name the PEM of the TSAs' trust anchors when HUICUN_TSA_URLS is set",
    );
  }
  return { mode: 'rfc3161', urls, caPath, timeoutMs, intervalS };
}

/** pino's levels, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: Env, nodeEnv: string): LogLevel {
  const raw = env.HUICUN_LOG_LEVEL;
  if (raw === undefined || raw === '') return nodeEnv === 'test' ? 'warn' : 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level)
    throw new ConfigError(
      'CONFIG_INVALID',
      `HUICUN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`,
    );
  return level;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The office's word of a notarial number: no spaces, controls, brackets, 第 or 号. */
// eslint-disable-next-line no-control-regex
const NOTARIAL_PREFIX = /^[^\s\u0000-\u001f\u007f()（）〔〕[\]第号]{1,16}$/u;

/**
 * Whether `url` names this machine or no machine: `localhost` and `*.localhost`, 127.0.0.0/8,
 * `::1`, `0.0.0.0`, `::` — an address no one else can open from a printed QR code.
 */
export function isDevelopmentUrl(url: string): boolean {
  const host = new URL(url).hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    /^::ffff:(127\.|7f)/.test(host)
  );
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError('CONFIG_INVALID', `${name} must be an integer`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError('CONFIG_INVALID', `${name} must be between ${min} and ${max}`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError('CONFIG_INVALID', `${name} must be on or off`);
}

/**
 * Reads the configuration from `env` (normally `process.env`).
 * @throws ConfigError CONFIG_INVALID for a malformed value, or a production setting that is unsafe.
 */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const origin = env.HUICUN_ORIGIN || DEFAULT_ORIGIN;
  if (!isValidKeyName(origin)) {
    throw new ConfigError(
      'CONFIG_INVALID',
      'HUICUN_ORIGIN must be non-empty, without spaces or "+"',
    );
  }
  const publicUrl = (env.HUICUN_PUBLIC_URL || DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError('CONFIG_INVALID', 'HUICUN_PUBLIC_URL must be an absolute URL');
  }
  if (production && origin === DEFAULT_ORIGIN) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `HUICUN_ORIGIN must be set in production: the origin is in every checkpoint forever (default ${DEFAULT_ORIGIN} refused)`,
    );
  }
  if (production && publicUrl === DEFAULT_PUBLIC_URL) {
    throw new ConfigError('CONFIG_INVALID', 'HUICUN_PUBLIC_URL must be set in production');
  }
  if (production && isDevelopmentUrl(publicUrl)) {
    throw new ConfigError(
      'CONFIG_INVALID',
      'HUICUN_PUBLIC_URL must be the public address in production, not localhost or a loopback or unspecified address: it is printed in QR codes and on certificates',
    );
  }
  const notarialNumberPrefix = env.HUICUN_NOTARIAL_NUMBER_PREFIX || DEFAULT_NOTARIAL_NUMBER_PREFIX;
  if (!NOTARIAL_PREFIX.test(notarialNumberPrefix)) {
    throw new ConfigError(
      'CONFIG_INVALID',
      'HUICUN_NOTARIAL_NUMBER_PREFIX must be 1 to 16 characters without spaces, brackets, 第 or 号 (e.g. 沪徐证经字)',
    );
  }
  const rateLimits = flag(env, 'HUICUN_RATE_LIMITS', true);
  if (production && !rateLimits) {
    throw new ConfigError(
      'CONFIG_INVALID',
      'HUICUN_RATE_LIMITS=off is for benchmarks on loopback, not production',
    );
  }
  const trustProxy = parseTrustProxy(env.HUICUN_TRUST_PROXY);
  if ('error' in trustProxy)
    throw new ConfigError('CONFIG_INVALID', `HUICUN_TRUST_PROXY: ${trustProxy.error}`);
  return {
    nodeEnv,
    production,
    host: env.HOST || '0.0.0.0',
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(env.HUICUN_DATA_DIR || './storage'),
    certsDir: resolve(env.HUICUN_CERTS_DIR || './certs'),
    origin,
    publicUrl,
    batchMax: integer(env, 'HUICUN_BATCH_MAX', 1024, 1, 65536),
    queueMax: integer(env, 'HUICUN_QUEUE_MAX', 16384, 1, 1 << 24),
    trustProxy,
    rateLimits,
    adminPassword: env.HUICUN_ADMIN_PASSWORD || undefined,
    maxFileBytes: integer(env, 'HUICUN_MAX_FILE_BYTES', 4 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    maxFiles: integer(env, 'HUICUN_MAX_FILES', 100, 1, 10_000),
    reserveBytes: integer(env, 'HUICUN_RESERVE_BYTES', 256 * 1024 ** 2, 0, Number.MAX_SAFE_INTEGER),
    retentionYears: integer(env, 'HUICUN_RETENTION_YEARS', 30, 1, 200),
    office: {
      zh: env.HUICUN_OFFICE_NAME || '汇存演示公证处',
      en: env.HUICUN_OFFICE_NAME_EN || 'huicun Demonstration Notary Office',
    },
    notarialNumberPrefix,
    anonVerifyMaxBytes: integer(
      env,
      'HUICUN_ANON_VERIFY_MAX_BYTES',
      DEFAULT_ANON_VERIFY_MAX_BYTES,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    headersTimeoutMs: integer(env, 'HUICUN_HEADERS_TIMEOUT_MS', 30_000, 100, 3_600_000),
    idleTimeoutMs: integer(env, 'HUICUN_IDLE_TIMEOUT_MS', 120_000, 100, 86_400_000),
    minUploadRate: {
      bytesPerS: integer(env, 'HUICUN_MIN_UPLOAD_BYTES_PER_S', 16 * 1024, 0, 1024 ** 3),
      windowMs: integer(env, 'HUICUN_MIN_UPLOAD_WINDOW_MS', 30_000, 100, 3_600_000),
    },
    logLevel: logLevel(env, nodeEnv),
    notaryP12: {
      path: env.HUICUN_NOTARY_P12 ? resolve(env.HUICUN_NOTARY_P12) : undefined,
      password: env.HUICUN_NOTARY_P12_PASSWORD ?? '',
    },
    tsa: tsaConfig(env, production),
  };
}
