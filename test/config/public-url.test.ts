/**
 * In production the public URL is what QR codes and certificates print: a development address
 * is refused. HUICUN_NOTARIAL_NUMBER_PREFIX is checked at start.
 */
import { expect } from 'chai';
import { ConfigError, isDevelopmentUrl, loadConfig } from '../../src/config/index.js';

const production = (env: Record<string, string>): ReturnType<typeof loadConfig> =>
  loadConfig({
    NODE_ENV: 'production',
    HUICUN_ORIGIN: 'evidence.example.cn/log',
    HUICUN_TSA_URLS: 'none',
    ...env,
  });

function refused(env: Record<string, string>, variable: string): void {
  try {
    production(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError).with.property('code', 'CONFIG_INVALID');
    expect((err as Error).message).to.include(variable);
    return;
  }
  expect.fail(`accepted ${JSON.stringify(env)}`);
}

describe('config: public URL and notarial number prefix', () => {
  it('refuses a localhost, loopback or unspecified public URL in production', () => {
    for (const url of [
      'http://localhost:3000',
      'http://localhost:8080',
      'https://localhost',
      'http://LOCALHOST.:3000',
      'https://huicun.localhost',
      'http://127.0.0.1:3000',
      'http://127.1.2.3',
      'http://[::1]:3000',
      'http://[::ffff:127.0.0.1]',
      'http://0.0.0.0:3000',
      'http://[::]:3000',
    ])
      refused({ HUICUN_PUBLIC_URL: url }, 'HUICUN_PUBLIC_URL');
    refused({}, 'HUICUN_PUBLIC_URL');
  });

  it('accepts a public address in production, and localhost outside it', () => {
    expect(production({ HUICUN_PUBLIC_URL: 'https://evidence.example.cn/' }).publicUrl).to.equal(
      'https://evidence.example.cn',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).publicUrl).to.equal('http://localhost:3000');
    expect(isDevelopmentUrl('https://localhost.example.cn')).to.equal(false);
    expect(isDevelopmentUrl('http://10.0.0.5:3000')).to.equal(false);
  });

  it('reads HUICUN_NOTARIAL_NUMBER_PREFIX (default 沪徐证经字) and refuses a malformed one', () => {
    expect(loadConfig({}).notarialNumberPrefix).to.equal('沪徐证经字');
    expect(
      loadConfig({ HUICUN_NOTARIAL_NUMBER_PREFIX: '京东证内民字' }).notarialNumberPrefix,
    ).to.equal('京东证内民字');
    for (const bad of ['沪 徐证', '（2026）沪', '沪徐证经字第', '证号', 'x'.repeat(17), '沪\u0007'])
      expect(() => loadConfig({ HUICUN_NOTARIAL_NUMBER_PREFIX: bad }), bad).to.throw(
        ConfigError,
        'HUICUN_NOTARIAL_NUMBER_PREFIX',
      );
  });
});
