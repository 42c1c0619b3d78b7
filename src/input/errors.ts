/**
 * Errors of the input toolkit (docs/SECURITY.md, "Text that lies"). The codes are the ones the
 * domains used before the toolkit existed, so clients see the same codes; every one is a 400.
 * - INVALID_BODY: the request body is not a JSON object.
 * - UNKNOWN_FIELD: the body has a field the route does not take (`details.fields` lists them).
 * - INVALID_FIELD: a field is absent, not a string, not well-formed Unicode, empty, or contains
 *   a character its kind refuses (`details.codePoint`, e.g. `U+202E`).
 * - FIELD_TOO_LONG: a field is over its limit (`details.limit`, in characters); never truncated.
 * - INVALID_FILE_NAME: a file name breaks a file-name rule (`details.limit` when too long).
 * `details.field` names the (first) bad field; `details.fields` lists every bad one;
 * `details.problem` ({@link FieldProblem}) says what is wrong with an INVALID_FIELD, so a client
 * can explain it in its own language (docs/web.md, "Errors beside their fields").
 */
import { BaseError } from '../errors.js';

export type InputErrorCode =
  'INVALID_BODY' | 'UNKNOWN_FIELD' | 'INVALID_FIELD' | 'FIELD_TOO_LONG' | 'INVALID_FILE_NAME';

/**
 * What is wrong with an INVALID_FIELD, for clients that explain it in their own words:
 * - `required`: absent; `type`: not of the field's type; `unicode`: a lone surrogate;
 * - `character`: a refused character (`details.codePoint`); `empty`: nothing left after trimming;
 * - `too-short`: under the field's minimum; `format`: not in the field's format (its hint says).
 */
export type FieldProblem =
  'required' | 'type' | 'unicode' | 'character' | 'empty' | 'too-short' | 'format';

/** A request value refused at the edge; the message names the field, never echoes the value. */
export class InputError extends BaseError<InputErrorCode> {}
