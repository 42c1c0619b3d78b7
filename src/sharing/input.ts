/** Request bodies of court sharing, checked field by field (unknown fields refused). */
import { invalidField } from '../accounts/errors.js';
import { readBody, requireString } from '../accounts/validate.js';
import { parseCourtRef, type CourtRef } from '../courts/input.js';
import { checkText } from '../custody/text.js';

/** Longest a share may run: two years (a new share can follow). */
export const SHARE_MAX_MS = 2 * 366 * 24 * 60 * 60 * 1000;
export const CASE_NUMBER_MAX = 64;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `POST /api/v1/deposits/:id/shares` `{courtId, caseNumber, expiresAt}` (or `court`: a listed
 * court's name, for compatibility; docs/courts.md): `expiresAt` is an RFC 3339 time in the
 * future, at most two years ahead of `now` (ms); returned as UTC. Whether the court is listed is
 * the service's business.
 * @throws AccountError INVALID_BODY, UNKNOWN_FIELD, INVALID_FIELD naming the field.
 */
export function parseShareCreate(
  body: unknown,
  now: number,
): { court: CourtRef; caseNumber: string; expiresAt: string } {
  const b = readBody(body, ['courtId', 'court', 'caseNumber', 'expiresAt']);
  const court = parseCourtRef(b);
  const caseNumber = checkText('caseNumber', requireString(b, 'caseNumber'), CASE_NUMBER_MAX);
  const raw = requireString(b, 'expiresAt');
  const at = RFC3339.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(at)) throw invalidField('expiresAt', 'must be an RFC 3339 time');
  if (at <= now) throw invalidField('expiresAt', 'must be in the future');
  if (at > now + SHARE_MAX_MS) throw invalidField('expiresAt', 'must be at most two years ahead');
  return { court, caseNumber, expiresAt: new Date(at).toISOString() };
}

/** `POST /api/v1/shares/redeem` `{code}` (parsed by `parseCode`). */
export function parseRedeem(body: unknown): { code: string } {
  const b = readBody(body, ['code']);
  return { code: requireString(b, 'code') };
}
