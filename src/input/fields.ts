/**
 * A guard that checks every field of a body and reports every bad one at once (docs/SECURITY.md):
 * a person who sent three bad fields learns of all three in one answer. Pure: no I/O.
 */
import { BaseError } from '../errors.js';

/** Checks one field's raw value; throws a coded error (any `BaseError`) to refuse it. */
export type FieldCheck<T> = (value: unknown, field: string) => T;

/** What {@link checkFields} returns for a spec: each field's checked value. */
export type CheckedFields<S> = { [K in keyof S]: S[K] extends FieldCheck<infer T> ? T : never };

type ErrorClass = new (
  code: string,
  message: string,
  options: { cause?: unknown; details?: Record<string, unknown> },
) => BaseError;

/**
 * Runs each check of `spec` on `body[field]`, in the spec's order, and returns the checked values.
 * One bad field: its own error is thrown unchanged. Several: one error of the first bad field's
 * class and code (stable: the spec's order decides), whose message joins every field's message
 * and whose `details.fields` lists every bad field (`details.field` is the first).
 * Errors that are not `BaseError`s are bugs, not bad input: they propagate at once.
 * @example checkFields(body, { title: (v, f) => singleLine(f, v, { max: TITLE_MAX_CHARS }) })
 */
export function checkFields<S extends Record<string, FieldCheck<unknown>>>(
  body: Readonly<Record<string, unknown>>,
  spec: S,
): CheckedFields<S> {
  const out: Record<string, unknown> = {};
  const problems: { field: string; error: BaseError }[] = [];
  for (const [field, check] of Object.entries(spec)) {
    try {
      out[field] = check(body[field], field);
    } catch (err) {
      if (!(err instanceof BaseError)) throw err;
      problems.push({ field, error: err });
    }
  }
  const first = problems[0];
  if (first === undefined) return out as CheckedFields<S>;
  if (problems.length === 1) throw first.error;
  const named = (p: { field: string; error: BaseError }): string => {
    const own = p.error.details?.field;
    return typeof own === 'string' ? own : p.field;
  };
  const Class = first.error.constructor as ErrorClass;
  throw new Class(first.error.code, problems.map((p) => p.error.message).join('; '), {
    cause: first.error,
    details: {
      ...first.error.details,
      field: named(first),
      fields: problems.map(named),
      issues: problems.map((p) => fieldIssue(named(p), p.error)),
    },
  });
}

/**
 * One bad field of an error, as clients receive it in `error.issues` (docs/web.md): its name, its
 * own code, and what it says about itself (`problem`, `limit`, `min`, `codePoint`).
 */
export interface FieldIssue {
  readonly field: string;
  readonly code: string;
  readonly problem?: string;
  readonly limit?: number;
  readonly min?: number;
  readonly codePoint?: string;
}

/** The {@link FieldIssue} of `error` about `field`. */
export function fieldIssue(field: string, error: BaseError): FieldIssue {
  const d = error.details ?? {};
  const text = (k: string): string | undefined => (typeof d[k] === 'string' ? d[k] : undefined);
  const count = (k: string): number | undefined =>
    Number.isSafeInteger(d[k]) ? (d[k] as number) : undefined;
  const problem = text('problem');
  const limit = count('limit');
  const min = count('min');
  const codePoint = text('codePoint');
  return {
    field,
    code: error.code,
    ...(problem !== undefined ? { problem } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(codePoint !== undefined ? { codePoint } : {}),
  };
}

/** `check`, except that an absent (`undefined`) value is accepted as `undefined`. */
export function optional<T>(check: FieldCheck<T>): FieldCheck<T | undefined> {
  return (value, field) => (value === undefined ? undefined : check(value, field));
}
