/**
 * `npm run bench:cert` (docs/BENCHMARKS.md): median milliseconds to render a deposit certificate of
 * 5 files (pdfkit layout, fonts subset, attachments, placeholder) and, separately, to sign it
 * (CMS + RSA-3072 via node:crypto, placed by @signpdf), and the signed PDF's size.
 * Targets: signed certificate ≤ 150 ms median; ≤ 120 KB for 5 files.
 * BENCH_CERT_RUNS overrides the 40 measured runs (after 5 warm-up runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotarySigner } from '../src/certificate/signing/credentials.js';
import {
  buildDepositCertificate,
  type DepositCertificateInput,
} from '../src/certificate/documents/deposit-certificate.js';
import { signPdf } from '../src/certificate/signing/placeholder.js';
import {
  ISSUED_AT,
  ISSUER,
  PUBLIC_URL,
  sampleDeposit,
  sampleFiles,
} from '../test/certificate/fixture.js';
import { percentile, printResult, round } from './common.js';

const RUNS = Number(process.env.BENCH_CERT_RUNS ?? '40');
const WARMUP = 5;

const certs = mkdtempSync(join(tmpdir(), 'huicun-bench-cert-'));
try {
  const { signer } = loadNotarySigner(
    certs,
    {},
    { commonName: '上海市徐汇公证处 汇存电子签章', organization: '上海市徐汇公证处' },
  );
  const { deposit, receipt } = await sampleDeposit(sampleFiles(5).map((f) => f.item));
  const input: DepositCertificateInput = {
    deposit,
    receipt,
    version: 1,
    issuedAt: ISSUED_AT,
    issuer: ISSUER,
    publicUrl: PUBLIC_URL,
    retentionYears: 30,
  };

  const t0 = performance.now();
  await signPdf(await buildDepositCertificate(input, signer), signer);
  const first = performance.now() - t0;

  const render: number[] = [];
  const sign: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const a = performance.now();
    const unsigned = await buildDepositCertificate(input, signer);
    const b = performance.now();
    const signed = await signPdf(unsigned, signer);
    const c = performance.now();
    if (i < WARMUP) continue;
    render.push(b - a);
    sign.push(c - b);
    total.push(c - a);
    bytes = signed.length;
  }
  const median = (xs: number[]): number =>
    percentile(
      [...xs].sort((x, y) => x - y),
      50,
    );
  const p90 = (xs: number[]): number =>
    percentile(
      [...xs].sort((x, y) => x - y),
      90,
    );
  const metrics = {
    cert_render_median_ms: round(median(render)),
    cert_sign_median_ms: round(median(sign)),
    cert_bytes: bytes,
  };
  printResult(
    'cert',
    [
      ['deposit certificate, 5 files', `${RUNS} runs`, `after ${WARMUP} warm-up runs`],
      ['first certificate (fonts parsed)', round(first), 'ms'],
      ['render median', metrics.cert_render_median_ms, `ms (p90 ${round(p90(render))})`],
      ['sign median', metrics.cert_sign_median_ms, `ms (p90 ${round(p90(sign))})`],
      ['render + sign median', round(median(total)), 'ms (target ≤ 150)'],
      ['signed PDF', bytes, `bytes (${round(bytes / 1024, 1)} KiB; target ≤ 120 KB)`],
      ['signature key', `RSA-${signer.info.keyBits}`, `chain of ${signer.info.chainLength}`],
    ],
    metrics,
  );
} finally {
  rmSync(certs, { recursive: true, force: true });
}
