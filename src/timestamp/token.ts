/**
 * A TimeStampToken made here (RFC 3161 §2.4.2, RFC 5652; docs/timestamps.md), for the
 * development TSA: a TSTInfo as the eContent of a SignedData with one SignerInfo whose signed
 * attributes are contentType id-ct-TSTInfo, messageDigest and ESS signing-certificate-v2.
 * Built from @peculiar types, signed RSASSA-PKCS1-v1_5 SHA-256 through src/crypto.
 * @module
 */
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_contentType,
  id_messageDigest,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, AsnObjectIdentifierConverter, OctetString } from '@peculiar/asn1-schema';
import {
  Accuracy,
  MessageImprint,
  TSTInfo,
  TSTInfoVersion,
  id_ct_tstInfo,
} from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier, Certificate, GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import { derOrder, signedAttributesDer } from '../verify/index.js';
import { IssuerSerial } from '@peculiar/asn1-x509-attr';
import { randomBytes, rsaSha256Sign, sha256, type KeyObject } from '../crypto/index.js';
import { EssCertIdV2, SigningCertificateV2, id_aa_signingCertificateV2 } from './ess.js';
import { ID_SHA256, integerBytes } from './request.js';

const id_rsaEncryption = '1.2.840.113549.1.1.1';

const der = (value: object): Uint8Array => new Uint8Array(AsnConvert.serialize(value));
const buf = (b: Uint8Array): ArrayBuffer => new Uint8Array(b).buffer;

/** Who signs a token, and what it says. */
export interface TokenSigner {
  /** The signer certificate first, then its issuers (all carried in the token). */
  readonly chain: readonly Uint8Array[];
  /** The signer's RSA private key. */
  readonly key: KeyObject;
  /** The TSA policy OID. */
  readonly policy: string;
}

/** A positive serial number of 16 random bytes. */
function serial(): ArrayBuffer {
  const b = randomBytes(16);
  b[0] = ((b[0] as number) & 0x3f) | 0x40;
  return buf(b);
}

/** The DER TimeStampToken over the SHA-256 `imprint` at `genTime`. */
export function signTimeStampToken(
  signer: TokenSigner,
  imprint: Uint8Array,
  genTime: Date,
  nonce?: bigint,
): Uint8Array {
  const chain = signer.chain.map((c) => AsnConvert.parse(c, Certificate));
  const cert = chain[0];
  const certDer = signer.chain[0];
  if (!cert || !certDer) throw new RangeError('a token signer needs a certificate');
  if (imprint.length !== 32) throw new RangeError('a SHA-256 imprint is 32 bytes');
  const { issuer, serialNumber, subject } = cert.tbsCertificate;
  const tstInfo = new TSTInfo({
    version: TSTInfoVersion.v1,
    policy: signer.policy,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: ID_SHA256 }),
      hashedMessage: new OctetString(buf(imprint)),
    }),
    serialNumber: serial(),
    genTime,
    accuracy: new Accuracy({ seconds: 1 }),
    ...(nonce !== undefined ? { nonce: buf(integerBytes(nonce)) } : {}),
    tsa: new GeneralName({ directoryName: subject }),
  });
  const eContent = der(tstInfo);
  const ess = new SigningCertificateV2({
    certs: [
      new EssCertIdV2({
        certHash: new OctetString(buf(sha256(certDer))),
        issuerSerial: new IssuerSerial({
          issuer: new GeneralNames([new GeneralName({ directoryName: issuer })]),
          serial: serialNumber,
          issuerUID: undefined, // its default, an empty ArrayBuffer, would be written
        }),
      }),
    ],
  });
  const attrs = [
    new Attribute({
      attrType: id_contentType,
      attrValues: [AsnConvert.serialize(AsnObjectIdentifierConverter.toASN(id_ct_tstInfo))],
    }),
    new Attribute({
      attrType: id_messageDigest,
      attrValues: [AsnConvert.serialize(new OctetString(buf(sha256(eContent))))],
    }),
    new Attribute({
      attrType: id_aa_signingCertificateV2,
      attrValues: [AsnConvert.serialize(ess)],
    }),
  ]
    .map((a) => ({ a, bytes: der(a) }))
    .sort((x, y) => derOrder(x.bytes, y.bytes))
    .map(({ a }) => a);
  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }),
    }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: ID_SHA256 }),
    signedAttrs: attrs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: id_rsaEncryption, parameters: null }),
    signature: new OctetString(buf(rsaSha256Sign(signer.key, signedAttributesDer(attrs)))),
  });
  const certificates = chain
    .map((c, i) => ({ c, bytes: signer.chain[i] as Uint8Array }))
    .sort((x, y) => derOrder(x.bytes, y.bytes))
    .map(({ c }) => new CertificateChoices({ certificate: c }));
  const signedData = new SignedData({
    version: CMSVersion.v3, // eContentType is not id-data (RFC 5652 §5.1)
    digestAlgorithms: new DigestAlgorithmIdentifiers([
      new AlgorithmIdentifier({ algorithm: ID_SHA256 }),
    ]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: id_ct_tstInfo,
      eContent: new EncapsulatedContent({ single: new OctetString(buf(eContent)) }),
    }),
    certificates: new CertificateSet(certificates),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(
    new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }),
  );
}
