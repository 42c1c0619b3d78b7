/**
 * Access tokens (DESIGN §8): JWT ES256 via jsonwebtoken, header `kid` = first 16 hex of
 * SHA-256(SPKI DER), claims exactly `sub, iat, exp, iss, aud, jti`, 1 hour. Verification pins the
 * algorithm, issuer and audience and needs a known `kid`. Verified tokens are cached by the
 * SHA-256 of the token until they expire. The token says who; never what role (read per request).
 */
import jwt from 'jsonwebtoken';
import type { KeyObject } from 'node:crypto';
import { randomBytes, sha256 } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import { AccountError } from './errors.js';
import { loadOrCreateKeyFile } from './key-files.js';
import { generateP256, p256FromPem, p256ToPem, type EcKeyPair } from './secrets.js';

export const TOKEN_KEY_FILE = 'token-es256.pem';
export const TOKEN_LIFETIME_S = 3600;
export const TOKEN_AUDIENCE = 'huicun/api';
const MAX_TOKEN_CHARS = 4096;
const CACHE_MAX = 10_000;
const utf8 = new TextEncoder();

/** The key id of a P-256 public key: first 16 hex of SHA-256 of its SPKI DER. */
export function tokenKeyId(pair: EcKeyPair): string {
  return encodeHex(sha256(pair.spki)).slice(0, 16);
}

/** Loads `<certsDir>/token-es256.pem`, generating it on first start (never overwritten). */
export function loadOrCreateTokenKey(certsDir: string): { pair: EcKeyPair; created: boolean } {
  const { bytes, created } = loadOrCreateKeyFile(certsDir, TOKEN_KEY_FILE, () =>
    p256ToPem(generateP256()),
  );
  try {
    return { pair: p256FromPem(bytes.toString('utf8')), created };
  } catch (cause) {
    throw new AccountError('ACCOUNT_KEY_INVALID', `${TOKEN_KEY_FILE} is not a P-256 private key`, {
      cause,
    });
  }
}

/**
 * A retired signing key (`huicun keygen --rotate-token-key`): a token it signed at or before
 * `retiredAt` stays valid until it expires (at most {@link TOKEN_LIFETIME_S} later); a token it
 * signed afterwards is refused, so a leaked retired key mints nothing new.
 */
export interface RetiredTokenKey {
  readonly publicKey: KeyObject;
  /** Milliseconds since the epoch. */
  readonly retiredAt: number;
}

export interface TokenServiceOptions {
  /** The signing key; its public key is always trusted. */
  readonly pair: EcKeyPair;
  /** Older public keys still accepted (rotation), by kid; retired ones only for older tokens. */
  readonly previous?: readonly (KeyObject | RetiredTokenKey)[];
  /** `iss`: the service's public URL. */
  readonly issuer: string;
  /** Milliseconds since the epoch (tests move the clock). */
  readonly now?: () => number;
}

/** An issued token. */
export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: string;
}

export class TokenService {
  private readonly kid: string;
  private readonly keys = new Map<string, { key: KeyObject; retiredAt?: number }>();
  private readonly cache = new Map<string, { sub: string; expMs: number }>();
  private readonly now: () => number;

  constructor(private readonly options: TokenServiceOptions) {
    this.kid = tokenKeyId(options.pair);
    for (const k of options.previous ?? []) {
      const entry = 'retiredAt' in k ? { key: k.publicKey, retiredAt: k.retiredAt } : { key: k };
      this.keys.set(
        encodeHex(sha256(entry.key.export({ format: 'der', type: 'spki' }))).slice(0, 16),
        entry,
      );
    }
    this.keys.set(this.kid, { key: options.pair.publicKey });
    this.now = options.now ?? Date.now;
  }

  /** The current signing key id. */
  get keyId(): string {
    return this.kid;
  }

  /** Issues a 1-hour token for account `sub`. */
  issue(sub: string): IssuedToken {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + TOKEN_LIFETIME_S;
    const payload = {
      sub,
      iat,
      exp,
      iss: this.options.issuer,
      aud: TOKEN_AUDIENCE,
      jti: encodeHex(randomBytes(16)),
    };
    const token = jwt.sign(payload, this.options.pair.privateKey, {
      algorithm: 'ES256',
      keyid: this.kid,
    });
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /**
   * The account id a token was issued to.
   * @throws AccountError TOKEN_EXPIRED for a genuine token past `exp`; TOKEN_INVALID for
   *   anything else that does not verify (algorithm, key, signature, issuer, audience, shape).
   */
  verify(token: string): string {
    if (token.length > MAX_TOKEN_CHARS) throw invalid();
    const nowMs = this.now();
    const digest = encodeHex(sha256(utf8.encode(token)));
    const hit = this.cache.get(digest);
    if (hit) {
      if (nowMs < hit.expMs) return hit.sub;
      this.cache.delete(digest);
      throw new AccountError('TOKEN_EXPIRED', 'the token has expired; sign in again');
    }
    // jws.decode JSON-parses the payload of a `typ: "JWT"` header and throws on garbage.
    let decoded: jwt.Jwt | null;
    try {
      decoded = jwt.decode(token, { complete: true });
    } catch (cause) {
      throw invalid(cause);
    }
    const known =
      typeof decoded?.header.kid === 'string' ? this.keys.get(decoded.header.kid) : undefined;
    if (!known) throw invalid();
    const { key, retiredAt } = known;
    let claims: jwt.JwtPayload;
    try {
      const out = jwt.verify(token, key, {
        algorithms: ['ES256'],
        issuer: this.options.issuer,
        audience: TOKEN_AUDIENCE,
        clockTimestamp: Math.floor(nowMs / 1000),
      });
      if (typeof out === 'string') throw invalid();
      claims = out;
    } catch (cause) {
      if (cause instanceof jwt.TokenExpiredError) {
        throw new AccountError('TOKEN_EXPIRED', 'the token has expired; sign in again', { cause });
      }
      throw invalid(cause);
    }
    const { sub, exp, iat, jti } = claims;
    if (
      typeof sub !== 'string' ||
      typeof exp !== 'number' ||
      typeof iat !== 'number' ||
      typeof jti !== 'string'
    ) {
      throw invalid();
    }
    if (exp - iat > TOKEN_LIFETIME_S) throw invalid();
    if (retiredAt !== undefined && iat * 1000 > retiredAt) throw invalid(); // signed after retirement
    this.remember(digest, sub, exp * 1000, nowMs);
    return sub;
  }

  /** Number of cached verifications (tests). */
  get cacheSize(): number {
    return this.cache.size;
  }

  private remember(digest: string, sub: string, expMs: number, nowMs: number): void {
    if (this.cache.size >= CACHE_MAX) {
      for (const [k, v] of this.cache) if (v.expMs <= nowMs) this.cache.delete(k);
      // Still full: drop the oldest insertions (Map keeps insertion order).
      for (const k of this.cache.keys()) {
        if (this.cache.size < CACHE_MAX) break;
        this.cache.delete(k);
      }
    }
    this.cache.set(digest, { sub, expMs });
  }
}

function invalid(cause?: unknown): AccountError {
  return new AccountError(
    'TOKEN_INVALID',
    'the token is not valid',
    cause === undefined ? {} : { cause },
  );
}
