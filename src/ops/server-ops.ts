/**
 * The server's side of the operator's routes: backup of the running store and audit of one
 * snapshot of it (src/http/ops-routes.ts serves them; src/server.ts wires this in).
 */
import { runAudit, type AuditReport } from '../audit/index.js';
import type { PreviousLogKey, LogKey } from '../keys/index.js';
import type { TreeHasher } from '../log/index.js';
import type { LevelStore } from '../storage/index.js';
import { backupStore, type BackupProgress } from './backup.js';
import type { BackupManifest } from './backup-files.js';

export interface ServerOpsDeps {
  readonly store: LevelStore;
  readonly hasher: TreeHasher;
  readonly dataDir: string;
  readonly certsDir: string;
  readonly origin: string;
  readonly logKey: LogKey;
  readonly previous: readonly PreviousLogKey[];
  readonly blobDir: string;
  readonly blobPath: (sha256: string) => string;
}

/** Backup and audit bound to a running server's store and keys. */
export function serverOps(deps: ServerOpsDeps): {
  backup(
    dir: unknown,
    onProgress: (p: BackupProgress) => void,
  ): Promise<{ dir: string; manifest: BackupManifest }>;
  audit(): Promise<AuditReport>;
} {
  const previousVerifiers = deps.previous.map((p) => p.verifier);
  return {
    backup: (dir, onProgress) =>
      backupStore(
        {
          store: deps.store,
          dataDir: deps.dataDir,
          certsDir: deps.certsDir,
          origin: deps.origin,
          verifiers: [deps.logKey.verifier, ...previousVerifiers],
        },
        dir,
        onProgress,
      ),
    // One explicit snapshot: the appends that go on meanwhile are not half-seen.
    audit: () =>
      deps.store.withSnapshot((view) =>
        runAudit({
          store: view,
          hasher: deps.hasher,
          verifier: deps.logKey.verifier,
          previousVerifiers,
          origin: deps.origin,
          blobDir: deps.blobDir,
          blobPath: deps.blobPath,
        }),
      ),
  };
}
