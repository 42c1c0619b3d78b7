/**
 * express middleware: `authenticate` resolves `Authorization: Bearer <token>` to the live
 * account (optional: no header, no user); `requireRole` states who may call a route.
 */
import type { NextFunction, Request, Response } from 'express';
import {
  AccountError,
  toSelf,
  type AccountService,
  type AuthUser,
  type Role,
} from '../accounts/index.js';

/** What `authenticate` attaches to the request. */
export interface Auth {
  readonly user: AuthUser;
}

/** A request that went through `authenticate`. */
export interface AuthedRequest extends Request {
  auth?: Auth;
}

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/** RFC 6750 §3: a 401 for a bad token names the scheme and `invalid_token`. */
function challenge(res: Response, err: AccountError): AccountError {
  res.setHeader('WWW-Authenticate', 'Bearer realm="huicun", error="invalid_token"');
  return err;
}

/**
 * Optional authentication for every route (mount once, before the routes). A present but
 * invalid token fails the request even on public routes: 401 TOKEN_INVALID / TOKEN_EXPIRED,
 * or ACCOUNT_DISABLED. Role and state are read from the account store on every request.
 */
export function authenticate(service: AccountService): Middleware {
  return (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) {
      next();
      return;
    }
    const m = BEARER.exec(header);
    try {
      if (!m)
        throw new AccountError(
          'TOKEN_INVALID',
          'the Authorization header must be "Bearer <token>"',
        );
      (req as AuthedRequest).auth = { user: toSelf(service.userForToken(m[1]!)) };
      next();
    } catch (err) {
      next(err instanceof AccountError ? challenge(res, err) : err);
    }
  };
}

/**
 * Lets only callers with one of `roles` through: none → 401 AUTH_REQUIRED, another role →
 * 403 ROLE_FORBIDDEN. Needs `authenticate` before it.
 */
export function requireRole(...roles: Role[]): Middleware {
  return (req, res, next) => {
    const auth = (req as AuthedRequest).auth;
    if (!auth) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="huicun"');
      next(new AccountError('AUTH_REQUIRED', 'sign in to use this route'));
    } else if (!roles.includes(auth.user.role)) {
      next(new AccountError('ROLE_FORBIDDEN', 'your role may not use this route'));
    } else {
      next();
    }
  };
}

/** The authenticated caller, or undefined for an anonymous request. */
export function optionalUser(req: Request): AuthUser | undefined {
  return (req as AuthedRequest).auth?.user;
}

/**
 * The authenticated caller, for handlers behind `requireRole`.
 * @throws AccountError AUTH_REQUIRED when the request is anonymous.
 */
export function currentUser(req: Request): AuthUser {
  const user = optionalUser(req);
  if (!user) throw new AccountError('AUTH_REQUIRED', 'sign in to use this route');
  return user;
}
