/**
 * Strict request-body checks (STYLE §5): the body must be a JSON object, unknown fields are
 * refused (UNKNOWN_FIELD), and a missing or malformed field is INVALID_FIELD naming it. Error
 * messages name fields, never echo values.
 */
import { AccountError, invalidField } from './errors.js';
import { NAME_MAX_CHARS } from './user.js';

export type Body = Readonly<Record<string, unknown>>;

// C0/C1 controls, and the line/paragraph separators and bidi controls that spoof display.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The body as an object with only `allowed` keys.
 * @throws AccountError INVALID_BODY (not a JSON object), UNKNOWN_FIELD (names the first one).
 */
export function readBody(body: unknown, allowed: readonly string[]): Body {
  const proto =
    typeof body === 'object' && body !== null
      ? (Object.getPrototypeOf(body) as unknown)
      : undefined;
  if (Array.isArray(body) || (proto !== Object.prototype && proto !== null)) {
    throw new AccountError('INVALID_BODY', 'the request body must be a JSON object');
  }
  const unknown = Object.keys(body as object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    const field = unknown[0]!.slice(0, 64);
    throw new AccountError('UNKNOWN_FIELD', `unknown field "${field}"`, {
      details: { field, fields: unknown.slice(0, 16) },
    });
  }
  return body as Body;
}

/**
 * A required string field, unchanged (usernames, passwords and names have their own rules).
 * @throws AccountError INVALID_FIELD when absent, not a string, or not well-formed Unicode.
 */
export function requireString(body: Body, field: string): string {
  const v = body[field];
  if (v === undefined) throw invalidField(field, 'is required');
  if (typeof v !== 'string') throw invalidField(field, 'must be a string');
  if (LONE_SURROGATE.test(v)) throw invalidField(field, 'must be well-formed Unicode');
  return v;
}

/** Checks a human-readable name: NFC, trimmed, 1–64 characters, no control characters. */
export function checkName(field: string, raw: string): string {
  const v = raw.normalize('NFC').trim();
  const chars = [...v].length;
  if (chars < 1 || chars > NAME_MAX_CHARS)
    throw invalidField(field, `must be 1 to ${NAME_MAX_CHARS} characters`);
  if (CONTROL.test(v)) throw invalidField(field, 'must not contain control characters');
  return v;
}

/** A required boolean field. */
export function requireBoolean(body: Body, field: string): boolean {
  const v = body[field];
  if (v === undefined) throw invalidField(field, 'is required');
  if (typeof v !== 'boolean') throw invalidField(field, 'must be true or false');
  return v;
}
