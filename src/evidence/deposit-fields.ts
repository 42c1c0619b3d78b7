/**
 * The text of a deposit — title and description — checked the same way for uploads, hash-only
 * and counter deposits (docs/life-of-a-deposit.md, docs/SECURITY.md "Text that lies").
 */
import {
  checkFields,
  DESCRIPTION_MAX_CHARS,
  multiLine,
  singleLine,
  TITLE_MAX_CHARS,
  type FieldCheck,
} from '../input/index.js';
import { DepositError } from './errors.js';

/** A deposit's checked text: NFC, trimmed; `description` is empty when not sent. */
export interface DepositFields {
  readonly title: string;
  readonly description: string;
}

/** The title: one line of 1–200 characters; absent, null or blank is MISSING_TITLE. */
export const depositTitle: FieldCheck<string> = (value, field) => {
  if (value === undefined || value === null) {
    throw new DepositError('MISSING_TITLE', 'a deposit needs a title');
  }
  const title = singleLine(field, value, { max: TITLE_MAX_CHARS, min: 0 });
  if (title === '') throw new DepositError('MISSING_TITLE', 'a deposit needs a title');
  return title;
};

/** The description: optional, multi-line, at most 4000 characters. */
export const depositDescription: FieldCheck<string> = (value, field) =>
  value === undefined ? '' : multiLine(field, value, { max: DESCRIPTION_MAX_CHARS, min: 0 });

/**
 * Checks title and description together (both are reported when both are bad).
 * @throws DepositError MISSING_TITLE; InputError INVALID_FIELD, FIELD_TOO_LONG naming the field.
 */
export function checkDepositFields(title: unknown, description: unknown): DepositFields {
  return checkFields(
    { title, description },
    { title: depositTitle, description: depositDescription },
  );
}
