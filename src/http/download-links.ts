/**
 * One-time download links for browsers (docs/api.md): `POST …/files/:n/link`, `…/receipt/link`,
 * `…/certificate.pdf/link` → `{url: "/dl/<128-bit random>", expiresAt}`. A link lives 30 minutes,
 * may be fetched again within that time (Range requests), and is bound to the account that made
 * it: at each use the account must still be enabled and still have access, and the read is
 * recorded exactly as the authenticated route records it. Tokens never appear in logs, a failed
 * link's included: the access log writes `/dl/[redacted]` (src/ops/logger.ts). Links are kept in
 * memory: a restart forgets them, and the browser asks for a new one.
 */
import type { Request, RequestHandler } from 'express';
import { randomBytes } from '../crypto/index.js';
import { toSelf, type AccountService } from '../accounts/index.js';
import { currentUser, requireRole, type AuthedRequest } from './auth-middleware.js';
import type { DepositAccess } from '../custody/index.js';
import { HttpError } from './errors.js';
import { parseIndex } from './params.js';
import type { RouteTable } from './routes.js';

export const LINK_TTL_MS = 30 * 60_000;
const MAX_LINKS = 100_000;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

interface Link {
  readonly account: string;
  /** The authenticated GET route this link stands for, with its query. */
  readonly target: string;
  readonly expiresAt: number;
}

export class DownloadLinks {
  private readonly links = new Map<string, Link>();
  constructor(private readonly now: () => number = Date.now) {}

  create(account: string, target: string): { url: string; expiresAt: string } {
    const t = this.now();
    if (this.links.size >= MAX_LINKS) {
      for (const [k, l] of this.links) if (l.expiresAt <= t) this.links.delete(k);
      if (this.links.size >= MAX_LINKS) this.links.delete(this.links.keys().next().value!);
    }
    const token = Buffer.from(randomBytes(16)).toString('base64url');
    const expiresAt = t + LINK_TTL_MS;
    this.links.set(token, { account, target, expiresAt });
    return { url: `/dl/${token}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  find(token: string): Link | undefined {
    const l = TOKEN.test(token) ? this.links.get(token) : undefined;
    if (l && l.expiresAt <= this.now()) {
      this.links.delete(token);
      return undefined;
    }
    return l;
  }
}

/**
 * Resolves `GET /dl/<token>`: the request continues as the link's account on the link's route
 * (mount after `authenticate`, before the router). Unknown, expired or disabled → 404.
 */
export function resolveDownloadLinks(
  links: DownloadLinks,
  accounts: AccountService,
): RequestHandler {
  return (req, _res, next) => {
    const m = /^\/dl\/([^/]+)$/.exec(req.path);
    if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const link = links.find(m[1]!);
    const stored = link ? accounts.store.byId(link.account) : undefined;
    if (!link || !stored || stored.disabled) {
      next(new HttpError('NOT_FOUND', 'this download link is unknown or has expired'));
      return;
    }
    (req as AuthedRequest).auth = { user: toSelf(stored) };
    req.url = link.target;
    next();
  };
}

function queryString(req: Request, allowed: readonly string[]): string {
  const q = new URLSearchParams();
  for (const k of allowed) {
    const v = req.query[k];
    if (typeof v === 'string') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function addDownloadLinkRoutes(
  routes: RouteTable,
  deps: { links: DownloadLinks; access: DepositAccess },
): void {
  const readers = requireRole('depositor', 'notary', 'judge');
  const who = ['depositor', 'notary', 'judge'];
  const make = (suffix: string, query: readonly string[] = []) =>
    (async (req, res) => {
      const user = currentUser(req);
      const { record } = await deps.access.resolve(user, String(req.params.id));
      const n = req.params.n === undefined ? undefined : parseIndex(req.params.n, 'n');
      const path = `/api/v1/deposits/${record.number}${n === undefined ? '' : `/files/${n}`}${suffix}`;
      res.status(201).json(deps.links.create(user.id, path + queryString(req, query)));
    }) as RequestHandler;
  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits/:id/files/:n/link',
      summary:
        'A 30-minute download link for a browser (Range-capable, bound to the account); `disposition=inline` for a preview',
      who,
      tag: 'deposits',
      query: { disposition: 'attachment (default) or inline, as for the file' },
    },
    readers,
    make('', ['disposition']),
  );
  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits/:id/receipt/link',
      summary: 'A 30-minute link to the receipt (`format`, `at` as for the receipt)',
      who,
      tag: 'deposits',
      query: { format: 'json or tlog-proof', at: 'issued or latest' },
    },
    readers,
    make('/receipt', ['format', 'at']),
  );
  routes.add(
    {
      method: 'post',
      path: '/api/v1/deposits/:id/certificate.pdf/link',
      summary: 'A 30-minute link to the deposit certificate',
      who,
      tag: 'certificates',
    },
    readers,
    make('/certificate.pdf'),
  );
}
