/**
 * Generated development certificates (docs/certificates.md, docs/timestamps.md): the local
 * notary CA and the development TSA are built the same way — keys from node:crypto, X.509
 * structure from node-forge, signed RSA-SHA256 through node:crypto — and written once with
 * exact file modes. Kept apart from src/crypto so that `huicun verify` never loads node-forge.
 * @module
 */
import { chmodSync, writeFileSync } from 'node:fs';
import forge from 'node-forge';
import { generateRsaPem, privateKeyFromPem, randomBytes, rsaSha256Sign } from '../crypto/index.js';

/** A certificate name from short attribute names (`C` printable, the rest UTF-8). */
export function certificateNames(attrs: Record<string, string>): forge.pki.CertificateField[] {
  return Object.entries(attrs).map(([shortName, value]) => ({
    shortName,
    value, // forge UTF-8-encodes UTF8String values itself
    valueTagClass: (shortName === 'C'
      ? forge.asn1.Type.PRINTABLESTRING
      : forge.asn1.Type.UTF8) as unknown as forge.asn1.Class,
  }));
}

function serialNumber(): string {
  const b = randomBytes(16);
  b[0] = ((b[0] as number) & 0x3f) | 0x40; // positive, no leading zero byte
  return Buffer.from(b).toString('hex');
}

const getTBSCertificate = (c: forge.pki.Certificate): forge.asn1.Asn1 =>
  (
    forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }
  ).getTBSCertificate(c);

/** Builds and signs (RSA-SHA256 through node:crypto) one certificate. */
export function issueCertificate(o: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKeyPem: string;
  issuerKeyPem: string;
  years: number;
  now: Date;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = serialNumber();
  cert.publicKey = forge.pki.publicKeyFromPem(o.publicKeyPem);
  cert.validity.notBefore = new Date(o.now.getTime() - 3600_000); // an hour of clock skew
  cert.validity.notAfter = new Date(o.now);
  cert.validity.notAfter.setUTCFullYear(o.now.getUTCFullYear() + o.years);
  cert.setSubject(o.subject);
  cert.setIssuer(o.issuer);
  cert.setExtensions(o.extensions);
  cert.signatureOid = cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!;
  cert.tbsCertificate = getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary');
  cert.signature = Buffer.from(rsaSha256Sign(privateKeyFromPem(o.issuerKeyPem), tbs)).toString(
    'binary',
  );
  return cert;
}

/** Writes a new file (never over an existing one) with exactly `mode`, whatever the umask. */
export function writeNewFile(path: string, data: string | Uint8Array, mode: number): void {
  writeFileSync(path, data, { mode, flag: 'wx' });
  chmodSync(path, mode); // the server's umask 0o077 would narrow a CA's 0644
}

/** A new self-signed CA that issues end-entity certificates only (pathLen 0), with its RSA key. */
export function issueCa(o: {
  subject: forge.pki.CertificateField[];
  bits: number;
  years: number;
  now: Date;
}): { cert: forge.pki.Certificate; keyPem: string } {
  const key = generateRsaPem(o.bits);
  const cert = issueCertificate({
    subject: o.subject,
    issuer: o.subject,
    publicKeyPem: key.publicKey,
    issuerKeyPem: key.privateKey,
    years: o.years,
    now: o.now,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ],
  });
  return { cert, keyPem: key.privateKey };
}

/**
 * A new end-entity certificate for signing (digitalSignature + nonRepudiation, critical) that
 * `ca` issues, with its RSA key; `extensions` adds to those (the TSA's extKeyUsage).
 */
export function issueLeaf(o: {
  ca: { cert: forge.pki.Certificate; keyPem: string };
  subject: forge.pki.CertificateField[];
  bits: number;
  years: number;
  now: Date;
  extensions?: object[];
}): { cert: forge.pki.Certificate; keyPem: string } {
  const key = generateRsaPem(o.bits);
  const cert = issueCertificate({
    subject: o.subject,
    issuer: o.ca.cert.subject.attributes,
    publicKeyPem: key.publicKey,
    issuerKeyPem: o.ca.keyPem,
    years: o.years,
    now: o.now,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      ...(o.extensions ?? []),
      { name: 'subjectKeyIdentifier' },
      {
        name: 'authorityKeyIdentifier',
        keyIdentifier: o.ca.cert.generateSubjectKeyIdentifier().getBytes(),
      },
    ],
  });
  return { cert, keyPem: key.privateKey };
}
