/**
 * POST /api/v1/verify (docs/verification.md, docs/api.md): multipart `file` and/or `certificate` (PDF, receipt JSON
 * or tlog-proof) with optional `depositId`, `sha256` and `sm3` fields (a browser that hashed the
 * file itself sends the digests, never the file), or JSON `{depositId}` / `{sha256}` / `{sm3}` /
 * `{depositId, sha256}` / `{certificateSha256}`. Anyone may call it; lookups and uploads are
 * rate-limited per address; with `Accept: application/pdf` a reader of the deposit gets the
 * signed verification report (核验报告) of exactly the checks the JSON answer would carry.
 */
import type { Request } from 'express';
import { AccountError, RateLimiter, type AuthUser } from '../accounts/index.js';
import { optionalUser } from './auth-middleware.js';
import type { MinimumRate, Sm3Worker, DepositRecord, DepositService } from '../evidence/index.js';
import type { RecordStore } from '../storage/index.js';
import type { Sequencer } from '../sequencer/index.js';
import {
  Verifier,
  type DigestQuery,
  type VerifierDeps,
  type VerifyAnswer,
} from '../verification/index.js';
import {
  isHexDigest,
  VerifyError,
  type ExtractAttachments,
  type VerifyReport,
} from '../verify/index.js';
import { HttpError } from './errors.js';
import type { RouteTable } from './routes.js';
import { receiveVerifyUpload } from './verify-upload.js';

/** Digest lookups and multipart uploads per client address per minute. */
export const LOOKUPS_PER_MINUTE = 60;

/** What the verify route needs beyond the log and the deposits. */
export interface VerifyRouteOptions {
  readonly records: Pick<RecordStore, 'scan'>;
  /** The shared SM3 worker (uploads are hashed as they stream). */
  readonly sm3: Sm3Worker;
  readonly rateLimits: boolean;
  /** Largest anonymous `file` upload; signed-in callers get `maxFileBytes`. */
  readonly anonMaxBytes: number;
  readonly maxFileBytes: number;
  readonly lookupsPerMinute?: number;
  /** Multipart bodies slower than this are cut off with 408 REQUEST_TOO_SLOW. */
  readonly minimumRate?: MinimumRate;
  /** The access policy (default: owners only); a non-owner's full answer is a custody event. */
  readonly access?: VerifierDeps['access'];
  /** Whether a document with this SHA-256 is anchored by a `certificate-issued` event. */
  readonly documentIssued?: (sha256: string) => Promise<boolean>;
  /** Whether a notarial certificate was issued for the deposit at this log index. */
  readonly notarised?: (depositIndex: number) => boolean;
  /** Reads huicun PDFs' attachments (`src/pdf/attachments.ts`). */
  readonly extractAttachments?: ExtractAttachments;
  /** Checks receipts' time-stamp signatures and chains (HUICUN_TSA_CA; docs/verification.md). */
  readonly tsa?: VerifierDeps['tsa'];
  /** Renders, signs, stores and anchors the verification report (核验报告) for a reader. */
  readonly renderReport?: (input: {
    readonly user: AuthUser;
    readonly record: DepositRecord;
    readonly report: VerifyReport;
  }) => Promise<Uint8Array>;
}

export interface VerifyRoutesDeps {
  readonly sequencer: Sequencer;
  readonly deposits: DepositService;
  readonly vkey: string;
  readonly previousVkeys: readonly string[];
}

const JSON_KEYS = ['sha256', 'sm3', 'depositId', 'certificateSha256'];

function digest(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (!isHexDigest(typeof v === 'string' ? v.toLowerCase() : v))
    throw new VerifyError('INVALID_DIGEST', `${name} must be 64 hexadecimal characters`);
  return (v as string).toLowerCase();
}

function depositId(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length > 40)
    throw new VerifyError('INVALID_DEPOSIT_ID', 'depositId must be a deposit number');
  return v;
}

/** The JSON body: exactly one of the documented shapes. */
function jsonQuery(body: unknown): DigestQuery & { certificateSha256?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError('INVALID_BODY', 'the body must be a JSON object');
  const o = body as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !JSON_KEYS.includes(k));
  if (unknown.length > 0) throw new HttpError('INVALID_BODY', `unknown field ${unknown[0]}`);
  const q = {
    ...(o.sha256 !== undefined ? { sha256: digest(o.sha256, 'sha256')! } : {}),
    ...(o.sm3 !== undefined ? { sm3: digest(o.sm3, 'sm3')! } : {}),
    ...(o.depositId !== undefined ? { depositId: depositId(o.depositId)! } : {}),
    ...(o.certificateSha256 !== undefined
      ? { certificateSha256: digest(o.certificateSha256, 'certificateSha256')! }
      : {}),
  };
  if (
    q.sha256 === undefined &&
    q.sm3 === undefined &&
    q.certificateSha256 === undefined &&
    q.depositId === undefined
  )
    throw new VerifyError('NOTHING_TO_VERIFY', 'send depositId, sha256, sm3 or certificateSha256');
  return q;
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function addVerifyRoutes(
  routes: RouteTable,
  deps: VerifyRoutesDeps,
  options: VerifyRouteOptions,
): void {
  const verifier = new Verifier({
    sequencer: deps.sequencer,
    deposits: deps.deposits,
    records: options.records,
    trustedKeys: [deps.vkey, ...deps.previousVkeys],
    ...(options.access ? { access: options.access } : {}),
    ...(options.documentIssued ? { documentIssued: options.documentIssued } : {}),
    ...(options.extractAttachments ? { extractAttachments: options.extractAttachments } : {}),
    ...(options.notarised ? { notarised: options.notarised } : {}),
    ...(options.tsa ? { tsa: options.tsa } : {}),
  });
  const lookups = new RateLimiter({
    enabled: options.rateLimits,
    limit: options.lookupsPerMinute ?? LOOKUPS_PER_MINUTE,
    windowMs: 60_000,
  });

  async function answer(req: Request, user: AuthUser | undefined): Promise<VerifyAnswer> {
    if (req.is('multipart/form-data')) {
      // Counted before the body is read: hashing an upload is the costly part.
      lookups.take(clientAddress(req));
      const max = user ? options.maxFileBytes : options.anonMaxBytes;
      const up = await receiveVerifyUpload(req, options.sm3, max, options.minimumRate);
      const sha256 = up.file?.sha256 ?? digest(up.sha256, 'sha256');
      const sm3 = up.file?.sm3 ?? digest(up.sm3, 'sm3');
      const q: DigestQuery = {
        ...(sha256 !== undefined ? { sha256 } : {}),
        ...(sm3 !== undefined ? { sm3 } : {}),
        ...(up.depositId !== undefined ? { depositId: depositId(up.depositId)! } : {}),
      };
      if (up.certificate) return verifier.document(up.certificate, q, user);
      if (sha256 === undefined && sm3 === undefined)
        throw new VerifyError(
          'NOTHING_TO_VERIFY',
          'send a "file" (or its "sha256"/"sm3") and/or a "certificate"',
        );
      return verifier.lookup(q, user);
    }
    if (req.is('application/json')) {
      const q = jsonQuery(req.body);
      lookups.take(clientAddress(req));
      if (q.certificateSha256 !== undefined) return verifier.issued(q.certificateSha256);
      if (q.sha256 === undefined && q.sm3 === undefined) return verifier.number(q.depositId!);
      return verifier.lookup(q, user);
    }
    throw new VerifyError('UNSUPPORTED_MEDIA_TYPE', 'send multipart/form-data or application/json');
  }

  routes.add(
    {
      method: 'post',
      path: '/api/v1/verify',
      summary:
        'Verify a deposit number, file, digest, receipt or certificate: multipart `file` and/or `certificate` (+ `depositId`, `sha256`, `sm3` fields), or JSON `{depositId}` (a number alone: found/not_found, time, public log proof, notarised yes/no) / `{sha256}` / `{sm3}` / `{depositId, sha256}` / `{certificateSha256}`; `Accept: application/pdf` gives the signed verification report to a reader of the deposit',
      who: ['any'],
      tag: 'verify',
    },
    async (req, res) => {
      const user = optionalUser(req);
      const pdf = req.accepts(['application/json', 'application/pdf']) === 'application/pdf';
      if (pdf && user === undefined) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="huicun"');
        throw new AccountError('AUTH_REQUIRED', 'sign in to get a verification report');
      }
      const result = await answer(req, user);
      const { report, record, ...body } = result;
      if (!pdf) {
        res.json(body);
        return;
      }
      if (report === undefined || record === undefined || user === undefined)
        throw new HttpError('NOT_FOUND', 'no deposit you may read matches: no report');
      if (options.renderReport === undefined)
        throw new VerifyError(
          'REPORT_UNAVAILABLE',
          'this server cannot render verification reports yet',
        );
      const bytes = await options.renderReport({ user, record, report });
      res
        .type('application/pdf')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
