/**
 * The development TSA: generated once into the certs folder (keys 0600, folder 0700), reused
 * afterwards, its tokens accepted by our checker and by `openssl ts -verify`, its name saying
 * it is no trusted time source, and production refusing it (docs/timestamps.md).
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { sha256 } from '../../src/crypto/index.js';
import {
  anchorsFromPem,
  checkTimeStampToken,
  configuredTimeStamper,
  DEVELOPMENT_TSA_NAME,
  developmentTsa,
  TimestampError,
  TSA_DEV_CA_FILE,
  TSA_DEV_CA_KEY_FILE,
  TSA_DEV_CERT_FILE,
  TSA_DEV_KEY_FILE,
} from '../../src/timestamp/index.js';
import { makeTsaCredentials, openssl } from './openssl-tsa.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

function throwsCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(TimestampError);
    expect((err as TimestampError).code, (err as Error).message).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

describe('timestamp: the development TSA', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'huicun-dev-tsa-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('generates its CA and signer once (keys 0600, folder 0700) and reuses them', async () => {
    const certs = join(root, 'certs');
    const first = developmentTsa(certs);
    expect(first.created).to.equal(true);
    expect(first.development).to.equal(true);
    expect(mode(certs)).to.equal(0o700);
    expect(mode(join(certs, TSA_DEV_CA_KEY_FILE))).to.equal(0o600);
    expect(mode(join(certs, TSA_DEV_KEY_FILE))).to.equal(0o600);
    expect(mode(join(certs, TSA_DEV_CA_FILE))).to.equal(0o644);
    expect(mode(join(certs, TSA_DEV_CERT_FILE))).to.equal(0o644);
    const files = [TSA_DEV_CA_FILE, TSA_DEV_CA_KEY_FILE, TSA_DEV_CERT_FILE, TSA_DEV_KEY_FILE];
    const before = files.map((f) => readFileSync(join(certs, f), 'utf8'));

    const second = developmentTsa(certs);
    expect(second.created).to.equal(false);
    expect(files.map((f) => readFileSync(join(certs, f), 'utf8'))).to.deep.equal(before);
    // a token of the first start checks against the CA the second start reads
    const imprint = sha256(new Uint8Array([1, 2, 3]));
    const stamp = await first.stamp(imprint);
    checkTimeStampToken(stamp.token, { imprint, anchors: anchorsFromPem(second.caPem) });
  });

  it('issues a new signer from the existing CA, and refuses half a pair', () => {
    const certs = join(root, 'certs');
    const ca = developmentTsa(certs).caPem;
    unlinkSync(join(certs, TSA_DEV_CERT_FILE));
    unlinkSync(join(certs, TSA_DEV_KEY_FILE));
    const again = developmentTsa(certs);
    expect(again.created).to.equal(true);
    expect(again.caPem).to.equal(ca);
    unlinkSync(join(certs, TSA_DEV_KEY_FILE));
    throwsCode(() => developmentTsa(certs), 'TSA_DEV_CREDENTIALS_INCOMPLETE');
  });

  it('stamps tokens that our checker and openssl ts -verify accept, and that say what they are', async () => {
    const tsa = developmentTsa(join(root, 'certs'));
    const data = new TextEncoder().encode('huicun.localhost/log\n7\nroot=\n');
    const imprint = sha256(data);
    const stamp = await tsa.stamp(imprint);
    expect(stamp.tsa).to.equal(DEVELOPMENT_TSA_NAME);
    expect(stamp.tsa).to.contain('not a trusted time source');
    const checked = checkTimeStampToken(stamp.token, {
      imprint,
      anchors: anchorsFromPem(tsa.caPem),
    });
    expect(checked.genTime.toISOString()).to.equal(stamp.genTime.replace(/(:\d\d)Z$/, '$1.000Z'));

    const tok = join(root, 'dev.tst');
    writeFileSync(tok, stamp.token);
    const hex = Buffer.from(imprint).toString('hex');
    const verify = (digest: string, ca: string) =>
      openssl(['ts', '-verify', '-digest', digest, '-in', tok, '-token_in', '-CAfile', ca]);
    expect(verify(hex, tsa.files.caPath).toString()).to.contain('Verification: OK');
    const other = `${hex.slice(0, -2)}${hex.endsWith('00') ? '01' : '00'}`;
    expect(() => verify(other, tsa.files.caPath)).to.throw();
    // another CA does not vouch for it
    const foreign = makeTsaCredentials('foreign');
    try {
      expect(() => verify(hex, foreign.caCert)).to.throw();
      throwsCode(
        () => checkTimeStampToken(stamp.token, { imprint, anchors: anchorsFromPem(foreign.caPem) }),
        'TSA_NOT_TRUSTED',
      );
    } finally {
      rmSync(foreign.dir, { recursive: true, force: true });
    }
  });

  it('is refused in production, and chosen by the configuration only outside it', () => {
    const certs = join(root, 'certs');
    throwsCode(() => developmentTsa(certs, { production: true }), 'TSA_DEVELOPMENT_REFUSED');
    const dev = configuredTimeStamper(loadConfig({}).tsa, { certsDir: certs, production: false });
    expect(dev?.development).to.equal(true);
    expect(
      configuredTimeStamper(loadConfig({ HUICUN_TSA_URLS: 'none' }).tsa, {
        certsDir: certs,
        production: false,
      }),
    ).to.equal(undefined);
    throwsCode(
      () =>
        configuredTimeStamper(
          loadConfig({ HUICUN_TSA_URLS: 'http://127.0.0.1:9/', HUICUN_TSA_CA: join(root, 'x.pem') })
            .tsa,
          { certsDir: certs, production: false },
        ),
      'TSA_CA_INVALID',
    );
    throwsCode(
      () =>
        configuredTimeStamper(
          { mode: 'development', urls: [], caPath: undefined, timeoutMs: 5000, intervalS: 10 },
          { certsDir: certs, production: true },
        ),
      'TSA_DEVELOPMENT_REFUSED',
    );
  });
});
