/**
 * The account routes (docs/api.md): register, login, me, change of password, and the admin's
 * account management (create, disable with a reason, enable, reset a password). Handlers parse
 * and call the service; throttling answers carry `Retry-After`.
 */
import type { Request, Response } from 'express';
import {
  AccountError,
  parseAccountChange,
  parseAdminCreate,
  parseLogin,
  parsePasswordChange,
  parsePasswordReset,
  parseRegistration,
  toAdminView,
  toPublic,
  toSelf,
  USER_ID_PATTERN,
  type AccountService,
} from '../accounts/index.js';
import { currentUser, requireRole } from './auth-middleware.js';
import type { RouteTable } from './routes.js';

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
    {
      method: 'post',
      path: '/api/v1/auth/password',
      summary:
        'Change one’s own password `{currentPassword, newPassword}` → {token, user}: every older token is refused from then on',
      who: ['depositor', 'notary', 'judge', 'admin'],
      tag,
    },
    requireRole('depositor', 'notary', 'judge', 'admin'),
    async (req, res) => {
      const change = parsePasswordChange(req.body);
      const session = await withRetryAfter(res, () =>
        accounts.changePassword(currentUser(req).id, change, address(req)),
      );
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        token: session.token,
        expiresAt: session.expiresAt,
        user: toPublic(session.user),
      });
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
        'Disable an account with a reason `{disabled: true, reason}`, enable it `{disabled: false}`, or move a judge to a listed court `{courtId}` (admin entries)',
      who: ['admin'],
      tag,
    },
    requireRole('admin'),
    async (req, res) => {
      const change = parseAccountChange(req.body);
      const id = accountId(req);
      const me = currentUser(req);
      const actor = { account: me.id, role: me.role };
      // The move checks everything before it writes; only a judge moves, never the admin themself.
      let user =
        change.courtId !== undefined
          ? await accounts.moveJudge(actor, id, change.courtId)
          : undefined;
      if (change.disabled !== undefined)
        user = await accounts.setDisabled(actor, id, change.disabled, change.reason);
      res.json({ user: toAdminView(user!) });
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/api/v1/admin/users/:id/password',
      summary:
        'Set a new password for an account `{password?}` (admin entry; older tokens refused) → {user, password?}: without `password` one is generated and returned this once',
      who: ['admin'],
      tag,
    },
    requireRole('admin'),
    async (req, res) => {
      const { password } = parsePasswordReset(req.body);
      const id = accountId(req);
      const me = currentUser(req);
      const reset = await accounts.resetPassword({ account: me.id, role: me.role }, id, password);
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        user: toAdminView(reset.user),
        ...(reset.generated ? { password: reset.password } : {}),
      });
    },
  );

  /** The account of `:id`, or 404 USER_NOT_FOUND. */
  function accountId(req: Request): string {
    const id = String(req.params.id);
    if (!USER_ID_PATTERN.test(id) || !accounts.store.byId(id))
      throw new AccountError('USER_NOT_FOUND', 'no such account');
    return id;
  }
}
