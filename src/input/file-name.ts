/**
 * Client-supplied file names (docs/life-of-a-deposit.md step 2, docs/SECURITY.md): the text
 * rules of a single line, plus no path separator or look-alike slash, not `.` or `..`, at most
 * {@link FILE_NAME_MAX_BYTES} UTF-8 bytes. Names are not trimmed: they are kept as sent. Pure.
 */
import { codePointLabel, describeForbidden, firstForbidden } from './characters.js';
import { InputError } from './errors.js';
import { FILE_NAME_MAX_BYTES } from './limits.js';

// busboy decodes malformed UTF-8 to U+FFFD, so that character is the only trace of it.
const REPLACEMENT = '\uFFFD';
const LONE_SURROGATE = /\p{Cs}/u;

/** UTF-8 length of a well-formed string, without Buffer (this folder does no I/O). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * Checks a file name and returns it NFC-normalised.
 * @param field what the message calls it: `files[2].name` in a JSON body; by default "the file
 *   name" (an upload part, where the name is in the part's header).
 * @throws InputError INVALID_FILE_NAME naming the rule broken and the code point, never the name.
 * @example fileName('合同.pdf') // '合同.pdf'
 */
export function fileName(raw: unknown, field?: string): string {
  const label = field === undefined ? 'the file name' : `field "${field}"`;
  const fail = (rule: string, details: Record<string, unknown> = {}): InputError =>
    new InputError('INVALID_FILE_NAME', `${label} ${rule}`, {
      details: { field: field ?? 'files', fields: [field ?? 'files'], ...details },
    });
  if (typeof raw !== 'string') throw fail('must be a string');
  if (raw.length === 0) throw fail('must not be empty');
  if (raw.includes(REPLACEMENT) || LONE_SURROGATE.test(raw)) throw fail('is not well-formed UTF-8');
  const name = raw.normalize('NFC');
  const bad = firstForbidden(name, { fileName: true });
  if (bad !== undefined) {
    throw fail(`contains ${describeForbidden(bad)}`, { codePoint: codePointLabel(bad.codePoint) });
  }
  if (name === '.' || name === '..') throw fail('must not be "." or ".."');
  if (utf8Length(name) > FILE_NAME_MAX_BYTES) {
    throw fail(`is longer than ${FILE_NAME_MAX_BYTES} UTF-8 bytes`, { limit: FILE_NAME_MAX_BYTES });
  }
  return name;
}
