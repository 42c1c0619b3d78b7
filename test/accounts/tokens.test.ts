import { expect } from 'chai';
import { createHash, createHmac, createSign, verify as nodeVerify } from 'node:crypto';
import { statSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import { AccountError } from '../../src/accounts/errors.js';
import { generateP256, p256ToPem } from '../../src/crypto/index.js';
import {
  IAT_LEEWAY_S,
  loadOrCreateTokenKey,
  TOKEN_AUDIENCE,
  tokenKeyId,
  TokenService,
} from '../../src/accounts/tokens.js';
import { tempDir } from '../helpers/log-fixture.js';

const ISSUER = 'https://huicun.test';
const pair = generateP256();
const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
// The order of P-256 (FIPS 186-4 §D.1.2.3), written out here independently of src/.
const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

/** The S half of a token's r ‖ s signature. */
function sOf(token: string): bigint {
  const sig = Buffer.from(token.split('.')[2]!, 'base64url');
  return BigInt(`0x${sig.subarray(32).toString('hex')}`);
}

/** The token with its signature's twin (r, n − s): still a valid ECDSA signature. */
function withTwinSignature(token: string): string {
  const [h, p, sig] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(sig, 'base64url');
  const twin = (N - sOf(token)).toString(16).padStart(64, '0');
  return `${h}.${p}.${Buffer.concat([bytes.subarray(0, 32), Buffer.from(twin, 'hex')]).toString('base64url')}`;
}

/** Whether node:crypto alone accepts the token's signature (JOSE r ‖ s form). */
function signatureVerifies(token: string): boolean {
  const [h, p, sig] = token.split('.') as [string, string, string];
  return nodeVerify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: pair.publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
}

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
    expect.fail(`expected ${code}`);
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(AccountError);
    expect((e as AccountError).code).to.equal(code);
  }
}

describe('accounts: tokens (JWT ES256)', () => {
  const tokens = new TokenService({ pair, issuer: ISSUER });

  it('issues ES256 with kid and exactly sub, iat, exp (1 h), iss, aud, jti', () => {
    const { token } = tokens.issue('u_0123456789abcdef');
    const { header, payload } = jwt.decode(token, { complete: true }) as jwt.Jwt;
    expect(header).to.deep.equal({ alg: 'ES256', typ: 'JWT', kid: tokens.keyId });
    const p = payload as jwt.JwtPayload;
    expect(Object.keys(p).sort()).to.deep.equal(['aud', 'exp', 'iat', 'iss', 'jti', 'sub']);
    expect(p.exp! - p.iat!).to.equal(3600);
    expect([p.sub, p.iss, p.aud]).to.deep.equal(['u_0123456789abcdef', ISSUER, TOKEN_AUDIENCE]);
    expect(tokens.verify(token)).to.equal('u_0123456789abcdef');
  });

  it('derives kid from SHA-256 of the SPKI DER', () => {
    const der = pair.publicKey.export({ format: 'der', type: 'spki' });
    expect(tokenKeyId(pair)).to.equal(createHash('sha256').update(der).digest('hex').slice(0, 16));
  });

  it('refuses an expired token with TOKEN_EXPIRED', () => {
    const past = new TokenService({ pair, issuer: ISSUER, now: () => Date.now() - 2 * 3600_000 });
    expectCode(() => tokens.verify(past.issue('u_0123456789abcdef').token), 'TOKEN_EXPIRED');
  });

  it('expires a cached token at exp', () => {
    let now = Date.now();
    const t = new TokenService({ pair, issuer: ISSUER, now: () => now });
    const { token } = t.issue('u_0123456789abcdef');
    expect(t.verify(token)).to.equal('u_0123456789abcdef');
    expect(t.cacheSize).to.equal(1);
    now += 3600_000;
    expectCode(() => t.verify(token), 'TOKEN_EXPIRED');
  });

  it('refuses alg none', () => {
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT', kid: tokens.keyId })}.${b64url({ sub: 'u_0123456789abcdef', iss: ISSUER, aud: TOKEN_AUDIENCE, iat: 1, exp: 2e9, jti: 'x' })}.`;
    expectCode(() => tokens.verify(unsigned), 'TOKEN_INVALID');
  });

  it('refuses HS256 signed with the public key PEM (algorithm confusion)', () => {
    const pem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const header = b64url({ alg: 'HS256', typ: 'JWT', kid: tokens.keyId });
    const payload = b64url({
      sub: 'u_0123456789abcdef',
      iss: ISSUER,
      aud: TOKEN_AUDIENCE,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 60,
      jti: 'x',
    });
    // jsonwebtoken refuses to sign HS256 with a PEM, so the attacker's MAC is made by hand.
    const signature = createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url');
    expectCode(() => tokens.verify(`${header}.${payload}.${signature}`), 'TOKEN_INVALID');
  });

  it('refuses a wrong issuer or audience', () => {
    const wrongIss = new TokenService({ pair, issuer: 'https://evil.example' });
    expectCode(() => tokens.verify(wrongIss.issue('u_0123456789abcdef').token), 'TOKEN_INVALID');
    const now = Math.floor(Date.now() / 1000);
    const wrongAud = jwt.sign(
      { sub: 'u_0123456789abcdef', iat: now, exp: now + 60, iss: ISSUER, aud: 'other', jti: 'x' },
      pair.privateKey,
      { algorithm: 'ES256', keyid: tokens.keyId },
    );
    expectCode(() => tokens.verify(wrongAud), 'TOKEN_INVALID');
  });

  it('refuses a tampered payload', () => {
    const [h, , s] = tokens.issue('u_0123456789abcdef').token.split('.');
    const now = Math.floor(Date.now() / 1000);
    const forged = b64url({
      sub: 'u_ffffffffffffffff',
      iat: now,
      exp: now + 3600,
      iss: ISSUER,
      aud: TOKEN_AUDIENCE,
      jti: 'x',
    });
    expectCode(() => tokens.verify(`${h}.${forged}.${s}`), 'TOKEN_INVALID');
  });

  it('refuses an unknown kid, a missing kid, and a token of another key under our kid', () => {
    const other = generateP256();
    const foreign = new TokenService({ pair: other, issuer: ISSUER });
    expectCode(() => tokens.verify(foreign.issue('u_0123456789abcdef').token), 'TOKEN_INVALID');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'u_0123456789abcdef',
      iat: now,
      exp: now + 60,
      iss: ISSUER,
      aud: TOKEN_AUDIENCE,
      jti: 'x',
    };
    expectCode(
      () => tokens.verify(jwt.sign(claims, pair.privateKey, { algorithm: 'ES256' })),
      'TOKEN_INVALID',
    );
    expectCode(
      () =>
        tokens.verify(
          jwt.sign(claims, other.privateKey, { algorithm: 'ES256', keyid: tokens.keyId }),
        ),
      'TOKEN_INVALID',
    );
  });

  it('accepts a previous key by its kid (rotation)', () => {
    const old = generateP256();
    const rotated = new TokenService({ pair, issuer: ISSUER, previous: [old.publicKey] });
    const token = new TokenService({ pair: old, issuer: ISSUER }).issue('u_0123456789abcdef').token;
    expect(rotated.verify(token)).to.equal('u_0123456789abcdef');
  });

  it('refuses garbage and over-long tokens', () => {
    for (const g of [
      '',
      'abc',
      'a.b.c',
      '...',
      '\u0000',
      'x'.repeat(5000),
      `${b64url({ alg: 'ES256' })}.e30.`,
    ]) {
      expectCode(() => tokens.verify(g), 'TOKEN_INVALID');
    }
  });

  it('refuses an ES256 token with a lifetime over one hour', () => {
    const now = Math.floor(Date.now() / 1000);
    const long = jwt.sign(
      {
        sub: 'u_0123456789abcdef',
        iat: now,
        exp: now + 7200,
        iss: ISSUER,
        aud: TOKEN_AUDIENCE,
        jti: 'x',
      },
      pair.privateKey,
      { algorithm: 'ES256', keyid: tokens.keyId },
    );
    expectCode(() => tokens.verify(long), 'TOKEN_INVALID');
  });

  it('creates token-es256.pem once, mode 0600, and never overwrites it', () => {
    const tmp = tempDir();
    try {
      const first = loadOrCreateTokenKey(tmp.dir);
      expect(first.created).to.equal(true);
      expect(statSync(`${tmp.dir}/token-es256.pem`).mode & 0o777).to.equal(0o600);
      const second = loadOrCreateTokenKey(tmp.dir);
      expect(second.created).to.equal(false);
      expect(tokenKeyId(second.pair)).to.equal(tokenKeyId(first.pair));
      expect(p256ToPem(second.pair)).to.equal(p256ToPem(first.pair));
    } finally {
      tmp.remove();
    }
  });

  it('keeps ECDSA verification strict: a valid DER signature in a JWT is refused', () => {
    // JWS uses raw r‖s (RFC 7518 §3.4); a DER-encoded signature must not verify.
    const now = Math.floor(Date.now() / 1000);
    const header = b64url({ alg: 'ES256', typ: 'JWT', kid: tokens.keyId });
    const payload = b64url({
      sub: 'u_0123456789abcdef',
      iat: now,
      exp: now + 60,
      iss: ISSUER,
      aud: TOKEN_AUDIENCE,
      jti: 'x',
    });
    const der = createSign('sha256')
      .update(`${header}.${payload}`)
      .sign(pair.privateKey)
      .toString('base64url');
    expectCode(() => tokens.verify(`${header}.${payload}.${der}`), 'TOKEN_INVALID');
  });

  it('issues only low-S signatures (one valid string per token)', () => {
    for (let i = 0; i < 200; i++) {
      const { token } = tokens.issue('u_0123456789abcdef');
      expect(sOf(token) <= N / 2n, token).to.equal(true);
      expect(signatureVerifies(token)).to.equal(true);
      expect(tokens.verify(token)).to.equal('u_0123456789abcdef');
    }
  });

  it('refuses the high-S twin of a valid token, though its signature verifies', () => {
    const { token } = tokens.issue('u_0123456789abcdef');
    const twin = withTwinSignature(token);
    expect(twin).to.not.equal(token);
    expect(signatureVerifies(twin)).to.equal(true);
    expectCode(() => tokens.verify(twin), 'TOKEN_INVALID');
    // also when the genuine token is already cached
    expect(tokens.verify(token)).to.equal('u_0123456789abcdef');
    expectCode(() => tokens.verify(twin), 'TOKEN_INVALID');
  });

  it('refuses a non-canonical base64url signature that decodes to the same bytes', () => {
    const { token } = tokens.issue('u_0123456789abcdef');
    const sig = token.split('.')[2]!;
    // 64 bytes end in one 8-bit group: its last character carries 2 bits and 4 zero bits
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig.at(-1)!);
    expect(last % 16).to.equal(0);
    const alias = `${token.slice(0, -1)}${alphabet[last + 1]}`;
    expect(Buffer.from(alias.split('.')[2]!, 'base64url')).to.deep.equal(
      Buffer.from(sig, 'base64url'),
    );
    expectCode(() => tokens.verify(alias), 'TOKEN_INVALID');
  });

  it(`refuses an iat more than ${IAT_LEEWAY_S} s in the future, and accepts one within it`, () => {
    let now = Date.now();
    const t = new TokenService({ pair, issuer: ISSUER, now: () => now });
    const at = (iat: number): string =>
      jwt.sign(
        {
          sub: 'u_0123456789abcdef',
          iat,
          exp: iat + 3600,
          iss: ISSUER,
          aud: TOKEN_AUDIENCE,
          jti: 'x',
        },
        pair.privateKey,
        { algorithm: 'ES256', keyid: t.keyId },
      );
    const nowS = Math.floor(now / 1000);
    // jsonwebtoken's own signatures may have a high S: normalise as the service does
    const lowS = (token: string): string =>
      sOf(token) > N / 2n ? withTwinSignature(token) : token;
    expectCode(() => t.verify(lowS(at(nowS + IAT_LEEWAY_S + 1))), 'TOKEN_INVALID');
    expectCode(() => t.verify(lowS(at(nowS + 3000))), 'TOKEN_INVALID');
    const near = lowS(at(nowS + IAT_LEEWAY_S));
    expect(t.verify(near)).to.equal('u_0123456789abcdef');
    // cached, then the clock steps back: refused again
    now -= 2000 * IAT_LEEWAY_S;
    expectCode(() => t.verify(near), 'TOKEN_INVALID');
  });

  it("never issues an iat before the account's tokensNotBefore", () => {
    const now = Date.now();
    const t = new TokenService({ pair, issuer: ISSUER, now: () => now });
    const notBefore = Math.floor(now / 1000) + 1;
    const issued = t.verifyIssued(t.issue('u_0123456789abcdef', notBefore).token);
    expect(issued).to.deep.equal({ sub: 'u_0123456789abcdef', iat: notBefore });
  });
});
