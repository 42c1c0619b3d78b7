/**
 * Behind a proxy (issue 11 §3): HUICUN_TRUST_PROXY is `off`, a hop count or a list of the
 * proxies' addresses, and the client address is read from the right of X-Forwarded-For (what our
 * proxies appended), never the left-most entry a client writes; /metrics and the loopback-only
 * ops access refuse a request that carries a forwarding header.
 */
import { expect } from 'chai';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ConfigError,
  expressTrustProxy,
  loadConfig,
  parseTrustProxy,
  type TrustProxy,
} from '../../src/config/index.js';
import { call, registerDepositor, testIdNumber } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server-fixture.js';

/** A bare express app with our setting that answers `req.ip`. */
async function echoIp(
  trust: TrustProxy,
): Promise<{ ip(xff?: string): Promise<string>; close(): Promise<void> }> {
  const app = express();
  app.set('trust proxy', expressTrustProxy(trust));
  app.get('/ip', (req, res) => {
    res.type('text/plain').send(req.ip);
  });
  const http: Server = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/ip`;
  return {
    async ip(xff) {
      const res = await fetch(
        url,
        xff === undefined ? {} : { headers: { 'x-forwarded-for': xff } },
      );
      return res.text();
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

const configError = (value: string): string => {
  try {
    loadConfig({ HUICUN_TRUST_PROXY: value });
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).code).to.equal('CONFIG_INVALID');
    return (err as Error).message;
  }
  return expect.fail(`HUICUN_TRUST_PROXY=${value} was accepted`);
};

describe('HUICUN_TRUST_PROXY', () => {
  it('is off by default and for off, 0, false, no', () => {
    expect(loadConfig({}).trustProxy).to.deep.equal({ kind: 'off' });
    for (const v of ['off', 'OFF', '0', 'false', 'no', ''])
      expect(parseTrustProxy(v), v).to.deep.equal({ kind: 'off' });
  });

  it('takes a hop count or a comma-separated list of addresses, subnets and range names', () => {
    expect(loadConfig({ HUICUN_TRUST_PROXY: '1' }).trustProxy).to.deep.equal({
      kind: 'hops',
      hops: 1,
    });
    expect(parseTrustProxy('2')).to.deep.equal({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy(' 10.0.0.1 , 192.168.0.0/16,fd00::/8, ::1,loopback ')).to.deep.equal({
      kind: 'addresses',
      addresses: ['10.0.0.1', '192.168.0.0/16', 'fd00::/8', '::1', 'loopback'],
    });
  });

  it('stops the server at start on a malformed value, naming the variable', () => {
    for (const v of ['on', 'true', 'yes'])
      expect(configError(v)).to.match(/^HUICUN_TRUST_PROXY: .*number of proxies/);
    expect(configError('17')).to.match(/^HUICUN_TRUST_PROXY: a hop count is at most 16/);
    expect(configError('10.0.0.1,proxy.example')).to.match(
      /^HUICUN_TRUST_PROXY: "proxy.example" is not an IP address/,
    );
    expect(configError('10.0.0.0/33')).to.match(/prefix length from 0 to 32/);
    expect(configError('fd00::/129')).to.match(/prefix length from 0 to 128/);
    expect(configError('10.0.0.1,,10.0.0.2')).to.match(/empty/);
    expect(configError('-1')).to.match(/not an IP address/);
  });

  describe('the client address (req.ip) from a request through the proxy at 127.0.0.1', () => {
    // What a client writes itself comes first; our proxy appends the address it saw.
    const XFF = '6.6.6.6, 1.2.3.4';

    it('with 1: the right-most entry, never the left-most a client can write', async () => {
      const app = await echoIp({ kind: 'hops', hops: 1 });
      try {
        expect(await app.ip(XFF)).to.equal('1.2.3.4');
        expect(await app.ip('1.2.3.4')).to.equal('1.2.3.4');
        expect(await app.ip()).to.equal('127.0.0.1');
      } finally {
        await app.close();
      }
    });

    it('with 2: the entry two proxies back', async () => {
      const app = await echoIp({ kind: 'hops', hops: 2 });
      try {
        expect(await app.ip('6.6.6.6, 5.5.5.5, 1.2.3.4')).to.equal('5.5.5.5');
      } finally {
        await app.close();
      }
    });

    it('with a list: only the listed proxies are skipped', async () => {
      const one = await echoIp({ kind: 'addresses', addresses: ['127.0.0.1'] });
      const two = await echoIp({ kind: 'addresses', addresses: ['127.0.0.1', '1.2.3.0/24'] });
      const other = await echoIp({ kind: 'addresses', addresses: ['10.0.0.1'] });
      try {
        expect(await one.ip(XFF)).to.equal('1.2.3.4');
        expect(await two.ip(XFF)).to.equal('6.6.6.6');
        // The peer is not a listed proxy: its header is not believed.
        expect(await other.ip(XFF)).to.equal('127.0.0.1');
      } finally {
        await Promise.all([one.close(), two.close(), other.close()]);
      }
    });

    it('with off: the header is ignored', async () => {
      const app = await echoIp({ kind: 'off' });
      try {
        expect(await app.ip(XFF)).to.equal('127.0.0.1');
      } finally {
        await app.close();
      }
    });
  });
});

describe('the server behind one proxy (HUICUN_TRUST_PROXY=1)', function () {
  this.timeout(60_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ HUICUN_TRUST_PROXY: '1' }, { seeds: true });
  });
  after(() => server.dispose());

  it('rate-limits registrations by the right-most X-Forwarded-For entry, whatever the client writes before it', async () => {
    const register = (i: number, xff: string) =>
      call(server.url, 'POST', '/api/v1/auth/register', {
        json: {
          username: `proxied-${i}`,
          password: 'correct horse battery staple',
          displayName: 'x',
          realName: '张三',
          idNumber: testIdNumber(500 + i),
        },
        headers: { 'x-forwarded-for': xff },
      });
    // A new forged left-most address on every request: the proxy-appended one stays 1.2.3.4.
    for (let i = 0; i < 20; i++)
      expect((await register(i, `6.6.6.${i}, 1.2.3.4`)).status, `registration ${i}`).to.equal(201);
    const limited = await register(20, '6.6.6.99, 1.2.3.4');
    expect([limited.status, limited.body.error.code]).to.deep.equal([429, 'RATE_LIMITED']);
    expect((await register(21, '6.6.6.0, 1.2.3.5')).status).to.equal(201);
  });

  it('refuses /metrics without an admin token to any request a proxy forwarded (403)', async () => {
    expect((await call(server.url, 'GET', '/metrics')).status).to.equal(200);
    for (const [name, value] of [
      ['X-Forwarded-For', '127.0.0.1'],
      ['X-Forwarded-Host', 'huicun.example'],
      ['X-Forwarded-Proto', 'https'],
      ['Forwarded', 'for=127.0.0.1'],
      ['X-Real-IP', '127.0.0.1'],
      ['Via', '1.1 proxy'],
    ] as const) {
      const r = await call(server.url, 'GET', '/metrics', { headers: { [name]: value } });
      expect([r.status, r.body?.error?.code], name).to.deep.equal([
        403,
        'FORWARDED_REQUEST_REFUSED',
      ]);
    }
    const { token } = await registerDepositor(server.url);
    const depositor = await call(server.url, 'GET', '/metrics', {
      token,
      headers: { 'X-Forwarded-For': '1.2.3.4' },
    });
    expect([depositor.status, depositor.body.error.code]).to.deep.equal([403, 'ROLE_FORBIDDEN']);
    const admin = await call(server.url, 'POST', '/api/v1/auth/login', {
      json: { username: 'demo-admin', password: 'demo-admin-pass' },
    });
    expect(admin.status, admin.text).to.equal(200);
    const proxied = await call(server.url, 'GET', '/metrics', {
      token: admin.body.token,
      headers: { 'X-Forwarded-For': '1.2.3.4' },
    });
    expect(proxied.status, 'an administrator may read metrics through the proxy').to.equal(200);
    expect(proxied.text).to.include('huicun_http_requests_total');
  });
});
