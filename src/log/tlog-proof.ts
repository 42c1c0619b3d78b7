/**
 * c2sp.org/tlog-proof@v1: an offline proof that an entry is in a log —
 * header, optional `extra <base64>`, `index <n>`, inclusion-proof lines (leaf sibling first),
 * a blank line, then the signed checkpoint note verbatim.
 * @module
 */
import { decodeBase64, encodeBase64 } from './base64.js';
import { HASH_SIZE } from './check.js';
import { parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { LogError } from './errors.js';
import { rfc6962, type Hash, type TreeHasher } from './hash.js';
import { openNote, parseNote, type NoteSignature, type NoteVerifier } from './note.js';
import { isCanonicalDecimal } from './text.js';
import { verifyInclusion } from './verify.js';

/** First line of every tlog-proof. */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

/** A tlog-proof: `checkpoint` is the whole signed note (text, blank line, signatures). */
export interface TlogProof {
  extra?: Uint8Array;
  index: number;
  proof: Hash[];
  checkpoint: string;
}

function invalid(message: string, cause?: unknown): LogError {
  return new LogError('INVALID_TLOG_PROOF', message, cause === undefined ? {} : { cause });
}

/**
 * Formats a tlog-proof.
 * @throws {LogError} `INVALID_TLOG_PROOF` for an unsafe index, a proof hash that is not 32
 *   bytes, or a checkpoint that is not a well-formed signed note.
 */
export function formatTlogProof(p: TlogProof): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0)
    throw invalid('index must be a safe non-negative integer');
  try {
    parseNote(p.checkpoint);
  } catch (cause) {
    throw invalid('checkpoint is not a well-formed signed note', cause);
  }
  let out = `${TLOG_PROOF_HEADER}\n`;
  if (p.extra !== undefined) out += `extra ${encodeBase64(p.extra)}\n`;
  out += `index ${p.index}\n`;
  for (const h of p.proof) {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE)
      throw invalid(`proof hashes must be ${HASH_SIZE} bytes`);
    out += `${encodeBase64(h)}\n`;
  }
  return `${out}\n${p.checkpoint}`;
}

/**
 * Parses a tlog-proof strictly (the checkpoint note is parsed too, not verified).
 * @throws {LogError} `INVALID_TLOG_PROOF` for a wrong header, a bad `extra` or `index` line
 *   (leading zeros, unsafe integer), a proof line that is not the canonical base64 of 32 bytes,
 *   a missing blank line, or a checkpoint that is not a signed note with a valid checkpoint
 *   body (the cause holds the `INVALID_NOTE` / `INVALID_CHECKPOINT` error).
 */
export function parseTlogProof(text: string): TlogProof {
  if (typeof text !== 'string') throw invalid('not a string');
  const lines = text.split('\n');
  let i = 0;
  if (lines[i++] !== TLOG_PROOF_HEADER) throw invalid(`first line must be ${TLOG_PROOF_HEADER}`);
  let extra: Uint8Array | undefined;
  if (lines[i]?.startsWith('extra ')) {
    try {
      extra = decodeBase64((lines[i] as string).slice('extra '.length));
    } catch (cause) {
      throw invalid('extra is not canonical base64', cause);
    }
    i++;
  }
  const indexLine = lines[i++];
  if (indexLine === undefined || !indexLine.startsWith('index '))
    throw invalid('missing index line');
  const indexText = indexLine.slice('index '.length);
  if (!isCanonicalDecimal(indexText)) throw invalid('index must be decimal without leading zeros');
  const index = Number(indexText);
  if (!Number.isSafeInteger(index)) throw invalid('index exceeds 2^53 - 1');
  const proof: Hash[] = [];
  for (;;) {
    const line = lines[i++];
    if (line === undefined) throw invalid('missing blank line before the checkpoint');
    if (line === '') break;
    let h: Uint8Array;
    try {
      h = decodeBase64(line);
    } catch (cause) {
      throw invalid(`proof line ${proof.length + 1} is not canonical base64`, cause);
    }
    if (h.length !== HASH_SIZE)
      throw invalid(`proof line ${proof.length + 1} is not a ${HASH_SIZE}-byte hash`);
    proof.push(h);
  }
  const checkpoint = lines.slice(i).join('\n');
  try {
    parseCheckpoint(parseNote(checkpoint).text);
  } catch (cause) {
    throw invalid('checkpoint is not a valid signed checkpoint', cause);
  }
  return extra === undefined ? { index, proof, checkpoint } : { extra, index, proof, checkpoint };
}

/** What a verified tlog-proof establishes. */
export interface VerifiedTlogProof {
  index: number;
  extra?: Uint8Array;
  checkpoint: Checkpoint;
  verified: NoteSignature[];
  unknown: NoteSignature[];
}

/**
 * Verifies a tlog-proof for a leaf hash: the checkpoint is signed by a trusted key, its origin
 * is `origin` (when given), and the inclusion proof leads from `leafHash` to its root.
 * Witness policies are the caller's: `unknown` lists the other signatures.
 * @throws {LogError} `INVALID_TLOG_PROOF` as {@link parseTlogProof}; `INVALID_NOTE` if no
 *   trusted key signed or a trusted signature fails; `INVALID_CHECKPOINT` on an origin
 *   mismatch; the errors of `verifyInclusion` (`INVALID_PROOF`, `INDEX_OUT_OF_RANGE`,
 *   `INVALID_HASH`).
 */
export function verifyTlogProof(
  text: string,
  leafHash: Hash,
  verifiers: readonly NoteVerifier[],
  options: { origin?: string; hasher?: TreeHasher } = {},
): VerifiedTlogProof {
  const p = parseTlogProof(text);
  const opened = openNote(p.checkpoint, verifiers);
  const checkpoint = parseCheckpoint(opened.text);
  if (options.origin !== undefined && checkpoint.origin !== options.origin) {
    throw new LogError(
      'INVALID_CHECKPOINT',
      `checkpoint origin ${JSON.stringify(checkpoint.origin)} is not ${JSON.stringify(options.origin)}`,
    );
  }
  verifyInclusion(
    p.index,
    checkpoint.size,
    leafHash,
    p.proof,
    checkpoint.root,
    options.hasher ?? rfc6962,
  );
  const result: VerifiedTlogProof = {
    index: p.index,
    checkpoint,
    verified: opened.verified,
    unknown: opened.unknown,
  };
  if (p.extra !== undefined) result.extra = p.extra;
  return result;
}
