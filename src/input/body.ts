/**
 * Strict request bodies (docs/SECURITY.md): the body must be a JSON object and unknown fields are
 * refused. Messages name fields, never echo values. Pure: no I/O.
 */
import { InputError } from './errors.js';
import { invalidField, problem } from './text.js';

/** A request body that passed {@link readBody}. */
export type Body = Readonly<Record<string, unknown>>;

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The body as an object with only `allowed` keys.
 * @throws InputError INVALID_BODY (not a JSON object), UNKNOWN_FIELD (`details.fields` lists up
 *   to 16 of them, `details.field` the first).
 */
export function readBody(body: unknown, allowed: readonly string[]): Body {
  const proto =
    typeof body === 'object' && body !== null
      ? (Object.getPrototypeOf(body) as unknown)
      : undefined;
  if (Array.isArray(body) || (proto !== Object.prototype && proto !== null)) {
    throw new InputError('INVALID_BODY', 'the request body must be a JSON object');
  }
  const unknown = Object.keys(body as object).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    const fields = unknown.slice(0, 16).map((k) => k.slice(0, 64));
    const list = fields.map((k) => `"${k}"`).join(', ');
    throw new InputError('UNKNOWN_FIELD', `unknown field${fields.length > 1 ? 's' : ''} ${list}`, {
      details: { field: fields[0], fields },
    });
  }
  return body as Body;
}

/**
 * A required string field, unchanged (passwords, codes, enumerations: not free text, which goes
 * through `singleLine` / `multiLine`).
 * @throws InputError INVALID_FIELD when absent, not a string, or not well-formed Unicode.
 */
export function requireString(body: Body, field: string): string {
  const v = body[field];
  if (v === undefined) throw invalidField(field, 'is required', problem('required'));
  if (typeof v !== 'string') throw invalidField(field, 'must be a string', problem('type'));
  if (LONE_SURROGATE.test(v))
    throw invalidField(field, 'must be well-formed Unicode', problem('unicode'));
  return v;
}
