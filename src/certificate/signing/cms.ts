/**
 * The CMS SignedData (RFC 5652) inside a PAdES signature (ETSI EN 319 142-1, subfilter
 * `ETSI.CAdES.detached`): detached id-data content, the whole certificate chain, one
 * SignerInfo with the signed attributes contentType, messageDigest and ESS
 * signing-certificate-v2 (RFC 5035). No signing-time attribute: PAdES puts the time in the
 * signature dictionary's /M. With a time-stamper, the SignerInfo also carries the unsigned
 * attribute id-aa-signatureTimeStampToken (RFC 3161 Appendix A) over its signature value:
 * PAdES B-T (docs/certificates.md "Signature time-stamps"). Built from @peculiar/asn1-cms types
 * and DER-encoded by asn1-schema. Pure: hashing, signing and stamping are passed in.
 * @module
 */
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_contentType,
  id_data,
  id_messageDigest,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, AsnObjectIdentifierConverter, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  GeneralName,
  GeneralNames,
  type Certificate,
} from '@peculiar/asn1-x509';
import { derOrder, signedAttributesDer } from '../../verify/index.js';
import { IssuerSerial } from '@peculiar/asn1-x509-attr';
import {
  EssCertIdV2,
  SigningCertificateV2,
  id_aa_signingCertificateV2,
} from '../../timestamp/index.js';

const id_sha256 = '2.16.840.1.101.3.4.2.1';
const id_rsaEncryption = '1.2.840.113549.1.1.1';
/** id-aa-signatureTimeStampToken (RFC 3161 Appendix A; ETSI EN 319 122-1 §5.3). */
export const id_aa_signatureTimeStampToken = '1.2.840.113549.1.9.16.2.14';

/** What the CMS builder needs from a signer. */
export interface CmsSigner {
  /** The certificate chain, signer first. */
  readonly chain: readonly Certificate[];
  /** SHA-256. */
  digest(data: Uint8Array): Uint8Array;
  /** RSASSA-PKCS1-v1_5 with SHA-256 over `data` (the DER of the signed attributes). */
  sign(data: Uint8Array): Uint8Array;
}

const der = (value: object): Uint8Array => new Uint8Array(AsnConvert.serialize(value));

const attribute = (attrType: string, value: ArrayBuffer): Attribute =>
  new Attribute({ attrType, attrValues: [value] });

/** SHA-256 with absent parameters, as RFC 5754 §2 prefers. */
const sha256Algorithm = (): AlgorithmIdentifier =>
  new AlgorithmIdentifier({ algorithm: id_sha256 });

/** ESSCertIDv2 of the signer certificate: hash (SHA-256 default, so omitted) and issuerSerial. */
function signingCertificateV2(
  cert: Certificate,
  digest: CmsSigner['digest'],
): SigningCertificateV2 {
  const { issuer, serialNumber } = cert.tbsCertificate;
  const issuerSerial = new IssuerSerial({
    issuer: new GeneralNames([new GeneralName({ directoryName: issuer })]),
    serial: serialNumber,
    issuerUID: undefined, // its default, an empty ArrayBuffer, would be written as a BIT STRING
  });
  const certHash = new OctetString(digest(der(cert)));
  return new SigningCertificateV2({ certs: [new EssCertIdV2({ certHash, issuerSerial })] });
}

/**
 * The signed attributes of `content`, already in DER SET OF order (X.690 §11.6 sorts by
 * encoding, and the length bytes after each SEQUENCE tag differ: 0x18 < 0x2f < the ESS one).
 */
function signedAttributes(content: Uint8Array, signer: Certificate, s: CmsSigner): Attribute[] {
  return [
    attribute(id_contentType, AsnConvert.serialize(AsnObjectIdentifierConverter.toASN(id_data))),
    attribute(id_messageDigest, AsnConvert.serialize(new OctetString(s.digest(content)))),
    attribute(
      id_aa_signingCertificateV2,
      AsnConvert.serialize(signingCertificateV2(signer, s.digest)),
    ),
  ];
}

/** The SignerInfo of `content`, signed, without unsigned attributes. */
function signerInfoOf(content: Uint8Array, signer: Certificate, s: CmsSigner): SignerInfo {
  const signedAttrs = signedAttributes(content, signer, s);
  return new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: signer.tbsCertificate.issuer,
        serialNumber: signer.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: id_rsaEncryption, parameters: null }),
    signature: new OctetString(s.sign(signedAttributesDer(signedAttrs))),
  });
}

/** The DER ContentInfo around `signerInfo`, with the whole chain of `s`. */
function contentInfoOf(signerInfo: SignerInfo, s: CmsSigner): Uint8Array {
  const certificates = s.chain
    .map((c) => ({ c, bytes: der(c) }))
    .sort((a, b) => derOrder(a.bytes, b.bytes))
    .map(({ c }) => new CertificateChoices({ certificate: c }));
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([sha256Algorithm()]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }), // detached
    certificates: new CertificateSet(certificates),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(
    new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }),
  );
}

const signerOf = (s: CmsSigner): Certificate => {
  const signer = s.chain[0];
  if (!signer) throw new RangeError('a CMS signer needs a certificate');
  return signer;
};

/**
 * The DER ContentInfo of a detached CAdES signature over `content` (for a PDF: the bytes of
 * its /ByteRange).
 * @throws RangeError when the chain is empty.
 */
export function cadesDetachedSignature(content: Uint8Array, s: CmsSigner): Uint8Array {
  return contentInfoOf(signerInfoOf(content, signerOf(s), s), s);
}

/**
 * The same signature with a signature time-stamp (CAdES-T, PAdES B-T): `stamp` receives the
 * SHA-256 of the SignerInfo's signature value (the OCTET STRING's content, RFC 3161 Appendix A)
 * and returns the DER TimeStampToken (a ContentInfo), which becomes the unsigned attribute
 * id-aa-signatureTimeStampToken. A failure of `stamp` rejects, unchanged.
 * @throws RangeError when the chain is empty.
 */
export async function cadesTimestampedSignature(
  content: Uint8Array,
  s: CmsSigner,
  stamp: (imprint: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const signerInfo = signerInfoOf(content, signerOf(s), s);
  const token = await stamp(s.digest(new Uint8Array(signerInfo.signature.buffer)));
  const value = token.buffer.slice(token.byteOffset, token.byteOffset + token.byteLength);
  signerInfo.unsignedAttrs = [attribute(id_aa_signatureTimeStampToken, value as ArrayBuffer)];
  return contentInfoOf(signerInfo, s);
}
