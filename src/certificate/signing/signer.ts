/**
 * Our own @signpdf `Signer` (docs/certificates.md): the notary's PKCS#12 is read once with node-forge
 * (its PKCS#12 decoder), then every signature is a CAdES-detached CMS built by `cms.ts` and
 * signed with node:crypto (RSA-SHA256), so signing a certificate costs one RSA operation. A
 * signer made {@link NotarySigner.withTimeStamper} also stamps each signature value (PAdES B-T,
 * docs/certificates.md "Signature time-stamps").
 * @module
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import {
  parseX509,
  privateKeyFromPem,
  rsaSha256Sign,
  sha256,
  type KeyObject,
  type X509Certificate,
} from '../../crypto/index.js';
import type { TimeStamper } from '../../timestamp/index.js';
import { cadesDetachedSignature, cadesTimestampedSignature } from './cms.js';
import { CertificateError } from '../errors.js';
import type { SignatureStamp } from '../rendering/wording.js';

/** Marker in the subject of the CA that `ensureNotaryCredentials` generates (docs/configuration.md). */
export const GENERATED_CA_MARKER = 'huicun generated notary CA';
/** Smallest RSA modulus accepted for PDF signatures. */
export const MIN_RSA_BITS = 2048;

/**
 * Bytes reserved in /Contents for the signature time-stamp token and its attribute. A token
 * carries the TSA's certificate (`certReq: true`) and often its chain: about 3 KB for the
 * development TSA, 5–8 KB for public TSAs. A larger one does not fit: the document is then
 * issued without a stamp (docs/certificates.md "Signature time-stamps").
 */
export const TIMESTAMP_TOKEN_RESERVE = 12 * 1024;

/** Whether `err` is a failed signature time-stamp (the document is then issued unstamped). */
export const isStampFailure = (err: unknown): err is CertificateError =>
  err instanceof CertificateError && err.code === 'SIGNATURE_STAMP_FAILED';

/** Facts about the signing certificate, for display and start-up logs. */
export interface NotaryCertificateInfo {
  readonly subject: string;
  readonly commonName: string;
  readonly issuer: string;
  /** Upper-case hex, as X509Certificate prints it. */
  readonly serialNumber: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  readonly fingerprint256: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly keyBits: number;
  /** Length of the embedded chain (signer first). */
  readonly chainLength: number;
}

const commonNameOf = (dn: string): string =>
  dn
    .split('\n')
    .find((l) => l.startsWith('CN='))
    ?.slice(3) ?? dn;

/** Orders `certs` from the certificate of `key` up its issuers, verifying each link. */
function orderChain(key: KeyObject, certs: readonly Uint8Array[]): Uint8Array[] {
  const parsed = certs.map((der) => ({ der, x509: parseX509(der) }));
  const leaf = parsed.find((c) => c.x509.checkPrivateKey(key));
  if (!leaf)
    throw new CertificateError('NOTARY_P12_INVALID', 'no certificate in the P12 matches its key');
  const chain = [leaf];
  for (let cur = leaf; chain.length <= parsed.length;) {
    if (cur.x509.checkIssued(cur.x509)) break; // self-signed root
    const parent = parsed.find((p) => !chain.includes(p) && cur.x509.checkIssued(p.x509));
    if (!parent) break; // the operator left the root out: embed what links up
    if (!cur.x509.verify(parent.x509.publicKey))
      throw new CertificateError(
        'NOTARY_P12_INVALID',
        `${cur.x509.subject} is not signed by its issuer`,
      );
    chain.push(parent);
    cur = parent;
  }
  return chain.map((c) => c.der);
}

/** The PEM label of PKCS#8 private keys (RFC 7468 §10). */
const PKCS8_LABEL = 'PRIVATE KEY';

/** A PKCS#8 DER private key as PEM text. */
function pkcs8Pem(der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${PKCS8_LABEL}-----\n${b64.replace(/\n$/, '')}\n-----END ${PKCS8_LABEL}-----\n`;
}

const forgeDer = (asn: forge.asn1.Asn1): Uint8Array =>
  Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary');

/** Reads key and certificates out of a PKCS#12 (any key type, so we can say which it is). */
function readP12(p12: Uint8Array, password: string): { key: KeyObject; certs: Uint8Array[] } {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    pfx = forge.pkcs12.pkcs12FromAsn1(asn, password);
  } catch (cause) {
    throw new CertificateError(
      'NOTARY_P12_INVALID',
      'cannot read the notary P12 (not PKCS#12, or wrong password)',
      { cause },
    );
  }
  const bagsOf = (type: string): forge.pkcs12.Bag[] => pfx.getBags({ bagType: type })[type] ?? [];
  const keyBags = [
    ...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag!),
    ...bagsOf(forge.pki.oids.keyBag!),
  ];
  const bag = keyBags[0];
  if (!bag || keyBags.length > 1)
    throw new CertificateError(
      'NOTARY_P12_INVALID',
      'the notary P12 must hold exactly one private key',
    );
  const key = bag.key
    ? privateKeyFromPem(forge.pki.privateKeyToPem(bag.key))
    : privateKeyFromPem(pkcs8Pem(forgeDer(bag.asn1 as forge.asn1.Asn1)));
  const certs = bagsOf(forge.pki.oids.certBag!).map((b) =>
    forgeDer(b.cert ? forge.pki.certificateToAsn1(b.cert) : (b.asn1 as forge.asn1.Asn1)),
  );
  return { key, certs };
}

/**
 * Signs PDFs as the notary office: `sign()` receives the bytes of the /ByteRange and returns
 * the DER CMS for /Contents. Build one with {@link notarySignerFromP12} (or `loadNotarySigner`).
 */
export class NotarySigner extends Signer {
  /** DER certificates, signer first. */
  readonly chain: readonly Certificate[];
  readonly info: NotaryCertificateInfo;
  /** True when the chain ends in the locally generated CA (refused in production). */
  readonly generatedCa: boolean;
  /** Bytes reserved for the CMS in the PDF (/Contents holds twice as many hex digits). */
  readonly signatureLength: number;
  /** Who stamps each signature value (PAdES B-T); absent: PAdES B-B, no time-stamp. */
  readonly timeStamper: TimeStamper | undefined;
  /** Told of each signature whose time-stamp failed (the document is then issued unstamped). */
  readonly onStampFailure: ((err: CertificateError) => void) | undefined;
  readonly #key: KeyObject;
  readonly #chainDer: readonly Uint8Array[];

  constructor(
    key: KeyObject,
    chainDer: readonly Uint8Array[],
    timeStamper?: TimeStamper,
    onStampFailure?: (err: CertificateError) => void,
  ) {
    super();
    if (key.asymmetricKeyType !== 'rsa')
      throw new CertificateError(
        'NOTARY_KEY_NOT_RSA',
        `PDF signatures need an RSA key; the P12 holds ${key.asymmetricKeyType ?? 'an unknown key'}`,
      );
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS)
      throw new CertificateError(
        'NOTARY_KEY_NOT_RSA',
        `the RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required`,
      );
    this.#key = key;
    this.#chainDer = chainDer;
    this.timeStamper = timeStamper;
    this.onStampFailure = onStampFailure;
    this.chain = chainDer.map((der) => AsnConvert.parse(der, Certificate));
    const certs: X509Certificate[] = chainDer.map((d) => parseX509(d));
    const leaf = certs[0]!;
    this.generatedCa = certs.some((c) => c.subject.includes(GENERATED_CA_MARKER));
    this.info = {
      subject: leaf.subject,
      commonName: commonNameOf(leaf.subject),
      issuer: leaf.issuer,
      serialNumber: leaf.serialNumber,
      fingerprint256: leaf.fingerprint256,
      validFrom: new Date(leaf.validFrom),
      validTo: new Date(leaf.validTo),
      keyBits: bits,
      chainLength: certs.length,
    };
    // The CMS has the same length for any content (fixed-size digest and RSA signature), so a
    // dry run sizes the /Contents placeholder exactly; the margin covers DER length changes.
    // A time-stamp token's size depends on the TSA, so it gets a fixed reserve.
    this.signatureLength =
      cadesDetachedSignature(new Uint8Array(0), this.cmsSigner()).length +
      64 +
      (timeStamper ? TIMESTAMP_TOKEN_RESERVE : 0);
  }

  /** What the page says about the signature's time-stamp (`null`: none), before signing. */
  signatureStamp(): SignatureStamp | null {
    const t = this.timeStamper;
    if (!t) return null;
    return t.name ? { tsa: t.name } : {};
  }

  /**
   * The same key and chain, stamping each signature with `timeStamper` (none: unstamped);
   * `onStampFailure` hears of each failed stamp (the server logs it).
   */
  withTimeStamper(
    timeStamper: TimeStamper | undefined,
    onStampFailure?: (err: CertificateError) => void,
  ): NotarySigner {
    return new NotarySigner(this.#key, this.#chainDer, timeStamper, onStampFailure);
  }

  /**
   * The CMS SignedData over `pdf` (the /ByteRange bytes @signpdf passes in), time-stamped when
   * the signer has a TimeStamper.
   * @throws {CertificateError} SIGNATURE_STAMP_FAILED when the TSA fails (its error is the
   *   cause) or its token does not fit.
   */
  override async sign(pdf: Buffer): Promise<Buffer> {
    const stamper = this.timeStamper;
    if (!stamper) return Buffer.from(cadesDetachedSignature(pdf, this.cmsSigner()));
    const cms = await cadesTimestampedSignature(pdf, this.cmsSigner(), async (imprint) => {
      try {
        return (await stamper.stamp(imprint)).token;
      } catch (cause) {
        throw new CertificateError('SIGNATURE_STAMP_FAILED', 'the signature time-stamp failed', {
          cause,
        });
      }
    });
    if (cms.length > this.signatureLength)
      throw new CertificateError(
        'SIGNATURE_STAMP_FAILED',
        `the time-stamped signature (${cms.length} bytes) exceeds the ${this.signatureLength} reserved`,
      );
    return Buffer.from(cms);
  }

  private cmsSigner(): Parameters<typeof cadesDetachedSignature>[1] {
    return {
      chain: this.chain,
      digest: sha256,
      sign: (data) => rsaSha256Sign(this.#key, data),
    };
  }
}

/**
 * Loads a notary signer from PKCS#12 bytes: one RSA key, its certificate and the chain above
 * it (ordered and checked here; certificates that do not link up are left out).
 * @throws {CertificateError} `NOTARY_P12_INVALID` (unreadable, wrong password, no matching or
 *   an expired certificate), `NOTARY_KEY_NOT_RSA`.
 */
export function notarySignerFromP12(
  p12: Uint8Array,
  password: string,
  now = new Date(),
): NotarySigner {
  const { key, certs } = readP12(p12, password);
  const signer = new NotarySigner(key, orderChain(key, certs));
  if (signer.info.validTo < now || signer.info.validFrom > now)
    throw new CertificateError(
      'NOTARY_P12_INVALID',
      `the notary certificate is valid only from ${signer.info.validFrom.toISOString()} to ${signer.info.validTo.toISOString()}`,
    );
  return signer;
}
