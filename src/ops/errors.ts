import { BaseError } from '../errors.js';

/**
 * Errors of backups, restores and the operator's local access (docs/backup.md).
 * - BACKUP_DIR_INVALID (400): the backup folder is not an absolute path whose parent exists,
 *   is not new or empty, or lies inside the data or certs folder. Nothing was written.
 * - BACKUP_IN_PROGRESS (409): one backup at a time; wait for the running one.
 * - BACKUP_SOURCE_CORRUPT (409): the store's snapshot has no head, or its head does not match
 *   its signed checkpoint; run `huicun audit`.
 * - FORWARDED_REQUEST_REFUSED (403): a loopback-only access (the local secret, `/metrics` without
 *   an admin token) on a request carrying a forwarding header (`X-Forwarded-*`, `Forwarded`,
 *   `Via`, `X-Real-IP`…): a proxy sent it, so the peer address is not the caller's. Call from
 *   the server's machine directly, or sign in as an administrator (src/ops/loopback.ts).
 * - BLOB_MISSING (503), BLOB_DIGEST_MISMATCH (503): an evidence file or certificate a record
 *   references is missing or no longer has its digest (data loss on the server, no
 *   Retry-After); the backup stops (no manifest is written, so the folder is recognisably
 *   incomplete). Run `huicun audit`.
 * - LOCAL_SECRET_REFUSED (403): `X-Huicun-Local-Secret` from a non-loopback address, through a
 *   proxy, or not the secret of `<data>/server.json`.
 * - FORWARDED_REQUEST_REFUSED (403): a loopback-only access (the local secret, `/metrics` without
 *   an admin token) on a request carrying a forwarding header (`X-Forwarded-*`, `Forwarded`,
 *   `Via`, `X-Real-IP`…): a proxy sent it, so the peer address is not the caller's. Call from
 *   the server's machine directly, or sign in as an administrator (src/ops/loopback.ts).
 * - BACKUP_INVALID (—): the backup folder's manifest, database or files do not verify.
 * - RESTORE_TARGET_NOT_EMPTY (—): the data folder to restore into exists and is not empty.
 * - RESTORE_REFUSED (—): `--resume` or `--new-log` would fork the log, or the store is not a
 *   restored one. The CLI reports these; no route raises them.
 */
export type OpsErrorCode =
  | 'BACKUP_DIR_INVALID'
  | 'BACKUP_IN_PROGRESS'
  | 'BACKUP_SOURCE_CORRUPT'
  | 'BLOB_MISSING'
  | 'BLOB_DIGEST_MISMATCH'
  | 'LOCAL_SECRET_REFUSED'
  | 'FORWARDED_REQUEST_REFUSED'
  | 'BACKUP_INVALID'
  | 'RESTORE_TARGET_NOT_EMPTY'
  | 'RESTORE_REFUSED';

/** A backup, restore or operator-access failure; the message says what to do. */
export class OpsError extends BaseError<OpsErrorCode> {}
