/** Serving the built web application: files, the page fallback, caching, and the API left alone. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import express from 'express';
import { webApplication } from '../../src/http/web-static.js';

async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(webApplication(dir));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'ROUTE_NOT_FOUND', message: 'no route' } });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('web application serving', () => {
  let dir: string;
  let url: string;
  let server: Server;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>汇存</title>');
    writeFileSync(join(dir, 'assets', 'main-ABC123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'styles-ABC123.css'), 'body{}');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ({ url, server } = await serve(dir));
  });

  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves page paths with index.html, revalidated', async () => {
    for (const path of ['/', '/deposits', '/deposits/HC00000000044', '/verify?id=HC00000000044']) {
      const r = await fetch(url + path);
      expect(r.status, path).to.equal(200);
      expect(r.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(r.headers.get('cache-control')).to.equal('no-cache');
      expect(await r.text()).to.contain('汇存');
    }
  });

  it('serves hashed assets for a year, with their types', async () => {
    const js = await fetch(`${url}/assets/main-ABC123.js`);
    expect(js.status).to.equal(200);
    expect(js.headers.get('content-type')).to.match(/^text\/javascript/);
    expect(js.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).to.equal('nosniff');
    const css = await fetch(`${url}/assets/styles-ABC123.css`);
    expect(css.headers.get('content-type')).to.match(/^text\/css/);
    const icon = await fetch(`${url}/favicon.svg`);
    expect(icon.headers.get('content-type')).to.equal('image/svg+xml');
    expect(icon.headers.get('cache-control')).to.equal('no-cache');
  });

  it('leaves the API, the log, downloads and missing files to the JSON 404', async () => {
    for (const path of [
      '/api/v1/nope',
      '/tlog/nope',
      '/dl/abc',
      '/metrics',
      '/assets/gone.js',
      '/x.png',
    ]) {
      const r = await fetch(url + path);
      expect(r.status, path).to.equal(404);
      expect(r.headers.get('content-type'), path).to.match(/^application\/json/);
    }
    const post = await fetch(`${url}/deposits`, { method: 'POST' });
    expect(post.status).to.equal(404);
  });

  it('passes everything on while the application is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'huicun-web-empty-'));
    const other = await serve(empty);
    try {
      const r = await fetch(`${other.url}/`);
      expect(r.status).to.equal(404);
      expect(r.headers.get('content-type')).to.match(/^application\/json/);
    } finally {
      other.server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
