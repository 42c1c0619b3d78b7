import { IntakeError } from './errors.js';

/** The multipart field that carries files. */
export const FILES_FIELD = 'files';

/** The text fields of a deposit upload, NFC-normalised and trimmed. */
export interface IntakeFields {
  readonly title: string;
  /** Empty when not sent. */
  readonly description: string;
  /** Values of the accepted `extraFields`, when sent. */
  readonly extra: Readonly<Record<string, string>>;
}

const codePoints = (s: string): number => [...s].length;

function text(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC').trim() : '';
}

/**
 * Validates multer's `req.body`: only `title`, `description` and `extraFields`, each at most
 * once; title required (1..`titleMax` code points after trimming); description at most
 * `descriptionMax` code points.
 * @throws IntakeError UNEXPECTED_FIELD, MISSING_TITLE or FIELD_TOO_LONG.
 */
export function readIntakeFields(
  body: unknown,
  extraFields: readonly string[],
  limits: { readonly titleMax: number; readonly descriptionMax: number },
): IntakeFields {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const allowed = new Set(['title', 'description', ...extraFields]);
  for (const [name, value] of Object.entries(record)) {
    if (!allowed.has(name)) throw new IntakeError('UNEXPECTED_FIELD', 'unexpected form field');
    if (typeof value !== 'string') {
      throw new IntakeError('UNEXPECTED_FIELD', 'a form field was sent more than once or nested');
    }
  }
  const title = text(record.title);
  if (title === '') throw new IntakeError('MISSING_TITLE', 'a deposit needs a title');
  if (codePoints(title) > limits.titleMax) {
    throw new IntakeError(
      'FIELD_TOO_LONG',
      `the title is longer than ${limits.titleMax} characters`,
    );
  }
  const description = text(record.description);
  if (codePoints(description) > limits.descriptionMax) {
    throw new IntakeError(
      'FIELD_TOO_LONG',
      `the description is longer than ${limits.descriptionMax} characters`,
    );
  }
  const extra: Record<string, string> = {};
  for (const name of extraFields) {
    if (typeof record[name] === 'string') extra[name] = text(record[name]);
  }
  return { title, description, extra };
}
