/**
 * Free-text fields (docs/SECURITY.md, "Text that lies"): every title, description, name, case
 * number, purpose, note and reason goes through `singleLine` or `multiLine`. Both refuse what is
 * not a well-formed string, normalise to NFC, refuse the characters of `characters.ts`, trim,
 * and refuse an empty or over-long result. Pure: no I/O.
 */
import {
  codePointLabel,
  describeForbidden,
  firstForbidden,
  type CharacterRules,
} from './characters.js';
import { InputError, type FieldProblem } from './errors.js';

/** Bounds of a text field, in code points after NFC and trimming. */
export interface TextLimits {
  /** Longest accepted value; longer is FIELD_TOO_LONG (never truncated). */
  readonly max: number;
  /** Shortest accepted value (default 1: empty is refused; 0 lets the caller decide). */
  readonly min?: number;
}

// A lone surrogate (possible in JSON) cannot be canonicalised into an entry (RFC 8785).
const LONE_SURROGATE = /\p{Cs}/u;

/** INVALID_FIELD naming `field`, e.g. `field "title" must be a string`. */
export function invalidField(
  field: string,
  rule: string,
  details: Record<string, unknown> = {},
): InputError {
  return new InputError('INVALID_FIELD', `field "${field}" ${rule}`, {
    details: { field, fields: [field], ...details },
  });
}

/** The `details` naming a {@link FieldProblem}. */
export function problem(kind: FieldProblem): { problem: FieldProblem } {
  return { problem: kind };
}

/** The number of code points of `s` (what limits count). */
export function codePointLength(s: string): number {
  return [...s].length;
}

/**
 * `value` as a well-formed string in NFC, or throws.
 * @throws InputError INVALID_FIELD (absent, not a string, lone surrogate).
 */
export function wellFormedString(field: string, value: unknown): string {
  if (value === undefined) throw invalidField(field, 'is required', problem('required'));
  if (typeof value !== 'string') throw invalidField(field, 'must be a string', problem('type'));
  if (LONE_SURROGATE.test(value))
    throw invalidField(field, 'must be well-formed Unicode', problem('unicode'));
  return value.normalize('NFC');
}

function checked(field: string, text: string, limits: TextLimits, rules: CharacterRules): string {
  const bad = firstForbidden(text, rules);
  if (bad !== undefined) {
    const note = bad.kind === 'line-break' ? ' (the field is a single line)' : '';
    throw invalidField(field, `contains ${describeForbidden(bad)}${note}`, {
      problem: 'character',
      codePoint: codePointLabel(bad.codePoint),
    });
  }
  const v = text.trim();
  const chars = codePointLength(v);
  const min = limits.min ?? 1;
  if (chars < min) {
    throw invalidField(
      field,
      min === 1 ? 'must not be empty' : `must be at least ${min} characters`,
      min === 1 ? problem('empty') : { problem: 'too-short', min },
    );
  }
  if (chars > limits.max) {
    throw new InputError(
      'FIELD_TOO_LONG',
      `field "${field}" is longer than ${limits.max} characters`,
      {
        details: { field, fields: [field], limit: limits.max },
      },
    );
  }
  return v;
}

/**
 * A one-line text (titles, names, case numbers, purposes): NFC, trimmed, no line break, control,
 * bidirectional control, separator or invisible character.
 * @throws InputError INVALID_FIELD or FIELD_TOO_LONG naming `field` (the value is never echoed).
 * @example singleLine('title', ' Cafe\u0301 ', { max: 200 }) // 'Café'
 */
export function singleLine(field: string, value: unknown, limits: TextLimits): string {
  return checked(field, wellFormedString(field, value), limits, {});
}

/**
 * A multi-line text (descriptions, notes, reasons): as {@link singleLine}, but line feeds are
 * kept; CRLF and lone CR (what browsers send from a textarea) become LF first. Tabs are refused
 * like every other control character.
 * @throws InputError INVALID_FIELD or FIELD_TOO_LONG naming `field`.
 * @example multiLine('note', 'one\r\ntwo', { max: 2000 }) // 'one\ntwo'
 */
export function multiLine(field: string, value: unknown, limits: TextLimits): string {
  const text = wellFormedString(field, value).replace(/\r\n?/g, '\n');
  return checked(field, text, limits, { lineFeed: true });
}
