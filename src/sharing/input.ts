/**
 * Request bodies of court sharing, checked field by field with the one input toolkit (src/input,
 * docs/SECURITY.md "Text that lies"): unknown fields refused, the court a listed one
 * (docs/courts.md), the case number one line.
 */
import {
  CASE_NUMBER_MAX_CHARS,
  checkFields,
  invalidField,
  readBody,
  requireString,
  singleLine,
} from '../input/index.js';
import { type CourtRef, parseCourtRef } from '../courts/index.js';

/** Longest a share may run: two years (a new share can follow). */
export const SHARE_MAX_MS = 2 * 366 * 24 * 60 * 60 * 1000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `POST /api/v1/deposits/:id/shares` `{courtId, caseNumber, expiresAt}` (or `court`: a listed
 * court's name, for compatibility; docs/courts.md): `expiresAt` is an RFC 3339 time in the
 * future, at most two years ahead of `now` (ms); returned as UTC. Whether the court is listed is
 * the service's business.
 * @throws InputError INVALID_BODY, UNKNOWN_FIELD, INVALID_FIELD, FIELD_TOO_LONG naming the fields.
 */
export function parseShareCreate(
  body: unknown,
  now: number,
): { court: CourtRef; caseNumber: string; expiresAt: string } {
  const b = readBody(body, ['courtId', 'court', 'caseNumber', 'expiresAt']);
  const { caseNumber, expiresAt } = checkFields(
    { caseNumber: b.caseNumber, expiresAt: b.expiresAt },
    {
      caseNumber: (v, f) => singleLine(f, v, { max: CASE_NUMBER_MAX_CHARS }),
      expiresAt: (v, f) => {
        const raw = requireString({ [f]: v }, f);
        const at = RFC3339.test(raw) ? Date.parse(raw) : NaN;
        if (!Number.isFinite(at)) throw invalidField(f, 'must be an RFC 3339 time');
        if (at <= now) throw invalidField(f, 'must be in the future');
        if (at > now + SHARE_MAX_MS) throw invalidField(f, 'must be at most two years ahead');
        return new Date(at).toISOString();
      },
    },
  );
  return { court: parseCourtRef(b), caseNumber, expiresAt };
}

/** `POST /api/v1/shares/redeem` `{code}` (parsed by `parseCode`). */
export function parseRedeem(body: unknown): { code: string } {
  const b = readBody(body, ['code']);
  return { code: requireString(b, 'code') };
}
