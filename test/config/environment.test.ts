/**
 * Every environment variable is read in src/config and checked there: the log level and the
 * notary P12 reach the logger and the signer as configuration, never from `process.env`.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/index.js';

describe('config: environment read in one place', () => {
  it('defaults the log level to warn under NODE_ENV=test and to info otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).to.equal('warn');
    expect(loadConfig({}).logLevel).to.equal('info');
    expect(loadConfig({ HUICUN_LOG_LEVEL: '' }).logLevel).to.equal('info');
    expect(loadConfig({ NODE_ENV: 'test', HUICUN_LOG_LEVEL: 'debug' }).logLevel).to.equal('debug');
  });

  it('refuses a log level pino does not know, naming the variable', () => {
    for (const level of ['verbose', 'INFO', ' info']) {
      expect(() => loadConfig({ HUICUN_LOG_LEVEL: level }))
        .to.throw(ConfigError, 'HUICUN_LOG_LEVEL')
        .with.property('code', 'CONFIG_INVALID');
    }
  });

  it('reads the notary P12 path (resolved) and its password', () => {
    expect(loadConfig({}).notaryP12).to.deep.equal({ path: undefined, password: '' });
    expect(
      loadConfig({ HUICUN_NOTARY_P12: 'office.p12', HUICUN_NOTARY_P12_PASSWORD: 's3cret' })
        .notaryP12,
    ).to.deep.equal({ path: resolve('office.p12'), password: 's3cret' });
    expect(loadConfig({ HUICUN_NOTARY_P12: '' }).notaryP12.path).to.equal(undefined);
  });

  it('leaves process.env to src/config and the command-line entry points', () => {
    const readers: string[] = [];
    const visit = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (name.endsWith('.ts') && readFileSync(path, 'utf8').includes('process.env'))
          readers.push(path.replaceAll('\\', '/'));
      }
    };
    visit('src');
    const outside = readers.filter(
      (p) => !p.startsWith('src/config/') && !p.startsWith('src/cli/'),
    );
    expect(outside).to.deep.equal([]);
  });
});
