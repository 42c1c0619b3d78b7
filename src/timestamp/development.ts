/**
 * The development time-stamp authority (docs/timestamps.md): with no HUICUN_TSA_URLS outside
 * production, the server stamps with a key and certificates generated once into the certs
 * folder and reused — `tsa-dev-ca.pem` (CA, 0644) with its key `tsa-dev-ca-key.pem` (0600), and
 * the TSA signer `tsa-dev.pem` (critical extKeyUsage timeStamping, 0644) with
 * `tsa-dev-key.pem` (0600); the folder 0700. Its name says what it is: "development
 * time-stamp authority, not a trusted time source". Keys come from node:crypto; node-forge
 * builds the certificates, as for the development notary CA (docs/certificates.md). Production
 * refuses it.
 * @module
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import forge from 'node-forge';
import { parseX509, privateKeyFromPem } from '../crypto/index.js';
import { certificateNames, issueCa, issueLeaf, writeNewFile } from '../pki/index.js';
import { checkTimeStampToken, rfc3339 } from './check.js';
import { DEVELOPMENT_TSA_NAME } from './types.js';
import { TimestampError } from './errors.js';
import { randomNonce } from './request.js';
import { signTimeStampToken } from './token.js';
import type { TimeStamp, TimeStamper } from './types.js';

export const TSA_DEV_CA_FILE = 'tsa-dev-ca.pem';
export const TSA_DEV_CA_KEY_FILE = 'tsa-dev-ca-key.pem';
export const TSA_DEV_CERT_FILE = 'tsa-dev.pem';
export const TSA_DEV_KEY_FILE = 'tsa-dev-key.pem';
export { DEVELOPMENT_TSA_NAME };
/** The policy OID of its stamps (a UUID arc, X.667: no registration needed). */
export const DEVELOPMENT_TSA_POLICY = '2.25.152196335437465209925834622290466381871';
const RSA_BITS = 2048;
const CA_YEARS = 20;
const LEAF_YEARS = 10;

/** The paths of the development TSA's files. */
export interface DevelopmentTsaFiles {
  readonly caPath: string;
  readonly caKeyPath: string;
  readonly certPath: string;
  readonly keyPath: string;
}

function files(certsDir: string): DevelopmentTsaFiles {
  const dir = resolve(certsDir);
  return {
    caPath: join(dir, TSA_DEV_CA_FILE),
    caKeyPath: join(dir, TSA_DEV_CA_KEY_FILE),
    certPath: join(dir, TSA_DEV_CERT_FILE),
    keyPath: join(dir, TSA_DEV_KEY_FILE),
  };
}

/**
 * Makes the development TSA's CA and signer in `certsDir` unless they exist; never overwrites a
 * file. An existing CA issues a missing signer.
 * @throws {TimestampError} TSA_DEV_CREDENTIALS_INCOMPLETE when only part of a pair is present.
 */
export function ensureDevelopmentTsa(
  certsDir: string,
  now: Date = new Date(),
): DevelopmentTsaFiles & { created: boolean } {
  const f = files(certsDir);
  const pair = (a: string, b: string): boolean => {
    if (existsSync(a) !== existsSync(b)) {
      throw new TimestampError(
        'TSA_DEV_CREDENTIALS_INCOMPLETE',
        `${a} and ${b} must both exist or both be absent`,
      );
    }
    return existsSync(a);
  };
  const haveCa = pair(f.caPath, f.caKeyPath);
  const haveLeaf = pair(f.certPath, f.keyPath);
  if (haveLeaf && !haveCa) {
    throw new TimestampError(
      'TSA_DEV_CREDENTIALS_INCOMPLETE',
      `${f.certPath} exists without its CA ${f.caPath}`,
    );
  }
  if (haveLeaf) return { ...f, created: false };
  mkdirSync(resolve(certsDir), { recursive: true, mode: 0o700 });
  const caName = certificateNames({
    C: 'CN',
    O: 'huicun',
    OU: 'generated, not for production',
    CN: 'huicun development time-stamp CA',
  });
  let caCert: forge.pki.Certificate;
  let caKeyPem: string;
  if (haveCa) {
    caCert = forge.pki.certificateFromPem(readFileSync(f.caPath, 'utf8'));
    caKeyPem = readFileSync(f.caKeyPath, 'utf8');
  } else {
    ({ cert: caCert, keyPem: caKeyPem } = issueCa({
      subject: caName,
      bits: RSA_BITS,
      years: CA_YEARS,
      now,
    }));
    writeNewFile(f.caKeyPath, caKeyPem, 0o600);
    writeNewFile(f.caPath, forge.pki.certificateToPem(caCert), 0o644);
  }
  const { cert: leaf, keyPem: leafKeyPem } = issueLeaf({
    ca: { cert: caCert, keyPem: caKeyPem },
    subject: certificateNames({ C: 'CN', O: 'huicun', CN: DEVELOPMENT_TSA_NAME }),
    bits: RSA_BITS,
    years: LEAF_YEARS,
    now,
    extensions: [{ name: 'extKeyUsage', timeStamping: true, critical: true }],
  });
  try {
    writeNewFile(f.keyPath, leafKeyPem, 0o600);
    writeNewFile(f.certPath, forge.pki.certificateToPem(leaf), 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // a concurrent start won
  }
  return { ...f, created: true };
}

/** The development TSA: a TimeStamper (development: true) and its CA. */
export interface DevelopmentTsa extends TimeStamper {
  readonly development: true;
  /** The PEM of `tsa-dev-ca.pem`: what checks its tokens (and what production never trusts). */
  readonly caPem: string;
  readonly created: boolean;
  readonly files: DevelopmentTsaFiles;
}

/**
 * The development TSA of `certsDir`, generating its files on first use. Each stamp is checked
 * by {@link checkTimeStampToken} before it is handed out.
 * @throws {TimestampError} TSA_DEVELOPMENT_REFUSED with `production: true`, and the errors of
 *   {@link ensureDevelopmentTsa}.
 */
export function developmentTsa(
  certsDir: string,
  options: { production?: boolean; now?: () => Date } = {},
): DevelopmentTsa {
  if (options.production) {
    throw new TimestampError(
      'TSA_DEVELOPMENT_REFUSED',
      'production refuses the development time-stamp authority: set HUICUN_TSA_URLS (docs/timestamps.md)',
    );
  }
  const now = options.now ?? (() => new Date());
  const { created, ...f } = ensureDevelopmentTsa(certsDir, now());
  const caPem = readFileSync(f.caPath, 'utf8');
  const certPem = readFileSync(f.certPath, 'utf8');
  const anchors = [parseX509(caPem)];
  const signer = {
    chain: [parseX509(certPem).raw, anchors[0]!.raw].map((b) => new Uint8Array(b)),
    key: privateKeyFromPem(readFileSync(f.keyPath, 'utf8')),
    policy: DEVELOPMENT_TSA_POLICY,
  };
  return {
    development: true,
    name: DEVELOPMENT_TSA_NAME,
    caPem,
    created,
    files: f,
    stamp(imprint: Uint8Array): Promise<TimeStamp> {
      return new Promise((done) => {
        const nonce = randomNonce();
        const token = signTimeStampToken(signer, imprint, now(), nonce);
        const checked = checkTimeStampToken(token, { imprint, anchors, nonce });
        done({ token, genTime: rfc3339(checked.genTime), tsa: checked.tsa });
      });
    },
  };
}
