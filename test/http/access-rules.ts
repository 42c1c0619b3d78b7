/**
 * The rules of the access-control matrix (test/http/access-matrix.test.ts): for every route, the
 * status each kind of caller must get, and how to build the request (fresh objects for mutating
 * routes, so the cells do not depend on each other). A route added to the server needs a rule
 * here, or the matrix fails.
 */
import { expect } from 'chai';
import { dirname, join } from 'node:path';
import { call, testIdNumber, type Body } from '../helpers/api.js';
import {
  DAY,
  deposit,
  hashOnly,
  makeAccount,
  uploadForm,
  type Persona,
  type TestClock,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';

export const PERSONAS = [
  'anonymous',
  'owner',
  'otherDepositor',
  'notaryWith',
  'notaryWithout',
  'judgeValid',
  'judgeExpired',
  'judgeRevoked',
  'admin',
] as const;
export type P = (typeof PERSONAS)[number];
type Role = 'depositor' | 'notary' | 'judge' | 'admin';
const ROLE_OF: Record<Exclude<P, 'anonymous'>, Role> = {
  owner: 'depositor',
  otherDepositor: 'depositor',
  notaryWith: 'notary',
  notaryWithout: 'notary',
  judgeValid: 'judge',
  judgeExpired: 'judge',
  judgeRevoked: 'judge',
  admin: 'admin',
};
export type Statuses = Record<P, number>;
export type Req = { path: string; json?: unknown; form?: FormData };

/** Public routes: the same status for everyone. */
const everyone = (status: number): Statuses =>
  Object.fromEntries(PERSONAS.map((p) => [p, status])) as Statuses;

/**
 * Signed-in routes: anonymous 401, a role the route never serves 403, the roles in `allowed`
 * their status, then per-persona `exceptions` (objects the caller may not see: 404).
 */
function byRole(
  allowed: Partial<Record<Role, number>>,
  exceptions: Partial<Statuses> = {},
): Statuses {
  const out = { anonymous: 401 } as Statuses;
  for (const p of PERSONAS) if (p !== 'anonymous') out[p] = allowed[ROLE_OF[p]] ?? 403;
  return { ...out, ...exceptions };
}

/** Deposit reads: the owner, the notary of its application, the judge of a live share. */
const depositRead = byRole(
  { depositor: 200, notary: 200, judge: 200 },
  { otherDepositor: 404, notaryWithout: 404, judgeExpired: 404, judgeRevoked: 404 },
);
/** A download link is made for exactly those who may read the deposit. */
const linkMade = byRole(
  { depositor: 201, notary: 201, judge: 201 },
  { otherDepositor: 404, notaryWithout: 404, judgeExpired: 404, judgeRevoked: 404 },
);
export const COURT = '上海市徐汇区人民法院';

/** One route's rule. */
export interface Rule {
  readonly expect: Statuses;
  readonly request: (p: P) => Promise<Req> | Req;
  /** What else a cell's answer must satisfy: a problem to report, or undefined. */
  readonly check?: (p: P, body: Body) => string | undefined;
}

/** What a non-owner's list item may carry (docs/SECURITY.md): nothing a recorded read reveals. */
const LISTED_KEYS = ['createdAt', 'id', 'index', 'notarisation', 'share'];
/** A deposit as a notary or judge may see it without a custody event. */
function listedOnly(p: P, items: readonly Body[]): string | undefined {
  if (p === 'owner' || p === 'otherDepositor') return undefined;
  const extra = items.flatMap((d) => Object.keys(d).filter((k) => !LISTED_KEYS.includes(k)));
  return extra.length > 0 ? `${p} was shown ${[...new Set(extra)].join(', ')}` : undefined;
}

/** What the rules read; the matrix's `before` fills it. */
export interface MatrixContext {
  server: TestServer;
  clock: TestClock;
  who: Record<Exclude<P, 'anonymous'>, Persona>;
  /** The owner's upload, with an application notaryWith claimed and issued, and three shares. */
  depositId: string;
  applicationId: string;
}

/** The rules, keyed `<method> <OpenAPI path>`. */
export function accessRules(ctx: MatrixContext): Record<string, Rule> {
  let n = 0;
  const post = async (path: string, token: string, json: unknown = {}): Promise<Body> => {
    const r = await call(ctx.server.url, 'POST', path, { token, json });
    expect(r.status, `${path}: ${r.text}`).to.be.oneOf([200, 201]);
    return r.body;
  };
  const share = async (days = 30): Promise<{ id: string; code: string }> => {
    const b = await post(`/api/v1/deposits/${ctx.depositId}/shares`, ctx.who.owner.token, {
      court: COURT,
      caseNumber: `(2026)沪0104民初${++n}号`,
      expiresAt: new Date(ctx.clock.now() + days * DAY).toISOString(),
    });
    return { id: b.share.id, code: b.code };
  };
  /** A fresh deposit of the owner with an application in `state`. */
  const application = async (state: 'submitted' | 'in_review' | 'approved'): Promise<string> => {
    const d = await deposit(ctx.server, ctx.who.owner.token, hashOnly(`matrix ${++n}`));
    const a = await post(`/api/v1/deposits/${d.deposit.id}/notarisation`, ctx.who.owner.token, {
      purpose: '诉讼',
      contact: 'x@example.com',
    });
    const id = a.application.id;
    if (state !== 'submitted')
      await post(`/api/v1/notary/applications/${id}/claim`, ctx.who.notaryWith.token);
    if (state === 'approved')
      await post(`/api/v1/notary/applications/${id}/decision`, ctx.who.notaryWith.token, {
        decision: 'approve',
        opinion: '同意出证',
      });
    return id;
  };

  return {
    // log and meta
    'get /api/v1/health': { expect: everyone(200), request: () => ({ path: '/api/v1/health' }) },
    'get /api/v1/log/key': { expect: everyone(200), request: () => ({ path: '/api/v1/log/key' }) },
    'get /api/v1/log/checkpoint': {
      expect: everyone(200),
      request: () => ({ path: '/api/v1/log/checkpoint' }),
    },
    'get /tlog/checkpoint': {
      expect: everyone(200),
      request: () => ({ path: '/tlog/checkpoint' }),
    },
    'get /api/v1/log/proof/inclusion': {
      expect: everyone(200),
      request: () => ({ path: '/api/v1/log/proof/inclusion?index=0' }),
    },
    'get /api/v1/log/proof/consistency': {
      expect: everyone(200),
      request: () => ({ path: '/api/v1/log/proof/consistency?from=1&to=2' }),
    },
    // The matrix's server has no TimeStamper: public, and nothing is stamped.
    'get /api/v1/log/timestamps': {
      expect: everyone(404),
      request: () => ({ path: '/api/v1/log/timestamps?size=1' }),
    },
    'get /api/v1/log/entries/{index}': {
      expect: everyone(200),
      request: () => ({ path: '/api/v1/log/entries/0' }),
    },
    'get /tlog/tile/{path}': {
      expect: everyone(200),
      request: () => ({ path: '/tlog/tile/0/000.p/1' }),
    },
    'get /api/v1/openapi.json': {
      expect: everyone(200),
      request: () => ({ path: '/api/v1/openapi.json' }),
    },
    // The matrix calls from loopback, where a scraper may read metrics without signing in; from
    // elsewhere only admins may (test/http/ops.test.ts checks the guard).
    'get /metrics': {
      expect: everyone(200),
      request: () => ({ path: '/metrics' }),
    },
    // verification (the answer's detail depends on the caller; the route is open to all)
    'post /api/v1/verify': {
      expect: everyone(200),
      request: () => ({ path: '/api/v1/verify', json: { sha256: 'ab'.repeat(32) } }),
    },
    // accounts and administration
    'post /api/v1/auth/register': {
      expect: everyone(201),
      request: () => ({
        path: '/api/v1/auth/register',
        json: {
          username: `matrix-reg-${++n}`,
          password: 'a long passphrase 1',
          displayName: 'x',
          realName: 'x',
          idNumber: testIdNumber(500 + (n % 400)),
        },
      }),
    },
    'post /api/v1/auth/login': {
      expect: everyone(200),
      request: () => ({
        path: '/api/v1/auth/login',
        json: { username: 'matrix-login', password: 'a long passphrase 1' },
      }),
    },
    'get /api/v1/auth/me': {
      expect: byRole({ depositor: 200, notary: 200, judge: 200, admin: 200 }),
      request: () => ({ path: '/api/v1/auth/me' }),
    },
    // Every role may change its own password; a wrong current one is refused (a right one would
    // end the persona's token for the cells after it; test/accounts/http-password.test.ts).
    'post /api/v1/auth/password': {
      expect: byRole({ depositor: 400, notary: 400, judge: 400, admin: 400 }),
      request: () => ({
        path: '/api/v1/auth/password',
        json: { currentPassword: 'not the password', newPassword: 'a long passphrase 2' },
      }),
    },
    'post /api/v1/admin/users/{id}/password': {
      expect: byRole({ admin: 200 }),
      request: async () => ({
        path: `/api/v1/admin/users/${(await makeAccount(ctx.server, 'notary')).id}/password`,
        json: {},
      }),
    },
    'get /api/v1/admin/users': {
      expect: byRole({ admin: 200 }),
      request: () => ({ path: '/api/v1/admin/users' }),
    },
    'post /api/v1/admin/users': {
      expect: byRole({ admin: 201 }),
      request: () => ({
        path: '/api/v1/admin/users',
        json: {
          username: `matrix-adm-${++n}`,
          password: 'a long passphrase 1',
          role: 'notary',
          displayName: 'x',
        },
      }),
    },
    'patch /api/v1/admin/users/{id}': {
      expect: byRole({ admin: 200 }),
      request: async () => ({
        path: `/api/v1/admin/users/${(await makeAccount(ctx.server, 'notary')).id}`,
        json: { disabled: true, reason: 'matrix' },
      }),
    },
    // the court list (docs/courts.md): anyone reads it, the admin keeps it
    'get /api/v1/courts': {
      expect: everyone(200),
      request: () => ({ path: `/api/v1/courts?q=${encodeURIComponent('徐汇')}` }),
    },
    'get /api/v1/admin/courts': {
      expect: byRole({ admin: 200 }),
      request: () => ({ path: '/api/v1/admin/courts' }),
    },
    'post /api/v1/admin/courts': {
      expect: byRole({ admin: 201 }),
      request: () => ({
        path: '/api/v1/admin/courts',
        json: { name: `矩阵测试法院${++n}`, nameEn: 'Matrix Court', region: '上海市' },
      }),
    },
    'patch /api/v1/admin/courts/{id}': {
      expect: byRole({ admin: 200 }),
      request: async () => {
        const court = await ctx.server.courts.create(
          { account: 'system', role: 'system' },
          { name: `矩阵改名法院${++n}` },
        );
        return { path: `/api/v1/admin/courts/${court.id}`, json: { name: `${court.name}（新）` } };
      },
    },
    // operations (an admin token; the CLI's local secret is tested in test/ops)
    'post /api/v1/admin/backup': {
      expect: byRole({ admin: 200 }),
      request: () => ({
        // A fresh folder beside the server's data folder (removed with it).
        path: '/api/v1/admin/backup',
        json: { dir: join(dirname(ctx.server.config.dataDir), `matrix-backup-${++n}`) },
      }),
    },
    'post /api/v1/admin/audit': {
      expect: byRole({ admin: 200 }),
      request: () => ({ path: '/api/v1/admin/audit' }),
    },
    // deposits
    'post /api/v1/deposits': {
      expect: byRole({ depositor: 201 }),
      request: () => ({ path: '/api/v1/deposits', json: hashOnly(`m${++n}`) }),
    },
    'get /api/v1/deposits': {
      expect: byRole({ depositor: 200, notary: 200, judge: 200 }),
      request: () => ({ path: '/api/v1/deposits' }),
      check: (p, body) =>
        listedOnly(p, body.items) ??
        (['notaryWith', 'judgeValid'].includes(p) && body.items.length === 0
          ? `${p} lists nothing`
          : undefined),
    },
    'get /api/v1/deposits/{id}': {
      expect: depositRead,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}` }),
    },
    'get /api/v1/deposits/{id}/receipt': {
      expect: depositRead,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/receipt` }),
    },
    'get /api/v1/deposits/{id}/files/{n}': {
      expect: depositRead,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/files/0` }),
    },
    'post /api/v1/deposits/{id}/files/{n}/link': {
      expect: linkMade,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/files/0/link` }),
    },
    'post /api/v1/deposits/{id}/receipt/link': {
      expect: linkMade,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/receipt/link` }),
    },
    'post /api/v1/deposits/{id}/certificate.pdf/link': {
      expect: linkMade,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/certificate.pdf/link` }),
    },
    'get /api/v1/deposits/{id}/certificate.pdf': {
      expect: depositRead,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/certificate.pdf` }),
    },
    'get /api/v1/notary/applications/{id}/certificate.pdf': {
      // Issued: its applicant, the notary who claimed it and a judge of a live share download
      // it (the 409 NOT_ISSUED before issue: test/http/certificates.test.ts).
      expect: byRole(
        { depositor: 200, notary: 200, judge: 200 },
        { otherDepositor: 404, notaryWithout: 404, judgeExpired: 404, judgeRevoked: 404 },
      ),
      request: () => ({ path: `/api/v1/notary/applications/${ctx.applicationId}/certificate.pdf` }),
    },
    'get /api/v1/deposits/{id}/custody': {
      expect: depositRead,
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/custody` }),
    },
    // court sharing
    'post /api/v1/deposits/{id}/shares': {
      expect: byRole({ depositor: 201 }, { otherDepositor: 404 }),
      request: () => ({
        path: `/api/v1/deposits/${ctx.depositId}/shares`,
        json: {
          court: COURT,
          caseNumber: 'c1',
          expiresAt: new Date(ctx.clock.now() + DAY).toISOString(),
        },
      }),
    },
    'get /api/v1/deposits/{id}/shares': {
      expect: byRole({ depositor: 200 }, { otherDepositor: 404 }),
      request: () => ({ path: `/api/v1/deposits/${ctx.depositId}/shares` }),
    },
    'delete /api/v1/deposits/{id}/shares/{shareId}': {
      expect: byRole({ depositor: 204 }, { otherDepositor: 404 }),
      request: async () => ({
        path: `/api/v1/deposits/${ctx.depositId}/shares/${(await share()).id}`,
      }),
    },
    'post /api/v1/shares/redeem': {
      expect: byRole({ judge: 200 }),
      request: async () => ({
        path: '/api/v1/shares/redeem',
        json: { code: (await share()).code },
      }),
      check: (p, body) => listedOnly(p, [body.deposit]),
    },
    // notarisation
    'post /api/v1/deposits/{id}/notarisation': {
      expect: byRole({ depositor: 201 }, { otherDepositor: 404 }),
      request: async () => ({
        path: `/api/v1/deposits/${(await deposit(ctx.server, ctx.who.owner.token, hashOnly(`a${++n}`))).deposit.id}/notarisation`,
        json: { purpose: '诉讼', contact: '010-1234' },
      }),
    },
    'get /api/v1/notary/applications': {
      expect: byRole({ depositor: 200, notary: 200 }),
      request: () => ({ path: '/api/v1/notary/applications' }),
    },
    'get /api/v1/notary/applications/{id}': {
      expect: byRole({ depositor: 200, notary: 200 }, { otherDepositor: 404, notaryWithout: 404 }),
      request: () => ({ path: `/api/v1/notary/applications/${ctx.applicationId}` }),
    },
    'post /api/v1/notary/applications/{id}/claim': {
      expect: byRole({ notary: 200 }),
      request: async () => ({
        path: `/api/v1/notary/applications/${await application('submitted')}/claim`,
      }),
    },
    'get /api/v1/notary/applications/{id}/system-checks': {
      expect: byRole({ notary: 200 }, { notaryWithout: 404 }),
      request: async () => ({
        path: `/api/v1/notary/applications/${await application('in_review')}/system-checks`,
      }),
    },
    'post /api/v1/notary/applications/{id}/decision': {
      expect: byRole({ notary: 200 }, { notaryWithout: 404 }),
      request: async () => ({
        path: `/api/v1/notary/applications/${await application('in_review')}/decision`,
        json: { decision: 'reject', reason: '材料不全' },
      }),
    },
    'post /api/v1/notary/applications/{id}/issue': {
      expect: byRole({ notary: 200 }, { notaryWithout: 404 }),
      request: async () => ({
        path: `/api/v1/notary/applications/${await application('approved')}/issue`,
      }),
    },
    'post /api/v1/notary/applications/{id}/withdraw': {
      expect: byRole({ depositor: 200 }, { otherDepositor: 404 }),
      request: async () => ({
        path: `/api/v1/notary/applications/${await application('submitted')}/withdraw`,
      }),
    },
    // counter deposits
    'post /api/v1/notary/counter-deposits': {
      expect: byRole({ notary: 201 }),
      request: () => ({
        path: '/api/v1/notary/counter-deposits',
        form: uploadForm(
          [{ name: 'walk-in.txt', bytes: new TextEncoder().encode(`counter ${++n}`) }],
          {
            title: '窗口办理',
            clientName: '赵六',
            clientIdNumber: testIdNumber(901),
          },
        ),
      }),
    },
    'get /api/v1/notary/counter-deposits': {
      expect: byRole({ notary: 200 }),
      request: () => ({ path: '/api/v1/notary/counter-deposits' }),
    },
    'post /api/v1/notary/counter-deposits/{id}/claim-code': {
      expect: byRole({ notary: 200 }, { notaryWithout: 404 }),
      request: async () => {
        const made = await post('/api/v1/notary/counter-deposits', ctx.who.notaryWith.token, {
          ...hashOnly(`c${++n}`),
          clientName: '赵六',
          clientIdNumber: testIdNumber(902),
        });
        return { path: `/api/v1/notary/counter-deposits/${made.deposit.id}/claim-code` };
      },
    },
    'post /api/v1/deposits/claim': {
      expect: byRole({ depositor: 200 }),
      request: async (p) => {
        const client = p === 'otherDepositor' ? ctx.who.otherDepositor : ctx.who.owner;
        const made = await post('/api/v1/notary/counter-deposits', ctx.who.notaryWith.token, {
          ...hashOnly(`c${++n}`),
          clientName: '赵六',
          clientIdNumber: client.idNumber,
        });
        return { path: '/api/v1/deposits/claim', json: { code: made.claimCode } };
      },
    },
  };
}
