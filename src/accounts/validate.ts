/**
 * Strict request-body checks (STYLE §5) as the accounts routes use them: bodies and strings come
 * from the one input toolkit (src/input, docs/SECURITY.md "Text that lies"); names are one line.
 */
import { NAME_MAX_CHARS, singleLine } from '../input/index.js';
import { invalidField } from './errors.js';

export { readBody, requireString, type Body } from '../input/index.js';

/**
 * Checks a human-readable name (display name, real name, court, office): one line, NFC, trimmed,
 * 1–64 characters, no control, bidirectional or invisible characters.
 * @throws InputError INVALID_FIELD or FIELD_TOO_LONG naming `field`.
 */
export function checkName(field: string, raw: unknown): string {
  return singleLine(field, raw, { max: NAME_MAX_CHARS });
}

/** A required boolean field. */
export function requireBoolean(body: Readonly<Record<string, unknown>>, field: string): boolean {
  const v = body[field];
  if (v === undefined) throw invalidField(field, 'is required');
  if (typeof v !== 'boolean') throw invalidField(field, 'must be true or false');
  return v;
}
