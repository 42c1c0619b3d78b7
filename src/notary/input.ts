/**
 * Request bodies of the notarisation workflow and counter deposits, checked field by field with
 * the one input toolkit (src/input, docs/SECURITY.md "Text that lies"): unknown fields refused;
 * purpose and contact one line, note and reasons multi-line; every bad field named at once.
 */
import { isValidIdNumber, normalizeIdNumber } from '../accounts/index.js';
import {
  checkFields,
  CONTACT_MAX_CHARS,
  invalidField,
  multiLine,
  NAME_MAX_CHARS,
  NOTE_MAX_CHARS,
  optional,
  PURPOSE_MAX_CHARS,
  readBody,
  REASON_MAX_CHARS,
  requireString,
  singleLine,
  type FieldCheck,
} from '../input/index.js';
import { NotaryError } from './errors.js';

/** A reason: multi-line; blank counts as not given. */
const reasonText: FieldCheck<string | undefined> = (value, field) => {
  if (value === undefined) return undefined;
  const reason = multiLine(field, value, { max: REASON_MAX_CHARS, min: 0 });
  return reason === '' ? undefined : reason;
};

/**
 * `POST /api/v1/deposits/:id/notarisation` `{purpose, contact, note?}`.
 * @throws InputError INVALID_BODY, UNKNOWN_FIELD, INVALID_FIELD, FIELD_TOO_LONG.
 */
export function parseApplication(body: unknown): {
  purpose: string;
  contact: string;
  note?: string;
} {
  const b = readBody(body, ['purpose', 'contact', 'note']);
  const { purpose, contact, note } = checkFields(b, {
    purpose: (v, f) => singleLine(f, v, { max: PURPOSE_MAX_CHARS }),
    contact: (v, f) => singleLine(f, v, { max: CONTACT_MAX_CHARS }),
    note: optional((v, f) => multiLine(f, v, { max: NOTE_MAX_CHARS })),
  });
  return { purpose, contact, ...(note !== undefined ? { note } : {}) };
}

/**
 * `POST …/decision` `{decision: "approve"|"reject", reason?}`; a rejection needs a reason.
 * @throws InputError as {@link parseApplication}; NotaryError REASON_REQUIRED.
 */
export function parseDecision(body: unknown): {
  decision: 'approve' | 'reject';
  reason?: string;
} {
  const b = readBody(body, ['decision', 'reason']);
  const { decision, reason } = checkFields(b, {
    decision: (v, f): 'approve' | 'reject' => {
      const d = requireString({ [f]: v }, f);
      if (d !== 'approve' && d !== 'reject') throw invalidField(f, 'must be "approve" or "reject"');
      return d;
    },
    reason: reasonText,
  });
  if (decision === 'reject' && reason === undefined)
    throw new NotaryError('REASON_REQUIRED', 'a rejection needs a reason');
  return { decision, ...(reason !== undefined ? { reason } : {}) };
}

/** Bodies of claim, issue and withdraw: none, or an object with an optional `reason`. */
export function parseOptionalReason(body: unknown): { reason?: string } {
  const b = readBody(body ?? {}, ['reason']);
  const { reason } = checkFields(b, {
    reason: optional((v, f) => multiLine(f, v, { max: REASON_MAX_CHARS })),
  });
  return reason !== undefined ? { reason } : {};
}

/**
 * A walk-in client: name (as on the ID card: one line) and a valid resident ID number
 * (GB 11643).
 * @throws InputError INVALID_FIELD, FIELD_TOO_LONG naming the field.
 */
export function parseClient(raw: { clientName?: unknown; clientIdNumber?: unknown }): {
  clientName: string;
  clientIdNumber: string;
} {
  return checkFields(
    { clientName: raw.clientName, clientIdNumber: raw.clientIdNumber },
    {
      clientName: (v, f) => singleLine(f, v, { max: NAME_MAX_CHARS }),
      clientIdNumber: (v, f) => {
        const id = normalizeIdNumber(requireString({ [f]: v }, f));
        if (!isValidIdNumber(id)) {
          throw invalidField(
            f,
            'is not a valid resident ID number (18 characters, birth date, GB 11643 check character)',
          );
        }
        return id;
      },
    },
  );
}
