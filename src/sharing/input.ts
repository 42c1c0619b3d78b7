/**
 * Request bodies of court sharing, checked field by field with the one input toolkit (src/input,
 * docs/SECURITY.md "Text that lies"): unknown fields refused, court and case number one line.
 */
import {
  CASE_NUMBER_MAX_CHARS,
  checkFields,
  invalidField,
  NAME_MAX_CHARS,
  readBody,
  requireString,
  singleLine,
} from '../input/index.js';

/** Longest a share may run: two years (a new share can follow). */
export const SHARE_MAX_MS = 2 * 366 * 24 * 60 * 60 * 1000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `POST /api/v1/deposits/:id/shares` `{court, caseNumber, expiresAt}`: `expiresAt` is an RFC 3339
 * time in the future, at most two years ahead of `now` (ms); returned as UTC.
 * @throws InputError INVALID_BODY, UNKNOWN_FIELD, INVALID_FIELD, FIELD_TOO_LONG naming the fields.
 */
export function parseShareCreate(
  body: unknown,
  now: number,
): { court: string; caseNumber: string; expiresAt: string } {
  const b = readBody(body, ['court', 'caseNumber', 'expiresAt']);
  return checkFields(b, {
    court: (v, f) => singleLine(f, v, { max: NAME_MAX_CHARS }),
    caseNumber: (v, f) => singleLine(f, v, { max: CASE_NUMBER_MAX_CHARS }),
    expiresAt: (v, f) => {
      const raw = requireString({ [f]: v }, f);
      const at = RFC3339.test(raw) ? Date.parse(raw) : NaN;
      if (!Number.isFinite(at)) throw invalidField(f, 'must be an RFC 3339 time');
      if (at <= now) throw invalidField(f, 'must be in the future');
      if (at > now + SHARE_MAX_MS) throw invalidField(f, 'must be at most two years ahead');
      return new Date(at).toISOString();
    },
  });
}

/** `POST /api/v1/shares/redeem` `{code}` (parsed by `parseCode`). */
export function parseRedeem(body: unknown): { code: string } {
  const b = readBody(body, ['code']);
  return { code: requireString(b, 'code') };
}
