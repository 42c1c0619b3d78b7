/**
 * Receipts (docs/verification.md): everything needed to verify a deposit offline — the entry, its opening,
 * the inclusion proof and a signed checkpoint covering it, and the log's vkey (which a verifier
 * must still trust from elsewhere). Exportable as c2sp.org/tlog-proof@v1 with the entry and the
 * opening in `extra`, so the tlog-proof verifies alone.
 */
import { canonicalBytes } from '../entry/index.js';
import { encodeBase64, formatTlogProof, type Hash } from '../log/index.js';
import { RECEIPT_FORMAT } from '../verify/index.js';

export { RECEIPT_FORMAT };

export interface Receipt {
  readonly format: typeof RECEIPT_FORMAT;
  readonly logKey: string;
  readonly index: number;
  /** base64 of the entry bytes. */
  readonly entry: string;
  readonly opening: unknown;
  /** base64 hashes, leaf sibling first. */
  readonly proof: readonly string[];
  /** The signed checkpoint note. */
  readonly checkpoint: string;
  /**
   * RFC 3161 time-stamps of a checkpoint covering the entry (docs/formats.md): the earliest
   * stamped checkpoint of size > index, with base64 DER TimeStampToken over SHA-256 of the note's
   * exact bytes. Absent until the log was stamped after the entry.
   */
  readonly timestamps?: readonly ReceiptTimestamp[];
  /**
   * `?at=latest` with a stamp: base64 hashes of the RFC 6962 consistency proof between the
   * receipt's checkpoint and the stamped one (from the smaller size to the larger; empty when
   * they are the same size).
   */
  readonly timestampConsistency?: readonly string[];
}

export interface ReceiptTimestamp {
  /** The stamped signed checkpoint note. */
  readonly checkpoint: string;
  /** base64 DER TimeStampToken (CMS ContentInfo). */
  readonly token: string;
}

export function makeReceipt(parts: {
  logKey: string;
  index: number;
  entry: Uint8Array;
  opening: unknown;
  proof: readonly Hash[];
  checkpoint: string;
  timestamps?: readonly ReceiptTimestamp[];
  timestampConsistency?: readonly Hash[];
}): Receipt {
  return {
    format: RECEIPT_FORMAT,
    logKey: parts.logKey,
    index: parts.index,
    entry: encodeBase64(parts.entry),
    opening: parts.opening,
    proof: parts.proof.map(encodeBase64),
    checkpoint: parts.checkpoint,
    ...(parts.timestamps ? { timestamps: parts.timestamps } : {}),
    ...(parts.timestampConsistency
      ? { timestampConsistency: parts.timestampConsistency.map(encodeBase64) }
      : {}),
  };
}

/** The receipt as a c2sp.org/tlog-proof@v1 text with `extra` = JCS({entry, opening}). */
export function receiptToTlogProof(r: Receipt, decode: (b64: string) => Uint8Array): string {
  return formatTlogProof({
    extra: canonicalBytes({ entry: r.entry, opening: r.opening }),
    index: r.index,
    proof: r.proof.map(decode),
    checkpoint: r.checkpoint,
  });
}
