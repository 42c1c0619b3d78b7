/**
 * Hostile input on every route of the OpenAPI document (issue #8 §3): for each route and each
 * category — JSON bodies, query strings, path segments, headers and tokens, multipart bodies —
 * fast-check sends random requests as anonymous, depositor, notary, judge and admin callers (and
 * forged tokens), and every answer must hold: no 500, every error a 4xx/503/507 with
 * `{error:{code,message}}` and a code src/http/errors.ts maps to that status, no temp file left,
 * no `__proto__` body accepted. The test process must see no uncaught exception or unhandled
 * rejection, Object.prototype must stay clean, and the server must still answer /health. A route
 * in the document that was not fuzzed in every category fails the suite. `npm run test:slow` sends
 * ten times as many requests; `FUZZ_SEED` replays a failure.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { call } from '../helpers/api.js';
import {
  documentedRoutes,
  FUZZ_SCALE,
  FUZZ_SEED,
  runs,
  startFuzzWorld,
  tempFiles,
  watchProcess,
  type DocRoute,
  type FuzzWorld,
} from './harness.js';
import {
  headerCategory,
  jsonCategory,
  multipartCategory,
  multipartTemplates,
  pathCategory,
  queryCategory,
  sendAndCheck,
  waitForNoTempFiles,
  type FuzzRequest,
} from './requests.js';

/** A short account of a failed property: the error, the seed, and the request (abridged). */
function describeFailure(details: fc.RunDetails<[FuzzRequest]>): string {
  const req = details.counterexample?.[0];
  const error = details.errorInstance as Error | undefined;
  const abridged = req && {
    method: req.method,
    target: req.target.slice(0, 300),
    headers: req.headers?.map(([k, v]) => [
      k,
      v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v,
    ]),
    body:
      req.body &&
      `${JSON.stringify(req.body.subarray(0, 400).toString('latin1'))}${req.body.length > 400 ? `…(${req.body.length} bytes)` : ''}`,
    endAfterBody: req.endAfterBody,
  };
  return [
    error?.message?.split('\n')[0] ?? String(error),
    `seed ${details.seed}, path ${details.counterexamplePath}`,
    JSON.stringify(abridged),
  ].join('\n    ');
}

type Category = 'json' | 'query' | 'path' | 'headers' | 'multipart';

interface CategorySpec {
  readonly title: string;
  readonly arb: (w: FuzzWorld, r: DocRoute) => fc.Arbitrary<FuzzRequest>;
  /** Runs for `route` (before FUZZ_SCALE scaling). */
  readonly runs: (r: DocRoute) => number;
}

const hasParams = (r: DocRoute): boolean => r.path.includes('{');
const takesBody = (r: DocRoute): boolean => r.method !== 'get';

const CATEGORIES: Readonly<Record<Category, CategorySpec>> = {
  json: {
    title:
      'hostile JSON bodies (near-valid, wrong types, __proto__/constructor, ~10,000 levels deep, huge, lone surrogates)',
    arb: jsonCategory,
    runs: (r) => (takesBody(r) ? 80 : 10),
  },
  query: {
    title:
      'hostile query strings (repeated keys, a[]=, __proto__[x]=1, huge and negative numbers, bad escapes)',
    arb: queryCategory,
    runs: (r) => (r.query.length ? 50 : 10),
  },
  path: {
    title: 'hostile path segments (percent-encoding, .., %00, overlong, bad escapes)',
    arb: pathCategory,
    runs: (r) => (hasParams(r) ? 50 : 12),
  },
  headers: {
    title:
      'hostile headers (content-type lies, gzip bomb, chunked, alg:none and forged tokens, huge and many headers)',
    arb: headerCategory,
    runs: () => 28,
  },
  multipart: {
    title:
      'hostile multipart bodies (random boundaries, truncated parts, many parts, huge part headers, nasty file names)',
    arb: multipartCategory,
    runs: (r) => (r.key in multipartTemplates() ? 120 : takesBody(r) ? 12 : 6),
  },
};

describe('fuzz: hostile input on every route of the OpenAPI document', function () {
  this.timeout(300_000 * Math.max(1, FUZZ_SCALE));
  let world: FuzzWorld;
  let routes: DocRoute[];
  let watch: ReturnType<typeof watchProcess>;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  const fuzzed = new Map<string, Map<Category, number>>();
  let started = 0;
  const statuses = new Map<number, number>();
  const timings: [string, number][] = [];
  const byRoute = new Map<string, number[]>();

  before(async () => {
    started = Date.now();
    watch = watchProcess();
    world = await startFuzzWorld();
    routes = await documentedRoutes(world.server.url);
  });

  after(async () => {
    watch.stop();
    if (world) await world.server.dispose();
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    if (process.env.FUZZ_STATS)
      for (const [k, list] of byRoute) {
        const c = new Map<number, number>();
        for (const x of list) c.set(x, (c.get(x) ?? 0) + 1);
        console.log(`      ${k}: ${[...c].map(([st, n]) => `${st}×${n}`).join(' ')}`);
      }
    if (process.env.FUZZ_TIMINGS)
      for (const [k, ms] of timings.sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`      ${ms} ms ${k}`);
    console.log(
      `      fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests in ${Date.now() - started} ms (${counts.join(' ')})`,
    );
  });

  const assertProcessClean = (): void => {
    expect(watch.events, 'uncaught exceptions / unhandled rejections').to.deep.equal([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(world.server.errors, 'errors the server reported (5xx)').to.deep.equal([]);
  };

  for (const [category, spec] of Object.entries(CATEGORIES) as [Category, CategorySpec][]) {
    it(spec.title, async () => {
      const failures: string[] = [];
      for (const route of routes) {
        let sent = 0;
        const t0 = Date.now();
        const details = await fc.check(
          fc.asyncProperty(spec.arb(world, route), async (req) => {
            sent++;
            const status = await sendAndCheck(world, req);
            if (status !== undefined) statuses.set(status, (statuses.get(status) ?? 0) + 1);
            const k = `${category} ${route.key}`;
            byRoute.set(k, [...(byRoute.get(k) ?? []), status ?? 0]);
          }),
          {
            numRuns: runs(spec.runs(route)),
            ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }),
            endOnFailure: true,
          },
        );
        if (details.failed) failures.push(`${route.key}: ${describeFailure(details)}`);
        timings.push([`${category} ${route.key}`, Date.now() - t0]);
        const seen = fuzzed.get(route.key) ?? new Map<Category, number>();
        seen.set(category, sent);
        fuzzed.set(route.key, seen);
      }
      expect(failures, failures.join('\n\n')).to.deep.equal([]);
      assertProcessClean();
    });
  }

  it('fuzzed every route of the OpenAPI document in every category', async () => {
    const documented = (await documentedRoutes(world.server.url)).map((r) => r.key);
    expect(documented.length).to.be.greaterThan(30);
    const missing = documented.flatMap((key) =>
      (Object.keys(CATEGORIES) as Category[])
        .filter((c) => !((fuzzed.get(key)?.get(c) ?? 0) > 0))
        .map((c) => `${key} (${c})`),
    );
    expect(missing, 'routes not fuzzed').to.deep.equal([]);
  });

  it('still answers /api/v1/health, left no temp file and no unreferenced blob', async () => {
    expect(world.server.http.listening, 'the server still listens').to.equal(true);
    const health = await call(world.server.url, 'GET', '/api/v1/health');
    expect(health.status).to.equal(200);
    expect(health.body.status).to.equal('ok');
    await waitForNoTempFiles(world, 5_000);
    expect(tempFiles(world.server)).to.deep.equal([]);
    expect(
      await world.server.blobs.sweepUnreferenced(),
      'blobs no record references',
    ).to.deep.equal([]);
    assertProcessClean();
  });
});
