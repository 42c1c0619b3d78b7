/**
 * The operator's admin routes (docs/cli.md): POST /api/v1/admin/backup `{dir}` and POST
 * /api/v1/admin/audit. An admin token, or from a direct loopback connection the local secret of
 * `<data>/server.json` (what `huicun backup` and `huicun audit` send); the secret on a request
 * a proxy forwarded is refused with 403 FORWARDED_REQUEST_REFUSED (src/ops/loopback.ts). With
 * `Accept: application/x-ndjson` the answer streams progress lines `{"progress":…}` (at least
 * every 15 s, so neither side's idle timeout cuts a long backup) and ends with `{"result":…}` or
 * `{"error":{code,message}}`; otherwise it is one JSON body when the work is done.
 */
import type { Request, Response } from 'express';
import { requireRole } from './auth-middleware.js';
import type { AuditReport } from '../audit/index.js';
import {
  type BackupProgress,
  type BackupManifest,
  OpsError,
  checkLocalSecret,
} from '../ops/index.js';
import { HttpError, toHttp } from './errors.js';
import type { Handler, RouteTable } from './routes.js';

export interface OpsRoutesDeps {
  /** The secret of `<data>/server.json`. */
  readonly localSecret: string;
  /** Receives unexpected errors met after a stream started. */
  readonly report: (err: unknown) => void;
  readonly backup: (
    dir: unknown,
    onProgress: (p: BackupProgress) => void,
  ) => Promise<{ dir: string; manifest: BackupManifest }>;
  /** The audit of one snapshot of the running store. */
  readonly audit: () => Promise<AuditReport>;
}

const NDJSON = 'application/x-ndjson';
const HEARTBEAT_MS = 15_000;
const PROGRESS_EVERY_MS = 500;

/** Admin role, or the local secret from loopback (src/ops/local-secret.ts). */
export function adminOrLocalSecret(secret: string): Handler {
  const admin = requireRole('admin');
  return (req, res, next) => {
    const check = checkLocalSecret(req, secret);
    if (check.verdict === 'accepted') next();
    else if (check.verdict === 'refused') next(new OpsError(check.code, check.reason));
    else admin(req, res, next);
  };
}

/** Runs `work`, answering one JSON body or an NDJSON progress stream (see the module comment). */
async function answer<T>(
  req: Request,
  res: Response,
  report: (err: unknown) => void,
  work: (progress: (p: unknown) => void) => Promise<T>,
): Promise<void> {
  if (!(req.headers.accept ?? '').includes(NDJSON)) {
    res.json(await work(() => undefined));
    return;
  }
  let started = false;
  const line = (value: unknown): void => {
    if (!started) {
      started = true;
      res.status(200).type(NDJSON).setHeader('Cache-Control', 'no-store');
    }
    res.write(`${JSON.stringify(value)}\n`);
  };
  let last = 0;
  const heartbeat = setInterval(() => line({ progress: null }), HEARTBEAT_MS);
  try {
    const result = await work((p) => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      line({ progress: p });
    });
    line({ result });
    res.end();
  } catch (err) {
    if (!started) throw err; // nothing sent yet: the error handler answers with its status
    const mapped = toHttp(err);
    if (mapped.status >= 500) report(err);
    line(mapped.body);
    res.end();
  } finally {
    clearInterval(heartbeat);
  }
}

export function addOpsRoutes(routes: RouteTable, deps: OpsRoutesDeps): void {
  const guard = adminOrLocalSecret(deps.localSecret);
  let backupRunning = false;

  routes.add(
    {
      method: 'post',
      path: '/api/v1/admin/backup',
      summary:
        'Back up the store into {dir} (absolute, new or empty): one snapshot plus the files its records reference; keys are not included. Admin, or X-Huicun-Local-Secret from loopback',
      who: ['admin'],
      tag: 'admin',
    },
    guard,
    async (req, res) => {
      const dir = (req.body as { dir?: unknown } | undefined)?.dir;
      if (typeof dir !== 'string')
        throw new HttpError(
          'INVALID_BODY',
          'give {"dir": "<absolute path of a new or empty folder>"}',
        );
      if (backupRunning)
        throw new OpsError('BACKUP_IN_PROGRESS', 'a backup is running; wait for it to finish');
      backupRunning = true;
      try {
        await answer(req, res, deps.report, (progress) => deps.backup(dir, progress));
      } finally {
        backupRunning = false;
      }
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/admin/audit',
      summary:
        'Audit one snapshot of the store: tree, checkpoints, records, evidence files (the AuditReport). Admin, or X-Huicun-Local-Secret from loopback',
      who: ['admin'],
      tag: 'admin',
    },
    guard,
    async (req, res) => {
      await answer(req, res, deps.report, () => deps.audit());
    },
  );
}
