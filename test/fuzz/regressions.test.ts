/**
 * Regression tests of the bugs the hostile-input fuzzing (test/fuzz/routes.test.ts) found, each
 * reduced to the smallest input that showed it.
 */
import { expect } from 'chai';
import { AccountError } from '../../src/accounts/errors.js';
import { generateP256 } from '../../src/crypto/index.js';
import { TokenService } from '../../src/accounts/tokens.js';
import { call, registerDepositor } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';
import { openConnection, portOf, rawRequest, requestHead, within } from './raw-http.js';

const b64url = (v: string): string => Buffer.from(v).toString('base64url');

describe('fuzz regressions', function () {
  this.timeout(30_000);

  describe('tokens', () => {
    it('a JWT whose header says typ "JWT" and whose payload is not JSON is TOKEN_INVALID, not a SyntaxError (500)', () => {
      const tokens = new TokenService({ pair: generateP256(), issuer: 'https://huicun.test' });
      for (const payload of ['not json at all', '{"sub":', '']) {
        const token = `${b64url(JSON.stringify({ typ: 'JWT', kid: tokens.keyId }))}.${b64url(payload)}.`;
        expect(() => tokens.verify(token))
          .to.throw(AccountError)
          .with.property('code', 'TOKEN_INVALID');
      }
    });
  });

  describe('HTTP', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ HUICUN_RATE_LIMITS: 'off' });
    });
    after(() => server.dispose());

    it('answers such a token with 401 TOKEN_INVALID on any route', async () => {
      const token = `${b64url('{"typ":"JWT"}')}.${b64url('not json at all')}.`;
      const r = await call(server.url, 'GET', '/api/v1/log/key', { token });
      expect([r.status, r.body?.error?.code]).to.deep.equal([401, 'TOKEN_INVALID']);
    });

    it('answers headers over the limit with 431 and a JSON error body (Node alone sends none)', async () => {
      const res = await rawRequest(server.url, {
        method: 'GET',
        target: '/api/v1/health',
        headers: [['X-Huge', 'h'.repeat(20_000)]],
      });
      expect(res?.status).to.equal(431);
      expect(JSON.parse(res!.body.toString()).error.code).to.equal('HEADERS_TOO_LARGE');
    });

    it('answers a malformed request line with 400 and a JSON error body', async () => {
      const res = await rawRequest(server.url, { method: 'GET', target: '/a b\u0001' });
      expect(res?.status).to.equal(400);
      expect(JSON.parse(res!.body.toString()).error.code).to.equal('INVALID_REQUEST');
    });

    it('a download whose client closes the connection at once is not an internal error (express sendFile ECONNABORTED)', async () => {
      const { token } = await registerDepositor(server.url);
      const form = new FormData();
      form.append('title', 'aborted downloads');
      form.append('files', new Blob([new Uint8Array(256 * 1024).fill(7)]), 'big.bin');
      const up = await call(server.url, 'POST', '/api/v1/deposits', { token, body: form });
      expect(up.status, up.text).to.equal(201);
      const id = up.body.deposit.id as string;
      for (const target of [
        `/api/v1/deposits/${id}/files/0`,
        `/api/v1/deposits/${id}/certificate.pdf`,
      ]) {
        for (let i = 0; i < 5; i++) {
          const port = portOf(server.url);
          const conn = await openConnection(port);
          conn.socket.end(
            requestHead(
              { method: 'GET', target, headers: [['Authorization', `Bearer ${token}`]] },
              port,
            ),
          );
          await within(5_000, target, conn.closed);
        }
      }
      // The server finishes with the aborted requests after their sockets closed: wait for it.
      const served = await call(server.url, 'GET', `/api/v1/deposits/${id}/files/0`, { token });
      expect(served.status).to.equal(200);
      expect(server.errors.map(String)).to.deep.equal([]);
    });

    it('a read while the store is closed for a reopen (sequencer recovery on a full disk) is 503 LOG_UNAVAILABLE, not 500', async () => {
      const { token } = await registerDepositor(server.url);
      const made = await call(server.url, 'POST', '/api/v1/deposits', {
        token,
        json: { title: 'read me', files: [{ name: 'a.bin', size: 1, sha256: 'ef'.repeat(32) }] },
      });
      expect(made.status).to.equal(201);
      const path = `/api/v1/deposits/${made.body.deposit.id}`;
      await server.store.close();
      try {
        const r = await call(server.url, 'GET', path, { token });
        expect([r.status, r.body?.error?.code]).to.deep.equal([503, 'LOG_UNAVAILABLE']);
        expect(r.headers.get('retry-after')).to.equal('5');
      } finally {
        await server.store.reopen();
      }
      expect((await call(server.url, 'GET', path, { token })).status).to.equal(200);
      // The 503 is reported to the operator; here it is expected.
      expect(server.errors.map((e) => (e as { code?: string }).code)).to.deep.equal([
        'LEVEL_DATABASE_NOT_OPEN',
      ]);
      server.errors.length = 0;
    });

    it('a title or description with a lone surrogate is 400 INVALID_FIELD, not a JCS TypeError (500)', async () => {
      const { token } = await registerDepositor(server.url);
      const files = [{ name: 'a.bin', size: 1, sha256: 'ab'.repeat(32) }];
      for (const fields of [
        { title: 'a\ud83d' },
        { title: '\udc00' },
        { title: 'ok', description: 'x\udc00y' },
      ]) {
        const r = await call(server.url, 'POST', '/api/v1/deposits', {
          token,
          json: { ...fields, files },
        });
        expect([r.status, r.body?.error?.code], JSON.stringify(fields)).to.deep.equal([
          400,
          'INVALID_FIELD',
        ]);
      }
      const paired = await call(server.url, 'POST', '/api/v1/deposits', {
        token,
        json: { title: 'a pair is fine 😀', files },
      });
      expect(paired.status).to.equal(201);
    });

    it('a hash-only deposit whose fields hide under "__proto__" is refused, not accepted', async () => {
      const { token } = await registerDepositor(server.url);
      const fields = JSON.stringify({
        title: 'hidden',
        files: [{ name: 'a.bin', size: 1, sha256: 'ab'.repeat(32) }],
      });
      const r = await call(server.url, 'POST', '/api/v1/deposits', {
        token,
        body: `{"__proto__":${fields}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status, r.text).to.equal(400);
      expect(r.body.error.code).to.equal('UNKNOWN_FIELD');
    });
  });
});
