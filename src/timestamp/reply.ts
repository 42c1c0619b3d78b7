/**
 * The RFC 3161 reply (§2.4.2; docs/timestamps.md): a TimeStampResp is accepted only when its
 * status is granted (or grantedWithMods), it carries a token, the token passes every check of
 * {@link checkTimeStampToken} against our imprint and nonce, and genTime is within five minutes
 * of our clock.
 * @module
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { PKIStatus, TimeStampResp } from '@peculiar/asn1-tsp';
import type { X509Certificate } from '../crypto/index.js';
import { checkClock, checkTimeStampToken, rfc3339, type CheckedToken } from './check.js';
import { TimestampError } from './errors.js';
import type { TimeStamp } from './types.js';

/** What the reply must match. */
export interface ReplyExpectations {
  readonly imprint: Uint8Array;
  readonly nonce: bigint;
  readonly anchors: readonly X509Certificate[];
  /** Our clock (tests inject another). */
  readonly now: Date;
}

/** The DER token of a reply, after its status was checked. */
export function tokenOfReply(reply: Uint8Array): Uint8Array {
  let resp: TimeStampResp;
  try {
    resp = AsnConvert.parse(reply, TimeStampResp);
  } catch (cause) {
    throw new TimestampError('TSA_MALFORMED', 'the reply is not a DER TimeStampResp', { cause });
  }
  const { status, statusString, failInfo } = resp.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = statusString ? [...statusString].join('; ') : '';
    throw new TimestampError(
      'TSA_STATUS_REJECTED',
      `the TSA answered ${PKIStatus[status] ?? status}${text ? `: ${text}` : ''}`,
      { details: { status, statusString: text, failInfo: failInfo?.toJSON() } },
    );
  }
  if (!resp.timeStampToken) {
    throw new TimestampError('TSA_STATUS_REJECTED', 'the TSA granted but sent no token');
  }
  return new Uint8Array(AsnConvert.serialize(resp.timeStampToken));
}

/**
 * Checks a DER TimeStampResp against our request and clock.
 * @throws {TimestampError} TSA_MALFORMED, TSA_STATUS_REJECTED, the codes of
 *   {@link checkTimeStampToken}, TSA_CLOCK_SKEW.
 */
export function checkReply(
  reply: Uint8Array,
  expect: ReplyExpectations,
): TimeStamp & { readonly checked: CheckedToken } {
  const token = tokenOfReply(reply);
  const checked = checkTimeStampToken(token, expect);
  checkClock(checked.genTime, expect.now);
  return { token, genTime: rfc3339(checked.genTime), tsa: checked.tsa, checked };
}
