/**
 * The browser's check of a time-stamp token's CMS signature (docs/verification.md,
 * "Time-stamps"), with WebCrypto (`crypto.subtle`, asynchronous), run BEFORE the synchronous pure
 * verifier: its results are handed to `verifyReceipt` as a {@link TsaChecker} that only looks
 * them up. Checked, as the node host does (src/timestamp/check.ts): the signed contentType is
 * id-ct-TSTInfo, the signed messageDigest is the SHA-256 of the TSTInfo, the signature over
 * the signed attributes (DER SET OF) verifies with the signer certificate's key (RSA PKCS#1 v1.5 or ECDSA P-256, SHA-256), and the
 * signer has the critical timeStamping extended key usage.
 *
 * NOT checked here: the ESS signing-certificate attribute (the node host checks it) and the chain to a TSA trust anchor. The browser has none, so `trusted` is
 * always `skip`; trust is for `huicun verify --tsa-ca` or the server (HUICUN_TSA_CA).
 * No DOM use: unit-tested under node (globalThis.crypto.subtle).
 * @module
 */
import { p256 } from '@noble/curves/nist.js';
import {
  ContentInfo,
  SignedData,
  SignerInfo,
  id_contentType,
  id_messageDigest,
  id_signedData,
} from '@peculiar/asn1-cms';
import {
  AsnConvert,
  AsnObjectIdentifierConverter,
  AsnParser,
  OctetString,
} from '@peculiar/asn1-schema';
import { id_ct_tstInfo } from '@peculiar/asn1-tsp';
import {
  Certificate,
  ExtendedKeyUsage,
  id_ce_extKeyUsage,
  id_kp_timeStamping,
} from '@peculiar/asn1-x509';
import {
  readTimeStampToken,
  type TsaChecker,
  type TsaTokenResult,
  type VerifyReport,
  attributeValue,
  derOf,
  signedBytesOf,
  TST_INFO_OID_DER,
} from '../../src/verify/index.js';
// The name the built-in development TSA signs as: types.ts is pure (no imports), so the browser
// reads the server's own constant.
import { DEVELOPMENT_TSA_NAME } from '../../src/timestamp/types.js';

/** Why `trusted` is `skip` in the browser (English; the page shows {@link BROWSER_TRUST_NOTE}). */
export const BROWSER_TRUST_REASON =
  'the browser has no TSA trust anchors: use huicun verify --tsa-ca or the server';

/** The `timestamp.trusted` wording the browser shows instead of the CLI's "--tsa-ca" one. */
export const BROWSER_TRUST_NOTE = {
  zh: '浏览器中没有时间戳机构的信任根证书，未检查时间戳机构：请用 huicun verify --tsa-ca 或服务器核验',
  en: BROWSER_TRUST_REASON,
} as const;

const ID_SHA256 = '2.16.840.1.101.3.4.2.1';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/** The DER of the OID prime256v1 (P-256), the EC key parameters accepted here. */
const P256_OID_DER = derOf(AsnObjectIdentifierConverter.toASN('1.2.840.10045.3.1.7'));

/** A failed check, its reason English (the verifier's `actual`). */
class TokenFailure extends Error {}

const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array<ArrayBuffer> =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);

const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const der = (value: unknown): Uint8Array<ArrayBuffer> => u8(AsnConvert.serialize(value));

async function digest(
  alg: 'SHA-256' | 'SHA-1',
  data: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(alg, data));
}

function signerOf(signedData: SignedData, signerInfo: SignerInfo): Certificate {
  const certs = (signedData.certificates ?? [])
    .map((c) => c.certificate)
    .filter((c): c is Certificate => c !== undefined);
  const sid = signerInfo.sid;
  const found = certs.find((c) => {
    if (sid.issuerAndSerialNumber) {
      const { issuer, serialNumber } = sid.issuerAndSerialNumber;
      return (
        equal(u8(serialNumber), u8(c.tbsCertificate.serialNumber)) &&
        equal(der(issuer), der(c.tbsCertificate.issuer))
      );
    }
    const ski = sid.subjectKeyIdentifier ? u8(sid.subjectKeyIdentifier.buffer) : undefined;
    return ski !== undefined && certs.length === 1;
  });
  if (!found) throw new TokenFailure('the token does not carry its signer certificate');
  return found;
}

async function verifySignature(
  signer: Certificate,
  signerInfo: SignerInfo,
  signed: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const spki = signer.tbsCertificate.subjectPublicKeyInfo;
  const keyAlg = spki.algorithm.algorithm;
  const sigAlg = signerInfo.signatureAlgorithm.algorithm;
  const signature = u8(signerInfo.signature.buffer);
  const spkiDer = der(spki);
  if (keyAlg === RSA_ENCRYPTION && (sigAlg === RSA_ENCRYPTION || sigAlg === SHA256_WITH_RSA)) {
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const key = await crypto.subtle.importKey('spki', spkiDer, alg, false, ['verify']);
    return crypto.subtle.verify(alg, key, signature, signed);
  }
  if (keyAlg === EC_PUBLIC_KEY && (sigAlg === ECDSA_WITH_SHA256 || sigAlg === EC_PUBLIC_KEY)) {
    const params = spki.algorithm.parameters;
    if (!params || !equal(u8(params), P256_OID_DER))
      throw new TokenFailure('unsupported elliptic curve (P-256 only here)');
    const key = await crypto.subtle.importKey(
      'spki',
      spkiDer,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = u8(p256.Signature.fromBytes(signature, 'der').toBytes('compact'));
    } catch {
      return false;
    }
    return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw, signed);
  }
  throw new TokenFailure(`unsupported signature ${sigAlg} with key ${keyAlg} here`);
}

/**
 * Checks a DER TimeStampToken's CMS signature and its signer's EKU (not its chain).
 * @throws {TokenFailure} with the reason when a check fails.
 */
async function checkToken(token: Uint8Array): Promise<void> {
  let signedData: SignedData;
  let eContent: ArrayBuffer;
  try {
    const contentInfo = AsnParser.parse(token, ContentInfo);
    if (contentInfo.contentType !== id_signedData) throw new Error('not SignedData');
    signedData = AsnParser.parse(contentInfo.content, SignedData);
    if (signedData.encapContentInfo.eContentType !== id_ct_tstInfo) throw new Error('not TSTInfo');
    const e = signedData.encapContentInfo.eContent;
    const bytes = e?.single?.buffer ?? e?.any;
    if (bytes === undefined) throw new Error('no TSTInfo');
    eContent = bytes;
  } catch {
    throw new TokenFailure('the token is not a readable RFC 3161 token');
  }
  if (signedData.signerInfos.length !== 1) throw new TokenFailure('the token has not one signer');
  const signerInfo = signedData.signerInfos[0]!;
  if (signerInfo.digestAlgorithm.algorithm !== ID_SHA256)
    throw new TokenFailure(`unsupported digest ${signerInfo.digestAlgorithm.algorithm} here`);
  const attrs = signerInfo.signedAttrs;
  if (!attrs?.length) throw new TokenFailure('the token has no signed attributes');
  const contentType = attributeValue(attrs, id_contentType);
  if (!contentType || !equal(u8(contentType), TST_INFO_OID_DER))
    throw new TokenFailure('the signed contentType is not id-ct-TSTInfo');
  const messageDigest = attributeValue(attrs, id_messageDigest);
  if (
    !messageDigest ||
    !equal(
      u8(AsnParser.parse(messageDigest, OctetString).buffer),
      await digest('SHA-256', u8(eContent)),
    )
  )
    throw new TokenFailure('the signed messageDigest is not the digest of the TSTInfo');
  const signer = signerOf(signedData, signerInfo);
  const signed = signedBytesOf(signerInfo);
  if (!(await verifySignature(signer, signerInfo, signed)))
    throw new TokenFailure('the signature of the time-stamp token does not verify');
  const ext = signer.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
  if (!ext) throw new TokenFailure('the signer certificate has no extended key usage');
  const purposes = AsnParser.parse(ext.extnValue.buffer, ExtendedKeyUsage);
  if (!purposes.includes(id_kp_timeStamping))
    throw new TokenFailure('the signer certificate is not for time-stamping');
  if (!ext.critical)
    throw new TokenFailure('the time-stamping extended key usage is not critical (RFC 3161 §2.3)');
}

const hexOf = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** One token's result, in the shape of the node host's checker (src/timestamp/token-checker.ts). */
export async function checkTokenSignature(token: Uint8Array): Promise<TsaTokenResult> {
  let development = false;
  try {
    development = readTimeStampToken(token).tsa === DEVELOPMENT_TSA_NAME;
  } catch {
    return { signature: 'fail', trusted: 'skip', development, reason: 'TSA_MALFORMED' };
  }
  try {
    await checkToken(token);
    return { signature: 'pass', trusted: 'skip', development, reason: BROWSER_TRUST_REASON };
  } catch (err) {
    const reason = err instanceof TokenFailure ? err.message : 'the token could not be checked';
    return { signature: 'fail', trusted: 'skip', development, reason };
  }
}

/**
 * Pre-checks every token (asynchronously) and returns the synchronous {@link TsaChecker} that
 * `verifyReceipt` calls, answering from those results. A token it was not given (none, when the
 * tokens come from the same receipt) fails: nothing unchecked is reported as valid.
 */
export async function browserTsaChecker(tokens: readonly Uint8Array[]): Promise<TsaChecker> {
  const results = new Map<string, TsaTokenResult>();
  for (const token of tokens) results.set(hexOf(token), await checkTokenSignature(token));
  return {
    check(token: Uint8Array): TsaTokenResult {
      return (
        results.get(hexOf(token)) ?? {
          signature: 'fail',
          trusted: 'skip',
          development: false,
          reason: 'the token was not checked in this browser',
        }
      );
    },
  };
}

/**
 * `timestamp.trusted` skipped for want of anchors (not the development TSA, signature valid)
 * says why in the browser's words: there are no TSA anchors here, not "no --tsa-ca given".
 */
export function browserTrustWording(report: VerifyReport): VerifyReport {
  const signature = report.checks.find((c) => c.id === 'timestamp.signature');
  if (signature?.status !== 'pass' || report.timestamp?.development) return report;
  return {
    ...report,
    checks: report.checks.map((c) =>
      c.id === 'timestamp.trusted' && c.status === 'skip'
        ? { ...c, message: { ...BROWSER_TRUST_NOTE } }
        : c,
    ),
  };
}
