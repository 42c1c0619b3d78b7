/**
 * The inputs that create accounts, from any source (registration, admin route, CLI, seeds),
 * checked by one set of rules: usernames, passwords, names, the role's own fields. Names go
 * through the one input toolkit (src/input, docs/SECURITY.md "Text that lies").
 */
import { invalidField } from './errors.js';
import { isValidIdNumber, normalizeIdNumber } from './id-number.js';
import { assertPassword } from './password.js';
import { isRole, normalizeUsername, USERNAME_PATTERN, type Role } from './user.js';
import {
  ADMIN_REASON_MAX_CHARS,
  checkFields,
  optional,
  singleLine,
  type FieldCheck,
} from '../input/index.js';
import { checkName, readBody, requireBoolean, requireString, type Body } from './validate.js';

/** A checked request for a new account. */
export interface NewAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly displayName: string;
  readonly realName?: string;
  /** Normalised and valid (GB 11643). */
  readonly idNumber?: string;
  /** Judges: the court's name (resolved against the court list when there is one). */
  readonly court?: string;
  /** Judges: a listed court's id (docs/courts.md). */
  readonly courtId?: string;
  readonly office?: string;
}

/** A raw account request (strings not yet checked). */
export interface RawAccount {
  readonly username: unknown;
  readonly password: unknown;
  readonly role: unknown;
  readonly displayName: unknown;
  readonly realName?: unknown;
  readonly idNumber?: unknown;
  readonly court?: unknown;
  readonly courtId?: unknown;
  readonly office?: unknown;
}

/** Normalises and checks a username: 3–32 of `[a-z0-9._-]` after NFKC and lower-casing. */
function checkUsername(raw: string, field = 'username'): string {
  const name = normalizeUsername(raw);
  if (!USERNAME_PATTERN.test(name))
    throw invalidField(field, 'must be 3 to 32 characters of a-z, 0-9, ".", "_", "-"');
  return name;
}

/** Normalises and checks an ID number. */
export function checkIdNumber(raw: string, field = 'idNumber'): string {
  const id = normalizeIdNumber(raw);
  if (!isValidIdNumber(id)) {
    throw invalidField(
      field,
      'is not a valid resident ID number (18 characters, birth date, GB 11643 check character)',
    );
  }
  return id;
}

/**
 * Checks every field and the role's rules: depositors need `realName` and `idNumber`; judges need
 * `courtId` or `court` (one of them; docs/courts.md); courts are only for judges, `office` only
 * for notaries, identity only for depositors. Names are one line of text (src/input); every bad
 * field is named in one error.
 * @throws AccountError / InputError INVALID_FIELD, FIELD_TOO_LONG naming the bad fields.
 */
export function checkNewAccount(raw: RawAccount): NewAccount {
  const role = isRole(raw.role) ? raw.role : undefined;
  /** A field only `owner` may have (`required` for it); others must not send it. */
  const forRole =
    <T>(owner: Role, required: boolean, check: FieldCheck<T>): FieldCheck<T | undefined> =>
    (value, field) => {
      if (value === undefined) {
        if (required && role === owner) throw invalidField(field, `is required for role ${role}`);
        return undefined;
      }
      if (role !== undefined && role !== owner)
        throw invalidField(field, `is not used for role ${role}`);
      return check(value, field);
    };
  const name: FieldCheck<string> = (v, f) => checkName(f, v);
  const courtId: FieldCheck<string> = (v, f) => {
    const id = requireString({ [f]: v }, f);
    if (id.length > 64) throw invalidField(f, 'is too long');
    return id;
  };
  const checked = checkFields(raw as unknown as Readonly<Record<string, unknown>>, {
    username: (v, f) => checkUsername(requireString({ [f]: v }, f), f),
    password: (v, f) => assertPassword(v, f),
    role: (v, f): Role => {
      if (!isRole(v)) throw invalidField(f, 'must be depositor, notary, judge or admin');
      return v;
    },
    displayName: name,
    realName: forRole('depositor', true, name),
    idNumber: forRole('depositor', true, (v, f) => checkIdNumber(requireString({ [f]: v }, f), f)),
    court: forRole('judge', raw.courtId === undefined, name),
    courtId: forRole('judge', false, courtId),
    office: forRole('notary', false, name),
  });
  const { username, password, displayName, realName, idNumber, court, office } = checked;
  if (court !== undefined && checked.courtId !== undefined)
    throw invalidField('court', 'must not be given with courtId (give one)');
  return {
    username,
    password,
    role: checked.role,
    displayName,
    ...(realName !== undefined ? { realName } : {}),
    ...(idNumber !== undefined ? { idNumber } : {}),
    ...(court !== undefined ? { court } : {}),
    ...(checked.courtId !== undefined ? { courtId: checked.courtId } : {}),
    ...(office !== undefined ? { office } : {}),
  };
}

/** `POST /api/v1/auth/register`: depositors only. */
export function parseRegistration(body: unknown): NewAccount {
  const b = readBody(body, ['username', 'password', 'displayName', 'realName', 'idNumber']);
  return checkNewAccount({ ...b, role: 'depositor' } as RawAccount);
}

/** `POST /api/v1/admin/users`. */
export function parseAdminCreate(body: unknown): NewAccount {
  const b = readBody(body, [
    'username',
    'password',
    'role',
    'displayName',
    'court',
    'courtId',
    'office',
    'realName',
    'idNumber',
  ]);
  return checkNewAccount(b as unknown as RawAccount);
}

/** `POST /api/v1/auth/password`: the current password (shape only) and a valid new one. */
export function parsePasswordChange(body: unknown): {
  currentPassword: string;
  newPassword: string;
} {
  const b = readBody(body, ['currentPassword', 'newPassword']);
  return checkFields(b, {
    currentPassword: (v, f) => {
      const current = requireString({ [f]: v }, f);
      if (current.length > 1024) throw invalidField(f, 'is too long');
      return current;
    },
    newPassword: (v, f) => assertPassword(v, f),
  });
}

/** `POST /api/v1/admin/users/:id/password`: the new password, or none to have one generated. */
export function parsePasswordReset(body: unknown): { password?: string } {
  const { password } = checkFields(readBody(body, ['password']), {
    password: optional((v, f) => assertPassword(v, f)),
  });
  return password !== undefined ? { password } : {};
}

/** What `PATCH /api/v1/admin/users/:id` asks for. */
export interface AccountChange {
  readonly disabled?: boolean;
  /** Required to disable: one line, kept in the admin entry (docs/SECURITY.md). */
  readonly reason?: string;
  readonly courtId?: string;
}

/**
 * `PATCH /api/v1/admin/users/:id`: `disabled` (with a `reason` to disable) and/or `courtId`;
 * every bad field is named in one error.
 * @throws InputError / AccountError INVALID_FIELD, FIELD_TOO_LONG, UNKNOWN_FIELD
 */
export function parseAccountChange(body: unknown): AccountChange {
  const b = readBody(body, ['disabled', 'reason', 'courtId']);
  if (b.disabled === undefined && b.courtId === undefined)
    throw invalidField('disabled', 'is required (or give courtId)', 'required');
  const checked = checkFields(b, {
    disabled: optional((v, f) => requireBoolean({ [f]: v }, f)),
    reason: (v, f) => {
      if (b.disabled !== true) {
        if (v !== undefined) throw invalidField(f, 'is only given to disable an account');
        return undefined;
      }
      return singleLine(f, v, { max: ADMIN_REASON_MAX_CHARS });
    },
    courtId: optional((v, f) => requireString({ [f]: v }, f)),
  });
  return {
    ...(checked.disabled !== undefined ? { disabled: checked.disabled } : {}),
    ...(checked.reason !== undefined ? { reason: checked.reason } : {}),
    ...(checked.courtId !== undefined ? { courtId: checked.courtId } : {}),
  };
}

/** `POST /api/v1/auth/login`: shapes only; whether they match is the login's business. */
export function parseLogin(body: unknown): { username: string; password: string } {
  const b: Body = readBody(body, ['username', 'password']);
  const username = requireString(b, 'username');
  const password = requireString(b, 'password');
  if (username.length > 256) throw invalidField('username', 'is too long');
  if (password.length > 1024) throw invalidField('password', 'is too long');
  return { username, password };
}
