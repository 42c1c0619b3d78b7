/**
 * `huicun backup <dir>` (docs/cli.md, docs/backup.md): a consistent copy of the store while the
 * server keeps serving — through the running server's admin route when `<data>/server.json`
 * names a live one, else by opening the store itself. Exit 0 done, 1 refused or failed, 2 usage.
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import { loadLogKeyRing, ringVerifiers } from '../keys/index.js';
import {
  backupStore,
  type BackupProgress,
  type BackupManifest,
  OpsError,
  findLiveServer,
} from '../ops/index.js';
import { StorageError, openLevelStore } from '../storage/index.js';
import { CliError, runCommand } from './errors.js';
import { callAdminRoute, defaultOpsIo, type OpsIo } from './local-server.js';

const USAGE = `usage: huicun backup <dir>
  copies one consistent snapshot of the store and the files it references into <dir>
  (a new or empty folder outside the data and certs folders); works while the server runs`;

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

/** One progress line. */
export function formatBackupProgress(p: BackupProgress): string {
  if (p.phase === 'records') return `备份 backup: ${p.records} records…`;
  const pct = p.bytesTotal === 0 ? 100 : Math.floor((100 * p.bytes) / p.bytesTotal);
  return `备份 backup: ${p.records} records, files ${p.blobs}/${p.blobsTotal}, ${mb(p.bytes)} of ${mb(p.bytesTotal)} (${pct}%)`;
}

/** The summary printed after a backup; says what is NOT in it. */
export function formatBackupSummary(
  dir: string,
  m: BackupManifest,
  certsDir: string,
  via: string,
): string[] {
  return [
    `备份完成 backup complete: ${dir} (${via})`,
    `  log ${m.origin}, size ${m.size}, root ${m.root}`,
    `  ${m.records} records, ${m.blobs} files (${mb(m.bytes)}); manifest.json written last`,
    `  NOT in the backup 未包含密钥: the keys in ${certsDir} (log key, token key, pii.key,`,
    '  notary credentials). Back them up separately, and keep pii.key out of data backups',
    '  (docs/configuration.md): a restore needs the log key to verify and to go on signing.',
  ];
}

export async function backupCommand(args: string[], io: OpsIo = defaultOpsIo): Promise<number> {
  // an error line replaces the progress line
  const err = (line: string): void => {
    io.progress?.('');
    io.err(line);
  };
  return runCommand({ name: 'backup', usage: USAGE, err }, () => backup(args, io));
}

async function backup(args: string[], io: OpsIo): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-'))
    throw new CliError('USAGE', 'give one backup folder');
  const dir = resolve(args[0]!);
  const config = loadConfig(io.env);
  let shown = 0;
  const onProgress = (p: BackupProgress): void => {
    if (!io.progress || Date.now() - shown < 100) return; // a terminal line, 10 redraws a second
    shown = Date.now();
    io.progress(formatBackupProgress(p));
  };
  const done = (result: { dir: string; manifest: BackupManifest }, via: string): number => {
    io.progress?.('');
    for (const line of formatBackupSummary(result.dir, result.manifest, config.certsDir, via))
      io.out(line);
    return 0;
  };
  const refused = (code: unknown, err: Error): CliError =>
    new CliError('REFUSED', `${String(code)}: ${err.message}`, { cause: err });
  const live = await findLiveServer(config.dataDir);
  if (live) {
    try {
      const result = await callAdminRoute(live, '/api/v1/admin/backup', { dir }, (p) =>
        onProgress(p as BackupProgress),
      );
      return done(
        result as { dir: string; manifest: BackupManifest },
        `by the server at ${live.url}`,
      );
    } catch (err) {
      if (err instanceof CliError && err.code === 'REFUSED')
        throw refused(err.details?.serverCode, err);
      throw err;
    }
  }
  const ring = loadLogKeyRing(config.certsDir, config.origin);
  let store;
  try {
    store = await openLevelStore(join(config.dataDir, 'db'));
  } catch (err) {
    if (err instanceof StorageError && err.code === 'STORE_LOCKED')
      throw new CliError(
        'STORE_HELD',
        `a server holds the store but ${config.dataDir}/server.json does not lead to it; use POST /api/v1/admin/backup`,
        { cause: err },
      );
    throw err;
  }
  try {
    const result = await backupStore(
      {
        store,
        dataDir: config.dataDir,
        certsDir: config.certsDir,
        origin: config.origin,
        verifiers: ringVerifiers(ring),
      },
      dir,
      onProgress,
    );
    return done(result, 'store opened by this command: no server was running');
  } catch (err) {
    if (err instanceof OpsError) throw refused(err.code, err);
    throw err;
  } finally {
    await store.close();
  }
}
