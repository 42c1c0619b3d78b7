/** Where each role starts, and the safe `next` target of a sign-in. */
import type { Role } from '../types.js';

/** Where each role starts. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  depositor: '/deposits',
  notary: '/notary',
  judge: '/judge',
  admin: '/admin',
};

/**
 * A safe in-app `next` target: a path of this origin, else `fallback`. Refused: another origin
 * (`https://…`, `//host`), a scheme (`javascript:`), and any backslash or control character,
 * since browsers read `/\host` as `//host` and drop tabs and newlines inside a URL.
 */
export function nextTarget(query: URLSearchParams, fallback: string): string {
  const next = query.get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//')) return fallback;
  return /[\\\p{Cc}]/u.test(next) ? fallback : next;
}
