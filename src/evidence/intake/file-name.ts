import { IntakeError } from './errors.js';

/** Longest file name in UTF-8 bytes (DESIGN §5; the usual filesystem NAME_MAX). */
export const MAX_FILE_NAME_BYTES = 255;

// busboy decodes malformed UTF-8 to U+FFFD, so that character is the only trace of it.
const REPLACEMENT = '\uFFFD';
const LONE_SURROGATE = /\p{Cs}/u;
const SEPARATOR = /[/\\]/;
// C0, DEL and C1 controls (NUL included).
const CONTROL = /\p{Cc}/u;
// Bidirectional embeddings, overrides and isolates: they make `gpj.exe` display as `exe.jpg`.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

function invalid(message: string): IntakeError {
  return new IntakeError('INVALID_FILE_NAME', message);
}

/**
 * Checks a client-supplied file name and returns it NFC-normalised (DESIGN §5): well-formed
 * Unicode, at most {@link MAX_FILE_NAME_BYTES} UTF-8 bytes, no `/`, `\`, NUL, control or bidi
 * control characters, not `.` or `..`.
 * @throws IntakeError INVALID_FILE_NAME naming the rule broken (never echoing the name).
 * @example normaliseFileName('合同.pdf') // '合同.pdf'
 */
export function normaliseFileName(raw: string | undefined): string {
  if (raw === undefined || raw.length === 0) throw invalid('a file part needs a file name');
  if (raw.includes(REPLACEMENT) || LONE_SURROGATE.test(raw)) {
    throw invalid('the file name is not well-formed UTF-8');
  }
  const name = raw.normalize('NFC');
  if (SEPARATOR.test(name)) throw invalid('the file name must not contain "/" or "\\"');
  if (CONTROL.test(name)) throw invalid('the file name must not contain control characters');
  if (BIDI_CONTROL.test(name)) {
    throw invalid('the file name must not contain bidirectional control characters');
  }
  if (name === '.' || name === '..') throw invalid('the file name must not be "." or ".."');
  if (Buffer.byteLength(name, 'utf8') > MAX_FILE_NAME_BYTES) {
    throw invalid(`the file name is longer than ${MAX_FILE_NAME_BYTES} UTF-8 bytes`);
  }
  return name;
}
