import { expect } from 'chai';
import {
  decodeBase64,
  decodeEntryBundle,
  entriesTilePath,
  openNote,
  parseCheckpoint,
  parseVkey,
  rfc6962,
  verifyConsistency,
  verifyInclusion,
} from '../../src/log/index.js';
import { utf8 } from '../helpers/log-fixture.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Body = any;

async function json(
  server: TestServer,
  path: string,
): Promise<{ status: number; body: Body; headers: Headers }> {
  const res = await fetch(server.url + path);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

describe('log HTTP API', () => {
  let server: TestServer;
  const SIZE = 70_100; // full and partial tiles on levels 0, 1 and a partial level 2

  before(async function () {
    this.timeout(60_000);
    server = await startTestServer();
    for (let done = 0; done < SIZE; done += 4096) {
      const n = Math.min(4096, SIZE - done);
      await Promise.all(
        Array.from({ length: n }, (_, i) => server.log.append(utf8(`http entry ${done + i}`))),
      );
    }
  });
  after(() => server.dispose());

  it('reports health and the tree size', async () => {
    const r = await json(server, '/api/v1/health');
    expect(r.status).to.equal(200);
    expect(r.body).to.deep.equal({ status: 'ok', size: SIZE });
  });

  it('publishes the vkey that verifies the served checkpoint, on both routes', async () => {
    const key = await json(server, '/api/v1/log/key');
    expect(key.body.origin).to.equal('http-test.huicun.localhost/log');
    expect(key.body.previous).to.deep.equal([]);
    const verifier = parseVkey(key.body.vkey);
    for (const path of ['/api/v1/log/checkpoint', '/tlog/checkpoint']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('content-type')).to.match(/^text\/plain/);
      const cp = parseCheckpoint(openNote(await res.text(), [verifier]).text);
      expect(cp.size).to.equal(SIZE);
      expect(cp.origin).to.equal(key.body.origin);
    }
  });

  it('serves entries and inclusion proofs that verify against the checkpoint', async () => {
    const cp = parseCheckpoint(server.log.current().checkpoint.split('\n\n')[0] + '\n');
    for (const index of [0, 1, 255, 256, 65_535, 65_536, SIZE - 1, 12_345]) {
      const e = await json(server, `/api/v1/log/entries/${index}`);
      expect(e.status).to.equal(200);
      const entry = decodeBase64(e.body.entry);
      expect(new TextDecoder().decode(entry)).to.equal(`http entry ${index}`);
      expect(decodeBase64(e.body.leafHash)).to.deep.equal(rfc6962.hashLeaf(entry));
      const p = await json(server, `/api/v1/log/proof/inclusion?index=${index}`);
      expect(p.body.size).to.equal(SIZE);
      verifyInclusion(
        index,
        SIZE,
        rfc6962.hashLeaf(entry),
        p.body.proof.map(decodeBase64),
        cp.root,
        rfc6962,
      );
    }
  });

  it('serves consistency proofs between any two sizes', async () => {
    const cp = parseCheckpoint(server.log.current().checkpoint.split('\n\n')[0] + '\n');
    // Old roots recomputed here from the entry bundles the log serves.
    const leaves: Uint8Array[] = [];
    for (let b = 0; b * 256 < SIZE; b++) {
      const width = Math.min(256, SIZE - b * 256);
      const t = await fetch(`${server.url}/tlog/${entriesTilePath(b, width)}`);
      expect(t.status).to.equal(200);
      leaves.push(
        ...decodeEntryBundle(new Uint8Array(await t.arrayBuffer())).map((e) => rfc6962.hashLeaf(e)),
      );
    }
    // Every request before the reference roots: computing one blocks this process (client and
    // server) for seconds, and a keep-alive socket idle that long can be closed by the server
    // just as the client reuses it (ECONNRESET), which is no fault of the log.
    const sizes = [1, 2, 255, 256, 257, 65_536, SIZE - 1];
    const proofs = [];
    for (const from of sizes) {
      const p = await json(server, `/api/v1/log/proof/consistency?from=${from}&to=${SIZE}`);
      expect(p.status).to.equal(200);
      proofs.push((p.body.proof as string[]).map(decodeBase64));
    }
    const same = await json(server, `/api/v1/log/proof/consistency?from=${SIZE}&to=${SIZE}`);
    expect(same.status).to.equal(200);
    expect(same.body.proof).to.deep.equal([]);
    expect(mth(leaves)).to.deep.equal(cp.root);
    for (const [i, from] of sizes.entries())
      verifyConsistency(from, SIZE, proofs[i]!, mth(leaves.slice(0, from)), cp.root, rfc6962);
  });

  it('serves tiles: full, partial, entry bundles, and 404 beyond the tree', async () => {
    const full = await fetch(`${server.url}/tlog/tile/0/000`);
    expect(full.status).to.equal(200);
    expect(full.headers.get('cache-control')).to.match(/immutable/);
    const body = new Uint8Array(await full.arrayBuffer());
    expect(body.length).to.equal(256 * 32);
    expect(body.subarray(0, 32)).to.deep.equal(rfc6962.hashLeaf(utf8('http entry 0')));
    // 70,100 = 273 full level-0 tiles + width 212; level 1: 1 full + width 17; level 2: width 1.
    const partial = await fetch(`${server.url}/tlog/tile/0/273.p/212`);
    expect(partial.status).to.equal(200);
    expect((await partial.arrayBuffer()).byteLength).to.equal(212 * 32);
    expect((await fetch(`${server.url}/tlog/tile/0/273.p/100`)).status).to.equal(200);
    expect((await fetch(`${server.url}/tlog/tile/1/001.p/17`)).status).to.equal(200);
    expect((await fetch(`${server.url}/tlog/tile/2/000.p/1`)).status).to.equal(200);
    expect((await fetch(`${server.url}/tlog/tile/0/273.p/213`)).status).to.equal(404);
    expect((await fetch(`${server.url}/tlog/tile/0/274`)).status).to.equal(404);
    expect((await fetch(`${server.url}/tlog/tile/0/273`)).status).to.equal(404);
    const bundle = await fetch(`${server.url}/tlog/tile/entries/273.p/212`);
    const entries = decodeEntryBundle(new Uint8Array(await bundle.arrayBuffer()));
    expect(entries).to.have.length(212);
    expect(new TextDecoder().decode(entries[0])).to.equal(`http entry ${273 * 256}`);
    const bad = await json(server, '/tlog/tile/0/1');
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('INVALID_TILE_PATH');
  });

  describe('bad input', () => {
    const cases: [string, number, string][] = [
      ['/api/v1/log/proof/inclusion', 400, 'INVALID_QUERY'],
      ['/api/v1/log/proof/inclusion?index=-1', 400, 'INVALID_QUERY'],
      ['/api/v1/log/proof/inclusion?index=01', 400, 'INVALID_QUERY'],
      ['/api/v1/log/proof/inclusion?index=1e3', 400, 'INVALID_QUERY'],
      ['/api/v1/log/proof/inclusion?index=99999999999999999999', 400, 'INVALID_QUERY'],
      ['/api/v1/log/proof/inclusion?index=1&index=2', 400, 'INVALID_QUERY'],
      [`/api/v1/log/proof/inclusion?index=${SIZE}`, 404, 'NOT_FOUND'],
      [`/api/v1/log/proof/inclusion?index=5&size=${SIZE + 1}`, 400, 'SIZE_BEYOND_TREE'],
      ['/api/v1/log/proof/inclusion?index=5&size=5', 400, 'INDEX_OUT_OF_RANGE'],
      ['/api/v1/log/proof/inclusion?index=0&size=0', 400, 'INDEX_OUT_OF_RANGE'],
      ['/api/v1/log/proof/consistency?from=0&to=5', 400, 'INVALID_QUERY'],
      ['/api/v1/log/proof/consistency?from=6&to=5', 400, 'INVALID_QUERY'],
      [`/api/v1/log/proof/consistency?from=1&to=${SIZE + 1}`, 400, 'SIZE_BEYOND_TREE'],
      ['/api/v1/log/proof/consistency?to=5', 400, 'INVALID_QUERY'],
      [`/api/v1/log/entries/${SIZE}`, 404, 'NOT_FOUND'],
      ['/api/v1/log/entries/abc', 400, 'INVALID_QUERY'],
      ['/api/v1/nope', 404, 'ROUTE_NOT_FOUND'],
      ['/tlog/tile/0/x001', 400, 'INVALID_TILE_PATH'],
      ['/tlog/tile/0/000.p/0', 400, 'INVALID_TILE_PATH'],
      ['/tlog/tile/0/000.p/256', 400, 'INVALID_TILE_PATH'],
    ];
    for (const [path, status, code] of cases) {
      it(`${path} → ${status} ${code}`, async () => {
        const r = await json(server, path);
        expect(r.status).to.equal(status);
        expect(r.body.error.code).to.equal(code);
        expect(r.body.error.message).to.be.a('string').with.length.greaterThan(0);
      });
    }
  });

  it('lists every registered route in the OpenAPI document', async () => {
    const doc = (await json(server, '/api/v1/openapi.json')).body;
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(ops)) documented.add(`${method} ${path}`);
    }
    const registered = registeredRoutes(server.app.express);
    expect(registered.length).to.be.greaterThan(8);
    for (const r of registered) expect(documented, r).to.include(r);
  });
});

/** Walks express's router for every method + path (as OpenAPI paths). */
function registeredRoutes(app: Body): string[] {
  const out: string[] = [];
  const walk = (stack: Body[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) {
          out.push(`${m} ${String(layer.route.path).replace(/[:*]([A-Za-z_]\w*)/g, '{$1}')}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk(app.router.stack);
  return out;
}

/** A naive RFC 6962 root (RFC 6962 §2.1). */
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return rfc6962.emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return rfc6962.hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
