/**
 * Backups (docs/cli.md, docs/backup.md): a consistent copy while the server keeps serving.
 *
 * ONE LevelDB iterator over the whole key range reads one implicit snapshot: a log batch is
 * either wholly in it or wholly absent, so its head is a checkpoint the log handed out and every
 * record it holds belongs to an entry under that head. The pairs go, in batches, into a NEW
 * LevelDB at `<dir>/db`. The blobs the snapshot's records reference (upload deposits' files and
 * issued certificates) are then copied to `<dir>/blobs/aa/bb/<sha256>`, re-hashed on the way; a
 * blob whose digest differs stops the backup. A referenced blob is never deleted (only blobs no
 * record references are), so it is still there when its turn comes. `manifest.json` is written
 * last, synced. Keys (`certs/`) are not in a backup: pii.key stays out of data backups (§11).
 */
import { lstat, mkdir, readdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { CERTIFICATE_DIGEST_PREFIX } from '../certificate/index.js';
import { DEPOSIT_PREFIX, parseDepositRecord } from '../evidence/index.js';
import {
  decodeBase64,
  encodeBase64,
  equalBytes,
  openNote,
  parseCheckpoint,
  type NoteVerifier,
} from '../log/index.js';
import type { RecordWrite } from '../sequencer/index.js';
import { CHECKPOINT_PREFIX, HEAD_KEY, openLevelStore, type LevelStore } from '../storage/index.js';
import {
  BACKUP_FORMAT,
  blobPathIn,
  copyBlobVerified,
  fsyncTree,
  MANIFEST_FILE,
  writeFileSynced,
  type BackupManifest,
} from './backup-files.js';
import { OpsError } from './errors.js';

/** What a backup reads: the open store of a server or of the CLI, and where things live. */
export interface BackupSource {
  readonly store: LevelStore;
  readonly dataDir: string;
  readonly certsDir: string;
  /** The configured origin: the snapshot's checkpoint must be of it. */
  readonly origin: string;
  /** The current log key first, then retired ones. */
  readonly verifiers: readonly NoteVerifier[];
}

/** Progress of a backup, for a terminal line or a stream of progress events. */
export interface BackupProgress {
  readonly phase: 'records' | 'blobs' | 'done';
  readonly records: number;
  readonly blobs: number;
  readonly blobsTotal: number;
  readonly bytes: number;
  readonly bytesTotal: number;
}

/** Pairs per write into the new database, and bytes. */
const BATCH_KEYS = 1000;
const BATCH_BYTES = 4 << 20;

function invalidDir(message: string): OpsError {
  return new OpsError('BACKUP_DIR_INVALID', message);
}

const within = (path: string, folder: string): boolean =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Checks `dir` and creates it (mode 0700) unless it is an existing empty folder. No path from a
 * caller is trusted beyond that: it must be absolute without `.`/`..` segments, its parent must
 * exist, and it may not be (inside) the data or certs folder (symbolic links resolved).
 * @returns the real path of the folder.
 * @throws OpsError BACKUP_DIR_INVALID
 */
export async function prepareBackupDir(
  dir: unknown,
  where: { readonly dataDir: string; readonly certsDir: string },
): Promise<string> {
  if (typeof dir !== 'string' || dir === '' || dir.length > 4096 || dir.includes('\0'))
    throw invalidDir('the backup folder must be a path');
  if (!isAbsolute(dir)) throw invalidDir(`the backup folder must be an absolute path: ${dir}`);
  if (dir.split(/[\\/]+/).some((s) => s === '.' || s === '..'))
    throw invalidDir('the backup folder may not contain "." or ".." segments');
  const abs = resolve(dir);
  let parent: string;
  try {
    parent = await realpath(dirname(abs));
  } catch {
    throw invalidDir(`the parent of the backup folder does not exist: ${dirname(abs)}`);
  }
  const target = join(parent, basename(abs));
  for (const [name, folder] of [
    ['data', where.dataDir],
    ['certs', where.certsDir],
  ] as const) {
    const real = await realpath(folder).catch(() => resolve(folder));
    if (within(target, real) || within(real, target))
      throw invalidDir(`the backup folder may not be inside (or hold) the ${name} folder ${real}`);
  }
  try {
    await mkdir(target, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
      throw invalidDir(`cannot create ${target}: ${(err as Error).message}`);
    const st = await lstat(target);
    if (!st.isDirectory() || st.isSymbolicLink())
      throw invalidDir(`${target} exists and is not a folder`);
    if ((await readdir(target)).length > 0)
      throw invalidDir(`${target} is not empty: a backup goes into a new or empty folder`);
  }
  return target;
}

/**
 * Backs the store up into `dir` (see the module comment).
 * @returns the real backup folder and its manifest.
 * @throws OpsError BACKUP_DIR_INVALID, BACKUP_SOURCE_CORRUPT, BLOB_MISSING, BLOB_DIGEST_MISMATCH
 */
export async function backupStore(
  source: BackupSource,
  dir: unknown,
  onProgress: (p: BackupProgress) => void = () => undefined,
): Promise<{ dir: string; manifest: BackupManifest }> {
  const target = await prepareBackupDir(dir, source);
  const db = await openLevelStore(join(target, 'db'));
  let records = 0;
  let head: { size: number; root: Uint8Array } | undefined;
  let checkpoint: string | undefined;
  /** Referenced blobs and their sizes from the records. */
  const blobs = new Map<string, number>();
  const text = new TextDecoder();
  const progress = (
    phase: BackupProgress['phase'],
    b = 0,
    bytes = 0,
    bytesTotal = 0,
  ): BackupProgress => ({
    phase,
    records,
    blobs: b,
    blobsTotal: blobs.size,
    bytes,
    bytesTotal,
  });
  try {
    let batch: RecordWrite[] = [];
    let batchBytes = 0;
    for await (const [key, value] of source.store.entries()) {
      records++;
      batch.push({ type: 'put', key, value });
      batchBytes += key.length + value.length;
      if (key === HEAD_KEY) {
        const h = JSON.parse(text.decode(value)) as { size: number; root: string };
        head = { size: h.size, root: decodeBase64(h.root) };
      } else if (key.startsWith(CHECKPOINT_PREFIX)) {
        checkpoint = text.decode(value); // keys sort by size: the last one is the largest
      } else if (key.startsWith(DEPOSIT_PREFIX)) {
        const r = parseDepositRecord(value);
        if (r.opening.method === 'upload')
          for (const f of r.opening.files) blobs.set(f.sha256, f.size);
      } else if (key.startsWith(CERTIFICATE_DIGEST_PREFIX)) {
        const c = JSON.parse(text.decode(value)) as { sha256: string; size: number };
        blobs.set(c.sha256, c.size);
      }
      if (batch.length >= BATCH_KEYS || batchBytes >= BATCH_BYTES) {
        await db.writeRecords(batch);
        batch = [];
        batchBytes = 0;
        onProgress(progress('records'));
      }
    }
    if (batch.length > 0) await db.writeRecords(batch);
  } finally {
    await db.close();
  }
  onProgress(progress('records'));
  const cp = checkSnapshotHead(head, checkpoint, source);

  const digests = [...blobs.keys()].sort();
  const bytesTotal = [...blobs.values()].reduce((a, b) => a + b, 0);
  let bytes = 0;
  let copied = 0;
  for (const sha of digests) {
    await copyBlobVerified(
      blobPathIn(join(source.dataDir, 'blobs'), sha),
      blobPathIn(join(target, 'blobs'), sha),
      sha,
      blobs.get(sha),
      (n) => {
        bytes += n;
        onProgress(progress('blobs', copied, bytes, bytesTotal));
      },
    );
    copied++;
    onProgress(progress('blobs', copied, bytes, bytesTotal));
  }
  await mkdir(join(target, 'blobs'), { recursive: true, mode: 0o700 });
  await fsyncTree(target);

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    origin: cp.origin,
    size: cp.size,
    root: encodeBase64(cp.root),
    checkpoint: checkpoint!,
    createdAt: new Date().toISOString(),
    blobs: copied,
    bytes,
    records,
  };
  await writeFileSynced(join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  onProgress(progress('done', copied, bytes, bytesTotal));
  return { dir: target, manifest };
}

/** The snapshot's head must be its newest checkpoint, signed by our key, of our origin. */
function checkSnapshotHead(
  head: { size: number; root: Uint8Array } | undefined,
  checkpoint: string | undefined,
  source: BackupSource,
): { origin: string; size: number; root: Uint8Array } {
  if (!head || checkpoint === undefined)
    throw new OpsError('BACKUP_SOURCE_CORRUPT', 'the store has no log head: nothing to back up');
  let cp;
  try {
    const opened = openNote(checkpoint, source.verifiers);
    cp = parseCheckpoint(opened.text);
    if (!opened.verified.some((s) => s.name === cp!.origin))
      throw new Error(`not signed by a key named ${cp.origin}`);
  } catch (cause) {
    throw new OpsError(
      'BACKUP_SOURCE_CORRUPT',
      `the newest stored checkpoint does not verify with the log keys: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (cp.origin !== source.origin || cp.size !== head.size || !equalBytes(cp.root, head.root)) {
    throw new OpsError(
      'BACKUP_SOURCE_CORRUPT',
      `the snapshot's head (size ${head.size}) is not its newest checkpoint (${cp.origin}, size ${cp.size}); run huicun audit`,
    );
  }
  return cp;
}
