/**
 * The ESS signing-certificate attributes, which no kept ASN.1 package defines: v2 (RFC 5035 §3,
 * written by the PDF signatures and the development TSA) and v1 (RFC 2634 §5.4, SHA-1, which
 * many TSAs still send), as @peculiar/asn1-schema classes. The
 * schema calls are written out rather than as decorators, because the project compiles with
 * standard (TC39) decorators and asn1-schema's are the legacy kind.
 * @module
 */
import { AsnProp, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { IssuerSerial } from '@peculiar/asn1-x509-attr';

/** id-aa-signingCertificate (v1, SHA-1). */
export const id_aa_signingCertificate = '1.2.840.113549.1.9.16.2.12';

/** id-aa-signingCertificateV2. */
export const id_aa_signingCertificateV2 = '1.2.840.113549.1.9.16.2.47';

/**
 * ```asn
 * ESSCertIDv2 ::= SEQUENCE {
 *   hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
 *   certHash      Hash,
 *   issuerSerial  IssuerSerial OPTIONAL }
 * ```
 */
export class EssCertIdV2 {
  /** Absent means SHA-256 (the DEFAULT, which DER leaves out). */
  hashAlgorithm?: AlgorithmIdentifier;
  certHash = new OctetString();
  issuerSerial?: IssuerSerial;

  constructor(params: Partial<EssCertIdV2> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AlgorithmIdentifier, optional: true })(EssCertIdV2.prototype, 'hashAlgorithm');
AsnProp({ type: OctetString })(EssCertIdV2.prototype, 'certHash');
AsnProp({ type: IssuerSerial, optional: true })(EssCertIdV2.prototype, 'issuerSerial');

/**
 * ```asn
 * SigningCertificateV2 ::= SEQUENCE {
 *   certs    SEQUENCE OF ESSCertIDv2,
 *   policies SEQUENCE OF PolicyInformation OPTIONAL }
 * ```
 * (`policies` is never written here, so it is left out of the schema.)
 */
export class SigningCertificateV2 {
  certs: EssCertIdV2[] = [];

  constructor(params: Partial<SigningCertificateV2> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: EssCertIdV2, repeated: 'sequence' })(SigningCertificateV2.prototype, 'certs');

/**
 * ```asn
 * ESSCertID ::= SEQUENCE {
 *   certHash     Hash, -- SHA-1 of the whole certificate
 *   issuerSerial IssuerSerial OPTIONAL }
 * ```
 */
export class EssCertId {
  certHash = new OctetString();
  issuerSerial?: IssuerSerial;

  constructor(params: Partial<EssCertId> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: OctetString })(EssCertId.prototype, 'certHash');
AsnProp({ type: IssuerSerial, optional: true })(EssCertId.prototype, 'issuerSerial');

/**
 * ```asn
 * SigningCertificate ::= SEQUENCE {
 *   certs    SEQUENCE OF ESSCertID,
 *   policies SEQUENCE OF PolicyInformation OPTIONAL }
 * ```
 * (Only `certs` is read.)
 */
export class SigningCertificate {
  certs: EssCertId[] = [];

  constructor(params: Partial<SigningCertificate> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: EssCertId, repeated: 'sequence' })(SigningCertificate.prototype, 'certs');
