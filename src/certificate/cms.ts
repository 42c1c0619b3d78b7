/**
 * The CMS SignedData (RFC 5652) inside a PAdES signature (ETSI EN 319 142-1, subfilter
 * `ETSI.CAdES.detached`): detached id-data content, the whole certificate chain, one
 * SignerInfo with the signed attributes contentType, messageDigest and ESS
 * signing-certificate-v2 (RFC 5035). No signing-time attribute: PAdES puts the time in the
 * signature dictionary's /M. Pure: hashing and signing are passed in.
 * @module
 */
import {
  algorithm,
  concatBytes,
  contextTag,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
  smallInteger,
  tlv,
  type CertificateFields,
} from './der.js';

/** Object identifiers used in the signature. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** What the CMS builder needs from a signer. */
export interface CmsSigner {
  /** The certificate chain, signer first. */
  readonly chain: readonly CertificateFields[];
  /** SHA-256. */
  digest(data: Uint8Array): Uint8Array;
  /** RSASSA-PKCS1-v1_5 with SHA-256 over `data` (the DER of the signed attributes). */
  sign(data: Uint8Array): Uint8Array;
}

const attribute = (oid: string, value: Uint8Array): Uint8Array =>
  sequence(objectIdentifier(oid), setOf(value));

/** ESSCertIDv2 of the signer certificate: hash (SHA-256 default, so omitted) and issuerSerial. */
function signingCertificateV2(cert: CertificateFields, digest: CmsSigner['digest']): Uint8Array {
  const issuerSerial = sequence(
    sequence(tlv(0xa4, cert.issuer)), // GeneralNames { directoryName [4] EXPLICIT Name }
    cert.serialNumber,
  );
  const essCertIdV2 = sequence(octetString(digest(cert.der)), issuerSerial);
  return sequence(sequence(essCertIdV2));
}

/** The DER SET OF signed attributes (tag 0x31: the form that is signed, RFC 5652 §5.4). */
export function signedAttributes(content: Uint8Array, s: CmsSigner): Uint8Array {
  const signer = s.chain[0];
  if (!signer) throw new RangeError('a CMS signer needs a certificate');
  return setOf(
    attribute(OID.contentType, objectIdentifier(OID.data)),
    attribute(OID.messageDigest, octetString(s.digest(content))),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer, s.digest)),
  );
}

/**
 * The DER ContentInfo of a detached CAdES signature over `content` (for a PDF: the bytes of
 * its /ByteRange).
 * @throws RangeError when the chain is empty.
 */
export function cadesDetachedSignature(content: Uint8Array, s: CmsSigner): Uint8Array {
  const signer = s.chain[0];
  if (!signer) throw new RangeError('a CMS signer needs a certificate');
  const attrs = signedAttributes(content, s);
  const signature = s.sign(attrs);
  const implicitAttrs = concatBytes([Uint8Array.of(0xa0), attrs.subarray(1)]); // [0] IMPLICIT
  const signerInfo = sequence(
    smallInteger(1),
    sequence(signer.issuer, signer.serialNumber), // IssuerAndSerialNumber
    algorithm(OID.sha256, false),
    implicitAttrs,
    algorithm(OID.rsaEncryption, true),
    octetString(signature),
  );
  const certificates = setOf(...s.chain.map((c) => c.der));
  const signedData = sequence(
    smallInteger(1),
    setOf(algorithm(OID.sha256, false)),
    sequence(objectIdentifier(OID.data)), // EncapsulatedContentInfo without eContent
    concatBytes([Uint8Array.of(0xa0), certificates.subarray(1)]), // [0] IMPLICIT CertificateSet
    setOf(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), contextTag(0, signedData));
}
