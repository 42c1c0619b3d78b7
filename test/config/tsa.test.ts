/**
 * HUICUN_TSA_*: the RFC 3161 TSAs, `none`, the development TSA outside production only, and the
 * timeout and interval (docs/timestamps.md).
 */
import { expect } from 'chai';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  HUICUN_ORIGIN: 'evidence.example.cn/log',
  HUICUN_PUBLIC_URL: 'https://evidence.example.cn',
};

function refused(env: Record<string, string>, text: string): void {
  expect(() => loadConfig(env))
    .to.throw(ConfigError, text)
    .with.property('code', 'CONFIG_INVALID');
}

describe('config: trusted time (HUICUN_TSA_*)', () => {
  it('uses the development TSA by default outside production, with the defaults', () => {
    expect(loadConfig({}).tsa).to.deep.equal({
      mode: 'development',
      urls: [],
      caPath: undefined,
      timeoutMs: 5000,
      intervalS: 10,
    });
  });

  it('reads the URLs in order, the CA resolved, the timeout and the interval', () => {
    const tsa = loadConfig({
      HUICUN_TSA_URLS: 'https://tsa.example.cn/tsa, http://backup.example.com:8080/ts',
      HUICUN_TSA_CA: 'tsa-ca.pem',
      HUICUN_TSA_TIMEOUT_MS: '2500',
      HUICUN_TSA_INTERVAL_S: '60',
    }).tsa;
    expect(tsa).to.deep.equal({
      mode: 'rfc3161',
      urls: ['https://tsa.example.cn/tsa', 'http://backup.example.com:8080/ts'],
      caPath: resolve('tsa-ca.pem'),
      timeoutMs: 2500,
      intervalS: 60,
    });
  });

  it('refuses a production server without HUICUN_TSA_URLS, and takes "none" or URLs there', () => {
    refused(PRODUCTION, 'HUICUN_TSA_URLS');
    expect(loadConfig({ ...PRODUCTION, HUICUN_TSA_URLS: 'none' }).tsa.mode).to.equal('none');
    expect(
      loadConfig({
        ...PRODUCTION,
        HUICUN_TSA_URLS: 'https://tsa.example.cn/tsa',
        HUICUN_TSA_CA: '/etc/huicun/tsa-ca.pem',
      }).tsa.mode,
    ).to.equal('rfc3161');
  });

  it('refuses URLs that are not http(s), carry a password or are not URLs, and URLs without a CA', () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://tsa.example.cn/',
      'tsa.example.cn',
      'https://a:b@tsa.example.cn/',
    ]) {
      refused({ HUICUN_TSA_URLS: url, HUICUN_TSA_CA: 'ca.pem' }, 'HUICUN_TSA_URLS');
    }
    refused(
      { HUICUN_TSA_URLS: 'https://tsa.example.cn/,', HUICUN_TSA_CA: 'ca.pem' },
      'HUICUN_TSA_URLS',
    );
    refused({ HUICUN_TSA_URLS: 'https://tsa.example.cn/' }, 'HUICUN_TSA_CA');
  });

  it('refuses a timeout or interval out of range', () => {
    refused({ HUICUN_TSA_TIMEOUT_MS: '0' }, 'HUICUN_TSA_TIMEOUT_MS');
    refused({ HUICUN_TSA_TIMEOUT_MS: '5s' }, 'HUICUN_TSA_TIMEOUT_MS');
    refused({ HUICUN_TSA_INTERVAL_S: '0' }, 'HUICUN_TSA_INTERVAL_S');
  });
});
