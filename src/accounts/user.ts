/**
 * The account model: what is stored, and the only views that leave the module. Stored records
 * hold the password hash and the sealed ID number; `toPublic`, `toSelf` and `toAuthUser` never do.
 */
import { randomBytes } from '../crypto/index.js';
import { encodeHex } from '../log/index.js';
import type { PublicUser, SelfUser } from '../api/index.js';
import { ROLES, type Role } from './roles.js';

export { ROLES, type Role } from './roles.js';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const USER_ID_PATTERN = /^u_[0-9a-f]{16}$/;

/** An account as stored at `rec/user/<id>` (JSON). */
export interface StoredUser {
  readonly v: 1;
  readonly id: string;
  /** NFKC, lower case; unique. */
  readonly username: string;
  readonly role: Role;
  readonly displayName: string;
  /** Depositors: the real name given at registration. */
  readonly realName?: string;
  readonly idNumberSealed?: string;
  readonly idHmac?: string;
  readonly idMasked?: string;
  /** Judges: the court they sit at (for a bound judge, the listed court's current name). */
  readonly court?: string;
  /** Judges: the listed court they are bound to (docs/courts.md); absent for a judge made before the list whose court matched no listed name. */
  readonly courtId?: string;
  /** Notaries: their notary office. */
  readonly office?: string;
  readonly disabled: boolean;
  /** While disabled: the admin's reason, as in the `account-disabled` admin entry. */
  readonly disabledReason?: string;
  /**
   * Seconds since the epoch: tokens with an earlier `iat` are refused. Set past the moment the
   * account was last disabled, so its old tokens stay dead after it is enabled again.
   */
  readonly tokensNotBefore?: number;
  readonly createdAt: string;
  readonly passwordHash: string;
}

export type { PublicUser, SelfUser } from '../api/index.js';

/** What other domains see of the authenticated caller (`currentUser(req)`). */
export type AuthUser = SelfUser;

/** A new random account id: `u_` + 16 hex (64 bits). */
export function newUserId(): string {
  return `u_${encodeHex(randomBytes(8))}`;
}

/** The unique form of a username: NFKC, lower case. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').toLowerCase();
}

/** Whether `role` is one of the four roles. */
export function isRole(role: unknown): role is Role {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role);
}

/** The public view (no personal data). */
export function toPublic(u: StoredUser): PublicUser {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    displayName: u.displayName,
    ...(u.court !== undefined ? { court: u.court } : {}),
    ...(u.courtId !== undefined ? { courtId: u.courtId } : {}),
    ...(u.office !== undefined ? { office: u.office } : {}),
  };
}

/** The view of one's own account or for an admin: masked ID, never the number or the hash. */
export function toSelf(u: StoredUser): SelfUser {
  return {
    ...toPublic(u),
    ...(u.realName !== undefined ? { realName: u.realName } : {}),
    ...(u.idMasked !== undefined ? { idMasked: u.idMasked } : {}),
    disabled: u.disabled,
    createdAt: u.createdAt,
  };
}

/**
 * The admin's view of an account: as `toSelf` without the real name (data minimisation), with
 * the reason a disabled account was disabled.
 */
export function toAdminView(u: StoredUser): SelfUser {
  const view: { -readonly [K in keyof SelfUser]: SelfUser[K] } = toSelf(u);
  delete view.realName;
  if (u.disabled && u.disabledReason !== undefined) view.disabledReason = u.disabledReason;
  return view;
}
