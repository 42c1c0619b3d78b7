/**
 * The notary's credentials and our own @signpdf Signer: generated CA and leaf (never
 * overwritten, keys 0600), an operator's P12 made by OpenSSL, production refusals, and the CMS
 * checked by `openssl cms -verify`.
 */
import { expect } from 'chai';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureNotaryCredentials,
  loadNotarySigner,
  NOTARY_CA_FILE,
  NOTARY_CA_KEY_FILE,
  NOTARY_P12_FILE,
} from '../../src/certificate/signing/credentials.js';
import { CertificateError } from '../../src/certificate/errors.js';
import { notarySignerFromP12 } from '../../src/certificate/signing/signer.js';
import { testSigner } from './fixture.js';
import { run } from './tools.js';
import { expectBytes } from '../helpers/bytes.js';

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(CertificateError);
    expect((err as CertificateError).code, (err as Error).message).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

const mode = (p: string): number => statSync(p).mode & 0o777;

describe('notary credentials and signer', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-signer-test-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the CA and the leaf once, as docs/configuration.md describes, and never overwrites them', () => {
    const { certsDir, signer } = testSigner();
    const ca = join(certsDir, NOTARY_CA_FILE);
    expect(mode(join(certsDir, NOTARY_CA_KEY_FILE))).to.equal(0o600);
    expect(mode(join(certsDir, NOTARY_P12_FILE))).to.equal(0o600);
    const caText = run('openssl', ['x509', '-in', ca, '-noout', '-text']).stdout;
    expect(caText).to.match(/Basic Constraints: critical\s+CA:TRUE/);
    expect(caText).to.match(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(signer.generatedCa).to.equal(true);
    expect(signer.info.keyBits).to.equal(3072);
    expect(signer.info.chainLength).to.equal(2);
    const years =
      (signer.info.validTo.getTime() - signer.info.validFrom.getTime()) / (365.25 * 86400e3);
    expect(years).to.be.within(9.9, 10.1);
    const before = readFileSync(join(certsDir, NOTARY_P12_FILE));
    expect(ensureNotaryCredentials(certsDir).created).to.equal(false);
    expectBytes(readFileSync(join(certsDir, NOTARY_P12_FILE)), before);
  });

  it('the leaf: RSA-3072, digitalSignature + nonRepudiation, issued by the CA', () => {
    const { certsDir } = testSigner();
    const leaf = join(dir, 'leaf.pem');
    run('openssl', [
      'pkcs12',
      '-in',
      join(certsDir, NOTARY_P12_FILE),
      '-passin',
      'pass:',
      '-nokeys',
      '-clcerts',
      '-out',
      leaf,
    ]);
    const text = run('openssl', ['x509', '-in', leaf, '-noout', '-text']).stdout;
    expect(text).to.include('Public-Key: (3072 bit)');
    expect(text).to.match(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    run('openssl', ['verify', '-CAfile', join(certsDir, NOTARY_CA_FILE), leaf]);
  });

  it('a lost P12 is re-issued by the existing CA; a CA without its key is refused', () => {
    const d = join(dir, 'reissue');
    ensureNotaryCredentials(d);
    const ca = readFileSync(join(d, NOTARY_CA_FILE));
    unlinkSync(join(d, NOTARY_P12_FILE));
    expect(ensureNotaryCredentials(d).created).to.equal(true);
    expectBytes(readFileSync(join(d, NOTARY_CA_FILE)), ca);
    run('openssl', [
      'pkcs12',
      '-in',
      join(d, NOTARY_P12_FILE),
      '-passin',
      'pass:',
      '-nokeys',
      '-clcerts',
      '-out',
      join(d, 'leaf.pem'),
    ]);
    run('openssl', ['verify', '-CAfile', join(d, NOTARY_CA_FILE), join(d, 'leaf.pem')]);
    unlinkSync(join(d, NOTARY_P12_FILE));
    unlinkSync(join(d, NOTARY_CA_KEY_FILE));
    expectCode(() => ensureNotaryCredentials(d), 'NOTARY_CREDENTIALS_INCOMPLETE');
  });

  it('production: never generates, and refuses the generated CA', () => {
    const empty = join(dir, 'production');
    expectCode(() => loadNotarySigner(empty, {}, { production: true }), 'NOTARY_P12_MISSING');
    expect(existsSync(join(empty, NOTARY_P12_FILE))).to.equal(false);
    const generated = join(testSigner().certsDir, NOTARY_P12_FILE);
    expectCode(
      () => loadNotarySigner(empty, { path: generated }, { production: true }),
      'NOTARY_CA_GENERATED',
    );
  });

  it("loads an office's own P12 (OpenSSL, AES-256, with its chain) and signs a CMS OpenSSL verifies", async () => {
    const o = (...a: string[]) => run('openssl', a);
    const p = (n: string) => join(dir, n);
    // As an office would: its own CA (here a test one), a leaf, a P12 with the chain.
    const sh = (line: string) =>
      o(...line.split(' ').map((w) => w.replace(/^@/, `${dir}/`).replaceAll('_', ' ')));
    sh(
      'req -x509 -newkey rsa:2048 -nodes -keyout @ca.key -out @ca.pem -days 3650 -subj /C=CN/O=Example_Notary/CN=Example_Notary_Root_CA -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign',
    );
    sh(
      'req -newkey rsa:3072 -nodes -keyout @leaf.key -out @leaf.csr -subj /C=CN/O=Example_Notary/CN=Example_Notary_Office',
    );
    writeFileSync(
      p('leaf.ext'),
      'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
    );
    sh(
      'x509 -req -in @leaf.csr -CA @ca.pem -CAkey @ca.key -CAcreateserial -days 365 -extfile @leaf.ext -out @leaf.pem',
    );
    sh(
      'pkcs12 -export -inkey @leaf.key -in @leaf.pem -certfile @ca.pem -out @office.p12 -passout pass:s3cret',
    );
    const { signer, created } = loadNotarySigner(
      p('unused'),
      { path: p('office.p12'), password: 's3cret' },
      { production: true },
    );
    expect(created).to.equal(false);
    expect(signer.generatedCa).to.equal(false);
    expect(signer.info.commonName).to.equal('Example Notary Office');
    expect(signer.info.chainLength).to.equal(2);
    const content = Buffer.from('the bytes of a /ByteRange');
    const cms = await signer.sign(content);
    expect(cms.length).to.be.below(signer.signatureLength);
    writeFileSync(p('sig.der'), cms);
    writeFileSync(p('content'), content);
    o(
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      p('sig.der'),
      '-content',
      p('content'),
      '-CAfile',
      p('ca.pem'),
      '-purpose',
      'any',
      '-out',
      p('out'),
    );
    const printed = o('cms', '-cmsout', '-print', '-inform', 'DER', '-in', p('sig.der')).stdout;
    expect(printed)
      .to.include('contentType')
      .and.include('messageDigest')
      .and.include('signingCertificateV2');
    expect(printed).to.not.include('signingTime');
    expect(printed.match(/cert_info:/g)).to.have.length(2); // the whole chain
    writeFileSync(p('content'), 'the bytes of a /ByteRangE');
    expect(
      run(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          p('sig.der'),
          '-content',
          p('content'),
          '-CAfile',
          p('ca.pem'),
          '-purpose',
          'any',
          '-out',
          p('out'),
        ],
        false,
      ).status,
    ).to.not.equal(0);
    expectCode(
      () => notarySignerFromP12(readFileSync(p('office.p12')), 'wrong'),
      'NOTARY_P12_INVALID',
    );
  });

  it('refuses an EC key, garbage, and an expired certificate', () => {
    const p = (n: string) => join(dir, n);
    run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      p('ec.key'),
      '-out',
      p('ec.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=EC',
    ]);
    run('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      p('ec.key'),
      '-in',
      p('ec.pem'),
      '-out',
      p('ec.p12'),
      '-passout',
      'pass:',
    ]);
    expectCode(() => notarySignerFromP12(readFileSync(p('ec.p12')), ''), 'NOTARY_KEY_NOT_RSA');
    expectCode(() => notarySignerFromP12(Buffer.from('not a p12'), ''), 'NOTARY_P12_INVALID');
    const p12 = readFileSync(join(testSigner().certsDir, NOTARY_P12_FILE));
    expectCode(() => notarySignerFromP12(p12, '', new Date('2099-01-01')), 'NOTARY_P12_INVALID');
  });
});
