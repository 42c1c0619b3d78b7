/**
 * Issued certificates as documents (docs/certificates.md): each version is rendered once, stored as a blob,
 * and anchored by a `certificate-issued` custody event whose opening holds
 * `{kind, number, version, sha256}`; downloads serve the stored bytes.
 *
 * | key | value |
 * | --- | --- |
 * | `rec/certificate/<depositIndex:16>/<kind>/<version:6>` | JSON {@link CertificateRecord} |
 * | `rec/certificate-digest/<sha256>` | JSON {@link CertificateRecord} (is this PDF ours?) |
 */
import type { RecordWrite } from '../sequencer/index.js';

export type CertificateKind = 'deposit' | 'notarial' | 'report';

export interface CertificateRecord {
  readonly v: 1;
  readonly kind: CertificateKind;
  /** `HC…-1` (deposit), `NC…` (notarial), `R…` (report). */
  readonly number: string;
  readonly version: number;
  readonly sha256: string;
  readonly size: number;
  readonly depositIndex: number;
  /** The log index of the `certificate-issued` custody event. */
  readonly custodyIndex: number;
  readonly issuedAt: string;
  /** What the document says of the notarisation (a new version when this changes). */
  readonly status: string;
  /** Application of a notarial certificate. */
  readonly applicationId?: string;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export const certificatePrefix = (depositIndex: number, kind: CertificateKind): string =>
  `rec/certificate/${pad(depositIndex, 16)}/${kind}/`;
export const certificateKey = (
  depositIndex: number,
  kind: CertificateKind,
  version: number,
): string => `${certificatePrefix(depositIndex, kind)}${pad(version, 6)}`;
export const CERTIFICATE_DIGEST_PREFIX = 'rec/certificate-digest/';
export const certificateDigestKey = (sha256: string): string =>
  `${CERTIFICATE_DIGEST_PREFIX}${sha256}`;

export function certificateWrites(r: CertificateRecord): RecordWrite[] {
  const value = JSON.stringify(r);
  return [
    { type: 'put', key: certificateKey(r.depositIndex, r.kind, r.version), value },
    { type: 'put', key: certificateDigestKey(r.sha256), value },
  ];
}

export function parseCertificateRecord(bytes: Uint8Array): CertificateRecord {
  return JSON.parse(new TextDecoder().decode(bytes)) as CertificateRecord;
}
