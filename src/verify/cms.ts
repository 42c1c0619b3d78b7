/**
 * The CMS pieces that signing and checking share (RFC 5652, X.690): the signed-attributes SET OF
 * that a signature covers, the DER order of a SET OF, one attribute's single value, and the DER
 * of id-ct-TSTInfo. Pure (@peculiar schemas only), so the signer (src/certificate), the TSA code
 * (src/timestamp) and the browser's token check (web/src/tsa-check.ts) use the same bytes.
 * @module
 */
import { Attribute, type SignerInfo } from '@peculiar/asn1-cms';
import {
  AsnArray,
  AsnConvert,
  AsnObjectIdentifierConverter,
  AsnType,
  AsnTypeTypes,
} from '@peculiar/asn1-schema';
import { id_ct_tstInfo } from '@peculiar/asn1-tsp';

/** `SignedAttributes ::= SET SIZE (1..MAX) OF Attribute`, the form that is signed (§5.4). */
class SignedAttributes extends AsnArray<Attribute> {}
AsnType({ type: AsnTypeTypes.Set, itemType: Attribute })(SignedAttributes);

/** The DER of any @peculiar schema value. */
export const derOf = (value: object): Uint8Array<ArrayBuffer> =>
  new Uint8Array(AsnConvert.serialize(value));

/** The bytes a CMS signature covers: the signed attributes as a DER SET OF (RFC 5652 §5.4). */
export const signedAttributesDer = (attrs: Attribute[]): Uint8Array<ArrayBuffer> =>
  derOf(new SignedAttributes(attrs));

/**
 * The bytes the signature of `signerInfo` covers: the signed attributes exactly as the signer
 * encoded them, re-tagged from [0] IMPLICIT to SET (RFC 5652 §5.4), or re-encoded when parsed
 * without their raw bytes.
 */
export function signedBytesOf(signerInfo: SignerInfo): Uint8Array<ArrayBuffer> {
  return signerInfo.signedAttrsRaw
    ? Uint8Array.from(new Uint8Array(signerInfo.signedAttrsRaw), (b, i) => (i === 0 ? 0x31 : b))
    : signedAttributesDer(signerInfo.signedAttrs ?? []);
}

/** Orders DER encodings as X.690 §11.6 requires of a SET OF. */
export function derOrder(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** The one value of the one attribute of `type`, or undefined when absent, doubled or multi-valued. */
export function attributeValue(attrs: readonly Attribute[], type: string): ArrayBuffer | undefined {
  const matching = attrs.filter((a) => a.attrType === type);
  if (matching.length !== 1 || matching[0]?.attrValues.length !== 1) return undefined;
  return matching[0].attrValues[0];
}

/** The DER of the OID id-ct-TSTInfo, the one value a token's contentType attribute may have. */
export const TST_INFO_OID_DER = derOf(AsnObjectIdentifierConverter.toASN(id_ct_tstInfo));
