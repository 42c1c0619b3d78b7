/**
 * The checks of a time-stamp token (RFC 3161 §2.4.2, RFC 5652 §5; docs/timestamps.md): the
 * TSTInfo stamps our SHA-256 imprint (and our nonce), the one SignerInfo's signature verifies
 * over signed attributes whose contentType is id-ct-TSTInfo and whose messageDigest is the
 * digest of the TSTInfo, its ESS signing-certificate(-v2) names the signer certificate, that
 * certificate has the CRITICAL extended key usage id-kp-timeStamping and chains (through the
 * token's certificates) to the trust anchors, every certificate of the chain being valid at
 * genTime. ASN.1 through @peculiar/asn1-tsp and asn1-cms; signatures and chains through
 * node:crypto (src/crypto).
 * @module
 */
import {
  ContentInfo,
  SignedData,
  SignerInfo,
  id_contentType,
  id_messageDigest,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, AsnParser, OctetString } from '@peculiar/asn1-schema';
import { TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';
import {
  Certificate,
  ExtendedKeyUsage,
  id_ce_extKeyUsage,
  id_ce_subjectKeyIdentifier,
  id_kp_timeStamping,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { attributeValue, signedBytesOf, TST_INFO_OID_DER } from '../verify/index.js';
import {
  digestOf,
  parseX509,
  verifySignature,
  type DigestName,
  type X509Certificate,
} from '../crypto/index.js';
import { TimestampError, type TimestampErrorCode } from './errors.js';
import {
  SigningCertificate,
  SigningCertificateV2,
  id_aa_signingCertificate,
  id_aa_signingCertificateV2,
} from './ess.js';
import { ID_SHA256, integerValue } from './request.js';

/** How far genTime may be from our clock before a fresh stamp is refused (design: 5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const DIGESTS: Readonly<Record<string, DigestName>> = {
  '1.3.14.3.2.26': 'sha1',
  [ID_SHA256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms: the digest they fix, or `null` for "the SignerInfo's digestAlgorithm". */
const SIGNATURES: Readonly<Record<string, DigestName | null>> = {
  '1.2.840.113549.1.1.1': null, // rsaEncryption
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.2.1': null, // id-ecPublicKey
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** What a checked token says. */
export interface CheckedToken {
  /** The TSA's genTime. */
  readonly genTime: Date;
  /** The signer certificate's subject common name, else its whole subject. */
  readonly tsa: string;
  /** The TSTInfo's serial number (hex) and policy. */
  readonly serialNumber: string;
  readonly policy: string;
  /** The signer certificate (DER). */
  readonly signer: Uint8Array;
}

/** What the token must match. */
export interface TokenExpectations {
  /** The SHA-256 digest that was stamped. */
  readonly imprint: Uint8Array;
  /** The trust anchors (HUICUN_TSA_CA, or the caller's `--tsa-ca`). */
  readonly anchors: readonly X509Certificate[];
  /** The nonce of our request; a stored token is checked without one. */
  readonly nonce?: bigint;
}

const fail = (code: TimestampErrorCode, message: string, details?: Record<string, unknown>) =>
  new TimestampError(code, message, details ? { details } : {});

const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const der = (value: object): Uint8Array => new Uint8Array(AsnConvert.serialize(value));

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function parse<T>(bytes: Uint8Array | ArrayBuffer, type: new () => T, what: string): T {
  try {
    return AsnParser.parse(bytes instanceof ArrayBuffer ? bytes : new Uint8Array(bytes), type);
  } catch (cause) {
    throw new TimestampError('TSA_MALFORMED', `the ${what} is not valid DER`, { cause });
  }
}

/** The TSA's printed name: the subject's (last) common name, else the whole subject. */
export function tsaName(cert: X509Certificate): string {
  const { subject } = AsnConvert.parse(cert.raw, Certificate).tbsCertificate;
  const cn = subject
    .flatMap((rdn) => [...rdn])
    .filter((atv) => atv.type === '2.5.4.3')
    .map((atv) => atv.value.toString())
    .pop();
  return cn ?? cert.subject.split('\n').join(', ');
}

/** The certificates of a PEM bundle (HUICUN_TSA_CA). */
export function anchorsFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => parseX509(b));
}

/** The parts of a token, parsed but not checked. */
interface TokenParts {
  readonly signedData: SignedData;
  readonly eContent: Uint8Array;
  readonly tstInfo: TSTInfo;
  readonly signerInfo: SignerInfo;
  readonly certificates: readonly Certificate[];
}

function tokenParts(token: Uint8Array): TokenParts {
  const contentInfo = parse(token, ContentInfo, 'time-stamp token');
  if (contentInfo.contentType !== id_signedData) {
    throw fail('TSA_MALFORMED', 'the time-stamp token is not a CMS SignedData');
  }
  const signedData = parse(contentInfo.content, SignedData, 'SignedData');
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== id_ct_tstInfo) {
    throw fail('TSA_MALFORMED', `the token's content type is ${eContentType}, not id-ct-TSTInfo`);
  }
  const content = eContent?.single ?? (eContent?.any ? new OctetString(eContent.any) : undefined);
  if (!content) throw fail('TSA_MALFORMED', 'the token carries no TSTInfo');
  const bytes = u8(content.buffer);
  const tstInfo = parse(bytes, TSTInfo, 'TSTInfo');
  if (tstInfo.version !== 1) throw fail('TSA_MALFORMED', `TSTInfo version ${tstInfo.version}`);
  if (signedData.signerInfos.length !== 1) {
    throw fail('TSA_MALFORMED', 'a time-stamp token has exactly one signer');
  }
  const certificates = (signedData.certificates ?? [])
    .map((c) => c.certificate)
    .filter((c): c is Certificate => c !== undefined);
  return {
    signedData,
    eContent: bytes,
    tstInfo,
    signerInfo: signedData.signerInfos[0] as SignerInfo,
    certificates,
  };
}

function subjectKeyId(cert: Certificate): Uint8Array | undefined {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
  if (!ext) return undefined;
  return u8(AsnConvert.parse(ext.extnValue, SubjectKeyIdentifier).buffer);
}

function signerCertificate(parts: TokenParts): Certificate {
  const { sid } = parts.signerInfo;
  const found = parts.certificates.find((c) => {
    if (sid.issuerAndSerialNumber) {
      const { issuer, serialNumber } = sid.issuerAndSerialNumber;
      return (
        equal(u8(serialNumber), u8(c.tbsCertificate.serialNumber)) &&
        equal(der(issuer), der(c.tbsCertificate.issuer))
      );
    }
    const ski = sid.subjectKeyIdentifier ? u8(sid.subjectKeyIdentifier.buffer) : undefined;
    const own = subjectKeyId(c);
    return ski !== undefined && own !== undefined && equal(ski, own);
  });
  if (!found) {
    throw fail('TSA_MALFORMED', 'the token does not carry its signer certificate (certReq)');
  }
  return found;
}

/** The signed attributes, the signature over them, and the ESS link to the signer. */
function checkSignature(parts: TokenParts, signer: Certificate): void {
  const { signerInfo } = parts;
  const attrs = signerInfo.signedAttrs;
  if (!attrs?.length) throw fail('TSA_BAD_SIGNATURE', 'the token has no signed attributes');
  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithm];
  if (!digestName) {
    throw fail('TSA_BAD_SIGNATURE', `unsupported digest ${signerInfo.digestAlgorithm.algorithm}`);
  }

  const contentType = attributeValue(attrs, id_contentType);
  if (!contentType || !equal(u8(contentType), TST_INFO_OID_DER)) {
    throw fail('TSA_BAD_SIGNATURE', 'the signed contentType is not id-ct-TSTInfo');
  }
  const messageDigest = attributeValue(attrs, id_messageDigest);
  if (
    !messageDigest ||
    !equal(
      u8(parse(messageDigest, OctetString, 'messageDigest').buffer),
      digestOf(digestName, parts.eContent),
    )
  ) {
    throw fail('TSA_BAD_SIGNATURE', 'the signed messageDigest is not the digest of the TSTInfo');
  }

  const signerDer = der(signer);
  const v2 = attributeValue(attrs, id_aa_signingCertificateV2);
  const v1 = attributeValue(attrs, id_aa_signingCertificate);
  let named = false;
  if (v2) {
    const first = parse(v2, SigningCertificateV2, 'signing-certificate-v2').certs[0];
    const alg = first?.hashAlgorithm ? DIGESTS[first.hashAlgorithm.algorithm] : 'sha256';
    named = !!first && !!alg && equal(u8(first.certHash.buffer), digestOf(alg, signerDer));
  } else if (v1) {
    const first = parse(v1, SigningCertificate, 'signing-certificate').certs[0];
    named = !!first && equal(u8(first.certHash.buffer), digestOf('sha1', signerDer));
  }
  if (!named) {
    throw fail('TSA_BAD_SIGNATURE', 'the ESS signing-certificate does not name the signer');
  }

  const sigAlg = signerInfo.signatureAlgorithm.algorithm;
  const fixed = SIGNATURES[sigAlg];
  if (fixed === undefined) throw fail('TSA_BAD_SIGNATURE', `unsupported signature ${sigAlg}`);
  const signedBytes = signedBytesOf(signerInfo);
  const key = parseX509(signerDer).publicKey;
  if (!verifySignature(fixed ?? digestName, signedBytes, key, u8(signerInfo.signature.buffer))) {
    throw fail('TSA_BAD_SIGNATURE', 'the signature of the time-stamp token does not verify');
  }
}

function checkEku(signer: Certificate): void {
  const ext = signer.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
  if (!ext) throw fail('TSA_EKU', 'the signer certificate has no extended key usage');
  const purposes = parse(ext.extnValue.buffer, ExtendedKeyUsage, 'extended key usage');
  if (!purposes.includes(id_kp_timeStamping)) {
    throw fail('TSA_EKU', 'the signer certificate is not for time-stamping');
  }
  if (!ext.critical) {
    throw fail('TSA_EKU', 'the time-stamping extended key usage is not critical (RFC 3161 §2.3)');
  }
}

const validAt = (c: X509Certificate, at: Date): boolean =>
  new Date(c.validFrom).getTime() <= at.getTime() && at.getTime() <= new Date(c.validTo).getTime();

/** The signer chains to an anchor through the token's certificates, all valid at `at`. */
function checkChain(
  signer: X509Certificate,
  pool: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
): void {
  const path: X509Certificate[] = [signer];
  for (let cur = signer; path.length <= 8;) {
    if (!validAt(cur, at)) {
      throw fail('TSA_NOT_TRUSTED', `${cur.subject.replace(/\n/g, ', ')} is not valid at genTime`);
    }
    if (anchors.some((a) => a.fingerprint256 === cur.fingerprint256)) return;
    const anchor = anchors.find((a) => cur.checkIssued(a) && cur.verify(a.publicKey));
    if (anchor) {
      if (!validAt(anchor, at))
        throw fail('TSA_NOT_TRUSTED', 'the trust anchor is not valid at genTime');
      return;
    }
    const next = pool.find(
      (c) =>
        c.ca &&
        !path.some((p) => p.fingerprint256 === c.fingerprint256) &&
        cur.checkIssued(c) &&
        cur.verify(c.publicKey),
    );
    if (!next) break;
    path.push(next);
    cur = next;
  }
  throw fail('TSA_NOT_TRUSTED', 'the time-stamp authority does not chain to a trusted anchor', {
    signer: signer.subject.replace(/\n/g, ', '),
  });
}

/**
 * Checks a DER TimeStampToken alone (a stored one, or the token of a fresh reply): imprint,
 * nonce (when given), signature, EKU, chain to `anchors` at genTime. No clock check: a stored
 * token is old by nature.
 * @throws {TimestampError} TSA_MALFORMED, TSA_IMPRINT_MISMATCH, TSA_NONCE_MISMATCH,
 *   TSA_BAD_SIGNATURE, TSA_EKU, TSA_NOT_TRUSTED.
 */
export function checkTimeStampToken(token: Uint8Array, expect: TokenExpectations): CheckedToken {
  try {
    return checkToken(token, expect);
  } catch (err) {
    if (err instanceof TimestampError) throw err;
    throw new TimestampError('TSA_MALFORMED', 'the time-stamp token cannot be read', {
      cause: err,
    });
  }
}

function checkToken(token: Uint8Array, expect: TokenExpectations): CheckedToken {
  const parts = tokenParts(token);
  const { messageImprint, nonce, genTime } = parts.tstInfo;
  if (messageImprint.hashAlgorithm.algorithm !== ID_SHA256) {
    throw fail('TSA_IMPRINT_MISMATCH', 'the stamp is not over a SHA-256 digest', {
      algorithm: messageImprint.hashAlgorithm.algorithm,
    });
  }
  const stamped = u8(messageImprint.hashedMessage.buffer);
  if (!equal(stamped, expect.imprint)) {
    throw fail('TSA_IMPRINT_MISMATCH', 'the stamp is over another digest', {
      expected: hex(expect.imprint),
      stamped: hex(stamped),
    });
  }
  if (expect.nonce !== undefined) {
    const got = nonce ? integerValue(u8(nonce)) : undefined;
    if (got !== expect.nonce) {
      throw fail('TSA_NONCE_MISMATCH', 'the reply does not carry the nonce of the request', {
        expected: expect.nonce.toString(),
        got: got?.toString(),
      });
    }
  }
  const signer = signerCertificate(parts);
  checkSignature(parts, signer);
  checkEku(signer);
  const signerX509 = parseX509(der(signer));
  const pool = parts.certificates.map((c) => parseX509(der(c)));
  checkChain(signerX509, pool, expect.anchors, genTime);
  return {
    genTime,
    tsa: tsaName(signerX509),
    serialNumber: hex(u8(parts.tstInfo.serialNumber)),
    policy: parts.tstInfo.policy,
    signer: der(signer),
  };
}

/**
 * genTime within {@link MAX_CLOCK_SKEW_MS} of `now`.
 * @throws {TimestampError} TSA_CLOCK_SKEW.
 */
export function checkClock(genTime: Date, now: Date): void {
  const skewMs = genTime.getTime() - now.getTime();
  if (Math.abs(skewMs) > MAX_CLOCK_SKEW_MS) {
    throw fail('TSA_CLOCK_SKEW', `the TSA's time is ${Math.round(skewMs / 1000)} s from ours`, {
      genTime: genTime.toISOString(),
      now: now.toISOString(),
      skewMs,
    });
  }
}

/** RFC 3339 UTC, with milliseconds only when there are any. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}
