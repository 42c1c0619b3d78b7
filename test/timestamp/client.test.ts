/**
 * The RFC 3161 client against a TSA that is not ours (`openssl ts -reply` behind a loopback
 * HTTP server) and against bad TSAs, each failure with its own code (docs/timestamps.md).
 */
import { expect } from 'chai';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  PKIStatus,
  PKIStatusInfo,
  TimeStampReq,
  TimeStampResp,
  TimeStampToken,
} from '@peculiar/asn1-tsp';
import { parseX509, randomBytes, sha256 } from '../../src/crypto/index.js';
import {
  anchorsFromPem,
  checkTimeStampToken,
  signTimeStampToken,
  TimestampError,
  tsaClient,
  type TimeStamper,
  type TsaFailure,
} from '../../src/timestamp/index.js';
import {
  closedUrl,
  makeTsaCredentials,
  openssl,
  opensslReply,
  startTsa,
  type TestTsa,
  type TsaBehaviour,
  type TsaCredentials,
} from './openssl-tsa.js';
import { readFileSync } from 'node:fs';
import { privateKeyFromPem } from '../../src/crypto/index.js';

async function rejects(p: Promise<unknown>, code: string): Promise<TimestampError> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(TimestampError);
    expect((err as TimestampError).code, (err as Error).message).to.equal(code);
    return err as TimestampError;
  }
  return expect.fail(`expected ${code}`);
}

/** The query with `change` applied, re-encoded. */
function mutate(query: Uint8Array, change: (req: TimeStampReq) => void): Uint8Array {
  const req = AsnConvert.parse(query, TimeStampReq);
  change(req);
  return new Uint8Array(AsnConvert.serialize(req));
}

describe('timestamp: the RFC 3161 client', function () {
  this.timeout(60_000);
  let good: TsaCredentials;
  let other: TsaCredentials;
  const tsas: TestTsa[] = [];
  const data = new TextEncoder().encode('huicun checkpoint\n42\nabc=\n');
  const imprint = sha256(data);

  before(() => {
    good = makeTsaCredentials('good');
    other = makeTsaCredentials('other');
  });
  after(async () => {
    await Promise.all(tsas.map((t) => t.close()));
    for (const c of [good, other]) rmSync(c.dir, { recursive: true, force: true });
  });

  async function tsa(behave: TsaBehaviour): Promise<TestTsa> {
    const t = await startTsa(behave);
    tsas.push(t);
    return t;
  }
  const honest: TsaBehaviour = (q) => Promise.resolve(opensslReply(good, q));
  const client = (urls: string[], now?: () => Date, timeoutMs = 5000): TimeStamper =>
    tsaClient({ urls, anchors: anchorsFromPem(good.caPem), timeoutMs, ...(now ? { now } : {}) });

  it('accepts a stamp of openssl ts -reply, and openssl ts -verify accepts it for the data only', async () => {
    const t = await tsa(honest);
    const stamp = await client([t.url]).stamp(imprint);
    expect(stamp.tsa).to.equal('good test TSA');
    expect(Math.abs(Date.parse(stamp.genTime) - Date.now())).to.be.below(5 * 60_000);
    // the query carried a SHA-256 imprint, a nonce and certReq
    const req = AsnConvert.parse(t.queries[0] as Uint8Array, TimeStampReq);
    expect(req.certReq).to.equal(true);
    const nonce = Buffer.from(req.nonce as ArrayBuffer);
    expect(nonce.length).to.be.within(1, 9); // 64 bits, and a zero byte when the top bit is set
    expect(nonce.readInt8(0)).to.be.at.least(0); // positive
    expect(Buffer.from(req.messageImprint.hashedMessage.buffer)).to.deep.equal(
      Buffer.from(imprint),
    );

    const tok = join(good.dir, 'token.tst');
    const file = join(good.dir, 'data');
    writeFileSync(tok, stamp.token);
    writeFileSync(file, data);
    const verify = () =>
      openssl(['ts', '-verify', '-data', file, '-in', tok, '-token_in', '-CAfile', good.caCert]);
    expect(verify().toString()).to.contain('Verification: OK');
    const changed = Uint8Array.from(data);
    changed[3] = (changed[3] as number) ^ 1;
    writeFileSync(file, changed);
    expect(verify).to.throw();

    // the stored token checks alone, and only against its own anchors
    const checked = checkTimeStampToken(stamp.token, {
      imprint,
      anchors: anchorsFromPem(good.caPem),
    });
    expect(checked.genTime.toISOString().slice(0, 19)).to.equal(stamp.genTime.slice(0, 19));
    expect(() =>
      checkTimeStampToken(stamp.token, { imprint, anchors: anchorsFromPem(other.caPem) }),
    ).to.throw(TimestampError, /chain/);
    expect(() =>
      checkTimeStampToken(stamp.token, {
        imprint: sha256(changed),
        anchors: anchorsFromPem(good.caPem),
      }),
    ).to.throw(TimestampError, /another digest/);
  });

  it('accepts an ECDSA TSA with an ESS signing-certificate v1 (SHA-1)', async () => {
    const ec = makeTsaCredentials('ecdsa', 'critical,timeStamping', { key: 'ec', essAlg: 'sha1' });
    try {
      const t = await tsa((q) => Promise.resolve(opensslReply(ec, q)));
      const stamp = await tsaClient({
        urls: [t.url],
        anchors: anchorsFromPem(ec.caPem),
        timeoutMs: 5000,
      }).stamp(imprint);
      expect(stamp.tsa).to.equal('ecdsa test TSA');
      await rejects(client([t.url]).stamp(imprint), 'TSA_NOT_TRUSTED');
    } finally {
      rmSync(ec.dir, { recursive: true, force: true });
    }
  });

  it('refuses a token whose signature was changed (TSA_BAD_SIGNATURE)', async () => {
    const t = await tsa(honest);
    const stamp = await client([t.url]).stamp(imprint);
    const token = Uint8Array.from(stamp.token);
    token[token.length - 1] = (token[token.length - 1] as number) ^ 1; // the signature ends it
    expect(() =>
      checkTimeStampToken(token, { imprint, anchors: anchorsFromPem(good.caPem) }),
    ).to.throw(TimestampError, /signature/);
    try {
      checkTimeStampToken(token, { imprint, anchors: anchorsFromPem(good.caPem) });
    } catch (err) {
      expect((err as TimestampError).code).to.equal('TSA_BAD_SIGNATURE');
    }
  });

  it('reports a TSA that is down as TSA_UNREACHABLE', async () => {
    await rejects(client([await closedUrl()]).stamp(imprint), 'TSA_UNREACHABLE');
  });

  it('gives up on a TSA slower than the timeout with TSA_TIMEOUT', async () => {
    const t = await tsa(() => Promise.resolve('hang'));
    await rejects(client([t.url], undefined, 200).stamp(imprint), 'TSA_TIMEOUT');
  });

  it('refuses a reply with another nonce (TSA_NONCE_MISMATCH)', async () => {
    const t = await tsa((q) =>
      Promise.resolve(
        opensslReply(
          good,
          mutate(q, (r) => {
            r.nonce = new Uint8Array([0x01, ...randomBytes(7)]).buffer;
          }),
        ),
      ),
    );
    await rejects(client([t.url]).stamp(imprint), 'TSA_NONCE_MISMATCH');
  });

  it('refuses a reply over another digest (TSA_IMPRINT_MISMATCH)', async () => {
    const t = await tsa((q) =>
      Promise.resolve(
        opensslReply(
          good,
          mutate(q, (r) => {
            r.messageImprint.hashedMessage = new OctetString(sha256(new Uint8Array([1])));
          }),
        ),
      ),
    );
    await rejects(client([t.url]).stamp(imprint), 'TSA_IMPRINT_MISMATCH');
  });

  it('refuses a TSA that does not chain to HUICUN_TSA_CA (TSA_NOT_TRUSTED)', async () => {
    const t = await tsa((q) => Promise.resolve(opensslReply(other, q)));
    await rejects(client([t.url]).stamp(imprint), 'TSA_NOT_TRUSTED');
  });

  it('reports a rejection status with its text (TSA_STATUS_REJECTED)', async () => {
    const t = await tsa((q) =>
      Promise.resolve(
        opensslReply(
          good,
          mutate(q, (r) => {
            r.reqPolicy = '1.2.3.4.99'; // not a policy of this TSA
          }),
        ),
      ),
    );
    const err = await rejects(client([t.url]).stamp(imprint), 'TSA_STATUS_REJECTED');
    expect(err.message).to.match(/rejection/);
  });

  it('refuses garbage bytes (TSA_MALFORMED)', async () => {
    const t = await tsa(() => Promise.resolve(randomBytes(64)));
    await rejects(client([t.url]).stamp(imprint), 'TSA_MALFORMED');
  });

  it('refuses a token without its signer certificate (TSA_MALFORMED)', async () => {
    const t = await tsa((q) =>
      Promise.resolve(
        opensslReply(
          good,
          mutate(q, (r) => {
            r.certReq = false; // a TSA that ignores certReq
          }),
        ),
      ),
    );
    const err = await rejects(client([t.url]).stamp(imprint), 'TSA_MALFORMED');
    expect(err.message).to.match(/signer certificate/);
  });

  it('refuses a genTime an hour from our clock (TSA_CLOCK_SKEW)', async () => {
    const t = await tsa(honest);
    const err = await rejects(
      client([t.url], () => new Date(Date.now() + 3600_000)).stamp(imprint),
      'TSA_CLOCK_SKEW',
    );
    expect(err.details?.skewMs as number).to.be.below(-55 * 60_000);
    // four minutes off is within the five allowed
    const near = await client([t.url], () => new Date(Date.now() - 4 * 60_000)).stamp(imprint);
    expect(near.tsa).to.equal('good test TSA');
  });

  for (const [name, eku] of [
    ['no extended key usage', 'none'],
    ['a time-stamping usage that is not critical', 'timeStamping'],
  ] as const) {
    it(`refuses a signer with ${name} (TSA_EKU)`, async () => {
      // OpenSSL will not sign with such a certificate, so the token is made here
      const bad = makeTsaCredentials(`eku-${eku}`, eku);
      try {
        const signer = {
          chain: [new Uint8Array(parseX509(readFileSync(bad.signerCert)).raw)],
          key: privateKeyFromPem(readFileSync(bad.signerKey, 'utf8')),
          policy: '1.2.3.4.1',
        };
        const anchors = anchorsFromPem(bad.caPem);
        // the same signer with the EKU present would pass every other check
        expect(() =>
          checkTimeStampToken(signTimeStampToken(signer, imprint, new Date()), {
            imprint,
            anchors,
          }),
        ).to.throw(TimestampError, /time-stamping|extended key usage/);
        const t = await tsa((q) => {
          const req = AsnConvert.parse(q, TimeStampReq);
          const nonce = BigInt(`0x${Buffer.from(req.nonce as ArrayBuffer).toString('hex')}`);
          const token = signTimeStampToken(signer, imprint, new Date(), nonce);
          return Promise.resolve(grantedReply(token));
        });
        await rejects(
          tsaClient({ urls: [t.url], anchors, timeoutMs: 5000 }).stamp(imprint),
          'TSA_EKU',
        );
      } finally {
        rmSync(bad.dir, { recursive: true, force: true });
      }
    });
  }

  it('takes the second TSA when the first fails, and keeps every failure when all do', async () => {
    const down = await closedUrl();
    const garbage = await tsa(() => Promise.resolve(randomBytes(10)));
    const t = await tsa(honest);
    const stamp = await client([down, garbage.url, t.url]).stamp(imprint);
    expect(stamp.tsa).to.equal('good test TSA');

    const untrusted = await tsa((q) => Promise.resolve(opensslReply(other, q)));
    const err = await rejects(client([untrusted.url, down]).stamp(imprint), 'TSA_NOT_TRUSTED');
    const failures = err.details?.failures as TsaFailure[];
    expect(failures.map((f) => [f.url, f.code])).to.deep.equal([
      [untrusted.url, 'TSA_NOT_TRUSTED'],
      [down, 'TSA_UNREACHABLE'],
    ]);
  });
});

/** A TimeStampResp granted with `token` (for tokens OpenSSL will not make). */
function grantedReply(token: Uint8Array): Uint8Array {
  // SEQUENCE { PKIStatusInfo SEQUENCE { INTEGER 0 }, token }, through asn1-tsp
  return new Uint8Array(
    AsnConvert.serialize(
      new TimeStampResp({
        status: new PKIStatusInfo({ status: PKIStatus.granted }),
        timeStampToken: AsnConvert.parse(token, TimeStampToken),
      }),
    ),
  );
}
