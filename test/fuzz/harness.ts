/**
 * The hostile-input harness (issue #8 §3): a server with accounts of every role and objects to
 * aim at, the routes of its OpenAPI document, a watch on the test process for crashes, and the
 * property every answer must have — never a 500: a 4xx, 503 or 507 with `{error:{code,message}}`
 * whose code `src/http/errors.ts` maps to exactly that status.
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
} from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusOf } from '../../src/http/errors.js';
import { call, testIdNumber, type Body } from '../helpers/api.js';
import {
  DAY,
  deposit,
  hashOnly,
  makeAccount,
  makeDepositor,
  startCaseworkServer,
  uploadForm,
  type Persona,
} from '../helpers/casework.js';
import type { TestServer } from '../helpers/server-fixture.js';
import { size } from '../helpers/size.js';
import type { RawResponse } from './raw-http.js';

/** Scales every property's number of runs: a quarter in `npm test`, 10 in `npm run test:slow`. */
export const FUZZ_SCALE = size(0.25, 10);
/** Runs of a property whose default is `base` runs. */
export const runs = (base: number): number => Math.max(1, Math.round(base * FUZZ_SCALE));
/** `FUZZ_SEED` replays a failing run (fast-check prints the seed). */
export const FUZZ_SEED =
  process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Records `uncaughtException` and `unhandledRejection` in this process (the server runs here). */
export function watchProcess(): { readonly events: string[]; stop(): void } {
  const events: string[] = [];
  const onException = (err: unknown): void => {
    events.push(`uncaughtException: ${String((err as Error)?.stack ?? err)}`);
  };
  const onRejection = (err: unknown): void => {
    events.push(`unhandledRejection: ${String((err as Error)?.stack ?? err)}`);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    events,
    stop() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** A route of the OpenAPI document: method and OpenAPI path (`/api/v1/deposits/{id}`). */
export interface DocRoute {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  /** `x-huicun-who`: the roles that may call it (`any` for public routes). */
  readonly who: readonly string[];
  /** `<method> <path>` */
  readonly key: string;
}

/** The routes `GET /api/v1/openapi.json` lists. */
export async function documentedRoutes(base: string): Promise<DocRoute[]> {
  const r = await call(base, 'GET', '/api/v1/openapi.json');
  if (r.status !== 200) throw new Error(`openapi.json: ${r.status}`);
  const paths = r.body.paths as Record<
    string,
    Record<string, { parameters?: Body[]; 'x-huicun-who'?: string[] }>
  >;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method,
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => String(p.name)),
      who: op['x-huicun-who'] ?? [],
      key: `${method} ${path}`,
    })),
  );
}

/** The callers the fuzzing signs in as. */
export const ROLES = ['depositor', 'notary', 'judge', 'admin'] as const;

/** The server and the objects the fuzzing aims at (real ids, so deep code paths are reached). */
export interface FuzzWorld {
  readonly server: TestServer;
  readonly who: Readonly<Record<(typeof ROLES)[number], Persona>>;
  /** An upload of the depositor (two files), readable by the notary and the judge. */
  readonly depositId: string;
  readonly hashOnlyId: string;
  readonly applicationId: string;
  readonly shareId: string;
  readonly shareCode: string;
  readonly claimCode: string;
  /** An account only the fuzzing of `PATCH /api/v1/admin/users/{id}` may disable. */
  readonly victimId: string;
  /** A `/dl/…` download link of the depositor. */
  readonly downloadPath: string;
  /** Real values per path parameter name (`id`, `n`, `shareId`, …). */
  readonly params: Readonly<Record<string, readonly string[]>>;
  /** Authorization header values that must never authenticate (alg:none, confusions, …). */
  readonly forgedAuthorizations: readonly string[];
}

export const COURT = '上海市徐汇区人民法院';

/** Starts the server (small limits) and makes the objects of {@link FuzzWorld}. */
export async function startFuzzWorld(env: Record<string, string> = {}): Promise<FuzzWorld> {
  const { server, clock } = await startCaseworkServer({
    env: {
      HUICUN_MAX_FILE_BYTES: String(64 * 1024),
      HUICUN_MAX_FILES: '4',
      HUICUN_ANON_VERIFY_MAX_BYTES: String(16 * 1024),
      HUICUN_RESERVE_BYTES: '0',
      ...env,
    },
  });
  const post = async (path: string, token: string, json: unknown = {}): Promise<Body> => {
    const r = await call(server.url, 'POST', path, { token, json });
    if (r.status !== 200 && r.status !== 201) throw new Error(`${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  const depositor = await makeDepositor(server, '张三');
  const notary = await makeAccount(server, 'notary', { office: '徐汇公证处' });
  const judge = await makeAccount(server, 'judge', { court: COURT });
  const admin = await makeAccount(server, 'admin');
  const victim = await makeAccount(server, 'notary');
  const up = await deposit(
    server,
    depositor.token,
    uploadForm([
      { name: 'evidence.txt', bytes: new TextEncoder().encode('fuzz evidence') },
      { name: '合同.pdf', bytes: new TextEncoder().encode('%PDF-1.4 fuzz') },
    ]),
  );
  const depositId = up.deposit.id as string;
  const hashOnlyId = (await deposit(server, depositor.token, hashOnly('fuzz hash-only'))).deposit
    .id as string;
  const app = await post(`/api/v1/deposits/${depositId}/notarisation`, depositor.token, {
    purpose: '诉讼',
    contact: '010-1234',
  });
  const applicationId = app.application.id as string;
  await post(`/api/v1/notary/applications/${applicationId}/claim`, notary.token);
  const share = await post(`/api/v1/deposits/${depositId}/shares`, depositor.token, {
    court: COURT,
    caseNumber: '(2026)沪0104民初1号',
    expiresAt: new Date(clock.now() + 30 * DAY).toISOString(),
  });
  await post('/api/v1/shares/redeem', judge.token, { code: share.code });
  const spare = await post(`/api/v1/deposits/${depositId}/shares`, depositor.token, {
    court: COURT,
    caseNumber: '(2026)沪0104民初2号',
    expiresAt: new Date(clock.now() + 30 * DAY).toISOString(),
  });
  const counter = await post('/api/v1/notary/counter-deposits', notary.token, {
    ...hashOnly('fuzz counter'),
    clientName: '赵六',
    clientIdNumber: testIdNumber(901),
  });
  const link = await post(`/api/v1/deposits/${depositId}/files/0/link`, depositor.token);
  const params: Record<string, string[]> = {
    id: [depositId, hashOnlyId, applicationId, victim.id, counter.deposit.id as string],
    n: ['0', '1', '2'],
    index: ['0', '1', '7'],
    shareId: [spare.share.id as string],
    path: ['0/000', '0/000.p/1', 'entries/000.p/3', '1/000.p/1', '0/x001/000'],
  };
  return {
    server,
    who: { depositor, notary, judge, admin },
    depositId,
    hashOnlyId,
    applicationId,
    shareId: spare.share.id,
    shareCode: spare.code,
    claimCode: counter.claimCode,
    victimId: victim.id,
    downloadPath: link.url,
    params,
    forgedAuthorizations: forgedAuthorizations(server, admin.id),
  };
}

const b64url = (v: string | Buffer): string => Buffer.from(v).toString('base64url');

/** Tokens an attacker would try: alg:none, HS256 keyed with the public key, a foreign key, … */
function forgedAuthorizations(server: TestServer, adminId: string): string[] {
  const kid = server.accounts.service.tokens.keyId;
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: adminId,
    iat: now,
    exp: now + 600,
    iss: server.config.publicUrl,
    aud: 'huicun/api',
    jti: 'f'.repeat(32),
  };
  const pem = readFileSync(join(server.config.certsDir, 'token-es256.pem'), 'utf8');
  const publicPem = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' });
  const hs256 = (secret: string | Buffer): string => {
    const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${head}.${b64url(createHmac('sha256', secret).update(head).digest())}`;
  };
  const foreign = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const es256 = (key: typeof foreign): string => {
    const head = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
    return `${head}.${b64url(sign('sha256', Buffer.from(head), { key, dsaEncoding: 'ieee-p1363' }))}`;
  };
  const none = (header: object, payload: string | object): string =>
    `${b64url(JSON.stringify(header))}.${b64url(typeof payload === 'string' ? payload : JSON.stringify(payload))}.`;
  return [
    `Bearer ${none({ alg: 'none', typ: 'JWT', kid }, claims)}`,
    `Bearer ${none({ alg: 'none', kid }, claims)}`,
    `Bearer ${none({ alg: 'NONE', typ: 'JWT', kid }, claims)}`,
    `Bearer ${none({ typ: 'JWT', kid }, 'not json at all')}`,
    `Bearer ${none({ alg: 'ES256', typ: 'JWT', kid }, '{"sub":')}`,
    `Bearer ${none({ alg: 'ES256', typ: 'JWT', kid: { toString: 1 } }, claims)}`,
    `Bearer ${none({ alg: 'ES256', typ: 'JWT', kid: '__proto__' }, claims)}`,
    `Bearer ${hs256(publicPem)}`,
    `Bearer ${es256(foreign)}`,
    `Bearer ${es256(foreign).replace(/\.[^.]*$/, '.')}`,
    'Bearer',
    'Bearer ',
    'bearer x.y.z',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${'a'.repeat(5000)}.b.c`,
    'Bearer ..',
    'Bearer a.b.c.d',
    'Bearer \u00e9.\u00e9.\u00e9',
  ];
}

/** A sign-in choice of one request: anonymous, a persona, a forged or a random header. */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'role'; readonly role: (typeof ROLES)[number] }
  | { readonly kind: 'forged'; readonly index: number }
  | { readonly kind: 'raw'; readonly value: string };

/** The Authorization header of `caller` (undefined: none). */
export function authorizationOf(world: FuzzWorld, caller: Caller): string | undefined {
  switch (caller.kind) {
    case 'anonymous':
      return undefined;
    case 'role':
      return `Bearer ${world.who[caller.role].token}`;
    case 'forged':
      return world.forgedAuthorizations[caller.index % world.forgedAuthorizations.length];
    case 'raw':
      return caller.value;
  }
}

/** Fills the `{name}` parameters of an OpenAPI path with `value(name)`. */
export function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));
}

/**
 * Why `res` breaks the property (undefined: it holds). `mayDrop`: the request broke the protocol
 * or gave up, so a closed connection without an answer is acceptable.
 */
export function answerProblem(
  res: RawResponse | undefined,
  options: { method: string; mayDrop?: boolean },
): string | undefined {
  if (res === undefined)
    return options.mayDrop ? undefined : 'the connection closed without an answer';
  const { status } = res;
  if (status >= 500 && status !== 503 && status !== 507) return `status ${status}`;
  if (status < 400 || options.method === 'HEAD') return undefined;
  let body: Body;
  try {
    body = JSON.parse(res.body.toString('utf8'));
  } catch {
    return `status ${status} without a JSON body: ${JSON.stringify(res.body.toString('utf8').slice(0, 200))}`;
  }
  const code: unknown = body?.error?.code;
  const message: unknown = body?.error?.message;
  if (typeof code !== 'string' || typeof message !== 'string')
    return `status ${status} without {error:{code,message}}: ${JSON.stringify(body).slice(0, 200)}`;
  if (statusOf(code) !== status)
    return `status ${status} with code ${code}, which src/http/errors.ts maps to ${statusOf(code)}`;
  if (status === 503 && res.headers['retry-after'] === undefined && code.startsWith('LOG_'))
    return `503 ${code} without Retry-After`;
  return undefined;
}

/** Files left in `<data>/tmp` (uploads in progress write there; none may remain). */
export function tempFiles(server: TestServer): string[] {
  return readdirSync(server.blobs.tmpDir);
}
