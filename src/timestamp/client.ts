/**
 * The RFC 3161 client over HTTP (RFC 3161 §3.4; docs/timestamps.md): POSTs
 * `application/timestamp-query` to each configured TSA in order, each within the timeout, and
 * takes the first reply that passes every check. The URLs come from the configuration, never
 * from users.
 * @module
 */
import type { X509Certificate } from '../crypto/index.js';
import { TimestampError, type TimestampErrorCode } from './errors.js';
import { checkReply } from './reply.js';
import { timeStampRequest } from './request.js';
import type { TimeStamp, TimeStamper } from './types.js';

/** Largest reply read (a token with a chain is a few kilobytes). */
export const MAX_REPLY_BYTES = 1024 * 1024;

export interface TsaClientOptions {
  /** HUICUN_TSA_URLS, tried in order. */
  readonly urls: readonly string[];
  /** HUICUN_TSA_CA. */
  readonly anchors: readonly X509Certificate[];
  /** HUICUN_TSA_TIMEOUT_MS: the whole exchange with one TSA. */
  readonly timeoutMs: number;
  /** Our clock (tests inject another). */
  readonly now?: () => Date;
}

/** One TSA's failure, kept in the final error's `details.failures`. */
export interface TsaFailure {
  readonly url: string;
  readonly code: TimestampErrorCode;
  readonly message: string;
}

/** Codes that say the TSA answered and its answer was wrong (more telling than silence). */
const ANSWERED: ReadonlySet<TimestampErrorCode> = new Set<TimestampErrorCode>([
  'TSA_MALFORMED',
  'TSA_STATUS_REJECTED',
  'TSA_IMPRINT_MISMATCH',
  'TSA_NONCE_MISMATCH',
  'TSA_BAD_SIGNATURE',
  'TSA_EKU',
  'TSA_NOT_TRUSTED',
  'TSA_CLOCK_SKEW',
]);

async function exchange(url: string, query: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/timestamp-query',
        accept: 'application/timestamp-reply',
      },
      body: query,
      signal,
      redirect: 'error',
    });
    const type = res.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (res.status !== 200 || type !== 'application/timestamp-reply') {
      await res.body?.cancel();
      throw new TimestampError(
        'TSA_HTTP_STATUS',
        `${url} answered ${res.status} ${type ?? 'without a content type'}`,
        { details: { status: res.status, contentType: type } },
      );
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_REPLY_BYTES) {
      await res.body?.cancel();
      throw new TimestampError('TSA_MALFORMED', `${url} sent a reply of ${length} bytes`);
    }
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.length > MAX_REPLY_BYTES) {
      throw new TimestampError('TSA_MALFORMED', `${url} sent a reply of ${body.length} bytes`);
    }
    return body;
  } catch (err) {
    if (err instanceof TimestampError) throw err;
    if (signal.aborted) {
      throw new TimestampError('TSA_TIMEOUT', `${url} did not answer within ${timeoutMs} ms`, {
        cause: err,
      });
    }
    throw new TimestampError('TSA_UNREACHABLE', `cannot reach ${url}`, { cause: err });
  }
}

/**
 * The TimeStamper over `urls`. Each stamp tries the TSAs in order with a fresh nonce; the first
 * reply that passes every check wins. When none does it rejects with the last failure of a TSA
 * that answered (else the last failure), every TSA's failure in `details.failures`.
 */
export function tsaClient(options: TsaClientOptions): TimeStamper {
  const { urls, anchors, timeoutMs } = options;
  const now = options.now ?? (() => new Date());
  if (urls.length === 0) throw new RangeError('the RFC 3161 client needs at least one URL');
  return {
    development: false,
    async stamp(imprint: Uint8Array): Promise<TimeStamp> {
      const failures: TsaFailure[] = [];
      let chosen: TimestampError | undefined;
      for (const url of urls) {
        const request = timeStampRequest(imprint);
        try {
          const reply = await exchange(url, request.der, timeoutMs);
          const { token, genTime, tsa } = checkReply(reply, {
            imprint,
            nonce: request.nonce,
            anchors,
            now: now(),
          });
          return { token, genTime, tsa };
        } catch (err) {
          if (!(err instanceof TimestampError)) throw err;
          failures.push({ url, code: err.code, message: err.message });
          if (!chosen || ANSWERED.has(err.code) || !ANSWERED.has(chosen.code)) chosen = err;
        }
      }
      const last = chosen as TimestampError;
      throw new TimestampError(last.code, last.message, {
        cause: last,
        details: { ...last.details, failures },
      });
    },
  };
}
