/**
 * The access-control matrix (issue #4 §6, docs/access.md): every route of the route table × every
 * kind of caller (anonymous, owner, another depositor, notary with and without an application,
 * judge with a valid, expired and revoked share, admin), with the status each must get — the
 * rules are in ./access-rules.ts. A route without a rule fails the first test, so a new route
 * cannot ship without deciding who may call it. Some rules also check what an answer may carry
 * (a non-owner's list: nothing a recorded read would reveal), and a HEAD of a deposit read must
 * answer as its GET.
 */
import { expect } from 'chai';
import { openApiPath } from '../../src/http/routes.js';
import { call, testIdNumber, type Body } from '../helpers/api.js';
import {
  DAY,
  deposit,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  uploadForm,
} from '../helpers/casework.js';
import { accessRules, COURT, PERSONAS, type MatrixContext } from './access-rules.js';

describe('access-control matrix: every route × every kind of caller', function () {
  this.timeout(60_000);
  const ctx = { who: {} } as MatrixContext;
  const RULES = accessRules(ctx);
  const post = async (path: string, token: string, json: unknown = {}): Promise<Body> => {
    const r = await call(ctx.server.url, 'POST', path, { token, json });
    expect(r.status, `${path}: ${r.text}`).to.be.oneOf([200, 201]);
    return r.body;
  };
  const share = async (days: number): Promise<{ id: string; code: string }> => {
    const b = await post(`/api/v1/deposits/${ctx.depositId}/shares`, ctx.who.owner.token, {
      court: COURT,
      caseNumber: `(2026)沪0104民初${days}号`,
      expiresAt: new Date(ctx.clock.now() + days * DAY).toISOString(),
    });
    return { id: b.share.id, code: b.code };
  };

  before(async () => {
    ({ server: ctx.server, clock: ctx.clock } = await startCaseworkServer());
    ctx.who.owner = await makeDepositor(ctx.server, '张三');
    ctx.who.otherDepositor = await makeDepositor(ctx.server, '李四');
    await call(ctx.server.url, 'POST', '/api/v1/auth/register', {
      json: {
        username: 'matrix-login',
        password: 'a long passphrase 1',
        displayName: 'login',
        realName: '登录',
        idNumber: testIdNumber(499),
      },
    });
    ctx.who.notaryWith = await makeAccount(ctx.server, 'notary', { office: '徐汇公证处' });
    ctx.who.notaryWithout = await makeAccount(ctx.server, 'notary', { office: '徐汇公证处' });
    for (const j of ['judgeValid', 'judgeExpired', 'judgeRevoked'] as const)
      ctx.who[j] = await makeAccount(ctx.server, 'judge', { court: COURT });
    ctx.who.admin = await makeAccount(ctx.server, 'admin');
    const d = await deposit(
      ctx.server,
      ctx.who.owner.token,
      uploadForm([{ name: 'evidence.txt', bytes: new TextEncoder().encode('matrix evidence') }]),
    );
    ctx.depositId = d.deposit.id;
    const a = await post(`/api/v1/deposits/${ctx.depositId}/notarisation`, ctx.who.owner.token, {
      purpose: '诉讼',
      contact: '010-1234',
    });
    ctx.applicationId = a.application.id;
    for (const [step, json] of [
      ['claim', {}],
      ['decision', { decision: 'approve', opinion: '同意出证' }],
      ['issue', {}],
    ] as const)
      await post(
        `/api/v1/notary/applications/${ctx.applicationId}/${step}`,
        ctx.who.notaryWith.token,
        json,
      );
    const valid = await share(30);
    const expiring = await share(1);
    const revoked = await share(30);
    await post('/api/v1/shares/redeem', ctx.who.judgeValid.token, { code: valid.code });
    await post('/api/v1/shares/redeem', ctx.who.judgeExpired.token, { code: expiring.code });
    await post('/api/v1/shares/redeem', ctx.who.judgeRevoked.token, { code: revoked.code });
    const del = await call(
      ctx.server.url,
      'DELETE',
      `/api/v1/deposits/${ctx.depositId}/shares/${revoked.id}`,
      {
        token: ctx.who.owner.token,
      },
    );
    expect(del.status).to.equal(204);
    ctx.clock.advance(2 * DAY); // the 1-day share has expired
  });
  after(() => ctx.server.dispose());

  it('has a rule for every route in the route table and the OpenAPI document, and none for routes that do not exist', async () => {
    const table = ctx.server.app.routes.routes().map((r) => `${r.method} ${openApiPath(r.path)}`);
    const doc = (await call(ctx.server.url, 'GET', '/api/v1/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    const routes = new Set([...table, ...documented]);
    const missing = [...routes].filter((r) => !(r in RULES));
    expect(missing, 'routes without an access rule in test/http/access-rules.ts').to.deep.equal([]);
    const stale = Object.keys(RULES).filter((r) => !routes.has(r));
    expect(stale, 'rules for routes that no longer exist').to.deep.equal([]);
  });

  it('answers a HEAD of every deposit read as its GET, for every kind of caller', async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(RULES)) {
      if (!route.startsWith('get /api/v1/deposits/{id}')) continue;
      for (const p of PERSONAS) {
        const req = await rule.request(p);
        const token = p === 'anonymous' ? undefined : ctx.who[p].token;
        const r = await call(ctx.server.url, 'HEAD', req.path, token ? { token } : {});
        if (r.status !== rule.expect[p]) wrong.push(`${route} ${p}: HEAD got ${r.status}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  for (const [route, rule] of Object.entries(RULES)) {
    it(route, async () => {
      const method = route.slice(0, route.indexOf(' ')).toUpperCase();
      const wrong: string[] = [];
      for (const p of PERSONAS) {
        const req = await rule.request(p);
        const token = p === 'anonymous' ? undefined : ctx.who[p].token;
        const r = await call(ctx.server.url, method, req.path, {
          ...(token ? { token } : {}),
          ...(req.json !== undefined ? { json: req.json } : {}),
          ...(req.form ? { body: req.form } : {}),
        });
        const want = rule.expect[p];
        const code = r.body?.error?.code as string | undefined;
        const codeOk =
          (want !== 401 || code === 'AUTH_REQUIRED') && (want !== 403 || code === 'ROLE_FORBIDDEN');
        if (r.status !== want || !codeOk)
          wrong.push(`${p}: want ${want}, got ${r.status} ${code ?? ''}`);
        const problem = r.status === want && want < 300 ? rule.check?.(p, r.body) : undefined;
        if (problem !== undefined) wrong.push(problem);
      }
      expect(wrong, route).to.deep.equal([]);
    });
  }
});
