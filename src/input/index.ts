/**
 * The one input toolkit (docs/SECURITY.md, "Text that lies"): strict bodies, free-text fields,
 * file names, and a guard that reports every bad field at once. Every domain checks its request
 * text here. Pure: no I/O.
 * @module
 */
export { InputError, type FieldProblem, type InputErrorCode } from './errors.js';
export {
  codePointLabel,
  firstForbidden,
  type CharacterRules,
  type ForbiddenCharacter,
  type ForbiddenKind,
} from './characters.js';
export {
  codePointLength,
  invalidField,
  multiLine,
  problem,
  singleLine,
  wellFormedString,
  type TextLimits,
} from './text.js';
export { fileName, utf8Length } from './file-name.js';
export { readBody, requireString, type Body } from './body.js';
export { isOneOf } from './one-of.js';
export {
  checkFields,
  fieldIssue,
  optional,
  type CheckedFields,
  type FieldCheck,
  type FieldIssue,
} from './fields.js';
export {
  ADMIN_REASON_MAX_CHARS,
  CASE_NUMBER_MAX_CHARS,
  CONTACT_MAX_CHARS,
  DESCRIPTION_MAX_CHARS,
  FILE_NAME_MAX_BYTES,
  NAME_MAX_CHARS,
  NOTE_MAX_CHARS,
  OPINION_MAX_CHARS,
  PURPOSE_MAX_CHARS,
  REASON_MAX_CHARS,
  TITLE_MAX_CHARS,
} from './limits.js';
