/** Where each role starts, and the safe `next` target of a sign-in. */
import type { Role } from '../types.js';

/** Where each role starts. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  depositor: '/deposits',
  notary: '/notary',
  judge: '/judge',
  admin: '/admin',
};

/** A safe in-app `next` target (no other origin, no protocol-relative URL). */
export function nextTarget(query: URLSearchParams, fallback: string): string {
  const next = query.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
