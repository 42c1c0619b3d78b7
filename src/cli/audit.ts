/**
 * `huicun audit [--json]`: checks the whole store (tree, checkpoints, records, evidence files)
 * and exits 1 on any damage. When `<data>/server.json` names a live server, the server audits
 * one snapshot of its store (POST /api/v1/admin/audit with the local secret); otherwise the
 * command opens the store itself. Same output and exit codes either way.
 */
import { join } from 'node:path';
import { formatAuditReport, runAudit, type AuditReport } from '../audit/index.js';
import { loadConfig } from '../config/index.js';
import { loadLogKeyRing } from '../keys/index.js';
import { blobPathIn, opsHasher, findLiveServer } from '../ops/index.js';
import { StorageError, openLevelStore } from '../storage/index.js';
import { CliError, runCommand } from './errors.js';
import { callAdminRoute, defaultOpsIo, type OpsIo } from './local-server.js';

const USAGE = 'usage: huicun audit [--json]';

export async function auditCommand(args: string[], io: OpsIo = defaultOpsIo): Promise<number> {
  return runCommand({ name: 'audit', usage: USAGE, err: io.err }, () => audit(args, io));
}

async function audit(args: string[], io: OpsIo): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) throw new CliError('USAGE', `unexpected arguments: ${unknown.join(' ')}`);
  const config = loadConfig(io.env);
  const print = (report: AuditReport): number => {
    io.out(json ? JSON.stringify(report, null, 2) : formatAuditReport(report));
    return report.ok ? 0 : 1;
  };
  const live = await findLiveServer(config.dataDir);
  if (live) {
    try {
      return print((await callAdminRoute(live, '/api/v1/admin/audit', {})) as AuditReport);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      throw new CliError(
        'UNREACHABLE',
        `the running server (${live.url}) could not audit: ${err.message}`,
        { cause: err },
      );
    }
  }
  const ring = loadLogKeyRing(config.certsDir, config.origin);
  let store;
  try {
    store = await openLevelStore(join(config.dataDir, 'db'));
  } catch (err) {
    if (err instanceof StorageError && err.code === 'STORE_LOCKED') {
      throw new CliError(
        'STORE_HELD',
        `a server holds the store but ${config.dataDir}/server.json does not lead to it; stop it first, or use POST /api/v1/admin/audit.`,
        { cause: err },
      );
    }
    throw err;
  }
  try {
    const blobDir = join(config.dataDir, 'blobs');
    return print(
      await runAudit({
        store,
        hasher: opsHasher,
        verifier: ring.current.verifier,
        previousVerifiers: ring.previous.map((p) => p.verifier),
        origin: config.origin,
        blobDir,
        blobPath: (sha) => blobPathIn(blobDir, sha),
      }),
    );
  } finally {
    await store.close();
  }
}
