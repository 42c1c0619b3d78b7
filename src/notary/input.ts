/**
 * Request bodies of the notarisation workflow and counter deposits, checked field by field:
 * unknown fields are refused, texts are NFC, trimmed, bounded and free of control characters.
 */
import { invalidField } from '../accounts/errors.js';
import { isValidIdNumber, normalizeIdNumber } from '../accounts/index.js';
import { checkName, readBody, requireString, type Body } from '../accounts/validate.js';
import { checkText } from '../custody/text.js';
import { NotaryError } from './errors.js';

export const PURPOSE_MAX = 200;
export const CONTACT_MAX = 100;
export const NOTE_MAX = 2000;
export const REASON_MAX = 1000;

function optionalText(b: Body, field: string, max: number): string | undefined {
  if (b[field] === undefined) return undefined;
  return checkText(field, requireString(b, field), max, true);
}

/** `POST /api/v1/deposits/:id/notarisation` `{purpose, contact, note?}`. */
export function parseApplication(body: unknown): {
  purpose: string;
  contact: string;
  note?: string;
} {
  const b = readBody(body, ['purpose', 'contact', 'note']);
  const purpose = checkText('purpose', requireString(b, 'purpose'), PURPOSE_MAX);
  const contact = checkText('contact', requireString(b, 'contact'), CONTACT_MAX);
  const note = optionalText(b, 'note', NOTE_MAX);
  return { purpose, contact, ...(note !== undefined ? { note } : {}) };
}

/** `POST …/decision` `{decision: "approve"|"reject", reason?}`; a rejection needs a reason. */
export function parseDecision(body: unknown): {
  decision: 'approve' | 'reject';
  reason?: string;
} {
  const b = readBody(body, ['decision', 'reason']);
  const decision = requireString(b, 'decision');
  if (decision !== 'approve' && decision !== 'reject')
    throw invalidField('decision', 'must be "approve" or "reject"');
  const blank = typeof b.reason === 'string' && b.reason.trim() === '';
  const reason = blank ? undefined : optionalText(b, 'reason', REASON_MAX);
  if (decision === 'reject' && reason === undefined)
    throw new NotaryError('REASON_REQUIRED', 'a rejection needs a reason');
  return { decision, ...(reason !== undefined ? { reason } : {}) };
}

/** Bodies of claim, issue and withdraw: none, or an object with an optional `reason`. */
export function parseOptionalReason(body: unknown): { reason?: string } {
  const b = readBody(body ?? {}, ['reason']);
  const reason = optionalText(b, 'reason', REASON_MAX);
  return reason !== undefined ? { reason } : {};
}

/** A walk-in client: name (as on the ID card) and a valid resident ID number (GB 11643). */
export function parseClient(raw: { clientName?: unknown; clientIdNumber?: unknown }): {
  clientName: string;
  clientIdNumber: string;
} {
  const b = { clientName: raw.clientName, clientIdNumber: raw.clientIdNumber };
  const clientName = checkName('clientName', requireString(b, 'clientName'));
  const idNumber = normalizeIdNumber(requireString(b, 'clientIdNumber'));
  if (!isValidIdNumber(idNumber)) {
    throw invalidField(
      'clientIdNumber',
      'is not a valid resident ID number (18 characters, birth date, GB 11643 check character)',
    );
  }
  return { clientName, clientIdNumber: idNumber };
}
