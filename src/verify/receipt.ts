/**
 * Reading a receipt (docs/verification.md) as hostile input: every field is checked on its own, so that a
 * receipt with one bad field still gets every check it can (and `receipt.shape` names the bad
 * fields). `logKey` is optional here: it is only a hint (a key taken from the document is never
 * trusted), and a tlog-proof carries none.
 * @module
 */
import {
  decodeBase64,
  HASH_SIZE,
  parseCheckpoint,
  parseNote,
  type Checkpoint,
} from '../log/index.js';
import type { ReceiptStamp } from './timestamp.js';

/** The receipt format this verifier reads (docs/formats.md); src/evidence writes it. */
export const RECEIPT_FORMAT = 'huicun.receipt/v1';

/**
 * The most time-stamps a receipt may carry (huicun writes one): each costs the host a signature
 * and a chain check, so a hostile receipt cannot make a verifier check thousands.
 */
export const MAX_RECEIPT_STAMPS = 8;

/** The fields of a receipt that could be read; the others are absent. */
export interface ReceiptParts {
  readonly logKey?: string;
  readonly index?: number;
  readonly entry?: Uint8Array;
  readonly opening?: Readonly<Record<string, unknown>>;
  readonly proof?: readonly Uint8Array[];
  readonly checkpoint?: string;
  /** RFC 3161 time-stamps of a checkpoint covering the entry (optional). */
  readonly timestamps?: readonly ReceiptStamp[];
  /** base64 consistency proof between the receipt's and the stamped checkpoint (optional). */
  readonly timestampConsistency?: readonly string[];
}

/** A read receipt: its usable parts and the names of the fields that were malformed. */
export interface ReadReceipt {
  readonly parts: ReceiptParts;
  readonly problems: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function base64(v: unknown): Uint8Array | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return decodeBase64(v);
  } catch {
    return undefined;
  }
}

/** Reads `value` (parsed JSON) field by field. Never throws. */
export function readReceipt(value: unknown): ReadReceipt {
  if (!isObject(value)) return { parts: {}, problems: ['receipt (not an object)'] };
  const problems: string[] = [];
  const parts: {
    -readonly [K in keyof ReceiptParts]: ReceiptParts[K];
  } = {};
  if (value.format !== RECEIPT_FORMAT) problems.push('format');
  if (value.logKey !== undefined) {
    if (typeof value.logKey === 'string') parts.logKey = value.logKey;
    else problems.push('logKey');
  }
  if (typeof value.index === 'number' && Number.isSafeInteger(value.index) && value.index >= 0)
    parts.index = value.index;
  else problems.push('index');
  const entry = base64(value.entry);
  if (entry !== undefined && entry.length > 0) parts.entry = entry;
  else problems.push('entry');
  if (isObject(value.opening)) parts.opening = value.opening;
  else problems.push('opening');
  if (Array.isArray(value.proof)) {
    const hashes = value.proof.map(base64);
    const bad = hashes.findIndex((h) => h === undefined || h.length !== HASH_SIZE);
    if (bad < 0) parts.proof = hashes as Uint8Array[];
    else problems.push(`proof[${bad}]`);
  } else problems.push('proof');
  if (typeof value.checkpoint === 'string') parts.checkpoint = value.checkpoint;
  else problems.push('checkpoint');
  if (value.timestamps !== undefined) {
    const listed = Array.isArray(value.timestamps) && value.timestamps.length <= MAX_RECEIPT_STAMPS;
    const stamps = listed
      ? (value.timestamps as unknown[]).map((t: unknown) => {
          if (!isObject(t) || typeof t.checkpoint !== 'string') return undefined;
          const token = base64(t.token);
          return token === undefined || token.length === 0
            ? undefined
            : { checkpoint: t.checkpoint, token };
        })
      : [undefined];
    const bad = stamps.findIndex((s) => s === undefined);
    if (bad < 0) parts.timestamps = stamps as ReceiptStamp[];
    else problems.push(listed ? `timestamps[${bad}]` : 'timestamps');
  }
  if (value.timestampConsistency !== undefined) {
    const tc = value.timestampConsistency;
    if (Array.isArray(tc) && tc.every((h) => base64(h)?.length === HASH_SIZE))
      parts.timestampConsistency = tc as string[];
    else problems.push('timestampConsistency');
  }
  return { parts, problems };
}

/**
 * The checkpoint body of a signed note, read even when its signatures are broken (inclusion is
 * always evaluated against the body, docs/verification.md); undefined when the body is not a checkpoint.
 */
export function checkpointBody(note: string): Checkpoint | undefined {
  let text: string;
  try {
    text = parseNote(note).text;
  } catch {
    const split = note.lastIndexOf('\n\n');
    if (split < 0) return undefined;
    text = note.slice(0, split + 1);
  }
  try {
    return parseCheckpoint(text);
  } catch {
    return undefined;
  }
}

/**
 * The size of the checkpoint in a receipt (what an online verifier asks a consistency proof
 * from), or undefined when the receipt has no readable checkpoint.
 */
export function receiptCheckpointSize(value: unknown): number | undefined {
  const note = readReceipt(value).parts.checkpoint;
  return note === undefined ? undefined : checkpointBody(note)?.size;
}
