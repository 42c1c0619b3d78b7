/**
 * The facts of an error a client may see besides its code and message (docs/web.md, "Errors
 * beside their fields"): which fields are bad, what is wrong with each, and a length limit. They
 * come from the error's `details` (src/input/fields.ts), picked by name and type, so nothing else
 * in `details` (roots, reports, internal state) ever reaches a client.
 */
import type { BaseError } from '../errors.js';
import { fieldIssue, type FieldIssue } from '../input/index.js';

/** What an error answer adds to `{code, message}` when the error is about fields. */
export interface ErrorFields {
  /** The (first) bad field. */
  readonly field?: string;
  /** Every bad field, in the order the route checks them. */
  readonly fields?: readonly string[];
  /** FIELD_TOO_LONG: the field's limit, in characters. */
  readonly limit?: number;
  /** Each bad field with its own code and problem. */
  readonly issues?: readonly FieldIssue[];
}

const MAX_FIELDS = 16;

function fieldName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 64;
}

/** The client-safe field facts of `err` (empty when it names no field). */
export function errorFields(err: BaseError): ErrorFields {
  const d = err.details ?? {};
  const field = fieldName(d.field) ? d.field : undefined;
  if (field === undefined) return {};
  const fields = Array.isArray(d.fields)
    ? d.fields.filter(fieldName).slice(0, MAX_FIELDS)
    : [field];
  const issues = Array.isArray(d.issues)
    ? (d.issues as unknown[]).filter(isIssue).slice(0, MAX_FIELDS)
    : fields.map((f) => fieldIssue(f, err));
  return {
    field,
    fields,
    ...(Number.isSafeInteger(d.limit) ? { limit: d.limit as number } : {}),
    issues,
  };
}

function isIssue(v: unknown): v is FieldIssue {
  const i = v as Partial<FieldIssue> | null;
  return typeof i === 'object' && i !== null && fieldName(i.field) && typeof i.code === 'string';
}
