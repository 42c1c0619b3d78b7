/**
 * `huicun restore <dir> [--resume --latest-checkpoint FILE | --new-log ORIGIN]` (docs/cli.md,
 * docs/backup.md). With `<dir>`: restores that backup into HUICUN_DATA_DIR (absent or empty),
 * read-only. With `--resume` or `--new-log` (with or without `<dir>`): leaves read-only in one of
 * the two ways that cannot fork the log. The server must be stopped. Exit 0 done, 1 refused or
 * the backup does not verify, 2 usage or unreadable input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatAuditReport, type AuditReport } from '../audit/index.js';
import { loadConfig, type Config } from '../config/index.js';
import { loadLogKeyRing, ringVerifiers } from '../keys/index.js';
import { encodeBase64, isValidKeyName } from '../log/index.js';
import {
  readManifest,
  OpsError,
  openCheckpoint,
  restoreBackup,
  verifyManifest,
  type RestoreProgress,
  checkpointFromFile,
  resumeRestoredLog,
  startNewLog,
} from '../ops/index.js';
import { StorageError } from '../storage/index.js';
import { CliError, runCommand, usageError } from './errors.js';
import { defaultOpsIo, type OpsIo } from './local-server.js';

const USAGE = `usage: huicun restore <dir> [--resume --latest-checkpoint FILE | --new-log ORIGIN]
       huicun restore --resume --latest-checkpoint FILE   (a restored HUICUN_DATA_DIR)
       huicun restore --new-log ORIGIN                    (a restored HUICUN_DATA_DIR)
  <dir>                     a backup folder (huicun backup); HUICUN_DATA_DIR must be absent or
                            empty. The restored store serves READ-ONLY until one of:
  --resume --latest-checkpoint FILE
                            FILE holds the newest checkpoint the log ever published (the note,
                            or a monitor state / receipt JSON with a "checkpoint" field); it
                            must equal the restored head, else the log would fork
  --new-log ORIGIN          go on under a new origin and a new log key (the old key is retired
                            and listed under "previous"); then set HUICUN_ORIGIN=ORIGIN`;

interface Parsed {
  readonly dir: string | undefined;
  readonly latest: string | undefined;
  readonly newLog: string | undefined;
}

function parse(args: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      resume: { type: 'boolean' },
      'latest-checkpoint': { type: 'string' },
      'new-log': { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new CliError('USAGE', 'give at most one backup folder');
  const latest = values['latest-checkpoint'];
  if (values.resume && latest === undefined)
    throw new CliError('USAGE', '--resume needs --latest-checkpoint FILE');
  if (latest !== undefined && !values.resume)
    throw new CliError('USAGE', '--latest-checkpoint goes with --resume');
  if (values.resume && values['new-log'] !== undefined)
    throw new CliError('USAGE', '--resume and --new-log exclude each other');
  if (positionals.length === 0 && !values.resume && values['new-log'] === undefined)
    throw new CliError('USAGE', 'give a backup folder, --resume or --new-log');
  if (values['new-log'] !== undefined && !isValidKeyName(values['new-log']))
    throw new CliError('USAGE', 'the new origin must be non-empty, without spaces or "+"');
  return { dir: positionals[0], latest, newLog: values['new-log'] };
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

function progressLine(p: RestoreProgress): string {
  if (p.phase === 'db') return '恢复 restore: copying the database…';
  if (p.phase === 'blobs') return `恢复 restore: files ${p.done}/${p.total} (re-hashed)…`;
  return '恢复 restore: checking the restored store (start-up check and full audit)…';
}

export async function restoreCommand(args: string[], io: OpsIo = defaultOpsIo): Promise<number> {
  // an error line replaces the progress line
  const err = (line: string): void => {
    io.progress?.('');
    io.err(line);
  };
  return runCommand({ name: 'restore', usage: USAGE, err }, () => runRestore(args, io));
}

async function runRestore(args: string[], io: OpsIo): Promise<number> {
  let opts: Parsed;
  try {
    opts = parse(args);
  } catch (err) {
    throw usageError(err);
  }
  const config = loadConfig(io.env);
  let latest: string | undefined;
  if (opts.latest !== undefined) {
    try {
      latest = checkpointFromFile(await readFile(opts.latest, 'utf8'));
    } catch (err) {
      throw new CliError('BAD_INPUT', `cannot read ${opts.latest}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  try {
    if (opts.dir !== undefined) {
      if (latest !== undefined) await refuseEarly(opts.dir, latest, config);
      if (opts.newLog === config.origin)
        throw new OpsError('RESTORE_REFUSED', 'a new log needs a new origin (HUICUN_ORIGIN is it)');
      await restore(opts.dir, config, io);
    }
    if (latest !== undefined) {
      const r = await resumeRestoredLog({
        dataDir: config.dataDir,
        origin: config.origin,
        certsDir: config.certsDir,
        latestCheckpoint: latest,
      });
      io.out(
        `已恢复写入 resumed: the log ${config.origin} goes on from size ${r.size} (root ${r.root}); the read-only mark is removed. Start the server.`,
      );
    }
    if (opts.newLog !== undefined) {
      const r = await startNewLog({
        dataDir: config.dataDir,
        origin: config.origin,
        certsDir: config.certsDir,
        newOrigin: opts.newLog,
      });
      io.out(`新日志 new log: ${opts.newLog} continues the restored tree from entry ${r.index}`);
      io.out(`  (an admin entry "log-continued" records ${config.origin} at size ${r.index})`);
      io.out(`  new log key (vkey): ${r.vkey}`);
      io.out(`  retired key, published under "previous": ${r.previousVkey}`);
      io.out(
        `  Set HUICUN_ORIGIN=${opts.newLog} before starting the server, and publish the new vkey.`,
      );
    }
    return 0;
  } catch (err) {
    io.progress?.('');
    if (err instanceof OpsError) {
      const report = err.details?.report as AuditReport | undefined;
      if (report) io.err(formatAuditReport(report));
      throw new CliError('REFUSED', `${err.code}: ${err.message}`, { cause: err });
    }
    if (err instanceof StorageError && err.code === 'STORE_LOCKED')
      throw new CliError('STORE_HELD', `a server holds ${config.dataDir}; stop it first`, {
        cause: err,
      });
    throw err;
  }
}

/** With `<dir> --resume`: refuse before copying anything when the checkpoint cannot match. */
async function refuseEarly(dir: string, latest: string, config: Config): Promise<void> {
  const ring = loadLogKeyRing(config.certsDir, config.origin);
  const manifest = await readManifest(dir);
  verifyManifest(manifest, config.origin, ringVerifiers(ring));
  const cp = openCheckpoint(
    latest,
    ringVerifiers(ring),
    config.origin,
    'RESTORE_REFUSED',
    'the latest checkpoint',
  );
  if (cp.size !== manifest.size || encodeBase64(cp.root) !== manifest.root)
    throw new OpsError(
      'RESTORE_REFUSED',
      cp.size > manifest.size
        ? `the log published ${cp.size} entries, the backup holds ${manifest.size}: resuming would fork the log; restore with --new-log ORIGIN instead`
        : `that checkpoint (size ${cp.size}) is not the backup's head (size ${manifest.size}): give the NEWEST checkpoint the log ever published`,
    );
}

async function restore(dir: string, config: Config, io: OpsIo): Promise<void> {
  let ring;
  try {
    ring = loadLogKeyRing(config.certsDir, config.origin);
  } catch (cause) {
    throw new OpsError(
      'BACKUP_INVALID',
      `${(cause as Error).message}: restore ${config.certsDir} from its own backup first (keys are not in data backups)`,
    );
  }
  let shown = 0;
  const { manifest, report } = await restoreBackup({
    backupDir: dir,
    dataDir: config.dataDir,
    origin: config.origin,
    ring,
    onProgress: (p) => {
      if (!io.progress || Date.now() - shown < 100) return;
      shown = Date.now();
      io.progress(progressLine(p));
    },
  });
  io.progress?.('');
  io.out(`已恢复 restored: ${dir} → ${config.dataDir}`);
  io.out(
    `  log ${manifest.origin}, size ${manifest.size}, root ${manifest.root} (backup of ${manifest.createdAt})`,
  );
  io.out(
    `  ${manifest.blobs} files (${mb(manifest.bytes)}) re-hashed; start-up check and full audit: ${report.ok ? 'OK' : 'DAMAGE'}`,
  );
  io.out('  只读 READ-ONLY: the log refuses appends until you run one of');
  io.out('    huicun restore --resume --latest-checkpoint FILE   (FILE: the newest checkpoint the');
  io.out(`        log ever published; it must be size ${manifest.size}, root ${manifest.root})`);
  io.out(
    '    huicun restore --new-log NEW-ORIGIN                (go on under a new origin and key)',
  );
}
