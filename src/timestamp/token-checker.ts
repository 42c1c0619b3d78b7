/**
 * The verifier's {@link TsaChecker} (docs/verification.md, "Time-stamps"): a stored token's CMS
 * signature, its signer's critical timeStamping EKU, and its chain to the anchors the CALLER
 * trusts (`--tsa-ca` in the CLI, HUICUN_TSA_CA in the server), through
 * {@link checkTimeStampToken}. Whether the token stamps the right checkpoint is the pure
 * verifier's `timestamp.imprint`, so the token is checked here against its own imprint.
 * @module
 */
import type { X509Certificate } from '../crypto/index.js';
import { readTimeStampToken, type TsaChecker, type TsaTokenResult } from '../verify/index.js';
import { checkTimeStampToken } from './check.js';
import { DEVELOPMENT_TSA_NAME } from './types.js';
import { TimestampError } from './errors.js';

/**
 * A checker bound to `anchors`; with none, `trusted` is `skip` (nothing to trust the TSA by).
 * The bundled development CA is never an anchor unless the caller passes it, and even then a
 * development stamp is reported as not trusted (the verifier's rule).
 */
export function tsaTokenChecker(anchors: readonly X509Certificate[]): TsaChecker {
  return {
    check(token: Uint8Array): TsaTokenResult {
      let imprint: Uint8Array;
      let development = false;
      try {
        const facts = readTimeStampToken(token);
        imprint = facts.imprint;
        development = facts.tsa === DEVELOPMENT_TSA_NAME;
      } catch {
        return { signature: 'fail', trusted: 'skip', development, reason: 'TSA_MALFORMED' };
      }
      try {
        checkTimeStampToken(token, { imprint, anchors });
        return { signature: 'pass', trusted: 'pass', development };
      } catch (err) {
        const code = err instanceof TimestampError ? err.code : 'TSA_MALFORMED';
        if (code === 'TSA_NOT_TRUSTED')
          return anchors.length === 0
            ? { signature: 'pass', trusted: 'skip', development }
            : { signature: 'pass', trusted: 'fail', development, reason: code };
        return { signature: 'fail', trusted: 'skip', development, reason: code };
      }
    },
  };
}
