import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, requestLogger } from '../../src/ops/logger.js';
import { isLoopbackAddress as isLoopback } from '../../src/ops/loopback.js';
import { call, registerDepositor } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

describe('operations: headers, metrics, logs', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({}, { seeds: true })));
  after(() => server.dispose());

  it('sends a strict Content-Security-Policy and no CORS headers', async () => {
    const res = await fetch(`${server.url}/api/v1/health`, {
      headers: { origin: 'https://evil.example' },
    });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).to.include("default-src 'self'");
    expect(csp).to.include("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).to.include("frame-ancestors 'none'");
    expect(csp).to.not.include('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(res.headers.get('access-control-allow-origin')).to.equal(null);
    const preflight = await fetch(`${server.url}/api/v1/deposits`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).to.equal(405);
    expect(preflight.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('exposes Prometheus metrics that count deposits, batches and errors', async () => {
    const { token } = await registerDepositor(server.url);
    await call(server.url, 'POST', '/api/v1/deposits', {
      token,
      json: { title: 'm', files: [{ name: 'a', size: 1, sha256: 'ab'.repeat(32) }] },
    });
    await call(server.url, 'GET', '/api/v1/log/entries/999999');
    const text = (await call(server.url, 'GET', '/metrics')).text;
    expect(text).to.match(/huicun_deposits_total\{method="hash-only"\} 1/);
    expect(text).to.match(/huicun_log_batch_size_count \d+/);
    expect(text).to.match(/huicun_http_errors_total\{code="NOT_FOUND",status="404"\} 1/);
    expect(text).to.include('huicun_process_resident_memory_bytes');
  });

  it('lets only loopback peers read metrics without signing in', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.5.6.7'])
      expect(isLoopback(a), a).to.equal(true);
    for (const a of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '', undefined])
      expect(isLoopback(a), String(a)).to.equal(false);
  });

  it('logs requests with ids but never passwords, tokens or ID numbers', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination: sink });
    const secret = {
      password: 'hunter2 hunter2',
      idNumber: '31010419900307123X',
      token: 'eyJabc.def.ghi',
    };
    logger.info({ body: secret, headers: { authorization: 'Bearer eyJabc.def.ghi' } }, 'test');
    const mw = requestLogger(logger);
    const res = Object.assign(new (await import('node:events')).EventEmitter(), {
      locals: {},
      statusCode: 201,
      setHeader: () => undefined,
    });
    mw(
      {
        headers: { 'x-request-id': 'req-12345678', authorization: 'Bearer eyJabc.def.ghi' },
        method: 'POST',
        path: '/api/v1/auth/login',
      } as never,
      res as never,
      () => undefined,
    );
    res.emit('finish');
    const all = lines.join('');
    expect(all).to.include('req-12345678');
    expect(all).to.include('/api/v1/auth/login');
    for (const s of Object.values(secret)) expect(all).to.not.include(s);
  });

  it('echoes a request id on every response', async () => {
    const res = await fetch(`${server.url}/api/v1/health`, {
      headers: { 'x-request-id': 'trace-abcdef12' },
    });
    expect(res.headers.get('x-request-id')).to.equal('trace-abcdef12');
    const fresh = await fetch(`${server.url}/api/v1/health`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(fresh.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });
});
