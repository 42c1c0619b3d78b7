/**
 * The account routes (DESIGN §9): register, login, me, and the admin's account management.
 * Handlers parse and call the service; throttling answers carry `Retry-After`.
 */
import type { Request, Response } from 'express';
import type { RouteTable } from '../http/routes.js';
import { AccountError, invalidField } from './errors.js';
import { parseAdminCreate, parseLogin, parseRegistration } from './input.js';
import { currentUser, requireRole } from './middleware.js';
import type { AccountService } from './service.js';
import { toAdminView, toPublic, toSelf, USER_ID_PATTERN } from './user.js';
import { readBody, requireBoolean, requireString } from './validate.js';

export interface AccountRoutesDeps {
  readonly accounts: AccountService;
}

/** The client address for limits (`req.ip` honours the app's `trust proxy` setting). */
function address(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Runs `work`; a throttling error gets its `Retry-After` header before it reaches the mapper. */
async function withRetryAfter<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const retryAfter = err instanceof AccountError ? err.details?.retryAfter : undefined;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    throw err;
  }
}

/** Declares the account routes on `routes`. `authenticate` must run before the router. */
export function addAccountRoutes(routes: RouteTable, deps: AccountRoutesDeps): void {
  const { accounts } = deps;
  const any = ['any'];
  const tag = 'accounts';

  routes.add(
    {
      method: 'post',
      path: '/api/v1/auth/register',
      summary: 'Register a depositor account → 201 {token, user}',
      who: any,
      tag,
    },
    async (req, res) => {
      const session = await withRetryAfter(res, () =>
        accounts.register(parseRegistration(req.body), address(req)),
      );
      res
        .status(201)
        .json({ token: session.token, expiresAt: session.expiresAt, user: toPublic(session.user) });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/auth/login',
      summary: 'Sign in → {token, user}',
      who: any,
      tag,
    },
    async (req, res) => {
      const { username, password } = parseLogin(req.body);
      const session = await withRetryAfter(res, () =>
        accounts.login(username, password, address(req)),
      );
      res.json({
        token: session.token,
        expiresAt: session.expiresAt,
        user: toPublic(session.user),
      });
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/api/v1/auth/me',
      summary: 'The signed-in account (ID number masked)',
      who: ['depositor', 'notary', 'judge', 'admin'],
      tag,
    },
    requireRole('depositor', 'notary', 'judge', 'admin'),
    (req, res) => {
      const me = accounts.store.byId(currentUser(req).id);
      if (!me) throw new AccountError('AUTH_REQUIRED', 'sign in to use this route');
      res.json({ user: toSelf(me) });
    },
  );

  routes.add(
    { method: 'get', path: '/api/v1/admin/users', summary: 'All accounts', who: ['admin'], tag },
    requireRole('admin'),
    (_req, res) => {
      res.json({ items: accounts.store.list().map(toAdminView) });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/admin/users',
      summary: 'Create an account (admin entry) → 201 {user}',
      who: ['admin'],
      tag,
    },
    requireRole('admin'),
    async (req, res) => {
      const input = parseAdminCreate(req.body);
      const me = currentUser(req);
      const user = await accounts.createAccount({ account: me.id, role: me.role }, input);
      res.status(201).json({ user: toAdminView(user) });
    },
  );

  routes.add(
    {
      method: 'patch',
      path: '/api/v1/admin/users/:id',
      summary:
        'Disable or enable an account, or move a judge to a listed court `{disabled?, courtId?}` (admin entries)',
      who: ['admin'],
      tag,
    },
    requireRole('admin'),
    async (req, res) => {
      const body = readBody(req.body, ['disabled', 'courtId']);
      if (body.disabled === undefined && body.courtId === undefined)
        throw invalidField('disabled', 'is required (or give courtId)');
      const disabled = body.disabled === undefined ? undefined : requireBoolean(body, 'disabled');
      const courtId = body.courtId === undefined ? undefined : requireString(body, 'courtId');
      const id = String(req.params.id);
      if (!USER_ID_PATTERN.test(id) || !accounts.store.byId(id))
        throw new AccountError('USER_NOT_FOUND', 'no such account');
      const me = currentUser(req);
      const actor = { account: me.id, role: me.role };
      // The move checks everything before it writes; only a judge moves, never the admin themself.
      let user = courtId !== undefined ? await accounts.moveJudge(actor, id, courtId) : undefined;
      if (disabled !== undefined) user = await accounts.setDisabled(actor, id, disabled);
      res.json({ user: toAdminView(user!) });
    },
  );
}
