/**
 * A minimal DER (ITU-T X.690) writer and reader: just what the CMS signature (RFC 5652) and
 * X.509 field extraction need. Pure: no node:* imports.
 * @module
 */

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

/** One TLV with a single-byte tag (X.690 §8.1). */
export function tlv(tag: number, ...content: readonly Uint8Array[]): Uint8Array {
  const body = concatBytes(content);
  return concatBytes([Uint8Array.of(tag), lengthBytes(body.length), body]);
}

/** SEQUENCE. */
export const sequence = (...items: readonly Uint8Array[]): Uint8Array => tlv(0x30, ...items);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** SET OF, its elements sorted by their encodings as DER requires (X.690 §11.6). */
export const setOf = (...items: readonly Uint8Array[]): Uint8Array =>
  tlv(0x31, ...[...items].sort(compareBytes));

/** Context-specific constructed tag `[n]` (EXPLICIT, or IMPLICIT over a constructed type). */
export const contextTag = (n: number, ...items: readonly Uint8Array[]): Uint8Array =>
  tlv(0xa0 | n, ...items);

/** NULL. */
export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);

/** OCTET STRING. */
export const octetString = (bytes: Uint8Array): Uint8Array => tlv(0x04, bytes);

/** INTEGER of a small non-negative number. */
export function smallInteger(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fff) throw new RangeError('small integers only');
  return n < 0x80 ? Uint8Array.of(0x02, 0x01, n) : Uint8Array.of(0x02, 0x02, n >> 8, n & 0xff);
}

/** OBJECT IDENTIFIER from dotted text (X.690 §8.19). */
export function objectIdentifier(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0))
    throw new RangeError(`bad OID ${dotted}`);
  const out: number[] = [];
  const push = (v: number): void => {
    const chunk: number[] = [v & 0x7f];
    for (let x = Math.floor(v / 128); x > 0; x = Math.floor(x / 128))
      chunk.unshift(0x80 | (x & 0x7f));
    out.push(...chunk);
  };
  push((arcs[0] as number) * 40 + (arcs[1] as number));
  for (const a of arcs.slice(2)) push(a);
  return tlv(0x06, Uint8Array.from(out));
}

/** AlgorithmIdentifier with absent (`undefined`) or NULL parameters. */
export const algorithm = (oid: string, withNull: boolean): Uint8Array =>
  withNull ? sequence(objectIdentifier(oid), nullValue()) : sequence(objectIdentifier(oid));

/** A TLV found by {@link readTlv}: `bytes` is the whole encoding, `content` its value. */
export interface Tlv {
  readonly tag: number;
  readonly bytes: Uint8Array;
  readonly content: Uint8Array;
}

/**
 * Reads the DER TLV at `offset` (single-byte tags, definite lengths up to 4 bytes).
 * @throws RangeError for a truncated or indefinite-length encoding.
 */
export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  const tag = buf[offset];
  let lenByte = buf[offset + 1];
  if (tag === undefined || lenByte === undefined) throw new RangeError('truncated DER');
  let at = offset + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    const count = lenByte & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('unsupported DER length');
    len = 0;
    for (let i = 0; i < count; i++) {
      lenByte = buf[at++];
      if (lenByte === undefined) throw new RangeError('truncated DER');
      len = len * 256 + lenByte;
    }
  }
  if (at + len > buf.length) throw new RangeError('truncated DER');
  return { tag, bytes: buf.subarray(offset, at + len), content: buf.subarray(at, at + len) };
}

/** The TLVs inside a constructed value's content. */
export function children(content: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < content.length;) {
    const t = readTlv(content, at);
    out.push(t);
    at += t.bytes.length;
  }
  return out;
}

/** The fields of an X.509 certificate a CMS signer names (RFC 5280 §4.1). */
export interface CertificateFields {
  readonly der: Uint8Array;
  /** The whole `serialNumber` INTEGER encoding. */
  readonly serialNumber: Uint8Array;
  /** The whole issuer `Name` encoding. */
  readonly issuer: Uint8Array;
  /** The whole subject `Name` encoding. */
  readonly subject: Uint8Array;
}

/**
 * Extracts serial number, issuer and subject from a DER certificate.
 * @throws RangeError when the bytes are not a certificate's shape.
 */
export function certificateFields(der: Uint8Array): CertificateFields {
  const cert = readTlv(der);
  const tbs = children(cert.content)[0];
  if (cert.tag !== 0x30 || tbs?.tag !== 0x30) throw new RangeError('not an X.509 certificate');
  const fields = children(tbs.content);
  const start = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version, absent for v1
  const [serial, , issuer, , subject] = fields.slice(start);
  if (serial?.tag !== 0x02 || issuer?.tag !== 0x30 || subject?.tag !== 0x30)
    throw new RangeError('not an X.509 certificate');
  return {
    der: cert.bytes,
    serialNumber: serial.bytes,
    issuer: issuer.bytes,
    subject: subject.bytes,
  };
}
