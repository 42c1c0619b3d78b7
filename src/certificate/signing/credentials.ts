/**
 * The notary's signing credentials (docs/certificates.md, docs/configuration.md). Either the operator supplies a PKCS#12
 * with its chain (HUICUN_NOTARY_P12 / HUICUN_NOTARY_P12_PASSWORD), or first start generates a
 * local notary CA (`notary-ca.pem`, CA:TRUE, keyCertSign, 20 years; key in `notary-ca-key.pem`)
 * and a leaf it issues (RSA-3072, digitalSignature + nonRepudiation, 10 years) in `notary.p12`
 * with the chain. Keys come from node:crypto (forge's pure-JS RSA-3072 keygen is slow); node-forge
 * builds the X.509 certificates and the PKCS#12. Nothing is ever overwritten; key files are 0600.
 * @module
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import forge from 'node-forge';
import { certificateNames, issueCa, issueLeaf, writeNewFile } from '../../pki/index.js';
import { CertificateError } from '../errors.js';
import { GENERATED_CA_MARKER, notarySignerFromP12, type NotarySigner } from './signer.js';

export const NOTARY_CA_FILE = 'notary-ca.pem';
export const NOTARY_CA_KEY_FILE = 'notary-ca-key.pem';
export const NOTARY_P12_FILE = 'notary.p12';
/** RSA modulus of generated keys. */
export const NOTARY_RSA_BITS = 3072;
const CA_YEARS = 20;
const LEAF_YEARS = 10;

/** Names written into generated certificates. */
export interface NotaryNames {
  /** Common name of the notary leaf (default `huicun notary (development)`). */
  readonly commonName?: string;
  /** Organisation (default `huicun`). */
  readonly organization?: string;
}

/**
 * The operator's own P12 (src/config: HUICUN_NOTARY_P12, HUICUN_NOTARY_P12_PASSWORD); without
 * `path` the signer is `<certsDir>/notary.p12`.
 */
export interface NotaryP12 {
  readonly path?: string | undefined;
  readonly password?: string;
}

/**
 * Makes the local notary CA and a leaf in `certsDir` unless `notary.p12` exists; never
 * overwrites a file. An existing CA (certificate and key) issues the new leaf. The P12 is
 * encrypted (AES-256) under `password`.
 * @throws {CertificateError} `NOTARY_CREDENTIALS_INCOMPLETE` when only one of the CA's
 *   certificate and key is present.
 */
export function ensureNotaryCredentials(
  certsDir: string,
  options: NotaryNames & { password?: string; now?: Date } = {},
): { created: boolean; p12Path: string; caPath: string } {
  const dir = resolve(certsDir);
  const p12Path = join(dir, NOTARY_P12_FILE);
  const caPath = join(dir, NOTARY_CA_FILE);
  const caKeyPath = join(dir, NOTARY_CA_KEY_FILE);
  if (existsSync(p12Path)) return { created: false, p12Path, caPath };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = options.now ?? new Date();
  const org = options.organization ?? 'huicun';
  const cn = options.commonName ?? 'huicun notary (development)';
  const caName = certificateNames({
    C: 'CN',
    O: org,
    OU: GENERATED_CA_MARKER,
    CN: `${org} notary CA (generated, not for production)`,
  });

  let caCert: forge.pki.Certificate;
  let caKeyPem: string;
  if (existsSync(caPath) !== existsSync(caKeyPath)) {
    throw new CertificateError(
      'NOTARY_CREDENTIALS_INCOMPLETE',
      `${caPath} and ${caKeyPath} must both exist or both be absent`,
    );
  } else if (existsSync(caPath)) {
    caCert = forge.pki.certificateFromPem(readFileSync(caPath, 'utf8'));
    caKeyPem = readFileSync(caKeyPath, 'utf8');
  } else {
    ({ cert: caCert, keyPem: caKeyPem } = issueCa({
      subject: caName,
      bits: NOTARY_RSA_BITS,
      years: CA_YEARS,
      now,
    }));
    writeNewFile(caKeyPath, caKeyPem, 0o600);
    writeNewFile(caPath, forge.pki.certificateToPem(caCert), 0o644);
  }

  const { cert: leaf, keyPem: leafKeyPem } = issueLeaf({
    ca: { cert: caCert, keyPem: caKeyPem },
    subject: certificateNames({ C: 'CN', O: org, CN: cn }),
    bits: NOTARY_RSA_BITS,
    years: LEAF_YEARS,
    now,
  });
  const p12 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(leafKeyPem),
    [leaf, caCert],
    options.password ?? '',
    { algorithm: 'aes256', friendlyName: cn },
  );
  try {
    writeNewFile(p12Path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // a concurrent start won
  }
  return { created: true, p12Path, caPath };
}

/**
 * The notary signer, loaded once at start: the operator's P12 (`p12`, from HUICUN_NOTARY_P12 and
 * HUICUN_NOTARY_P12_PASSWORD), else `<certsDir>/notary.p12`, generated on first start outside
 * production. With `production: true` (docs/configuration.md) a missing P12 or one whose chain ends in
 * the generated CA is refused.
 * @throws {CertificateError} `NOTARY_P12_MISSING`, `NOTARY_CA_GENERATED`, and the errors of
 *   `notarySignerFromP12` and `ensureNotaryCredentials`.
 */
export function loadNotarySigner(
  certsDir: string,
  p12: NotaryP12 = {},
  options: NotaryNames & { production?: boolean; now?: Date } = {},
): { signer: NotarySigner; created: boolean; p12Path: string } {
  const password = p12.password ?? '';
  let p12Path = p12.path ? resolve(p12.path) : join(resolve(certsDir), NOTARY_P12_FILE);
  let created = false;
  if (!p12.path && !options.production) {
    ({ created, p12Path } = ensureNotaryCredentials(certsDir, { ...options, password }));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(p12Path);
  } catch (cause) {
    throw new CertificateError(
      'NOTARY_P12_MISSING',
      `cannot read the notary P12 ${p12Path} (set HUICUN_NOTARY_P12)`,
      { cause },
    );
  }
  const signer = notarySignerFromP12(bytes, password, options.now);
  if (options.production && signer.generatedCa) {
    throw new CertificateError(
      'NOTARY_CA_GENERATED',
      'production refuses the generated notary CA: install the office certificate (docs/certificates.md)',
    );
  }
  return { signer, created, p12Path };
}
