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
  OPINION_MAX_CHARS,
  optional,
  PURPOSE_MAX_CHARS,
  readBody,
  REASON_MAX_CHARS,
  requireString,
  singleLine,
  type FieldCheck,
} from '../input/index.js';
import { NotaryError } from './errors.js';
import {
  IDENTITY_SEEN,
  NO_ATTESTATIONS,
  type Attestations,
  type IdentitySeen,
} from './examination.js';

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

/** A decision as the notary sent it: the decision, its reason, and what the notary examined. */
export interface DecisionInput {
  readonly decision: 'approve' | 'reject';
  readonly reason?: string;
  /** 审查意见 (required to approve). */
  readonly opinion?: string;
  readonly attestations: Attestations;
}

/**
 * `POST …/decision` `{decision: "approve"|"reject", reason?, opinion?, identitySeen?,
 * custodyTrailReviewed?}`: a rejection needs a reason, an approval an opinion (审查意见); the
 * attestations default to nothing attested (`identitySeen: "not-seen"`, `custodyTrailReviewed:
 * false`), so only what the notary states is printed (docs/certificates.md).
 * @throws InputError as {@link parseApplication}; NotaryError REASON_REQUIRED, OPINION_REQUIRED.
 */
export function parseDecision(body: unknown): DecisionInput {
  const b = readBody(body, [
    'decision',
    'reason',
    'opinion',
    'identitySeen',
    'custodyTrailReviewed',
  ]);
  const { decision, reason, opinion, identitySeen, custodyTrailReviewed } = checkFields(b, {
    decision: (v, f): 'approve' | 'reject' => {
      const d = requireString({ [f]: v }, f);
      if (d !== 'approve' && d !== 'reject') throw invalidField(f, 'must be "approve" or "reject"');
      return d;
    },
    reason: reasonText,
    opinion: (value, field) => {
      if (value === undefined) return undefined;
      const text = multiLine(field, value, { max: OPINION_MAX_CHARS, min: 0 });
      return text === '' ? undefined : text;
    },
    identitySeen: (v, f): IdentitySeen => {
      if (v === undefined) return NO_ATTESTATIONS.identity;
      if (typeof v !== 'string' || !(IDENTITY_SEEN as readonly string[]).includes(v))
        throw invalidField(f, `must be one of ${IDENTITY_SEEN.map((x) => `"${x}"`).join(', ')}`);
      return v as IdentitySeen;
    },
    custodyTrailReviewed: (v, f): boolean => {
      if (v === undefined) return NO_ATTESTATIONS.custodyTrailReviewed;
      if (typeof v !== 'boolean') throw invalidField(f, 'must be true or false');
      return v;
    },
  });
  if (decision === 'reject' && reason === undefined)
    throw new NotaryError('REASON_REQUIRED', 'a rejection needs a reason');
  if (decision === 'approve' && opinion === undefined)
    throw new NotaryError('OPINION_REQUIRED', 'an approval needs the review opinion (审查意见)');
  return {
    decision,
    ...(reason !== undefined ? { reason } : {}),
    ...(opinion !== undefined ? { opinion } : {}),
    attestations: { identity: identitySeen, custodyTrailReviewed },
  };
}

/** Bodies of claim, issue and withdraw: none, or an object with an optional `reason`. */
export function parseOptionalReason(body: unknown): { reason?: string } {
  const b = readBody(body ?? {}, ['reason']);
  const { reason } = checkFields(b, {
    reason: optional((v, f) => multiLine(f, v, { max: REASON_MAX_CHARS })),
  });
  return reason !== undefined ? { reason } : {};
}

/** The extra fields of a counter deposit (multipart form fields or JSON keys). */
export const COUNTER_DEPOSIT_FIELDS = ['clientName', 'clientIdNumber'] as const;

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
