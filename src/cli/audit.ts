/**
 * `huicun audit [--json]`: checks the whole store (tree, checkpoints, records, evidence files)
 * and exits 1 on any damage. Opens the store itself; while a server holds it, ask the server
 * (POST /api/v1/admin/audit) instead.
 */
import { join } from 'node:path';
import { formatAuditReport, runAudit } from '../audit/index.js';
import { loadConfig } from '../config/index.js';
import { loadLogKey } from '../keys/log-key.js';
import { serverHasher } from '../server.js';
import { StorageError } from '../storage/errors.js';
import { openLevelStore } from '../storage/leveldb.js';

export async function auditCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) {
    console.error(
      `huicun audit: unexpected arguments: ${unknown.join(' ')}\nusage: huicun audit [--json]`,
    );
    return 2;
  }
  const config = loadConfig(process.env);
  const key = loadLogKey(config.certsDir, config.origin);
  let store;
  try {
    store = await openLevelStore(join(config.dataDir, 'db'));
  } catch (err) {
    if (err instanceof StorageError && err.code === 'STORE_LOCKED') {
      console.error(
        'huicun audit: a server holds the store; use POST /api/v1/admin/audit while it runs, or stop it first.',
      );
      return 2;
    }
    throw err;
  }
  try {
    const blobDir = join(config.dataDir, 'blobs');
    const report = await runAudit({
      store,
      hasher: serverHasher,
      verifier: key.verifier,
      origin: config.origin,
      blobDir,
      blobPath: (sha) => join(blobDir, sha.slice(0, 2), sha.slice(2, 4), sha),
    });
    console.log(json ? JSON.stringify(report, null, 2) : formatAuditReport(report));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
