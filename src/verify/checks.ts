/**
 * Verification checks (docs/verification.md): every check has a stable id, a status, what was expected,
 * what was found, and a message in Chinese and English. Messages never quote a stored digest,
 * name or opening: those travel only in `expected`, which the API blanks for anonymous callers.
 * @module
 */

/** The stable check ids, in the order a report lists them (docs/verification.md). */
export const CHECK_IDS = [
  'receipt.shape',
  'entry.canonical',
  'entry.id',
  'opening.commitment',
  'file.sha256',
  'file.sm3',
  'checkpoint.signature',
  'checkpoint.key_trusted',
  'checkpoint.origin',
  'inclusion',
  'consistency',
  'timestamp.imprint',
  'timestamp.signature',
  'timestamp.trusted',
  'timestamp.covers',
  'document.issued',
] as const;

/** One of {@link CHECK_IDS}. */
export type CheckId = (typeof CHECK_IDS)[number];

/** `skip`: the check does not apply (no file given, not online, …). */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** A message in both languages of the product, Chinese first. */
export interface Message {
  readonly zh: string;
  readonly en: string;
}

/** One check of a verification. `passed` is `status === 'pass'`. */
export interface Check {
  readonly id: CheckId;
  readonly status: CheckStatus;
  readonly passed: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: Message;
}

/** The outcome of verifying a receipt. */
export type Verdict = 'verified' | 'not_verified';

/** Builds a {@link Check}; `expected` and `actual` default to null. */
export function check(
  id: CheckId,
  status: CheckStatus,
  message: Message,
  expected: unknown = null,
  actual: unknown = null,
): Check {
  return { id, status, passed: status === 'pass', expected, actual, message };
}

/** Shorthand for a {@link Message}. */
export function msg(zh: string, en: string): Message {
  return { zh, en };
}

/**
 * The verdict rule of docs/verification.md: `verified` only if no check fails and both
 * `checkpoint.key_trusted` and `inclusion` passed.
 * @example verdictOf([]) === 'not_verified'
 */
export function verdictOf(checks: readonly Check[]): Verdict {
  const passed = (id: CheckId): boolean => checks.some((c) => c.id === id && c.passed);
  const failed = checks.some((c) => c.status === 'fail');
  return !failed && passed('checkpoint.key_trusted') && passed('inclusion')
    ? 'verified'
    : 'not_verified';
}

/** The checks in {@link CHECK_IDS} order (stable for reports and tests). */
export function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id));
}

/** The checks as an anonymous caller may see them: `expected` is null (docs/api.md). */
export function redactExpected(checks: readonly Check[]): Check[] {
  return checks.map((c) => ({ ...c, expected: null }));
}
