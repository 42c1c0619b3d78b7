/**
 * Deposit routes (DESIGN §5, §9): create (multipart upload or JSON hash-only), list own, read,
 * receipt (JSON or c2sp tlog-proof), file download with Range. Owners only for now; other roles'
 * access comes with notarisation and court sharing.
 */
import type { Request, Response } from 'express';
import { currentUser, requireRole, type AuthUser } from '../accounts/index.js';
import { DepositError } from '../evidence/errors.js';
import { checkDepositFields, parseHashOnlyBody } from '../evidence/hash-only.js';
import type { UploadHandler } from '../evidence/intake/index.js';
import { receiptToTlogProof } from '../evidence/receipt.js';
import {
  depositView,
  LIST_DEFAULT,
  LIST_MAX,
  type DepositService,
  type NewDeposit,
} from '../evidence/service.js';
import { decodeBase64 } from '../log/index.js';
import type { BlobStore } from '../storage/blobs.js';
import { HttpError } from './errors.js';
import { optionalIndex, parseIndex } from './params.js';
import type { RouteTable } from './routes.js';

export interface DepositRoutesDeps {
  readonly deposits: DepositService;
  readonly uploads: UploadHandler;
  readonly blobs: BlobStore;
  readonly maxFiles: number;
}

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
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function addDepositRoutes(routes: RouteTable, deps: DepositRoutesDeps): void {
  const { deposits } = deps;
  const depositor = requireRole('depositor');

  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits',
      summary: 'Deposit evidence: multipart `files` + `title`, `description`; or JSON hash-only',
      who: ['depositor'],
      tag: 'deposits',
    },
    depositor,
    async (req: Request, res: Response) => {
      const user = currentUser(req);
      if (req.is('multipart/form-data')) {
        const intake = await deps.uploads.receive(req);
        try {
          const fields = checkDepositFields(intake.fields.title, intake.fields.description);
          const files = intake.files.map(({ name, size, mediaType, sha256, sm3 }) => ({
            name,
            size,
            mediaType,
            sha256,
            sm3,
          }));
          const { record, receipt } = await deposits.create({
            ...fields,
            files,
            method: 'upload',
            ...depositorOf(user),
          });
          deps.uploads.settle(intake);
          res.status(201).json({ deposit: depositView(record), receipt });
        } catch (err) {
          await deps.uploads.rollback(intake);
          throw err;
        }
      } else if (req.is('application/json')) {
        const body = parseHashOnlyBody(req.body, deps.maxFiles);
        const { record, receipt } = await deposits.create({
          ...body,
          method: 'hash-only',
          ...depositorOf(user),
        });
        res.status(201).json({ deposit: depositView(record), receipt });
      } else {
        throw new DepositError(
          'UNSUPPORTED_MEDIA_TYPE',
          'send multipart/form-data (upload) or application/json (hash-only)',
        );
      }
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits',
      summary: 'Own deposits, newest first',
      who: ['depositor'],
      tag: 'deposits',
      query: { limit: `page size (≤ ${LIST_MAX})`, cursor: 'nextCursor of the previous page' },
    },
    depositor,
    async (req, res) => {
      const limit = optionalIndex(req.query.limit, 'limit', LIST_DEFAULT);
      if (limit < 1 || limit > LIST_MAX)
        throw new HttpError('INVALID_QUERY', `limit must be 1…${LIST_MAX}`);
      const cursor =
        req.query.cursor === undefined ? undefined : String(parseIndex(req.query.cursor, 'cursor'));
      const page = await deposits.listOwn(currentUser(req).id, limit, cursor);
      res.json({ items: page.items.map(depositView), nextCursor: page.nextCursor });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id',
      summary: 'One deposit',
      who: ['depositor'],
      tag: 'deposits',
    },
    depositor,
    async (req, res) => {
      const record = await deposits.ownedBy(currentUser(req).id, String(req.params.id));
      res.json({ deposit: depositView(record) });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/deposits/:id/receipt',
      summary: 'Receipt (proof bundle); `format=tlog-proof` gives c2sp.org/tlog-proof@v1 text',
      who: ['depositor'],
      tag: 'deposits',
      query: { format: '`json` (default) or `tlog-proof`', at: '`issued` (default) or `latest`' },
    },
    depositor,
    async (req, res) => {
      const format = req.query.format ?? 'json';
      const at = req.query.at ?? 'issued';
      if (format !== 'json' && format !== 'tlog-proof')
        throw new HttpError('INVALID_QUERY', 'format must be json or tlog-proof');
      if (at !== 'issued' && at !== 'latest')
        throw new HttpError('INVALID_QUERY', 'at must be issued or latest');
      const record = await deposits.ownedBy(currentUser(req).id, String(req.params.id));
      const receipt = await deposits.receipt(record, at);
      if (format === 'tlog-proof') {
        res.type('text/plain; charset=utf-8');
        res.setHeader('Content-Disposition', contentDisposition(`${record.number}.tlog-proof`));
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
      summary: 'Download a deposited file (Range supported)',
      who: ['depositor'],
      tag: 'deposits',
      produces: 'application/octet-stream',
    },
    depositor,
    async (req, res, next) => {
      const record = await deposits.ownedBy(currentUser(req).id, String(req.params.id));
      const n = parseIndex(req.params.n, 'n');
      const file = record.opening.files[n];
      if (!file) throw new DepositError('FILE_NOT_FOUND', `the deposit has no file ${n}`);
      if (record.opening.method === 'hash-only') {
        throw new DepositError(
          'FILE_NOT_FOUND',
          'a hash-only deposit holds no file: only its digests were deposited',
        );
      }
      if (!(await deps.blobs.stat(file.sha256)))
        throw new DepositError('BLOB_MISSING', 'the stored file is missing');
      await new Promise<void>((resolve, reject) => {
        res.sendFile(
          deps.blobs.path(file.sha256),
          {
            headers: {
              'Content-Type': file.mediaType,
              'Content-Disposition': contentDisposition(file.name),
              'X-Content-Type-Options': 'nosniff',
              'Cache-Control': 'private, no-store',
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
