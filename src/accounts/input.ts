/**
 * The inputs that create accounts, from any source (registration, admin route, CLI, seeds),
 * checked by one set of rules: usernames, passwords, names, the role's own fields.
 */
import { invalidField } from './errors.js';
import { isValidIdNumber, normalizeIdNumber } from './id-number.js';
import { assertPassword } from './password.js';
import { isRole, normalizeUsername, USERNAME_PATTERN, type Role } from './user.js';
import { checkName, readBody, requireString, type Body } from './validate.js';

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
export function checkUsername(raw: string, field = 'username'): string {
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

/** A string field's value; `undefined` only when absent and `optional`. */
function str(value: unknown, field: string, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  return requireString({ [field]: value }, field);
}

/**
 * Checks every field and the role's rules: depositors need `realName` and `idNumber`; judges need
 * `courtId` or `court` (one of them; docs/courts.md); courts are only for judges, `office` only
 * for notaries, identity only for depositors.
 * @throws AccountError INVALID_FIELD naming the first bad field.
 */
export function checkNewAccount(raw: RawAccount): NewAccount {
  const username = checkUsername(str(raw.username, 'username')!);
  const password = assertPassword(raw.password);
  if (!isRole(raw.role)) throw invalidField('role', 'must be depositor, notary, judge or admin');
  const role = raw.role;
  const displayName = checkName('displayName', str(raw.displayName, 'displayName')!);
  const only = (
    field: string,
    value: unknown,
    allowed: boolean,
    required: boolean,
  ): string | undefined => {
    const v = str(value, field, true);
    if (v !== undefined && !allowed) throw invalidField(field, `is not used for role ${role}`);
    if (v === undefined && required) throw invalidField(field, `is required for role ${role}`);
    return v;
  };
  const realName = only('realName', raw.realName, role === 'depositor', role === 'depositor');
  const idNumber = only('idNumber', raw.idNumber, role === 'depositor', role === 'depositor');
  const courtId = only('courtId', raw.courtId, role === 'judge', false);
  const court = only(
    'court',
    raw.court,
    role === 'judge',
    role === 'judge' && courtId === undefined,
  );
  if (court !== undefined && courtId !== undefined)
    throw invalidField('court', 'must not be given with courtId (give one)');
  if (courtId !== undefined && courtId.length > 64) throw invalidField('courtId', 'is too long');
  const office = only('office', raw.office, role === 'notary', false);
  return {
    username,
    password,
    role,
    displayName,
    ...(realName !== undefined ? { realName: checkName('realName', realName) } : {}),
    ...(idNumber !== undefined ? { idNumber: checkIdNumber(idNumber) } : {}),
    ...(court !== undefined ? { court: checkName('court', court) } : {}),
    ...(courtId !== undefined ? { courtId } : {}),
    ...(office !== undefined ? { office: checkName('office', office) } : {}),
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

/** `POST /api/v1/auth/login`: shapes only; whether they match is the login's business. */
export function parseLogin(body: unknown): { username: string; password: string } {
  const b: Body = readBody(body, ['username', 'password']);
  const username = requireString(b, 'username');
  const password = requireString(b, 'password');
  if (username.length > 256) throw invalidField('username', 'is too long');
  if (password.length > 1024) throw invalidField('password', 'is too long');
  return { username, password };
}
