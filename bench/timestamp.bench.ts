/**
 * `npm run bench:timestamp` (docs/BENCHMARKS.md, docs/timestamps.md): the median time to obtain
 * AND check an RFC 3161 stamp with `tsaClient` from a TSA that is not ours — a loopback HTTP
 * server that runs `openssl ts -reply` per query (the helper of test/timestamp/) — against a
 * baseline measured in the same run, interleaved: the same HTTP round trip to the same TSA with
 * nothing checked (and `openssl ts -reply` alone), so the ratio is what the client's checks add
 * (nonce, imprint, parsing, signature, EKU, chain and clock). `tsa_stamp_ratio` target ≤ 2.
 * Also the development TSA's median (in-process signing, each stamp checked before it is handed
 * out), and the median check of a stored token (what a verifier does). BENCH_RUNS (30) rounds
 * after BENCH_WARMUP (3) warm-up rounds.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../src/crypto/index.js';
import {
  anchorsFromPem,
  checkTimeStampToken,
  developmentTsa,
  timeStampRequest,
  tsaClient,
  type TimeStamper,
} from '../src/timestamp/index.js';
import { tempDir } from '../test/helpers/log-fixture.js';
import { makeTsaCredentials, opensslReply, startTsa } from '../test/timestamp/openssl-tsa.js';
import { percentile, printResult, round } from './common.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '30');
const WARMUP = Number(process.env.BENCH_WARMUP ?? '3');
/**
 * Our checks (parse, signature, EKU, chain, clock) may cost at most as much again as the whole
 * exchange with a local TSA; measured about 1.7 on a 2-core machine. A stamp is never on the
 * append path (at most one per HUICUN_TSA_INTERVAL_S), so this guards against a regression of
 * the checks, not a user-visible latency.
 */
const RATIO_TARGET = 2;

const imprint = (): Uint8Array => sha256(randomBytes(64));

interface Spread {
  p50: number;
  p90: number;
}

/**
 * Runs each of `runs` once per round, in turn (interleaved, so the machine's drift hits them
 * alike), WARMUP rounds then RUNS measured; the median and p90 of each.
 */
async function interleaved<const T extends readonly (() => unknown)[]>(
  runs: T,
): Promise<{ [K in keyof T]: Spread }> {
  const ms = runs.map((): number[] => []);
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const [k, run] of runs.entries()) {
      const t0 = performance.now();
      await run();
      if (round >= WARMUP) ms[k]!.push(performance.now() - t0);
    }
  }
  return ms.map((m) => {
    m.sort((a, b) => a - b);
    return { p50: percentile(m, 50), p90: percentile(m, 90) };
  }) as { [K in keyof T]: Spread };
}

/** One query POSTed and its reply read, nothing checked: the HTTP round trip + OpenSSL. */
async function rawExchange(url: string): Promise<Uint8Array> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: timeStampRequest(imprint()).der,
  });
  return new Uint8Array(await res.arrayBuffer());
}

const creds = makeTsaCredentials('bench');
const anchors = anchorsFromPem(creds.caPem);
const tsa = await startTsa((q) => Promise.resolve(opensslReply(creds, q)));
const client: TimeStamper = tsaClient({ urls: [tsa.url], anchors, timeoutMs: 5000 });
const certs = tempDir('huicun-bench-tsa-dev-');
const dev = developmentTsa(join(certs.dir, 'certs'));
const devAnchors = anchorsFromPem(dev.caPem);

try {
  // Baselines: OpenSSL signs a reply to a query like ours, over the same HTTP or alone.
  const [alone, raw, stamp, devStamp] = await interleaved([
    () => opensslReply(creds, timeStampRequest(imprint()).der),
    () => rawExchange(tsa.url),
    () => client.stamp(imprint()),
    () => dev.stamp(imprint()),
  ]);

  const i = imprint();
  const { token } = await client.stamp(i);
  const di = imprint();
  const { token: devToken } = await dev.stamp(di);
  const [check, devCheck] = await interleaved([
    () => checkTimeStampToken(token, { imprint: i, anchors }),
    () => checkTimeStampToken(devToken, { imprint: di, anchors: devAnchors }),
  ]);

  const ratio = round(stamp.p50 / raw.p50, 3);
  const met = ratio <= RATIO_TARGET ? 'met' : 'NOT met';
  printResult(
    'timestamp',
    [
      ['rounds', RUNS, `after ${WARMUP} warm-up rounds; one stamp at a time, interleaved`],
      [
        'openssl TSA: tsaClient stamp + every check',
        `${round(stamp.p50)} ms`,
        `median; p90 ${round(stamp.p90)} ms`,
      ],
      [
        'baseline: HTTP round trip + openssl ts -reply',
        `${round(raw.p50)} ms`,
        `median; p90 ${round(raw.p90)} ms (same TSA, nothing checked)`,
      ],
      [
        'baseline: openssl ts -reply alone',
        `${round(alone.p50)} ms`,
        `median; p90 ${round(alone.p90)} ms (no HTTP)`,
      ],
      ['ratio client / HTTP + openssl', ratio, `target ≤ ${RATIO_TARGET} ${met}`],
      [
        'development TSA stamp (signed + checked)',
        `${round(devStamp.p50)} ms`,
        `median; p90 ${round(devStamp.p90)} ms (in process)`,
      ],
      ['check of a stored token, openssl TSA', `${round(check.p50, 3)} ms`, 'median'],
      ['check of a stored token, development TSA', `${round(devCheck.p50, 3)} ms`, 'median'],
    ],
    {
      tsa_stamp_median_ms: round(stamp.p50),
      tsa_stamp_p90_ms: round(stamp.p90),
      tsa_http_openssl_median_ms: round(raw.p50),
      openssl_ts_reply_median_ms: round(alone.p50),
      tsa_stamp_ratio: ratio,
      tsa_dev_stamp_median_ms: round(devStamp.p50),
      tsa_token_check_median_ms: round(check.p50, 3),
      tsa_dev_token_check_median_ms: round(devCheck.p50, 3),
    },
  );
} finally {
  await tsa.close();
  certs.remove();
  rmSync(creds.dir, { recursive: true, force: true });
}
