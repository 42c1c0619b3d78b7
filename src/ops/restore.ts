/**
 * Restore (docs/cli.md, docs/backup.md): a backup folder becomes a data folder that serves
 * READ-ONLY. The work happens in a sibling staging folder — database files copied, blobs copied
 * and re-hashed, the manifest's checkpoint verified with the log keys and compared with the
 * restored head, the mark `meta/restoredFrom` written, the sequencer's start-up check and a full
 * `runAudit` passed — and only then is it renamed into place, so the data folder appears complete
 * and marked or not at all.
 */
import { copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { runAudit, type AuditReport } from '../audit/index.js';
import { randomBytes, sha256 } from '../crypto/index.js';
import { ringVerifiers, type LogKeyRing } from '../keys/index.js';
import {
  decodeBase64,
  encodeBase64,
  encodeHex,
  equalBytes,
  openNote,
  parseCheckpoint,
  treeHasher,
  type Checkpoint,
  type NoteVerifier,
} from '../log/index.js';
import { Sequencer } from '../sequencer/index.js';
import { RESTORED_FROM_KEY, openLevelStore, type LevelStore } from '../storage/index.js';
import {
  blobPathIn,
  copyBlobVerified,
  fsyncDir,
  fsyncTree,
  readManifest,
  type BackupManifest,
} from './backup-files.js';
import { OpsError } from './errors.js';

/** The RFC 6962 hasher on node:crypto (as the server's). */
export const opsHasher = treeHasher(sha256);

/** What `meta/restoredFrom` holds. */
export interface RestoredFromRecord {
  readonly size: number;
  /** base64 */
  readonly root: string;
  readonly origin: string;
  readonly backupCreatedAt: string;
  readonly restoredAt: string;
}

export interface RestoreProgress {
  readonly phase: 'db' | 'blobs' | 'audit';
  readonly done: number;
  readonly total: number;
}

/**
 * Opens a signed checkpoint with `verifiers`: the key that signed it must be named by its origin,
 * and the origin must be `origin`.
 * @throws OpsError `code` with `what` in the message.
 */
export function openCheckpoint(
  note: string,
  verifiers: readonly NoteVerifier[],
  origin: string,
  code: 'BACKUP_INVALID' | 'RESTORE_REFUSED',
  what: string,
): Checkpoint {
  let cp: Checkpoint;
  try {
    const opened = openNote(note, verifiers);
    cp = parseCheckpoint(opened.text);
    if (!opened.verified.some((s) => s.name === cp.origin))
      throw new Error(`not signed by a key named ${cp.origin}`);
  } catch (cause) {
    throw new OpsError(
      code,
      `${what} does not verify with the log key or a previous one (${(cause as Error).message})`,
      { cause },
    );
  }
  if (cp.origin !== origin)
    throw new OpsError(
      code,
      `${what} is of the log "${cp.origin}", but HUICUN_ORIGIN is "${origin}"`,
    );
  return cp;
}

/**
 * Verifies a manifest: its checkpoint is signed by the log key (current or previous) for
 * `origin`, and names the manifest's size and root.
 * @throws OpsError BACKUP_INVALID
 */
export function verifyManifest(
  manifest: BackupManifest,
  origin: string,
  verifiers: readonly NoteVerifier[],
): Checkpoint {
  const cp = openCheckpoint(
    manifest.checkpoint,
    verifiers,
    origin,
    'BACKUP_INVALID',
    "the backup's checkpoint",
  );
  if (
    cp.origin !== manifest.origin ||
    cp.size !== manifest.size ||
    !equalBytes(cp.root, decodeBase64(manifest.root))
  )
    throw new OpsError(
      'BACKUP_INVALID',
      "the manifest's origin, size or root differ from its checkpoint",
    );
  return cp;
}

/** 'absent' or 'empty'; anything else is refused (nothing is ever written over). */
async function targetState(dataDir: string): Promise<'absent' | 'empty'> {
  let st;
  try {
    st = await lstat(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
  if (st.isSymbolicLink())
    throw new OpsError(
      'RESTORE_TARGET_NOT_EMPTY',
      `${dataDir} is a symbolic link; set HUICUN_DATA_DIR to the real path`,
    );
  if (!st.isDirectory() || (await readdir(dataDir)).length > 0)
    throw new OpsError(
      'RESTORE_TARGET_NOT_EMPTY',
      `${dataDir} exists and is not empty: restore goes into a new or empty data folder`,
    );
  return 'empty';
}

/** Copies the database files (not LevelDB's LOCK and info logs), each synced. */
async function copyDatabase(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const e of await readdir(from, { withFileTypes: true })) {
    if (!e.isFile() || e.name === 'LOCK' || e.name === 'LOG' || e.name === 'LOG.old') continue;
    await copyFile(join(from, e.name), join(to, e.name));
    const fh = await open(join(to, e.name), 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
}

/** Copies `<backup>/blobs/aa/bb/<sha256>`, re-hashing each; anything else there is refused. */
async function copyBlobs(
  from: string,
  to: string,
  onProgress: (done: number) => void,
): Promise<{ blobs: number; bytes: number }> {
  let blobs = 0;
  let bytes = 0;
  const hex2 = /^[0-9a-f]{2}$/;
  const list = async (dir: string): Promise<string[]> =>
    readdir(dir).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [];
      throw err;
    });
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const a of (await list(from)).sort()) {
    for (const b of (await list(join(from, a))).sort()) {
      for (const name of (await list(join(from, a, b))).sort()) {
        if (
          !hex2.test(a) ||
          !hex2.test(b) ||
          !/^[0-9a-f]{64}$/.test(name) ||
          name.slice(0, 4) !== a + b
        )
          throw new OpsError(
            'BACKUP_INVALID',
            `unexpected file in the backup: blobs/${a}/${b}/${name}`,
          );
        bytes += await copyBlobVerified(
          join(from, a, b, name),
          blobPathIn(to, name),
          name,
          undefined,
        );
        blobs++;
        onProgress(blobs);
      }
    }
  }
  return { blobs, bytes };
}

/**
 * The restored store must hold exactly the manifest's head and checkpoint; then it is marked.
 * @throws OpsError BACKUP_INVALID
 */
async function markRestored(store: LevelStore, manifest: BackupManifest): Promise<void> {
  const head = await store.readHead();
  if (
    !head ||
    head.size !== manifest.size ||
    encodeBase64(head.root) !== manifest.root ||
    head.checkpoint !== manifest.checkpoint
  )
    throw new OpsError(
      'BACKUP_INVALID',
      `the backup's database does not hold the manifest's head (size ${manifest.size})`,
    );
  const mark: RestoredFromRecord = {
    size: manifest.size,
    root: manifest.root,
    origin: manifest.origin,
    backupCreatedAt: manifest.createdAt,
    restoredAt: new Date().toISOString(),
  };
  await store.writeRecords([{ type: 'put', key: RESTORED_FROM_KEY, value: JSON.stringify(mark) }]);
}

/** The sequencer's start-up check (root from the stored tiles, signature), then a full audit. */
async function checkStore(
  store: LevelStore,
  dataDir: string,
  origin: string,
  ring: LogKeyRing,
): Promise<AuditReport> {
  await checkHead(store, origin, ring);
  const blobDir = join(dataDir, 'blobs');
  return runAudit({
    store,
    hasher: opsHasher,
    verifier: ring.current.verifier,
    previousVerifiers: ring.previous.map((p) => p.verifier),
    origin,
    blobDir,
    blobPath: (sha) => blobPathIn(blobDir, sha),
  });
}

/**
 * Restores the backup in `backupDir` into `dataDir` (absent or empty), read-only.
 * @throws OpsError BACKUP_INVALID (manifest, database, blobs or audit; `details.report` holds a
 *   failed audit), RESTORE_TARGET_NOT_EMPTY; StorageError when the database cannot be opened.
 */
export async function restoreBackup(options: {
  readonly backupDir: string;
  readonly dataDir: string;
  readonly origin: string;
  readonly ring: LogKeyRing;
  readonly onProgress?: (p: RestoreProgress) => void;
}): Promise<{ manifest: BackupManifest; report: AuditReport }> {
  const { origin, ring } = options;
  const onProgress = options.onProgress ?? (() => undefined);
  const backupDir = resolve(options.backupDir);
  const dataDir = resolve(options.dataDir);
  const manifest = await readManifest(backupDir);
  verifyManifest(manifest, origin, ringVerifiers(ring));
  await targetState(dataDir);

  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(dataDir)}.restoring-${encodeHex(randomBytes(6))}`);
  await mkdir(staging, { mode: 0o700 });
  try {
    onProgress({ phase: 'db', done: 0, total: 1 });
    await copyDatabase(join(backupDir, 'db'), join(staging, 'db'));
    onProgress({ phase: 'db', done: 1, total: 1 });
    const copied = await copyBlobs(join(backupDir, 'blobs'), join(staging, 'blobs'), (done) =>
      onProgress({ phase: 'blobs', done, total: manifest.blobs }),
    );
    if (copied.blobs !== manifest.blobs || copied.bytes !== manifest.bytes)
      throw new OpsError(
        'BACKUP_INVALID',
        `the backup holds ${copied.blobs} files (${copied.bytes} bytes); its manifest says ${manifest.blobs} (${manifest.bytes} bytes)`,
      );
    onProgress({ phase: 'audit', done: 0, total: 1 });
    const store = await openLevelStore(join(staging, 'db'));
    let report: AuditReport;
    try {
      await markRestored(store, manifest); // from here on, the store can only serve read-only
      report = await checkStore(store, staging, origin, ring);
    } finally {
      await store.close();
    }
    if (!report.ok)
      throw new OpsError('BACKUP_INVALID', 'the restored store does not audit clean', {
        details: { report },
      });
    onProgress({ phase: 'audit', done: 1, total: 1 });
    await fsyncTree(staging);
    if ((await targetState(dataDir)) === 'empty') await rmdir(dataDir);
    await rename(staging, dataDir);
    await fsyncDir(parent);
    return { manifest, report };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Opens the sequencer read-only: the start-up check of the stored head under the old keys. */
export async function checkHead(
  store: LevelStore,
  origin: string,
  ring: LogKeyRing,
): Promise<void> {
  const log = await Sequencer.open(store, {
    origin,
    signer: ring.current.signer,
    verifier: ring.current.verifier,
    previousVerifiers: ring.previous.map((p) => p.verifier),
    hasher: opsHasher,
    batchMax: 1,
    queueMax: 1,
  });
  await log.close();
}
