/**
 * `huicun verify <file> (--receipt R | --certificate C | --tlog-proof P) [--log-key VKEY]…
 * [--online URL] [--json]` (docs/verification.md, docs/cli.md). Exit 0 verified, 1 not verified, 2 usage or
 * unreadable input. Loads only what verification needs (no express, level or pdfkit), and starts
 * hashing the file before it loads the verifier, which then checks the receipt meanwhile.
 */
import { parseArgs } from 'node:util';
import { CliError, runCommand, usageError } from './errors.js';
import { hashFile, progressBar, type FileHashes } from './hash-file.js';

const USAGE = `usage: huicun verify <file> (--receipt R | --certificate C | --tlog-proof P)
                     [--log-key VKEY]… [--tsa-ca FILE] [--online URL] [--json]
  <file>          the evidence file (hashed here with SHA-256 and SM3; never sent anywhere);
                  without it only the receipt is verified
  --receipt       the receipt JSON (proof bundle) of the deposit
  --certificate   the deposit certificate PDF (its embedded receipt is used)
  --tlog-proof    the c2sp.org/tlog-proof@v1 export of the receipt
  --log-key       a log key (vkey) you trust; repeatable. Also HUICUN_TRUSTED_KEYS=<file>
  --tsa-ca FILE   PEM certificates of the time-stamp authorities you trust (timestamp.trusted);
                  without it a receipt's RFC 3161 stamp is checked but its TSA is not trusted
  --online URL    trust the key published at URL/api/v1/log/key and check that the log only
                  grew since the receipt (consistency); for a certificate, that it was issued
  --json          print the report as JSON
exit codes: 0 verified 核验通过, 1 not verified 未通过, 2 usage or unreadable input`;

/** Where the command writes (tests pass their own). */
export interface VerifyIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Where the progress bar goes (a TTY), if anywhere. */
  readonly progress?: NodeJS.WriteStream;
}

const defaultIo: VerifyIo = {
  env: process.env,
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  progress: process.stderr,
};

/** The parsed command line. */
export interface VerifyArgs {
  readonly file?: string;
  readonly source: { kind: 'receipt' | 'tlog-proof' | 'certificate'; path: string };
  readonly logKeys: readonly string[];
  /** `--tsa-ca`: the PEM file of the TSA trust anchors. */
  readonly tsaCa?: string;
  readonly online?: string;
  readonly json: boolean;
}

function parse(args: string[]): VerifyArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      receipt: { type: 'string' },
      certificate: { type: 'string' },
      'tlog-proof': { type: 'string' },
      'log-key': { type: 'string', multiple: true },
      'tsa-ca': { type: 'string' },
      online: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 1) throw new CliError('USAGE', 'give at most one file');
  const sources = (['receipt', 'certificate', 'tlog-proof'] as const).filter(
    (k) => values[k] !== undefined,
  );
  if (sources.length !== 1)
    throw new CliError('USAGE', 'give exactly one of --receipt, --certificate, --tlog-proof');
  const kind = sources[0]!;
  return {
    ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
    source: { kind, path: values[kind]! },
    logKeys: values['log-key'] ?? [],
    ...(values['tsa-ca'] !== undefined ? { tsaCa: values['tsa-ca'] } : {}),
    ...(values.online !== undefined ? { online: values.online } : {}),
    json: values.json ?? false,
  };
}

async function hash(path: string, io: VerifyIo, signal: AbortSignal): Promise<FileHashes> {
  let bar: ReturnType<typeof progressBar>;
  try {
    return await hashFile(path, {
      signal,
      onProgress: (done, total) => {
        if (io.progress) bar ??= progressBar(io.progress, total);
        bar?.update(done, total);
      },
    });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new CliError('BAD_INPUT', `cannot read the file ${path}: ${(err as Error).message}`);
  } finally {
    bar?.done();
  }
}

/** Runs `huicun verify …`; resolves with the exit code. */
export async function verifyCommand(args: string[], io: VerifyIo = defaultIo): Promise<number> {
  return runCommand({ name: 'verify', usage: USAGE, err: io.err }, () => verify(args, io));
}

async function verify(args: string[], io: VerifyIo): Promise<number> {
  let parsed: VerifyArgs;
  try {
    parsed = parse(args);
  } catch (e) {
    throw usageError(e);
  }
  const abort = new AbortController();
  const hashing =
    parsed.file === undefined ? Promise.resolve(undefined) : hash(parsed.file, io, abort.signal);
  hashing.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  try {
    const { runVerify } = await import('./verify-run.js');
    const verdict = await runVerify(parsed, hashing, io);
    return verdict === 'verified' ? 0 : 1;
  } catch (e) {
    abort.abort(e);
    throw e;
  }
}
