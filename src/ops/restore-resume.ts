/**
 * Leaving read-only after a restore (docs/backup.md) — the two ways that cannot fork the log:
 *
 * - `--resume --latest-checkpoint FILE`: FILE is the newest checkpoint the log ever published
 *   (from a monitor, a witness, a receipt). It must verify with the log key (current or
 *   previous) for our origin and EQUAL the restored head: then nothing was published beyond the
 *   backup, and appending from it extends every checkpoint anyone holds. Larger, smaller or a
 *   different root: refused. On success the mark is removed.
 * - `--new-log ORIGIN`: the current key is retired (rotation) and a new one made; the tree goes
 *   on under the new origin, so the old origin is never signed again and the new one starts at
 *   the restored head. The first entry under it is an admin entry `log-continued` recording the
 *   old origin, size, root and key; its batch, which signs the first checkpoint of the new
 *   origin, removes the mark in the same synced write.
 */
import { join } from 'node:path';
import {
  ADMIN_PREFIX,
  adminEntry,
  type AdminOpening,
  newAdminActionId,
} from '../accounts/index.js';
import { randomBytes } from '../crypto/index.js';
import {
  assertOriginOpen,
  loadLogKeyRing,
  loadPreviousLogKeys,
  ringVerifiers,
  rotateLogKey,
} from '../keys/index.js';
import { encodeBase64, encodeHex, equalBytes, isValidKeyName } from '../log/index.js';
import { Sequencer } from '../sequencer/index.js';
import { RESTORED_FROM_KEY, openLevelStore, type LevelStore } from '../storage/index.js';
import { OpsError } from './errors.js';
import { checkHead, openCheckpoint, opsHasher } from './restore.js';

/**
 * The checkpoint note in `text`: the note itself, or a JSON document with a `checkpoint` field
 * (a `huicun monitor` state file, a receipt, a backup manifest).
 */
export function checkpointFromFile(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const v = JSON.parse(trimmed) as { checkpoint?: unknown };
      if (typeof v.checkpoint === 'string') return v.checkpoint;
    } catch {
      // not JSON: read it as a note
    }
  }
  return text;
}

async function openRestored(
  dataDir: string,
): Promise<{ store: LevelStore; size: number; root: Uint8Array }> {
  const store = await openLevelStore(join(dataDir, 'db'));
  try {
    const mark = await store.readRestoredFrom();
    if (!mark)
      throw new OpsError(
        'RESTORE_REFUSED',
        `${dataDir} is not a restored store (no ${RESTORED_FROM_KEY}): there is nothing to resume`,
      );
    return { store, size: mark.size, root: mark.root };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/**
 * `--resume`: clears the mark when `latestCheckpoint` equals the restored head.
 * @throws OpsError RESTORE_REFUSED (not restored; the checkpoint does not verify, is of another
 *   log, or is not equal to the restored head); StorageError STORE_LOCKED while a server runs.
 */
export async function resumeRestoredLog(options: {
  readonly dataDir: string;
  readonly origin: string;
  readonly certsDir: string;
  readonly latestCheckpoint: string;
}): Promise<{ size: number; root: string }> {
  const ring = loadLogKeyRing(options.certsDir, options.origin);
  try {
    assertOriginOpen(ring.previous, options.origin);
  } catch (err) {
    throw new OpsError('RESTORE_REFUSED', (err as Error).message);
  }
  const { store, size, root } = await openRestored(options.dataDir);
  try {
    await checkHead(store, options.origin, ring);
    const cp = openCheckpoint(
      checkpointFromFile(options.latestCheckpoint),
      ringVerifiers(ring),
      options.origin,
      'RESTORE_REFUSED',
      'the latest checkpoint',
    );
    if (cp.size > size)
      throw new OpsError(
        'RESTORE_REFUSED',
        `the log published ${cp.size} entries, the backup holds ${size}: resuming would fork the log (it would sign a different entry ${size}). Start a new log instead: huicun restore --new-log ORIGIN`,
      );
    if (cp.size < size)
      throw new OpsError(
        'RESTORE_REFUSED',
        `that checkpoint (size ${cp.size}) is older than the restored head (size ${size}): give the NEWEST checkpoint the log ever published (a monitor's or witness's state)`,
      );
    if (!equalBytes(cp.root, root))
      throw new OpsError(
        'RESTORE_REFUSED',
        `that checkpoint has size ${size} but another root: it is not of this log's history (a fork?)`,
      );
    await store.writeRecords([{ type: 'del', key: RESTORED_FROM_KEY }]);
    return { size, root: encodeBase64(root) };
  } finally {
    await store.close();
  }
}

/**
 * `--new-log ORIGIN`: retires the log key, makes a new one, and appends the `log-continued`
 * entry under `newOrigin` (removing the mark in its batch).
 * @throws OpsError RESTORE_REFUSED (not restored, or an origin that is not new); StorageError
 *   STORE_LOCKED while a server runs.
 */
export async function startNewLog(options: {
  readonly dataDir: string;
  readonly origin: string;
  readonly certsDir: string;
  readonly newOrigin: string;
}): Promise<{ index: number; checkpoint: string; vkey: string; previousVkey: string }> {
  const { origin, newOrigin, certsDir } = options;
  if (!isValidKeyName(newOrigin))
    throw new OpsError(
      'RESTORE_REFUSED',
      'the new origin must be non-empty, without spaces or "+"',
    );
  const ring = loadLogKeyRing(certsDir, origin);
  const used = new Set([origin, ...ring.previous.map((p) => p.origin)]);
  if (used.has(newOrigin))
    throw new OpsError(
      'RESTORE_REFUSED',
      `"${newOrigin}" is the origin of this log or of one of its keys: a new log needs a new origin`,
    );
  const { store, size, root } = await openRestored(options.dataDir);
  try {
    await checkHead(store, origin, ring); // the restored head is ours, under the old origin
    const { retired, key } = rotateLogKey(certsDir, origin, newOrigin);
    const previous = loadPreviousLogKeys(certsDir, newOrigin);
    const log = await Sequencer.open(store, {
      origin: newOrigin,
      signer: key.signer,
      verifier: key.verifier,
      previousVerifiers: previous.map((p) => p.verifier),
      previousOrigin: origin,
      hasher: opsHasher,
      batchMax: 1,
      queueMax: 1,
    });
    try {
      const id = newAdminActionId();
      const result = await log.append(({ index, time }) => {
        const opening: AdminOpening = {
          salt: encodeHex(randomBytes(32)),
          action: 'log-continued',
          actor: { account: 'cli', role: 'operator' },
          subject: {
            log: {
              from: { origin, size, root: encodeBase64(root), vkey: retired.vkey },
              to: { origin: newOrigin, vkey: key.vkey },
            },
          },
          time,
        };
        return {
          entry: adminEntry(id, opening),
          writes: [
            { type: 'put', key: ADMIN_PREFIX + id, value: JSON.stringify({ index, opening }) },
          ],
        };
      });
      return {
        index: result.index,
        checkpoint: result.checkpoint,
        vkey: key.vkey,
        previousVkey: retired.vkey,
      };
    } finally {
      await log.close();
    }
  } finally {
    await store.close();
  }
}
