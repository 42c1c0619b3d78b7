/**
 * The browser's pre-check of a time-stamp token's signature (web/src/tsa-check.ts, WebCrypto),
 * run here under node's globalThis.crypto.subtle on real tokens: the development TSA's (RSA) and
 * `openssl ts -reply`'s with a P-256 key; a flipped signature byte or a rewritten TSTInfo fails;
 * trust is never claimed; and through `verifyReceipt` a token of other content still fails
 * `timestamp.imprint` (docs/verification.md, "Time-stamps").
 */
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../src/crypto/index.js';
import {
  developmentTsa,
  timeStampRequest,
  tokenOfReply,
  tsaTokenChecker,
} from '../../src/timestamp/index.js';
import { timestampChecks, type Check, type VerifyReport } from '../../src/verify/index.js';
import {
  BROWSER_TRUST_NOTE,
  BROWSER_TRUST_REASON,
  browserTrustWording,
  browserTsaChecker,
  checkTokenSignature,
} from '../../web/src/tsa-check.js';
import { tempDir } from '../helpers/log-fixture.js';
import { makeTsaCredentials, opensslReply, type TsaCredentials } from '../timestamp/openssl-tsa.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The token with its last byte (the end of the SignerInfo's signature) flipped. */
function flipLast(token: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(token);
  copy[copy.length - 1]! ^= 0x01;
  return copy;
}

/** The token with one byte inside its TSTInfo's genTime changed (the messageDigest no longer matches). */
function editGenTime(token: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(token);
  // GeneralizedTime: tag 0x18, length 15 or more, "YYYYMMDDhhmmss..."; bump the seconds' last digit.
  for (let i = 0; i + 16 < copy.length; i++) {
    if (copy[i] === 0x18 && copy[i + 1]! >= 15 && copy[i + 1]! <= 24 && copy[i + 2] === 0x32) {
      const at = i + 2 + 13;
      copy[at] = copy[at] === 0x30 ? 0x31 : 0x30;
      return copy;
    }
  }
  throw new Error('no genTime found');
}

describe('web app: the browser checks a time-stamp signature (WebCrypto)', function () {
  this.timeout(60_000);
  const note = 'huicun.test/log\n7\nAAAA\n\n— huicun.test/log abc=\n';
  const imprint = sha256(utf8(note));
  let tmp: ReturnType<typeof tempDir>;
  let rsaToken: Uint8Array;
  let ec: TsaCredentials;
  let ecToken: Uint8Array;

  before(async () => {
    tmp = tempDir('huicun-web-tsa-');
    rsaToken = (await developmentTsa(join(tmp.dir, 'certs')).stamp(imprint)).token;
    ec = makeTsaCredentials('web-ec', 'critical,timeStamping', { key: 'ec' });
    ecToken = tokenOfReply(opensslReply(ec, timeStampRequest(imprint).der));
  });
  after(() => {
    tmp.remove();
    rmSync(ec.dir, { recursive: true, force: true });
  });

  it('passes the development TSA token (RSA), says it is the development TSA, trusts nothing', async () => {
    const result = await checkTokenSignature(rsaToken);
    expect(result).to.deep.equal({
      signature: 'pass',
      trusted: 'skip',
      development: true,
      reason: BROWSER_TRUST_REASON,
    });
    // the node host agrees on the signature
    expect(tsaTokenChecker([]).check(rsaToken).signature).to.equal('pass');
  });

  it('passes an openssl TSA token signed with ECDSA P-256', async () => {
    const result = await checkTokenSignature(ecToken);
    expect(result.signature, result.reason).to.equal('pass');
    expect(result.trusted).to.equal('skip');
    expect(result.development).to.equal(false);
  });

  it('fails a token with one signature byte flipped (RSA and ECDSA)', async () => {
    for (const token of [rsaToken, ecToken]) {
      const bad = flipLast(token);
      expect(tsaTokenChecker([]).check(bad).signature).to.equal('fail');
      const result = await checkTokenSignature(bad);
      expect(result.signature).to.equal('fail');
      expect(result.trusted).to.equal('skip');
      expect(result.reason).to.match(/does not verify/);
    }
  });

  it('fails a token whose TSTInfo was rewritten (messageDigest)', async () => {
    const result = await checkTokenSignature(editGenTime(rsaToken));
    expect(result.signature).to.equal('fail');
    expect(result.reason).to.match(/messageDigest/);
  });

  it('fails what is not a token', async () => {
    const result = await checkTokenSignature(utf8('not a token'));
    expect(result.signature).to.equal('fail');
  });

  it('the synchronous checker answers from the pre-checks, and fails a token it was not given', async () => {
    const checker = await browserTsaChecker([rsaToken, flipLast(ecToken)]);
    expect(checker.check(Uint8Array.from(rsaToken)).signature).to.equal('pass');
    expect(checker.check(flipLast(ecToken)).signature).to.equal('fail');
    expect(checker.check(ecToken).signature).to.equal('fail');
  });

  it('through the verifier: signature pass, trusted skip, and a token of other content fails the imprint', async () => {
    const otherToken = (await developmentTsa(join(tmp.dir, 'certs')).stamp(sha256(utf8('other'))))
      .token;
    const checker = await browserTsaChecker([rsaToken, otherToken]);
    const ctx = {
      index: undefined,
      checkpoint: undefined,
      logKey: undefined,
      consistency: undefined,
      tsa: checker,
    };
    const byId = (checks: readonly Check[]) =>
      Object.fromEntries(checks.map((c) => [c.id, c.status]));
    const good = byId(timestampChecks([{ checkpoint: note, token: rsaToken }], ctx).checks);
    expect(good['timestamp.imprint']).to.equal('pass');
    expect(good['timestamp.signature']).to.equal('pass');
    expect(good['timestamp.trusted']).to.equal('skip');
    const other = byId(timestampChecks([{ checkpoint: note, token: otherToken }], ctx).checks);
    expect(other['timestamp.imprint']).to.equal('fail');
    expect(other['timestamp.signature']).to.equal('pass');
  });

  it("words the browser's trusted skip as such, but keeps the development TSA's and a bad signature's", async () => {
    const ctx = {
      index: undefined,
      checkpoint: undefined,
      logKey: undefined,
      consistency: undefined,
    };
    const report = async (token: Uint8Array): Promise<VerifyReport> => {
      const { checks, stamp } = timestampChecks([{ checkpoint: note, token }], {
        ...ctx,
        tsa: await browserTsaChecker([token]),
      });
      return { verdict: 'not_verified', checks, ...(stamp ? { timestamp: stamp } : {}) };
    };
    const trusted = (r: VerifyReport) => r.checks.find((c) => c.id === 'timestamp.trusted')!;
    const ecReport = browserTrustWording(await report(ecToken));
    expect(trusted(ecReport).status).to.equal('skip');
    expect(trusted(ecReport).message).to.deep.equal(BROWSER_TRUST_NOTE);
    const dev = await report(rsaToken);
    expect(browserTrustWording(dev)).to.equal(dev);
    expect(trusted(dev).message.en).to.match(/development time-stamp authority/);
    const bad = await report(flipLast(ecToken));
    expect(browserTrustWording(bad)).to.equal(bad);
  });
});
