/**
 * Test-only HTTP fixture for the account routes: express + express.json + authenticate + a
 * RouteTable with addAccountRoutes + the one error mapper, on a LevelStore and Sequencer from
 * openTestLog, listening on a loopback port.
 */
import { expect } from 'chai';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { bootstrapAccounts, type DemoCredential } from '../../src/accounts/index.js';
import { loadOrCreatePiiVault } from '../../src/accounts/pii.js';
import { AccountService } from '../../src/accounts/service.js';
import { AccountStore } from '../../src/accounts/store.js';
import { loadOrCreateTokenKey, TokenService } from '../../src/accounts/tokens.js';
import { addAccountRoutes } from '../../src/http/account-routes.js';
import { authenticate } from '../../src/http/auth-middleware.js';
import { errorHandler, HttpError } from '../../src/http/errors.js';
import { RouteTable } from '../../src/http/routes.js';
import type { LogStore, Sequencer } from '../../src/sequencer/index.js';
import type { LevelStore } from '../../src/storage/leveldb.js';
import { openTestLog, tempDir } from '../helpers/log-fixture.js';

export const ISSUER = 'http://accounts-test.huicun.localhost';
export const ADMIN_PASSWORD = 'bootstrap-admin-password';

export interface AccountsServer {
  readonly url: string;
  readonly store: LevelStore;
  readonly log: Sequencer;
  readonly accounts: AccountService;
  readonly demo: readonly DemoCredential[];
  readonly dir: string;
  readonly errors: unknown[];
  /** Calls a route with a JSON body (or raw text), optionally with a bearer token. */
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export interface CallOptions {
  readonly body?: unknown;
  readonly raw?: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
  readonly body: any;
}

export interface FixtureOptions {
  readonly rateLimits?: boolean;
  readonly trustProxy?: boolean;
  readonly now?: () => number;
  /** Wraps the log's store (fault injection). */
  readonly wrap?: (s: LevelStore) => LogStore;
}

export async function startAccountsServer(options: FixtureOptions = {}): Promise<AccountsServer> {
  const tmp = tempDir('huicun-accounts-');
  const certsDir = join(tmp.dir, 'certs');
  const { store, log, close } = await openTestLog(join(tmp.dir, 'db'), {}, options.wrap);
  const now = options.now;
  const accounts = new AccountService({
    store: await AccountStore.open(store),
    vault: loadOrCreatePiiVault(certsDir).vault,
    tokens: new TokenService({
      pair: loadOrCreateTokenKey(certsDir).pair,
      issuer: ISSUER,
      ...(now ? { now } : {}),
    }),
    log,
    rateLimits: options.rateLimits ?? false,
    ...(now ? { now } : {}),
  });
  const { demo } = await bootstrapAccounts({
    accounts,
    production: false,
    adminPassword: ADMIN_PASSWORD,
  });

  const errors: unknown[] = [];
  const app = express();
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(express.json({ limit: '64kb' }));
  app.use(authenticate(accounts));
  const router = express.Router({ strict: true });
  addAccountRoutes(new RouteTable(router), { accounts });
  app.use(router);
  app.use((req, _res, next) =>
    next(new HttpError('ROUTE_NOT_FOUND', `no route ${req.method} ${req.path}`)),
  );
  app.use(errorHandler((e) => errors.push(e)));

  const http: Server = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    store,
    log,
    accounts,
    demo,
    dir: tmp.dir,
    errors,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined;
      if (o.raw !== undefined) body = o.raw;
      else if (o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
    },
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await close();
      tmp.remove();
    },
  };
}

/** Signs in and returns the token. */
export async function login(
  server: AccountsServer,
  username: string,
  password: string,
): Promise<string> {
  const r = await server.call('POST', '/api/v1/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

/** Asserts an error reply: status, code, and (when given) the field its message names. */
export function expectError(r: Reply, status: number, code: string, field?: string): void {
  expect(r.status, JSON.stringify(r.body)).to.equal(status);
  expect(r.body.error.code).to.equal(code);
  if (field !== undefined) expect(r.body.error.message).to.contain(`"${field}"`);
}
