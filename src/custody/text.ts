/** Free-text fields of the custody workflows (purpose, reason, case number, …). */
import { invalidField } from '../accounts/errors.js';

// C0/C1 controls except line breaks and tab, and the separators and bidi controls that spoof.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK = /[\n\r\t]/;

/**
 * A bounded text field: NFC, trimmed, 1…`max` characters, no control characters; `multiline`
 * allows line breaks and tabs.
 * @throws AccountError INVALID_FIELD naming `field` (the value is never echoed).
 */
export function checkText(field: string, raw: string, max: number, multiline = false): string {
  const v = raw.normalize('NFC').trim();
  const chars = [...v].length;
  if (chars < 1 || chars > max) throw invalidField(field, `must be 1 to ${max} characters`);
  if (CONTROL.test(v) || (!multiline && LINE_BREAK.test(v)))
    throw invalidField(field, 'must not contain control characters');
  return v;
}
