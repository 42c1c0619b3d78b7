import { checkDepositFields } from '../deposit-fields.js';
import { IntakeError } from './errors.js';

/** The multipart field that carries files. */
export const FILES_FIELD = 'files';

/** The text fields of a deposit upload, checked as every deposit's (src/evidence/deposit-fields). */
export interface IntakeFields {
  readonly title: string;
  /** Empty when not sent. */
  readonly description: string;
  /** Values of the accepted `extraFields`, when sent, as sent: their parser checks them. */
  readonly extra: Readonly<Record<string, string>>;
}

/**
 * Validates multer's `req.body`: only `title`, `description` and `extraFields`, each at most
 * once; title and description are checked by `checkDepositFields` (NFC, trimmed, no control,
 * bidirectional or invisible characters, refused when over their limits, never cut).
 * @throws IntakeError UNEXPECTED_FIELD; DepositError MISSING_TITLE; InputError INVALID_FIELD or
 *   FIELD_TOO_LONG naming the field.
 */
export function readIntakeFields(body: unknown, extraFields: readonly string[]): IntakeFields {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const allowed = new Set(['title', 'description', ...extraFields]);
  for (const [name, value] of Object.entries(record)) {
    if (!allowed.has(name)) throw new IntakeError('UNEXPECTED_FIELD', 'unexpected form field');
    if (typeof value !== 'string') {
      throw new IntakeError('UNEXPECTED_FIELD', 'a form field was sent more than once or nested');
    }
  }
  const { title, description } = checkDepositFields(record.title, record.description);
  const extra: Record<string, string> = {};
  for (const name of extraFields) {
    if (typeof record[name] === 'string') extra[name] = record[name];
  }
  return { title, description, extra };
}
