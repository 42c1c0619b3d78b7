/**
 * Access tokens (docs/access.md): JWT ES256 via jsonwebtoken, header `kid` = first 16 hex of
 * SHA-256(SPKI DER), claims exactly `sub, iat, exp, iss, aud, jti`, 1 hour. Verification pins the
 * algorithm, issuer and audience and needs a known `kid`; signatures are low-S (one valid string
 * per token) and `iat` may not lie in the future beyond {@link IAT_LEEWAY_S} (docs/SECURITY.md).
 * Verified tokens are cached by the SHA-256 of the token until they expire. The token says who;
 * never what role (read per request).
 */
import jwt from 'jsonwebtoken';
import {
  type EcKeyPair,
  generateP256,
  type KeyObject,
  p256FromPem,
  p256ToPem,
  randomBytes,
  sha256,
} from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import { AccountError } from './errors.js';
import { loadOrCreateKeyFile } from './key-files.js';
import { isLowSJoseSignature, toLowSJoseSignature } from './low-s.js';

export const TOKEN_KEY_FILE = 'token-es256.pem';
export const TOKEN_LIFETIME_S = 3600;
export const TOKEN_AUDIENCE = 'huicun/api';
/** Seconds an `iat` may lie ahead of the clock (a small NTP step back signs no one out). */
export const IAT_LEEWAY_S = 60;
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

/** What a verified token says. */
export interface VerifiedToken {
  /** The account id. */
  readonly sub: string;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
}

export class TokenService {
  private readonly kid: string;
  private readonly keys = new Map<string, { key: KeyObject; retiredAt?: number }>();
  private readonly cache = new Map<string, { sub: string; iat: number; expMs: number }>();
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

  /**
   * Issues a 1-hour, low-S token for account `sub`. `notBefore` (seconds) is the account's
   * `tokensNotBefore`: `iat` is never earlier, so a sign-in in the second an account was
   * re-enabled still gets a token that the account accepts (at most 1 s ahead of the clock).
   */
  issue(sub: string, notBefore = 0): IssuedToken {
    const iat = Math.max(Math.floor(this.now() / 1000), notBefore);
    const exp = iat + TOKEN_LIFETIME_S;
    const payload = {
      sub,
      iat,
      exp,
      iss: this.options.issuer,
      aud: TOKEN_AUDIENCE,
      jti: encodeHex(randomBytes(16)),
    };
    const signed = jwt.sign(payload, this.options.pair.privateKey, {
      algorithm: 'ES256',
      keyid: this.kid,
    });
    const cut = signed.lastIndexOf('.') + 1;
    const token = signed.slice(0, cut) + toLowSJoseSignature(signed.slice(cut));
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /**
   * The account id a token was issued to.
   * @throws AccountError as {@link TokenService.verifyIssued}.
   */
  verify(token: string): string {
    return this.verifyIssued(token).sub;
  }

  /**
   * The account id and issue time of a token.
   * @throws AccountError TOKEN_EXPIRED for a genuine token past `exp`; TOKEN_INVALID for
   *   anything else that does not verify (algorithm, key, signature, high S, issuer, audience,
   *   shape, `iat` in the future).
   */
  verifyIssued(token: string): VerifiedToken {
    if (token.length > MAX_TOKEN_CHARS) throw invalid();
    const nowMs = this.now();
    const nowS = Math.floor(nowMs / 1000);
    const digest = encodeHex(sha256(utf8.encode(token)));
    const hit = this.cache.get(digest);
    if (hit) {
      if (nowMs >= hit.expMs) {
        this.cache.delete(digest);
        throw new AccountError('TOKEN_EXPIRED', 'the token has expired; sign in again');
      }
      if (hit.iat > nowS + IAT_LEEWAY_S) throw invalid(); // the clock stepped back
      return { sub: hit.sub, iat: hit.iat };
    }
    // The twin (r, n − s) of a signature verifies too: only the low-S string is the token.
    if (!isLowSJoseSignature(token.slice(token.lastIndexOf('.') + 1))) throw invalid();
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
        clockTimestamp: nowS,
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
    if (iat > nowS + IAT_LEEWAY_S) throw invalid();
    if (retiredAt !== undefined && iat * 1000 > retiredAt) throw invalid(); // signed after retirement
    this.remember(digest, { sub, iat, expMs: exp * 1000 }, nowMs);
    return { sub, iat };
  }

  /** Number of cached verifications (tests). */
  get cacheSize(): number {
    return this.cache.size;
  }

  private remember(
    digest: string,
    entry: { sub: string; iat: number; expMs: number },
    nowMs: number,
  ): void {
    if (this.cache.size >= CACHE_MAX) {
      for (const [k, v] of this.cache) if (v.expMs <= nowMs) this.cache.delete(k);
      // Still full: drop the oldest insertions (Map keeps insertion order).
      for (const k of this.cache.keys()) {
        if (this.cache.size < CACHE_MAX) break;
        this.cache.delete(k);
      }
    }
    this.cache.set(digest, entry);
  }
}

function invalid(cause?: unknown): AccountError {
  return new AccountError(
    'TOKEN_INVALID',
    'the token is not valid',
    cause === undefined ? {} : { cause },
  );
}
