/**
 * The account store: users as records in LevelDB (`rec/user/<id>` → JSON, `rec/username/<name>`
 * → id), all loaded into memory at start so every request reads role and state without I/O.
 * Memory changes only after the records are durable.
 */
import type { RecordWrite } from '../sequencer/index.js';
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

/** What the account store needs from storage (declared by its consumer; LevelStore has it). */
export interface AccountRecords {
  scan(prefix: string): AsyncIterable<[string, Uint8Array]>;
  writeRecords(records: readonly RecordWrite[]): Promise<void>;
}

/**
 * Makes a change durable: calls `writesAt(time)` once with the change's time and writes what it
 * returns (plainly, or in the log batch of an admin entry); resolves with that time.
 */
export type Persist = (writesAt: (time: string) => RecordWrite[]) => Promise<string>;

const text = new TextDecoder('utf-8', { fatal: true });

export class AccountStore {
  private readonly users = new Map<string, StoredUser>();
  private readonly ids = new Map<string, string>();
  private readonly reserved = new Set<string>();
  private readonly locks = new Map<string, Promise<unknown>>();

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

  /** All accounts, oldest first. */
  list(): StoredUser[] {
    return [...this.users.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
  }

  /**
   * Creates an account from `draft` (its `createdAt` is the persisted time).
   * @throws AccountError USERNAME_TAKEN when the username exists or is being created.
   */
  async create(
    draft: Omit<StoredUser, 'createdAt'>,
    persist: Persist = this.writePlain,
  ): Promise<StoredUser> {
    const name = draft.username;
    if (this.ids.has(name) || this.reserved.has(name) || this.users.has(draft.id)) {
      throw new AccountError('USERNAME_TAKEN', 'this username is taken');
    }
    this.reserved.add(name);
    try {
      let user: StoredUser | undefined;
      await persist((time) => {
        user = { ...draft, createdAt: time };
        return userWrites(user);
      });
      if (!user) throw new Error('persist did not write the account');
      this.users.set(user.id, user);
      this.ids.set(name, user.id);
      return user;
    } finally {
      this.reserved.delete(name);
    }
  }

  /**
   * Sets `disabled`; changes to one account are serialised. Resolves `changed: false` (and
   * writes nothing) when the account is already in that state.
   * @throws AccountError USER_NOT_FOUND
   */
  setDisabled(
    id: string,
    disabled: boolean,
    persist: Persist = this.writePlain,
  ): Promise<{ user: StoredUser; changed: boolean }> {
    return this.serialised(id, async () => {
      const current = this.users.get(id);
      if (!current) throw new AccountError('USER_NOT_FOUND', 'no such account');
      if (current.disabled === disabled) return { user: current, changed: false };
      const next: StoredUser = { ...current, disabled };
      await persist(() => [{ type: 'put', key: USER_PREFIX + id, value: JSON.stringify(next) }]);
      this.users.set(id, next);
      return { user: next, changed: true };
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
    return this.serialised(id, async () => {
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

  private serialised<T>(key: string, run: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const result = previous.then(run, run);
    const tail = result.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    });
    return result;
  }
}

/** The records of a new account. */
export function userWrites(user: StoredUser): RecordWrite[] {
  return [
    { type: 'put', key: USER_PREFIX + user.id, value: JSON.stringify(user) },
    { type: 'put', key: USERNAME_PREFIX + user.username, value: user.id },
  ];
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
    typeof u.createdAt === 'string';
  if (!ok) throw new AccountError('ACCOUNT_STORE_CORRUPT', `account record ${key} is malformed`);
  return u;
}
