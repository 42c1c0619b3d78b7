/**
 * The account store: users as records in LevelDB (`rec/user/<id>` → JSON, `rec/username/<name>`
 * → id, `rec/idnumber/<HMAC of the ID number>` → id), all loaded into memory at start so every
 * request reads role and state without I/O. Usernames and ID numbers are unique: one person, one
 * account (docs/SECURITY.md, "Sign-in"). Memory changes only after the records are durable.
 */
import type { RecordWrite } from '../sequencer/index.js';
import { KeyedLock, type RecordStore } from '../storage/index.js';
import { AccountError } from './errors.js';
import {
  isRole,
  normalizeUsername,
  USER_ID_PATTERN,
  USERNAME_PATTERN,
  type StoredUser,
} from './user.js';

export const USER_PREFIX = 'rec/user/';
export const USERNAME_PREFIX = 'rec/username/';
/** The unique index of ID numbers, by their HMAC (never the number). */
export const ID_NUMBER_PREFIX = 'rec/idnumber/';

/** What the account store needs from storage (LevelStore has it). */
export type AccountRecords = Pick<RecordStore, 'scan' | 'writeRecords'>;

/**
 * Makes a change durable: calls `writesAt(time)` once with the change's time and writes what it
 * returns (plainly, or in the log batch of an admin entry); resolves with that time.
 */
export type Persist = (writesAt: (time: string) => RecordWrite[]) => Promise<string>;

const text = new TextDecoder('utf-8', { fatal: true });

export class AccountStore {
  private readonly users = new Map<string, StoredUser>();
  private readonly ids = new Map<string, string>();
  private readonly idNumbers = new Map<string, string>();
  private readonly reserved = new Set<string>();
  private readonly reservedIdNumbers = new Set<string>();
  private readonly lock = new KeyedLock();

  private constructor(private readonly records: AccountRecords) {}

  /**
   * Loads every account into memory.
   * @throws AccountError ACCOUNT_STORE_CORRUPT for an unreadable record or a duplicate username.
   */
  static async open(records: AccountRecords): Promise<AccountStore> {
    const s = new AccountStore(records);
    for await (const [key, value] of records.scan(USER_PREFIX)) {
      const user = parseUser(key, value);
      if (s.ids.has(user.username)) {
        throw new AccountError(
          'ACCOUNT_STORE_CORRUPT',
          `two accounts share a username (record ${key})`,
        );
      }
      s.users.set(user.id, user);
      s.ids.set(user.username, user.id);
      // Accounts made before ID numbers were unique may share one: all are kept, and the
      // number stays taken for new accounts.
      if (user.idHmac !== undefined && !s.idNumbers.has(user.idHmac))
        s.idNumbers.set(user.idHmac, user.id);
    }
    return s;
  }

  /** The plain persistence: one synced batch of records, no log entry. */
  readonly writePlain: Persist = async (writesAt) => {
    const time = new Date().toISOString();
    await this.records.writeRecords(writesAt(time));
    return time;
  };

  get size(): number {
    return this.users.size;
  }

  byId(id: string): StoredUser | undefined {
    return this.users.get(id);
  }

  /** Looks a username up case-insensitively (NFKC, lower case). */
  byUsername(username: string): StoredUser | undefined {
    const id = this.ids.get(normalizeUsername(username));
    return id === undefined ? undefined : this.users.get(id);
  }

  /** The account registered with the ID number of HMAC `idHmac`, if any. */
  byIdHmac(idHmac: string): StoredUser | undefined {
    const id = this.idNumbers.get(idHmac);
    return id === undefined ? undefined : this.users.get(id);
  }

  /** All accounts, oldest first. */
  list(): StoredUser[] {
    return [...this.users.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
  }

  /**
   * Creates an account from `draft` (its `createdAt` is the persisted time). The username and the
   * ID number are checked and reserved synchronously, so of two racing creations one wins.
   * @throws AccountError USERNAME_TAKEN when the username exists or is being created;
   *   ID_NUMBER_REGISTERED when an account has (or is being created with) the same ID number.
   */
  async create(
    draft: Omit<StoredUser, 'createdAt'>,
    persist: Persist = this.writePlain,
  ): Promise<StoredUser> {
    const name = draft.username;
    const idHmac = draft.idHmac;
    if (this.ids.has(name) || this.reserved.has(name) || this.users.has(draft.id)) {
      throw new AccountError('USERNAME_TAKEN', 'this username is taken');
    }
    if (idHmac !== undefined && this.idNumberTaken(idHmac)) throw idNumberRegistered();
    this.reserved.add(name);
    if (idHmac !== undefined) this.reservedIdNumbers.add(idHmac);
    try {
      let user: StoredUser | undefined;
      await persist((time) => {
        user = { ...draft, createdAt: time };
        return userWrites(user);
      });
      if (!user) throw new Error('persist did not write the account');
      this.users.set(user.id, user);
      this.ids.set(name, user.id);
      if (idHmac !== undefined) this.idNumbers.set(idHmac, user.id);
      return user;
    } finally {
      this.reserved.delete(name);
      if (idHmac !== undefined) this.reservedIdNumbers.delete(idHmac);
    }
  }

  /** Whether an account has, or is being created with, the ID number of HMAC `idHmac`. */
  idNumberTaken(idHmac: string): boolean {
    return this.idNumbers.has(idHmac) || this.reservedIdNumbers.has(idHmac);
  }

  /**
   * Sets `disabled`; changes to one account are serialised. Resolves `changed: false` (and
   * writes nothing) when the account is already in that state. Disabling also sets
   * `tokensNotBefore` to `notBefore` (seconds; default the second after now) and keeps `reason`
   * as `disabledReason`, in the same write; enabling drops the reason.
   * @throws AccountError USER_NOT_FOUND
   */
  setDisabled(
    id: string,
    disabled: boolean,
    persist: Persist = this.writePlain,
    notBefore: number = Math.floor(Date.now() / 1000) + 1,
    reason?: string,
  ): Promise<{ user: StoredUser; changed: boolean }> {
    return this.lock.run(id, async () => {
      const current = this.users.get(id);
      if (!current) throw new AccountError('USER_NOT_FOUND', 'no such account');
      if (current.disabled === disabled) return { user: current, changed: false };
      const next: { -readonly [K in keyof StoredUser]: StoredUser[K] } = { ...current, disabled };
      delete next.disabledReason;
      if (disabled) {
        if (reason !== undefined) next.disabledReason = reason;
        next.tokensNotBefore = Math.max(notBefore, current.tokensNotBefore ?? 0);
      }
      await persist(() => [{ type: 'put', key: USER_PREFIX + id, value: JSON.stringify(next) }]);
      this.users.set(id, next);
      return { user: next, changed: true };
    });
  }

  /**
   * Replaces the password hash and sets `tokensNotBefore` to `notBefore` (seconds) in the same
   * write, so every token issued before it is refused; changes to one account are serialised.
   * @throws AccountError USER_NOT_FOUND
   */
  setPasswordHash(
    id: string,
    passwordHash: string,
    notBefore: number,
    persist: Persist = this.writePlain,
  ): Promise<StoredUser> {
    return this.lock.run(id, async () => {
      const current = this.users.get(id);
      if (!current) throw new AccountError('USER_NOT_FOUND', 'no such account');
      const next: StoredUser = {
        ...current,
        passwordHash,
        tokensNotBefore: Math.max(notBefore, current.tokensNotBefore ?? 0),
      };
      await persist(() => [{ type: 'put', key: USER_PREFIX + id, value: JSON.stringify(next) }]);
      this.users.set(id, next);
      return next;
    });
  }

  /**
   * Binds a judge to a listed court (its id and current name); changes to one account are
   * serialised. Resolves `changed: false` (and writes nothing) when it is bound so already.
   * @throws AccountError USER_NOT_FOUND
   */
  setCourt(
    id: string,
    court: { readonly id: string; readonly name: string },
    persist: Persist = this.writePlain,
  ): Promise<{ user: StoredUser; changed: boolean }> {
    return this.lock.run(id, async () => {
      const current = this.users.get(id);
      if (!current) throw new AccountError('USER_NOT_FOUND', 'no such account');
      if (current.courtId === court.id && current.court === court.name)
        return { user: current, changed: false };
      const next: StoredUser = { ...current, courtId: court.id, court: court.name };
      await persist(() => [{ type: 'put', key: USER_PREFIX + id, value: JSON.stringify(next) }]);
      this.users.set(id, next);
      return { user: next, changed: true };
    });
  }
}

/** The records of a new account (one batch: the account and its unique indexes). */
function userWrites(user: StoredUser): RecordWrite[] {
  return [
    { type: 'put', key: USER_PREFIX + user.id, value: JSON.stringify(user) },
    { type: 'put', key: USERNAME_PREFIX + user.username, value: user.id },
    ...(user.idHmac !== undefined
      ? [{ type: 'put' as const, key: ID_NUMBER_PREFIX + user.idHmac, value: user.id }]
      : []),
  ];
}

/** 409 ID_NUMBER_REGISTERED; the message names no account. */
export function idNumberRegistered(): AccountError {
  return new AccountError(
    'ID_NUMBER_REGISTERED',
    'an account is already registered with this ID number; sign in to it, or ask the administrator',
  );
}

function parseUser(key: string, value: Uint8Array): StoredUser {
  let u: StoredUser;
  try {
    u = JSON.parse(text.decode(value)) as StoredUser;
  } catch (cause) {
    throw new AccountError('ACCOUNT_STORE_CORRUPT', `account record ${key} is not JSON`, { cause });
  }
  const ok =
    typeof u === 'object' &&
    u !== null &&
    u.v === 1 &&
    key === USER_PREFIX + u.id &&
    USER_ID_PATTERN.test(u.id) &&
    typeof u.username === 'string' &&
    USERNAME_PATTERN.test(u.username) &&
    isRole(u.role) &&
    typeof u.displayName === 'string' &&
    typeof u.passwordHash === 'string' &&
    typeof u.disabled === 'boolean' &&
    (u.disabledReason === undefined || typeof u.disabledReason === 'string') &&
    (u.tokensNotBefore === undefined ||
      (Number.isSafeInteger(u.tokensNotBefore) && u.tokensNotBefore >= 0)) &&
    typeof u.createdAt === 'string';
  if (!ok) throw new AccountError('ACCOUNT_STORE_CORRUPT', `account record ${key} is malformed`);
  return u;
}
