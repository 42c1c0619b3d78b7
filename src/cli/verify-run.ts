/**
 * The part of `huicun verify` that needs the verifier (loaded once the file is being hashed):
 * read the receipt and the trusted keys, ask the log when `--online`, check the receipt while
 * the file hashes, complete with the digests, print.
 */
import {
  checkLines,
  completeVerification,
  onlineView,
  prepareVerification,
  verdictLine,
  type OnlineView,
  type TsaChecker,
  type Verdict,
  type VerifyReport,
} from '../verify/index.js';
import { readFile } from 'node:fs/promises';
// Deep on purpose: the timestamp folder's index loads the development TSA (node-forge) and the
// stamp store; `huicun verify` needs only the token checks.
import { anchorsFromPem } from '../timestamp/check.js';
import { tsaTokenChecker } from '../timestamp/token-checker.js';
import { CliError } from './errors.js';
import type { FileHashes } from './hash-file.js';
import { baseUrl, fetchDocumentIssued, fetchLogKeys, logClient } from './online.js';
import type { VerifyArgs, VerifyIo } from './verify.js';
import { readReceiptSource, readTrustedKeys } from './verify-input.js';

/** The log's current checkpoint and the consistency proof from the receipt's checkpoint. */
async function fetchOnlineView(base: string, receipt: unknown): Promise<OnlineView> {
  const { online, current } = await onlineView(receipt, logClient(base));
  if (current === undefined)
    throw new CliError('UNREACHABLE', `${base} served a malformed checkpoint`);
  return online;
}

/**
 * The time-stamp checker bound to `--tsa-ca` (no anchors without it).
 * @throws {CliError} BAD_INPUT when the file cannot be read or holds no PEM certificate.
 */
async function tsaChecker(path: string | undefined): Promise<TsaChecker> {
  if (path === undefined) return tsaTokenChecker([]);
  let anchors;
  try {
    anchors = anchorsFromPem(await readFile(path, 'utf8'));
  } catch (err) {
    throw new CliError('BAD_INPUT', `cannot read the TSA certificates ${path}`, { cause: err });
  }
  if (anchors.length === 0) throw new CliError('BAD_INPUT', `${path} holds no PEM certificate`);
  return tsaTokenChecker(anchors);
}

/** An RFC 3339 UTC time as Beijing time (UTC+08:00), or the input when it is not a time. */
function beijingTime(utc: string): string {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return utc;
  return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
}

function print(
  report: VerifyReport,
  args: VerifyArgs,
  file: FileHashes | undefined,
  io: VerifyIo,
): void {
  if (args.json) {
    io.out(JSON.stringify({ ...report, ...(file ? { input: { path: args.file, ...file } } : {}) }));
    return;
  }
  io.out('huicun 汇存 — 存证核验 / deposit verification');
  if (file) {
    io.out(`文件 file:   ${args.file} (${file.size} bytes)`);
    io.out(`  SHA-256    ${file.sha256}`);
    io.out(`  SM3        ${file.sm3}`);
  }
  if (report.entry) {
    io.out(`存证编号 deposit: ${report.entry.id}`);
    io.out(`时间 time:   ${beijingTime(report.entry.time)} (UTC+08:00) = ${report.entry.time}`);
  }
  if (report.timestamp) {
    const { genTime, tsa } = report.timestamp;
    io.out(`时间戳 stamped: ${beijingTime(genTime)} (UTC+08:00) = ${genTime}  by ${tsa ?? '?'}`);
  }
  if (report.checkpoint) {
    const { origin, size } = report.checkpoint;
    io.out(`日志 log:    ${origin}  index ${report.index ?? '?'} / size ${size}`);
  }
  io.out('');
  for (const line of checkLines(report.checks)) io.out(line);
  io.out('');
  io.out(verdictLine(report.verdict));
}

/**
 * Verifies and prints; resolves with the verdict.
 * @throws {CliError} BAD_INPUT for unreadable input, UNREACHABLE when the log cannot be read.
 */
export async function runVerify(
  args: VerifyArgs,
  hashing: Promise<FileHashes | undefined>,
  io: VerifyIo,
): Promise<Verdict> {
  const local = await readTrustedKeys(args.logKeys, io.env.HUICUN_TRUSTED_KEYS);
  const tsa = await tsaChecker(args.tsaCa);
  const { receipt, documentSha256 } = await readReceiptSource(args.source);
  let online: [string[], OnlineView, boolean | undefined] | undefined;
  if (args.online !== undefined) {
    const base = baseUrl(args.online);
    online = await Promise.all([
      fetchLogKeys(base),
      fetchOnlineView(base, receipt),
      documentSha256 === undefined ? undefined : fetchDocumentIssued(base, documentSha256),
    ]);
  }
  const trusted = [...local, ...(online ? await readTrustedKeys(online[0], undefined) : [])];
  const issued = online?.[2];
  const prepared = prepareVerification(receipt, {
    trustedKeys: trusted,
    tsa,
    ...(online ? { online: online[1] } : {}),
    ...(issued !== undefined && documentSha256 !== undefined
      ? { document: { sha256: documentSha256, issued } }
      : {}),
  });
  const file = await hashing;
  const report = completeVerification(prepared, file && { sha256: file.sha256, sm3: file.sm3 });
  print(report, args, file, io);
  return report.verdict;
}
