/**
 * C2SP tlog-checkpoint (tlog-checkpoint/v1.0.0): the note text
 * `<origin>\n<tree size>\n<base64 root>\n[extension lines]`.
 * @module
 */
import { decodeBase64, encodeBase64 } from './base64.js';
import { HASH_SIZE } from './check.js';
import { LogError } from './errors.js';
import type { Hash } from './hash.js';
import { isCanonicalDecimal, isNoteSafeText } from './text.js';

/** A checkpoint body: origin, tree size, RFC 6962 root and (rarely) extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Hash;
  extensions: string[];
}

function invalid(message: string, cause?: unknown): LogError {
  return new LogError('INVALID_CHECKPOINT', message, cause === undefined ? {} : { cause });
}

function isValidLine(line: string): boolean {
  return line.length > 0 && !line.includes('\n') && isNoteSafeText(line);
}

/**
 * Formats a checkpoint body (the text a log signs).
 * @throws {LogError} `INVALID_CHECKPOINT` for an empty origin or extension line, a line with a
 *   newline, control character or lone surrogate, a size that is not a safe non-negative
 *   integer, or a root that is not 32 bytes.
 */
export function formatCheckpoint(cp: Checkpoint): string {
  if (!isValidLine(cp.origin))
    throw invalid('origin must be a non-empty line without control characters');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0)
    throw invalid('size must be a safe non-negative integer');
  if (!(cp.root instanceof Uint8Array) || cp.root.length !== HASH_SIZE)
    throw invalid(`root must be ${HASH_SIZE} bytes`);
  for (const ext of cp.extensions)
    if (!isValidLine(ext))
      throw invalid('extension lines must be non-empty lines without control characters');
  let out = `${cp.origin}\n${cp.size}\n${encodeBase64(cp.root)}\n`;
  for (const ext of cp.extensions) out += `${ext}\n`;
  return out;
}

/**
 * Parses a checkpoint body — the TEXT of the signed note (see `openNote`), not the whole note.
 * @throws {LogError} `INVALID_CHECKPOINT` unless `text` is: a non-empty origin line; a size in
 *   decimal without leading zeros that is a safe integer; the canonical base64 of a 32-byte
 *   root; zero or more non-empty extension lines; each line ending in `\n`, no control
 *   characters or lone surrogates.
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string' || !isNoteSafeText(text))
    throw invalid('checkpoint has control characters or invalid UTF-8');
  if (!text.endsWith('\n')) throw invalid('checkpoint must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw invalid('checkpoint needs origin, size and root lines');
  const [origin, sizeText, rootText, ...extensions] = lines as [
    string,
    string,
    string,
    ...string[],
  ];
  if (origin.length === 0) throw invalid('empty origin');
  if (!isCanonicalDecimal(sizeText)) throw invalid('size must be decimal without leading zeros');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw invalid('size exceeds 2^53 - 1');
  let root: Uint8Array;
  try {
    root = decodeBase64(rootText);
  } catch (cause) {
    throw invalid('root is not canonical base64', cause);
  }
  if (root.length !== HASH_SIZE)
    throw invalid(`root must be ${HASH_SIZE} bytes, got ${root.length}`);
  if (extensions.some((e) => e.length === 0)) throw invalid('empty extension line');
  return { origin, size, root, extensions };
}
