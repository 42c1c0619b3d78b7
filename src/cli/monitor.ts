/**
 * `huicun monitor <url> --state FILE [--log-key VKEY]…` (docs/cli.md): fetches the log's latest
 * checkpoint, checks its signature against a trusted key, checks that it is consistent with the
 * last verified checkpoint kept in FILE (same size → same root; larger → a valid consistency
 * proof; smaller → rollback), audits the new entry bundles and hash tiles, and only then writes
 * FILE. Exit 0 consistent, 1 any inconsistency (FILE untouched), 2 usage, unreadable state or
 * an unreachable log.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decodeBase64, encodeBase64 } from '../log/index.js';
import {
  checkpointExtends,
  InconsistencyError,
  keyLabel,
  needsConsistencyProof,
  openCheckpoint,
  parseTrustedKeys,
  parseTrustedKeysFile,
  VerifyError,
  type SignedCheckpoint,
  type VerifierKey,
} from '../verify/index.js';
import { CliError, runCommand, usageError } from './errors.js';
import { auditNewEntries, inconsistency, type CompactState } from './monitor-audit.js';
import { baseUrl, fetchConsistencyProof, fetchLogKeys, getText } from './online.js';

const USAGE = `usage: huicun monitor <url> --state FILE [--log-key VKEY]…
  keeps the last verified checkpoint of the log at <url> in FILE; exits 1 on any inconsistency
  --log-key   the log key (vkey) to trust; repeatable. Also HUICUN_TRUSTED_KEYS=<file>.
              Without one, the key in FILE, or on the first run the key the log publishes
              (trust on first use, printed so you can compare it with the certificate)`;

/** What the monitor keeps between runs. */
export interface MonitorState {
  readonly v: 1;
  readonly url: string;
  readonly vkey: string;
  readonly checkpoint: string;
  readonly size: number;
  readonly root: string;
  readonly compact: CompactState;
  readonly checkedAt: string;
}

/** Where the command reads and writes (tests pass their own). */
export interface MonitorIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIo: MonitorIo = {
  env: process.env,
  out: (l) => console.log(l),
  err: (l) => console.error(l),
};

async function readState(path: string): Promise<MonitorState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new CliError(
      'BAD_INPUT',
      `cannot read the state file ${path}: ${(err as Error).message}`,
    );
  }
  try {
    const s = JSON.parse(text) as MonitorState;
    if (s.v !== 1 || typeof s.vkey !== 'string' || !Number.isSafeInteger(s.size))
      throw new Error('unknown format');
    return s;
  } catch (err) {
    throw new CliError(
      'BAD_INPUT',
      `the state file ${path} is malformed: ${(err as Error).message}`,
    );
  }
}

async function writeState(path: string, state: MonitorState): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o644 });
  await rename(temp, path);
}

async function trustedKeys(
  io: MonitorIo,
  logKeys: readonly string[],
  state: MonitorState | undefined,
  base: string,
): Promise<VerifierKey[]> {
  const keys = parseTrustedKeys(logKeys);
  const file = io.env.HUICUN_TRUSTED_KEYS;
  if (file) keys.push(...parseTrustedKeysFile(await readFile(file, 'utf8')));
  if (keys.length > 0) return keys;
  if (state) return parseTrustedKeys([state.vkey]);
  const published = parseTrustedKeys(await fetchLogKeys(base));
  io.err(
    `huicun monitor: 首次运行，信任日志公布的公钥 / first run: trusting the published key ${published[0]!.vkey} — compare it with the key on a certificate`,
  );
  return published;
}

/**
 * Checks `next` against the last verified checkpoint (tessera's `LogStateTracker.Update`).
 * @throws an {@link inconsistency} carrying the {@link InconsistencyError} (both notes, the proof).
 */
async function checkConsistency(
  base: string,
  last: MonitorState,
  next: SignedCheckpoint,
): Promise<void> {
  // The state keeps the size and root it verified; the origin is the trusted key's (checked).
  const old = {
    raw: last.checkpoint,
    body: { ...next.body, size: last.size, root: decodeBase64(last.root) },
  };
  const proof = needsConsistencyProof(last.size, next.body.size)
    ? await fetchConsistencyProof(base, last.size, next.body.size)
    : [];
  try {
    checkpointExtends(old, next, proof);
  } catch (err) {
    if (!(err instanceof InconsistencyError)) throw err;
    const kind = err.code === 'ROLLBACK' ? 'rollback' : 'fork';
    throw inconsistency(`${kind}: ${err.message}`, { cause: err });
  }
}

/** Runs `huicun monitor …`; resolves with the exit code. */
export async function monitorCommand(args: string[], io: MonitorIo = defaultIo): Promise<number> {
  return runCommand({ name: 'monitor', usage: USAGE, err: io.err }, () => monitor(args, io));
}

async function monitor(args: string[], io: MonitorIo): Promise<number> {
  let url: string;
  let statePath: string;
  let logKeys: string[];
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { state: { type: 'string' }, 'log-key': { type: 'string', multiple: true } },
    });
    if (positionals.length !== 1) throw new Error('give the log URL');
    if (values.state === undefined) throw new Error('--state FILE is required');
    url = baseUrl(positionals[0]!);
    statePath = values.state;
    logKeys = values['log-key'] ?? [];
  } catch (e) {
    throw usageError(e);
  }
  try {
    const state = await readState(statePath);
    const keys = await trustedKeys(io, logKeys, state, url);
    const note = await getText(url, '/tlog/checkpoint');
    let opened: ReturnType<typeof openCheckpoint>;
    try {
      opened = openCheckpoint(note, keys);
    } catch (err) {
      throw inconsistency(
        `the checkpoint does not verify with a trusted key: ${(err as Error).message}`,
      );
    }
    const { signer } = opened;
    const checkpoint = opened.checkpoint.body;
    if (checkpoint.origin !== signer.name)
      throw inconsistency(
        `the checkpoint's origin ${checkpoint.origin} is not the key's name ${signer.name}`,
      );
    if (state) await checkConsistency(url, state, opened.checkpoint);
    const from: CompactState = state?.compact ?? { size: 0, hashes: [] };
    const compact =
      checkpoint.size > from.size
        ? await auditNewEntries(url, from, checkpoint.size, checkpoint.root)
        : from;
    await writeState(statePath, {
      v: 1,
      url,
      vkey: signer.vkey,
      checkpoint: note,
      size: checkpoint.size,
      root: encodeBase64(checkpoint.root),
      compact,
      checkedAt: new Date().toISOString(),
    });
    const grew = checkpoint.size - (state?.size ?? 0);
    io.out(
      `一致 consistent: ${checkpoint.origin} size ${checkpoint.size} (+${grew}) root ${encodeBase64(checkpoint.root)} key ${keyLabel(signer)}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof VerifyError) throw new CliError('BAD_INPUT', e.message, { cause: e });
    throw e;
  }
}
