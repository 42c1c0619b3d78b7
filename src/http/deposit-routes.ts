/**
 * Deposit routes (docs/life-of-a-deposit.md, docs/api.md): create (multipart upload or JSON hash-only), list, read,
 * receipt (JSON or c2sp tlog-proof), file download with Range. Reads go through the access
 * policy (src/custody/access.ts): the owner reads freely; a notary, judge or agent with a grant
 * reads after the custody event of the read is on the log — a HEAD too, whose headers name the
 * file and its size — and lists only what src/evidence/list-item.ts keeps; anyone else gets 404
 * (docs/SECURITY.md).
 */
import type { Request, Response } from 'express';
import { type AuthUser, RateLimiter } from '../accounts/index.js';
import { currentUser, requireRole } from './auth-middleware.js';
import type { Casework } from '../casework/index.js';
import {
  DepositError,
  type UploadHandler,
  inlinePolicy,
  receiptToTlogProof,
  type DepositRecord,
  depositView,
  LIST_DEFAULT,
  LIST_MAX,
  type DepositService,
  type DepositView,
  type DownloadableFile,
  type NewDeposit,
} from '../evidence/index.js';
import { decodeBase64 } from '../log/index.js';
import type { BlobStore } from '../storage/index.js';
import { receiveDeposit } from './deposit-body.js';
import { HttpError } from './errors.js';
import { optionalIndex, parseIndex } from './params.js';
import type { RouteTable } from './routes.js';

export interface DepositRoutesDeps {
  readonly deposits: DepositService;
  readonly uploads: UploadHandler;
  readonly blobs: BlobStore;
  readonly maxFiles: number;
  readonly casework: Casework;
  /** HUICUN_RATE_LIMITS: deposits per account and minute are capped. */
  readonly rateLimits: boolean;
}

/** Deposits one account may make per minute (a bulk client should batch files into deposits). */
export const DEPOSITS_PER_MINUTE = 300;

/** Who may call the deposit read routes (objects they may not see are 404). */
export const DEPOSIT_READERS = ['depositor', 'notary', 'judge'] as const;

function depositorOf(user: AuthUser): Pick<NewDeposit, 'depositor' | 'owner'> {
  return {
    owner: user.id,
    depositor: {
      account: user.id,
      name: user.realName ?? user.displayName,
      idMasked: user.idMasked ?? '',
      verification: 'self-declared',
    },
  };
}

/** RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 name. */
export function contentDisposition(
  name: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * How a file is sent (`?disposition=`): `attachment` (the default) or `inline`, which only a
 * previewable file may ask for (src/evidence/preview.ts).
 * @throws HttpError INVALID_QUERY for another value, or `inline` of a file that is not shown.
 */
function dispositionOf(raw: unknown, file: DownloadableFile): 'attachment' | 'image' | 'pdf' {
  if (raw === undefined || raw === 'attachment') return 'attachment';
  if (raw !== 'inline')
    throw new HttpError('INVALID_QUERY', 'disposition must be attachment or inline');
  if (file.preview === undefined)
    throw new HttpError(
      'INVALID_QUERY',
      'only PNG, JPEG, GIF, WebP and PDF files are shown inline; download this file instead',
    );
  return file.preview;
}

export function addDepositRoutes(routes: RouteTable, deps: DepositRoutesDeps): void {
  const { deposits, casework } = deps;
  const { access } = casework;
  const readers = requireRole(...DEPOSIT_READERS);
  const view = (r: DepositRecord): DepositView =>
    depositView(r, casework.notary.summaryOf(r.index));
  const perAccount = new RateLimiter({
    enabled: deps.rateLimits,
    limit: DEPOSITS_PER_MINUTE,
    windowMs: 60_000,
  });

  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits',
      summary: 'Deposit evidence: multipart `files` + `title`, `description`; or JSON hash-only',
      who: ['depositor'],
      tag: 'deposits',
    },
    requireRole('depositor'),
    async (req: Request, res: Response) => {
      const user = currentUser(req);
      perAccount.take(user.id); // before the body is read: an upload is the costly part
      const { record, receipt } = await receiveDeposit(req, deps, (body) =>
        deposits.create({
          title: body.title,
          description: body.description,
          files: body.files,
          method: body.method,
          ...depositorOf(user),
        }),
      );
      res.status(201).json({ deposit: view(record), receipt });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits',
      summary:
        'Deposits newest first: a depositor’s own (`sha256`: only those holding that file); for notaries and judges those they may read now, as {id, index, createdAt, notarisation, share?: {court}} only',
      who: [...DEPOSIT_READERS],
      tag: 'deposits',
      query: {
        limit: `page size (≤ ${LIST_MAX})`,
        cursor: 'nextCursor of the previous page',
        sha256:
          'depositors: only their own deposits holding a file of this SHA-256 (64 hex), one page',
      },
    },
    readers,
    async (req, res) => {
      const user = currentUser(req);
      const limit = optionalIndex(req.query.limit, 'limit', LIST_DEFAULT);
      if (limit < 1 || limit > LIST_MAX)
        throw new HttpError('INVALID_QUERY', `limit must be 1…${LIST_MAX}`);
      if (req.query.sha256 !== undefined) {
        // The web app's warning before the same file is deposited again (docs/web.md).
        const sha256 = req.query.sha256;
        if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
          throw new HttpError('INVALID_QUERY', 'sha256 must be 64 lowercase hex characters');
        if (user.role !== 'depositor' || req.query.cursor !== undefined)
          throw new HttpError(
            'INVALID_QUERY',
            'sha256 filters a depositor’s own deposits, one page',
          );
        const own = await deposits.listOwnWithSha256(user.id, sha256, limit);
        res.json({ items: own.map(view), nextCursor: null });
        return;
      }
      const cursor =
        req.query.cursor === undefined ? undefined : parseIndex(req.query.cursor, 'cursor');
      if (user.role === 'depositor') {
        const own = await deposits.listOwn(
          user.id,
          limit,
          cursor === undefined ? undefined : String(cursor),
        );
        res.json({ items: own.items.map(view), nextCursor: own.nextCursor });
        return;
      }
      // Not a custody event: a non-owner's list shows nothing a recorded read would reveal.
      const page = await access.listReadable(user, limit, cursor);
      res.json({ items: page.items.map((r) => casework.listed(r)), nextCursor: page.nextCursor });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id',
      summary: 'One deposit (a non-owner’s read is a custody event)',
      who: [...DEPOSIT_READERS],
      tag: 'deposits',
    },
    readers,
    async (req, res) => {
      const user = currentUser(req);
      const { record } = await access.read(user, String(req.params.id), {
        kind: 'viewed',
        resource: 'details',
      });
      res.json({ deposit: view(record) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/receipt',
      summary: 'Receipt (proof bundle); `format=tlog-proof` gives c2sp.org/tlog-proof@v1 text',
      who: [...DEPOSIT_READERS],
      tag: 'deposits',
      query: { format: '`json` (default) or `tlog-proof`', at: '`issued` (default) or `latest`' },
    },
    readers,
    async (req, res) => {
      const format = req.query.format ?? 'json';
      const at = req.query.at ?? 'issued';
      if (format !== 'json' && format !== 'tlog-proof')
        throw new HttpError('INVALID_QUERY', 'format must be json or tlog-proof');
      if (at !== 'issued' && at !== 'latest')
        throw new HttpError('INVALID_QUERY', 'at must be issued or latest');
      const user = currentUser(req);
      const readable = await access.resolve(user, String(req.params.id));
      const receipt = await deposits.receipt(readable.record, at);
      await access.noteRead(user, readable, { kind: 'viewed', resource: 'receipt' });
      if (format === 'tlog-proof') {
        res.type('text/plain; charset=utf-8');
        res.setHeader(
          'Content-Disposition',
          contentDisposition(`${readable.record.number}.tlog-proof`),
        );
        res.send(receiptToTlogProof(receipt, decodeBase64));
      } else {
        res.json(receipt);
      }
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/files/:n',
      summary:
        'Download a deposited file (Range supported; a non-owner’s download is a custody event)',
      who: [...DEPOSIT_READERS],
      tag: 'deposits',
      produces: 'application/octet-stream',
      query: {
        disposition:
          '`attachment` (default) or `inline`: a PNG, JPEG, GIF, WebP or PDF file shown in the page (a preview; recorded as the download)',
      },
    },
    readers,
    async (req, res, next) => {
      const user = currentUser(req);
      const readable = await access.resolve(user, String(req.params.id));
      const file = deposits.downloadableFile(readable.record, parseIndex(req.params.n, 'n'));
      const disposition = dispositionOf(req.query.disposition, file);
      if (!(await deps.blobs.stat(file.sha256)))
        throw new DepositError('BLOB_MISSING', 'the stored file is missing');
      // Before any header: a HEAD's Content-Disposition and Content-Length name the file.
      await access.noteRead(user, readable, { kind: 'downloaded', file: file.n });
      await new Promise<void>((resolve, reject) => {
        res.sendFile(
          deps.blobs.path(file.sha256),
          {
            headers: {
              'Content-Type': file.mediaType,
              'X-Content-Type-Options': 'nosniff',
              'Cache-Control': 'private, no-store',
              ...(disposition === 'attachment'
                ? { 'Content-Disposition': contentDisposition(file.name) }
                : {
                    'Content-Disposition': contentDisposition(file.name, 'inline'),
                    // shown in our own page only (src/evidence/preview.ts)
                    'Content-Security-Policy': inlinePolicy(disposition),
                  }),
            },
            acceptRanges: true,
            lastModified: false,
            etag: false,
            dotfiles: 'allow',
          },
          (err) => (err && !res.headersSent ? reject(err) : resolve()),
        );
      }).catch(next);
    },
  );
}
