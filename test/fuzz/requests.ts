/**
 * Hostile requests per route of the OpenAPI document, one arbitrary per category (JSON bodies,
 * query strings, path segments, headers and tokens, multipart bodies), and the check of one
 * answer. The valid shapes (templates) come from what test/http/access-rules.ts sends.
 */
import fc from 'fast-check';
import { expect } from 'chai';
import { testIdNumber } from '../helpers/api.js';
import {
  CONTENT_TYPE_LIES,
  GZIP_BOMB,
  brokenJsonText,
  extraHeader,
  field,
  filePart,
  hugeHeaders,
  jsonBody,
  jsonText,
  JsonObject,
  multipartBody,
  pathSegment,
  queryString,
  randomAuthorization,
  type Json,
  type MultipartPart,
} from './arbitraries.js';
import {
  answerProblem,
  authorizationOf,
  COURT,
  fillPath,
  ROLES,
  tempFiles,
  type Caller,
  type DocRoute,
  type FuzzWorld,
} from './harness.js';
import { rawRequest, type RawRequest } from './raw-http.js';

/** One fuzzed request and what the check must know about it. */
export interface FuzzRequest extends RawRequest {
  /** The request broke the protocol or gave up: a close without an answer is acceptable. */
  readonly mayDrop?: boolean;
  /** The JSON body carries a top-level `__proto__` or `constructor` key. */
  readonly polluting?: boolean;
}

/** Valid JSON bodies of the routes that read one (the near-valid bodies mutate these). */
export function jsonTemplates(w: FuzzWorld): Readonly<Record<string, Record<string, unknown>>> {
  const later = new Date(Date.now() + 86_400_000).toISOString();
  return {
    'post /api/v1/auth/register': {
      username: 'fuzz-register',
      password: 'a long passphrase 1',
      displayName: 'x',
      realName: '王五',
      idNumber: testIdNumber(777),
    },
    'post /api/v1/auth/login': { username: 'fuzz-nobody', password: 'a long passphrase 1' },
    'post /api/v1/admin/users': {
      username: 'fuzz-admin-made',
      password: 'a long passphrase 1',
      role: 'judge',
      displayName: 'x',
      court: COURT,
    },
    'patch /api/v1/admin/users/{id}': { disabled: false },
    // a wrong current password: the personas' tokens must outlive the fuzzing
    'post /api/v1/auth/password': {
      currentPassword: 'not the password',
      newPassword: 'a long passphrase 2',
    },
    'post /api/v1/admin/users/{id}/password': { password: 'a long passphrase 2' },
    'post /api/v1/deposits': {
      title: 'fuzz',
      description: 'd',
      files: [{ name: 'a.bin', size: 1, sha256: 'cd'.repeat(32), mediaType: 'text/plain' }],
    },
    'post /api/v1/verify': { sha256: 'ab'.repeat(32), depositId: w.depositId },
    'post /api/v1/deposits/{id}/shares': { court: COURT, caseNumber: 'c', expiresAt: later },
    'post /api/v1/shares/redeem': { code: w.shareCode },
    'post /api/v1/deposits/{id}/notarisation': { purpose: '诉讼', contact: '010', note: 'n' },
    'post /api/v1/notary/applications/{id}/claim': { reason: 'r' },
    'post /api/v1/notary/applications/{id}/decision': {
      decision: 'approve',
      reason: 'r',
      opinion: 'o',
    },
    'post /api/v1/notary/applications/{id}/issue': { reason: 'r' },
    'post /api/v1/notary/applications/{id}/withdraw': { reason: 'r' },
    'post /api/v1/notary/counter-deposits': {
      title: 'fuzz counter',
      files: [{ name: 'a.bin', size: 1, sha256: 'ef'.repeat(32) }],
      clientName: '赵六',
      clientIdNumber: testIdNumber(902),
    },
    'post /api/v1/deposits/claim': { code: w.claimCode },
  };
}

/** Valid multipart forms of the routes that take uploads. */
export function multipartTemplates(): Readonly<Record<string, readonly MultipartPart[]>> {
  return {
    'post /api/v1/deposits': [field('title', '上传'), filePart('files', 'a.txt', 'fuzz upload')],
    'post /api/v1/notary/counter-deposits': [
      field('title', '窗口'),
      field('clientName', '赵六'),
      field('clientIdNumber', testIdNumber(903)),
      filePart('files', 'b.txt', 'fuzz counter upload'),
    ],
    'post /api/v1/verify': [filePart('file', 'c.txt', 'fuzz evidence')],
  };
}

/** `arb` once in `1 + never` draws, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, never: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 1, arbitrary: arb }, { weight: never, arbitrary: fc.constant(null) });

/** Callers: mostly those the route serves (deeper code), also everyone else and forgeries. */
const callerArb = (route: DocRoute, forged: boolean): fc.Arbitrary<Caller> => {
  const allowed = ROLES.filter((r) => route.who.includes(r));
  const role = (r: (typeof ROLES)[number]): Caller => ({ kind: 'role', role: r });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Caller>({ kind: 'anonymous' }) },
    { weight: 2, arbitrary: fc.constantFrom(...ROLES).map(role) },
    ...(allowed.length ? [{ weight: 4, arbitrary: fc.constantFrom(...allowed).map(role) }] : []),
    ...(forged
      ? [
          {
            weight: 2,
            arbitrary: fc.nat().map((index): Caller => ({ kind: 'forged', index })),
          },
          {
            weight: 2,
            arbitrary: randomAuthorization.map((value): Caller => ({ kind: 'raw', value })),
          },
        ]
      : []),
  );
};

/** A real value for each path parameter (so requests get past the router into the handlers). */
const realPath = (w: FuzzWorld, route: DocRoute): fc.Arbitrary<string> => {
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return fc.tuple(...names.map((n) => fc.constantFrom(...(w.params[n] ?? ['x'])))).map((values) => {
    let i = 0;
    return fillPath(route.path, () => values[i++]!);
  });
};

const headersOf = (
  w: FuzzWorld,
  caller: Caller,
  extra: readonly (readonly [string, string])[] = [],
): [string, string][] => {
  const auth = authorizationOf(w, caller);
  return [
    ...(auth === undefined ? [] : [['Authorization', auth] as [string, string]]),
    ...extra.map(([k, v]): [string, string] => [k, v]),
  ];
};

const jsonRequest = (
  method: string,
  target: string,
  headers: [string, string][],
  text: string,
  contentType = 'application/json',
): FuzzRequest => {
  const body = Buffer.from(text, 'utf8');
  return {
    method,
    target,
    headers: [...headers, ['Content-Type', contentType], ['Content-Length', String(body.length)]],
    body,
  };
};

const pollutes = (j: Json): boolean =>
  j instanceof JsonObject && j.entries.some(([k]) => k === '__proto__' || k === 'constructor');

/** Category: hostile JSON bodies (near-valid, polluting, deep, huge, broken), every caller. */
export function jsonCategory(w: FuzzWorld, route: DocRoute): fc.Arbitrary<FuzzRequest> {
  const template = jsonTemplates(w)[route.key];
  const method = route.method.toUpperCase();
  return fc
    .record({
      caller: callerArb(route, false),
      target: realPath(w, route),
      body: fc.oneof(
        { weight: 9, arbitrary: jsonBody(template).map((j) => ({ j, text: jsonText(j) })) },
        { weight: 1, arbitrary: brokenJsonText.map((text) => ({ j: null as Json, text })) },
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'application/merge-patch+json',
      ),
    })
    .map(({ caller, target, body, contentType }) => ({
      ...jsonRequest(method, target, headersOf(w, caller), body.text, contentType),
      // Only a body parsed as JSON (application/json) can smuggle keys; others are not read.
      polluting:
        template !== undefined && contentType.startsWith('application/json') && pollutes(body.j),
    }));
}

/** Category: hostile query strings (repeated keys, arrays, pollution keys, huge numbers). */
export function queryCategory(w: FuzzWorld, route: DocRoute): fc.Arbitrary<FuzzRequest> {
  const method = route.method.toUpperCase();
  const known = [...route.query, 'limit', 'cursor', 'format', 'at', 'state'];
  return fc
    .record({
      caller: callerArb(route, false),
      target: realPath(w, route),
      query: queryString(known),
    })
    .map(({ caller, target, query }) => ({
      method,
      target: `${target}?${query}`,
      headers: headersOf(w, caller, [['Content-Length', '0']]),
    }));
}

/** Category: hostile path segments in every parameter and around the path. */
export function pathCategory(w: FuzzWorld, route: DocRoute): fc.Arbitrary<FuzzRequest> {
  const own = route.method.toUpperCase();
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const segment = (n: string): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...(w.params[n] ?? ['x'])) },
      { weight: 3, arbitrary: pathSegment },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...(w.params[n] ?? ['x'])), pathSegment)
          .map(([a, b]) => `${a}${b}`),
      },
    );
  return fc
    .record({
      caller: callerArb(route, false),
      values: fc.tuple(...names.map(segment)),
      suffix: fc.constantFrom('', '', '', '/', '//', '/..', '/%2e%2e', '/.', ';x', '%00', '/%00'),
      prefix: fc.constantFrom('', '', '', '/', '/.', '/./', '/api/v1/..', '//'),
      upper: fc.boolean(),
      insert: sometimes(pathSegment, 2),
      method: fc.constantFrom(
        own,
        own,
        own,
        own,
        own === 'GET' ? 'HEAD' : own,
        'OPTIONS',
        'PUT',
        'DELETE',
        'PATCH',
        'TRACE',
        'PROPFIND',
      ),
    })
    .map(({ caller, values, suffix, prefix, upper, insert, method }) => {
      let i = 0;
      let path = fillPath(route.path, () => values[i++]!);
      if (names.length === 0 && insert !== null) {
        // No parameter: break a static segment instead.
        const parts = path.split('/');
        parts.splice(1 + (insert.length % (parts.length - 1)), 0, insert);
        path = parts.join('/');
      }
      if (upper && names.length === 0) path = path.toUpperCase();
      return {
        method,
        target: `${prefix}${path}${suffix}`.replace(/^(?!\/)/, '/'),
        headers: headersOf(w, caller, [['Content-Length', '0']]),
      };
    });
}

/** Category: content-type lies, encodings, forged and random tokens, huge and many headers. */
export function headerCategory(w: FuzzWorld, route: DocRoute): fc.Arbitrary<FuzzRequest> {
  const template = jsonTemplates(w)[route.key] ?? {};
  const method = route.method.toUpperCase();
  const text = jsonText(new JsonObject(Object.entries(template).map(([k, v]) => [k, v as Json])));
  return fc
    .record({
      caller: callerArb(route, true),
      target: realPath(w, route),
      contentType: sometimes(fc.constantFrom(...CONTENT_TYPE_LIES), 2),
      extra: fc.array(extraHeader, { maxLength: 4 }),
      huge: sometimes(hugeHeaders, 6),
      encoding: fc.constantFrom('plain', 'plain', 'plain', 'chunked', 'gzip-bomb', 'lying-length'),
    })
    .map(({ caller, target, contentType, extra, huge, encoding }): FuzzRequest => {
      const headers = headersOf(w, caller, [...extra, ...(huge ?? [])]).filter(
        ([k]) => !/^(content-length|transfer-encoding)$/i.test(k) || encoding === 'plain',
      );
      if (contentType !== null) headers.push(['Content-Type', contentType]);
      let body = Buffer.from(text, 'utf8');
      if (encoding === 'gzip-bomb') {
        body = GZIP_BOMB;
        headers.push(['Content-Encoding', 'gzip']);
      }
      const hasLength = headers.some(([k]) => /^content-length$/i.test(k));
      if (encoding === 'chunked') {
        headers.push(['Transfer-Encoding', 'chunked']);
        body = Buffer.concat([
          Buffer.from(`${body.length.toString(16)}\r\n`),
          body,
          Buffer.from('\r\n0\r\n\r\n'),
        ]);
      } else if (encoding === 'lying-length') {
        // Declares more than it sends, then gives up (half-closes the connection).
        headers.push(['Content-Length', String(body.length + 1000)]);
        return { method, target, headers, body, endAfterBody: true, mayDrop: true };
      } else if (!hasLength) {
        headers.push(['Content-Length', String(body.length)]);
      }
      // A Content-Length that is not the body's, or one beside Transfer-Encoding, breaks the
      // protocol: the server may close without a word.
      const lengths = headers.filter(([k]) => /^content-length$/i.test(k));
      const broken = lengths.length > 1 || lengths.some(([, v]) => v !== String(body.length));
      return { method, target, headers, body, mayDrop: broken, endAfterBody: broken };
    });
}

/** Category: random multipart bodies (near-valid forms for the upload routes). */
export function multipartCategory(w: FuzzWorld, route: DocRoute): fc.Arbitrary<FuzzRequest> {
  const method = route.method.toUpperCase();
  const template = multipartTemplates()[route.key] ?? [];
  return fc
    .record({
      caller: callerArb(route, false),
      target: realPath(w, route),
      form: multipartBody(template, 70 * 1024),
      giveUp: sometimes(fc.double({ min: 0.1, max: 0.9, noNaN: true }), 8),
    })
    .map(({ caller, target, form, giveUp }): FuzzRequest => {
      const headers = headersOf(w, caller, [['Content-Type', form.contentType]]);
      if (giveUp !== null) {
        // Declares the whole body, sends part of it and half-closes: a client that went away.
        const sent = form.body.subarray(0, Math.floor(form.body.length * giveUp));
        return {
          method,
          target,
          headers: [...headers, ['Content-Length', String(form.body.length)]],
          body: sent,
          endAfterBody: true,
          mayDrop: true,
        };
      }
      return {
        method,
        target,
        headers: [...headers, ['Content-Length', String(form.body.length)]],
        body: form.body,
      };
    });
}

let previous = '';

/** Resolves once `<data>/tmp` is empty, or after `ms` (the caller then asserts). */
export async function waitForNoTempFiles(w: FuzzWorld, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (tempFiles(w.server).length > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Sends `req` and checks the answer; for multipart bodies also that no temp file remains. */
export async function sendAndCheck(w: FuzzWorld, req: FuzzRequest): Promise<number | undefined> {
  const reported = w.server.errors.length;
  const res = await rawRequest(w.server.url, req);
  const problem = answerProblem(res, { method: req.method, mayDrop: req.mayDrop ?? false });
  const what = `${req.method} ${req.target.slice(0, 200)} → ${res?.status ?? 'closed'}`;
  expect(problem, what).to.equal(undefined);
  if (req.polluting && res !== undefined)
    expect(
      res.status,
      `${what}: a body with a __proto__/constructor key was accepted`,
    ).to.be.at.least(400);
  // A server still busy with a request whose client went away (or that it answered early) may
  // hold a temp file a little longer: it must be gone within a bounded time (no fixed sleep).
  await waitForNoTempFiles(w, 5_000);
  expect(tempFiles(w.server), `${what}: temp files left (previous: ${previous})`).to.deep.equal([]);
  previous = `${what} ${JSON.stringify(req.headers?.slice(1))} ${JSON.stringify(req.body?.subarray(0, 600).toString('latin1'))}${req.endAfterBody ? ' (gave up)' : ''}`;
  const errors = w.server.errors.slice(reported).map((e) => String((e as Error)?.stack ?? e));
  expect(errors, `${what}: the server reported errors (5xx)`).to.deep.equal([]);
  return res?.status;
}
