/**
 * PAdES B-T (docs/certificates.md "Signature time-stamps"): a certificate signed by a notary
 * signer with a TimeStamper carries id-aa-signatureTimeStampToken over its signature value,
 * which `openssl ts -verify` accepts against the TSA's CA; pdfsig still finds the signature
 * valid; the page names the TSA. A failing TSA (or a token too large for /Contents) still
 * issues the document, unstamped, saying "no RFC 3161 time-stamp".
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentInfo, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  renderDepositCertificate,
  type DepositCertificateInput,
} from '../../src/certificate/documents/deposit-certificate.js';
import { renderNotarialCertificate } from '../../src/certificate/documents/notarial-certificate.js';
import { renderVerificationReport } from '../../src/certificate/documents/verification-report.js';
import { id_aa_signatureTimeStampToken } from '../../src/certificate/signing/cms.js';
import { NotarySigner, TIMESTAMP_TOKEN_RESERVE } from '../../src/certificate/signing/signer.js';
import { CertificateError } from '../../src/certificate/errors.js';
import { sha256 } from '../../src/crypto/index.js';
import {
  DEVELOPMENT_TSA_NAME,
  developmentTsa,
  TimestampError,
  type DevelopmentTsa,
  type TimeStamper,
} from '../../src/timestamp/index.js';
import { expectBytes } from '../helpers/bytes.js';
import {
  ISSUED_AT,
  ISSUER,
  PUBLIC_URL,
  sampleChecks,
  sampleDeposit,
  sampleExamination,
  sampleFiles,
  testSigner,
} from './fixture.js';
import {
  ghostscriptCheck,
  mutoolVerify,
  pdfsig,
  pdfsigCheck,
  pdfText,
  qpdfCheck,
  run,
  save,
  type StrictReport,
} from './tools.js';
import pino from 'pino';
import { call, registerDepositor } from '../helpers/api.js';
import { startTestServer } from '../helpers/server-fixture.js';
import { FakeScheduler } from '../timestamp/fakes.js';

/** The /ByteRange of a signed PDF: the signed bytes and the DER CMS in /Contents. */
function signatureOf(pdf: Buffer): { signed: Buffer; cms: Buffer } {
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  expect(m, '/ByteRange').to.not.equal(null);
  const [a, b, c, d] = m!.slice(1).map(Number) as [number, number, number, number];
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  const padded = Buffer.from(hex, 'hex');
  // DER SEQUENCE with a long-form length: 0x30 0x8n and n length bytes; the rest is padding
  expect(padded[0]).to.equal(0x30);
  const n = padded[1]! & 0x7f;
  const length = padded.subarray(2, 2 + n).reduce((acc, byte) => acc * 256 + byte, 0);
  return { signed, cms: padded.subarray(0, 2 + n + length) };
}

function signerInfoOf(cms: Uint8Array): SignerInfo {
  const info = AsnConvert.parse(cms, ContentInfo);
  const sd = AsnConvert.parse(info.content, SignedData);
  expect(sd.signerInfos).to.have.length(1);
  return sd.signerInfos[0]!;
}

/** pdftotext's words on one line, without hyphens (it joins `time-` + `stamp` at a line end). */
const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/-/g, '');

const stampTokens = (si: SignerInfo): Uint8Array[] =>
  (si.unsignedAttrs ?? [])
    .filter((a) => a.attrType === id_aa_signatureTimeStampToken)
    .flatMap((a) => a.attrValues.map((v) => new Uint8Array(v)));

/** A TimeStamper that always fails, as a TSA that is down. */
const failingTsa: TimeStamper = {
  development: false,
  name: 'a TSA that is down',
  stamp: () => Promise.reject(new TimestampError('TSA_UNREACHABLE', 'connection refused')),
};

describe('PDF signature time-stamps (PAdES B-T)', function () {
  this.timeout(120_000);
  let dir: string;
  let tsa: DevelopmentTsa;
  let input: DepositCertificateInput;
  let base: NotarySigner;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huicun-pades-test-'));
    tsa = developmentTsa(join(dir, 'certs'));
    writeFileSync(join(dir, 'tsa-ca.pem'), tsa.caPem);
    const { deposit, receipt } = await sampleDeposit(sampleFiles(2).map((f) => f.item));
    input = {
      deposit,
      receipt,
      version: 1,
      issuedAt: ISSUED_AT,
      issuer: ISSUER,
      publicUrl: PUBLIC_URL,
      retentionYears: 30,
    };
    base = testSigner().signer;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('with the development TSA', () => {
    let pdf: Buffer;
    let path: string;
    before(async () => {
      pdf = await renderDepositCertificate(input, base.withTimeStamper(tsa));
      path = save(dir, 'stamped.pdf', pdf);
    });

    it('carries one id-aa-signatureTimeStampToken that openssl ts -verify accepts over the signature value', () => {
      const si = signerInfoOf(signatureOf(pdf).cms);
      const tokens = stampTokens(si);
      expect(tokens).to.have.length(1);
      const sigPath = save(dir, 'signature-value.bin', Buffer.from(si.signature.buffer));
      const tokenPath = save(dir, 'token.der', Buffer.from(tokens[0]!));
      const caPath = join(dir, 'tsa-ca.pem');
      const ok = run('openssl', [
        'ts',
        '-verify',
        '-data',
        sigPath,
        '-in',
        tokenPath,
        '-token_in',
        '-CAfile',
        caPath,
      ]);
      expect(ok.stdout).to.include('Verification: OK');
      // the imprint is SHA-256 of the signature value, not of the document
      const text = run('openssl', ['ts', '-reply', '-in', tokenPath, '-token_in', '-text']).stdout;
      expect(text.replace(/[\s:-]/g, '').toLowerCase()).to.include(
        Buffer.from(sha256(new Uint8Array(si.signature.buffer)))
          .toString('hex')
          .slice(0, 16),
      );
      // and a token over other bytes fails
      const other = save(dir, 'other.bin', Buffer.from('not the signature value'));
      const bad = run(
        'openssl',
        ['ts', '-verify', '-data', other, '-in', tokenPath, '-token_in', '-CAfile', caPath],
        false,
      );
      expect(bad.status).to.not.equal(0);
    });

    it('keeps the signed attributes and signature of B-B: only the unsigned attribute is added', async () => {
      const { signed, cms } = signatureOf(pdf);
      const si = signerInfoOf(cms);
      si.unsignedAttrs = undefined;
      const unstamped = signerInfoOf(await base.sign(signed));
      expectBytes(
        new Uint8Array(AsnConvert.serialize(si)),
        new Uint8Array(AsnConvert.serialize(unstamped)),
      );
    });

    it('pdfsig: the time-stamped signature is valid and the whole document signed', () => {
      const out = pdfsig(path);
      expect(out).to.include('Signature Type: ETSI.CAdES.detached');
      expect(out).to.include('Total document signed');
      expect(out).to.include('Signature is Valid.');
    });

    it('qpdf --check, gs -dPDFSTOPONERROR, pdfsig and mutool sign -v say nothing amiss', () => {
      const clean = (tool: string, r: StrictReport): void => {
        expect(r.complaints, `${tool}: ${r.complaints.join(' | ')}`).to.deep.equal([]);
        expect(r.status, tool).to.equal(0);
      };
      clean('qpdf --check', qpdfCheck(path));
      clean('gs', ghostscriptCheck(path));
      clean('pdfsig', pdfsigCheck(path));
      clean('mutool sign -v', mutoolVerify(path));
    });

    it("prints the TSA's name as the time source of the signature, and B-T", () => {
      const text = flat(pdfText(path));
      expect(text).to.include(flat(`Time source: ${DEVELOPMENT_TSA_NAME} (RFC 3161)`));
      expect(text).to.include(
        flat("the time of signing (genTime) is in the signature's time-stamp"),
      );
      expect(text).to.include(flat('PAdES B-T'));
      expect(text).to.include(flat('proves the deposit existed no later than its genTime'));
      expect(text).to.not.include(flat('no RFC 3161 time-stamp'));
    });

    it('time-stamps the notarial certificate too', async () => {
      const notarial = await renderNotarialCertificate(
        {
          certificateNumber: '（2026）沪徐证经字第 123 号',
          reference: 'NC00000012344',
          notary: { name: '王五' },
          decidedAt: ISSUED_AT,
          issuedAt: ISSUED_AT,
          purpose: '诉讼',
          examination: sampleExamination(2),
          deposit: input.deposit,
          receipt: input.receipt,
          issuer: ISSUER,
          publicUrl: PUBLIC_URL,
        },
        base.withTimeStamper(tsa),
      );
      expect(stampTokens(signerInfoOf(signatureOf(notarial).cms))).to.have.length(1);
      const p = save(dir, 'notarial.pdf', notarial);
      expect(pdfsig(p)).to.include('Signature is Valid.');
      expect(flat(pdfText(p))).to.include(flat(`Time source: ${DEVELOPMENT_TSA_NAME} (RFC 3161)`));
    });

    it('time-stamps the verification report too', async () => {
      const report = await renderVerificationReport(
        {
          reportNumber: 'R00000000001-1',
          issuedAt: ISSUED_AT,
          verdict: 'verified',
          checks: sampleChecks('00'.repeat(32)),
          subject: {
            depositId: input.deposit.id,
            material: { zh: '材料', en: 'material' },
          },
          issuer: ISSUER,
          publicUrl: PUBLIC_URL,
        },
        base.withTimeStamper(tsa),
      );
      expect(stampTokens(signerInfoOf(signatureOf(report).cms))).to.have.length(1);
      const p = save(dir, 'report.pdf', report);
      expect(pdfsig(p)).to.include('Signature is Valid.');
      expect(flat(pdfText(p))).to.include(flat(`${DEVELOPMENT_TSA_NAME} (RFC 3161)`));
    });
  });

  it('a failing TSA: the certificate is still issued, unstamped and saying so, and the failure reported', async () => {
    const failures: CertificateError[] = [];
    const pdf = await renderDepositCertificate(
      input,
      base.withTimeStamper(failingTsa, (err) => failures.push(err)),
    );
    expect(failures).to.have.length(1);
    expect(failures[0]!.code).to.equal('SIGNATURE_STAMP_FAILED');
    expect(failures[0]!.cause).to.be.instanceOf(TimestampError);
    expect(stampTokens(signerInfoOf(signatureOf(pdf).cms))).to.deep.equal([]);
    const path = save(dir, 'unstamped.pdf', pdf);
    expect(pdfsig(path)).to.include('Signature is Valid.');
    const text = flat(pdfText(path));
    expect(text).to.include(
      flat('Time source: server clock synchronised by NTP; no RFC 3161 time-stamp.'),
    );
    expect(text).to.include(flat('PAdES B-B'));
    expect(text).to.not.include(flat('a TSA that is down'));
    // exactly the certificate an unstamped signer issues
    expectBytes(pdf, await renderDepositCertificate(input, base));
  });

  it('a token larger than the reserve: issued unstamped too, never a broken signature', async () => {
    const huge: TimeStamper = {
      development: false,
      stamp: () =>
        Promise.resolve({
          // DER, as every checked token is; beyond the reserve and its 64-byte margin
          token: new Uint8Array(
            AsnConvert.serialize(new OctetString(new Uint8Array(TIMESTAMP_TOKEN_RESERVE + 128))),
          ),
          genTime: '2026-11-26T07:05:00Z',
          tsa: 'huge',
        }),
    };
    const failures: CertificateError[] = [];
    const pdf = await renderDepositCertificate(
      input,
      base.withTimeStamper(huge, (e) => failures.push(e)),
    );
    expect(failures).to.have.length(1);
    expect(stampTokens(signerInfoOf(signatureOf(pdf).cms))).to.deep.equal([]);
    expect(pdfsig(save(dir, 'huge.pdf', pdf))).to.include('Signature is Valid.');
  });

  it('a TSA with no name known in advance: the page names none and points to the time-stamp', async () => {
    const anonymous: TimeStamper = { development: false, stamp: (i) => tsa.stamp(i) };
    const pdf = await renderDepositCertificate(input, base.withTimeStamper(anonymous));
    expect(stampTokens(signerInfoOf(signatureOf(pdf).cms))).to.have.length(1);
    const text = flat(pdfText(save(dir, 'anonymous.pdf', pdf)));
    expect(text).to.include(
      flat(
        "Time source: an RFC 3161 time-stamp authority; its name and the time of signing (genTime) are in the signature's time-stamp.",
      ),
    );
  });

  it('without a TimeStamper: PAdES B-B and "no RFC 3161 time-stamp", the reserve not added', async () => {
    expect(base.withTimeStamper(tsa).signatureLength - base.signatureLength).to.equal(
      TIMESTAMP_TOKEN_RESERVE,
    );
    const pdf = await renderDepositCertificate(input, base);
    expect(stampTokens(signerInfoOf(signatureOf(pdf).cms))).to.deep.equal([]);
    const text = flat(pdfText(save(dir, 'plain.pdf', pdf)));
    expect(text).to.include(
      flat('Source: server clock synchronised by NTP; no RFC 3161 time-stamp.'),
    );
  });

  it('the server stamps the certificates it issues with its TimeStamper (ServerHooks.timeStamper)', async () => {
    const server = await startTestServer(
      {},
      {
        logger: pino({ level: 'silent' }),
        timestamps: { timeStamper: tsa, timestampScheduler: new FakeScheduler() },
      },
    );
    try {
      const alice = await registerDepositor(server.url, '张三');
      const created = await call(server.url, 'POST', '/api/v1/deposits', {
        token: alice.token,
        json: { title: 'stamped', files: [{ name: 'x', size: 1, sha256: 'ab'.repeat(32) }] },
      });
      expect(created.status, created.text).to.equal(201);
      const res = await fetch(
        `${server.url}/api/v1/deposits/${created.body.deposit.id}/certificate.pdf`,
        { headers: { authorization: `Bearer ${alice.token}` } },
      );
      expect(res.status).to.equal(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      const tokens = stampTokens(signerInfoOf(signatureOf(pdf).cms));
      expect(tokens).to.have.length(1);
      const path = save(dir, 'served.pdf', pdf);
      expect(pdfsig(path)).to.include('Signature is Valid.');
      expect(flat(pdfText(path))).to.include(flat(`${DEVELOPMENT_TSA_NAME} (RFC 3161)`));
    } finally {
      await server.dispose();
    }
  });
});
