/**
 * The account operations behind the routes, the CLI and the bootstrap: register, log in, create
 * and disable accounts, and resolve a bearer token to the live account on every request.
 */
import { equalSecret } from '../crypto/index.js';
import type { AppendResult } from '../sequencer/index.js';
import { AccountError, invalidField } from './errors.js';
import { normalizeIdNumber } from './id-number.js';
import type { NewAccount } from './input.js';
import { persistWithAdminEntry, type AdminActor, type AdminAppender } from './admin-log.js';
import { generatePassword, hashPassword, verifyDummy, verifyPassword } from './password.js';
import type { PiiVault } from './pii.js';
import { idNumberRegistered, type AccountStore } from './store.js';
import { LoginThrottle, RateLimiter, REGISTRATIONS_PER_HOUR } from './throttle.js';
import type { IssuedToken, TokenService } from './tokens.js';
import { newUserId, normalizeUsername, type StoredUser } from './user.js';

const utf8 = new TextEncoder();

export interface AccountServiceDeps {
  readonly store: AccountStore;
  readonly vault: PiiVault;
  readonly tokens: TokenService;
  /** The log, for admin entries. */
  readonly log: AdminAppender;
  /** false turns login back-off and registration limits off (benchmarks, load tests). */
  readonly rateLimits: boolean;
  readonly now?: () => number;
  /** Receives every admin entry appended (metrics, tests). */
  readonly onAdminEntry?: (result: AppendResult, actionId: string) => void;
  /**
   * The court list: a new judge's `courtId` or `court` must name a listed court. Without it (unit
   * tests of accounts alone) a judge's `court` is kept as free text.
   */
  readonly courts?: CourtDirectory;
}

/** A listed court as accounts need it: its id and current name. */
export interface BoundCourt {
  readonly id: string;
  readonly name: string;
}

/**
 * What accounts need of the court list (declared by its consumer; the courts domain's
 * CourtService has it; docs/courts.md).
 */
export interface CourtDirectory {
  /**
   * The listed, enabled court a judge is bound to.
   * @throws CourtError COURT_UNKNOWN, COURT_DISABLED
   */
  resolve(ref: { readonly courtId: string } | { readonly name: string }): BoundCourt;
}

/** A successful sign-in or registration. */
export interface Session extends IssuedToken {
  readonly user: StoredUser;
}

export class AccountService {
  readonly store: AccountStore;
  readonly tokens: TokenService;
  readonly throttle: LoginThrottle;
  private readonly registrations: RateLimiter;
  private readonly now: () => number;

  constructor(private readonly deps: AccountServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.store = deps.store;
    this.tokens = deps.tokens;
    const common = { enabled: deps.rateLimits, ...(deps.now ? { now: deps.now } : {}) };
    this.throttle = new LoginThrottle(common);
    this.registrations = new RateLimiter({
      ...common,
      limit: REGISTRATIONS_PER_HOUR,
      windowMs: 3_600_000,
    });
  }

  /**
   * Self-registration of a depositor (no log entry); `address` is the client's. One ID number
   * registers one account (docs/SECURITY.md).
   * @throws AccountError RATE_LIMITED, USERNAME_TAKEN, ID_NUMBER_REGISTERED
   */
  async register(input: NewAccount, address: string): Promise<Session> {
    this.registrations.take(`ip:${address}`);
    if (input.role !== 'depositor') throw new TypeError('only depositors register themselves');
    const user = await this.store.create(await this.draft(input));
    return { ...this.tokens.issue(user.id), user };
  }

  /**
   * Signs in. Unknown usernames and wrong passwords take the same time and give the same error.
   * The attempt is reserved with the back-off before the password is hashed (docs/SECURITY.md).
   * @throws AccountError LOGIN_THROTTLED, LOGIN_THROTTLED_ACCOUNT, LOGIN_THROTTLED_ADDRESS,
   *   LOGIN_FAILED, ACCOUNT_DISABLED (right password only)
   */
  async login(username: string, password: string, address: string): Promise<Session> {
    const attempt = this.throttle.reserve(normalizeUsername(username).slice(0, 64), address);
    const found = this.store.byUsername(username);
    const ok = found
      ? await verifyPassword(password, found.passwordHash)
      : await verifyDummy(password);
    if (!found || !ok) throw new AccountError('LOGIN_FAILED', 'wrong username or password');
    attempt.succeeded();
    // Live state after the hash: an account disabled meanwhile gets no token.
    const user = this.store.byId(found.id) ?? found;
    if (user.disabled) throw new AccountError('ACCOUNT_DISABLED', 'this account is disabled');
    return { ...this.tokens.issue(user.id, user.tokensNotBefore), user };
  }

  /**
   * Creates an account on behalf of `actor` (an admin, or the operator), with an admin entry.
   * @throws AccountError USERNAME_TAKEN, ID_NUMBER_REGISTERED; SequencerError when the log
   *   cannot append.
   */
  async createAccount(actor: AdminActor, input: NewAccount): Promise<StoredUser> {
    const court = this.courtOf(input);
    const draft = await this.draft(input, court);
    const subject = court
      ? { account: draft.id, court: { id: court.id, name: court.name } }
      : draft.id;
    return this.store.create(
      draft,
      persistWithAdminEntry(
        this.deps.log,
        'account-created',
        actor,
        subject,
        this.deps.onAdminEntry,
      ),
    );
  }

  /**
   * Binds judge `id` to a listed court, or moves them to another (`account-court-changed` admin
   * entry); binding them where they are writes nothing. The judge then redeems and reads only
   * that court's shares (docs/courts.md).
   * @throws AccountError USER_NOT_FOUND, INVALID_FIELD (`courtId` for an account that is not a judge)
   */
  async setCourt(actor: AdminActor, id: string, court: BoundCourt): Promise<StoredUser> {
    const user = this.store.byId(id);
    if (!user) throw new AccountError('USER_NOT_FOUND', 'no such account');
    if (user.role !== 'judge') throw invalidField('courtId', `is not used for role ${user.role}`);
    const persist = persistWithAdminEntry(
      this.deps.log,
      'account-court-changed',
      actor,
      { account: id, court: { id: court.id, name: court.name } },
      this.deps.onAdminEntry,
    );
    return (await this.store.setCourt(id, court, persist)).user;
  }

  /**
   * Moves judge `id` to the listed, enabled court `courtId` (admin `PATCH …/users/:id {courtId}`).
   * Everything is checked before anything is written.
   * @throws AccountError USER_NOT_FOUND, INVALID_FIELD; CourtError COURT_UNKNOWN, COURT_DISABLED
   */
  async moveJudge(actor: AdminActor, id: string, courtId: string): Promise<StoredUser> {
    const user = this.store.byId(id);
    if (!user) throw new AccountError('USER_NOT_FOUND', 'no such account');
    if (user.role !== 'judge') throw invalidField('courtId', `is not used for role ${user.role}`);
    if (!this.deps.courts)
      throw invalidField('courtId', 'cannot be resolved: this service has no court list');
    const court = this.deps.courts.resolve({ courtId });
    return this.setCourt(actor, id, { id: court.id, name: court.name });
  }

  /**
   * Follows a rename of the court judge `id` is bound to (a plain record write: the rename itself
   * is the admin entry).
   * @throws AccountError USER_NOT_FOUND
   */
  async refreshCourtName(id: string, court: BoundCourt): Promise<StoredUser> {
    return (await this.store.setCourt(id, court)).user;
  }

  /**
   * Disables or enables an account, with an admin entry when the state changes; the reason of a
   * disabling goes in the entry's opening and stays on the account while it is disabled.
   * Disabling ends every token issued so far, for good: they stay refused after the account is
   * enabled again.
   * @throws AccountError USER_NOT_FOUND, CANNOT_DISABLE_SELF
   */
  async setDisabled(
    actor: AdminActor,
    id: string,
    disabled: boolean,
    reason?: string,
  ): Promise<StoredUser> {
    if (disabled && actor.account === id) {
      throw new AccountError(
        'CANNOT_DISABLE_SELF',
        'an administrator cannot disable their own account',
      );
    }
    const action = disabled ? 'account-disabled' : 'account-enabled';
    const why = disabled ? reason : undefined;
    const persist = persistWithAdminEntry(
      this.deps.log,
      action,
      actor,
      id,
      this.deps.onAdminEntry,
      why,
    );
    return (await this.store.setDisabled(id, disabled, persist, this.nextSecond(), why)).user;
  }

  /**
   * Changes the caller's own password (docs/SECURITY.md, "Sign-in"). The current password is
   * checked under the sign-in back-off (a stolen token cannot guess it faster than a sign-in
   * could); every token issued before is refused from then on, and a fresh session is returned
   * so the caller stays signed in here.
   * @throws AccountError LOGIN_THROTTLED, LOGIN_THROTTLED_ACCOUNT, LOGIN_THROTTLED_ADDRESS,
   *   CURRENT_PASSWORD_WRONG (`details.field` `currentPassword`), USER_NOT_FOUND
   */
  async changePassword(
    id: string,
    change: { readonly currentPassword: string; readonly newPassword: string },
    address: string,
  ): Promise<Session> {
    const user = this.store.byId(id);
    if (!user) throw new AccountError('USER_NOT_FOUND', 'no such account');
    const attempt = this.throttle.reserve(user.username, address);
    if (!(await verifyPassword(change.currentPassword, user.passwordHash))) {
      throw new AccountError('CURRENT_PASSWORD_WRONG', 'the current password is not correct', {
        details: { field: 'currentPassword' },
      });
    }
    attempt.succeeded();
    const hash = await hashPassword(change.newPassword);
    const notBefore = this.nextSecond();
    const next = await this.store.setPasswordHash(id, hash, notBefore);
    return { ...this.tokens.issue(id, next.tokensNotBefore), user: next };
  }

  /**
   * An admin sets a new password for account `id` (`account-password-reset` admin entry; the
   * password itself is never logged). Every token issued before is refused from then on. With
   * no `password`, one is generated ({@link generatePassword}) and returned to be shown once.
   * @throws AccountError USER_NOT_FOUND
   */
  async resetPassword(
    actor: AdminActor,
    id: string,
    password?: string,
  ): Promise<{ user: StoredUser; password: string; generated: boolean }> {
    if (!this.store.byId(id)) throw new AccountError('USER_NOT_FOUND', 'no such account');
    const chosen = password ?? generatePassword();
    const hash = await hashPassword(chosen);
    const persist = persistWithAdminEntry(
      this.deps.log,
      'account-password-reset',
      actor,
      id,
      this.deps.onAdminEntry,
    );
    const user = await this.store.setPasswordHash(id, hash, this.nextSecond(), persist);
    return { user, password: chosen, generated: password === undefined };
  }

  /** The second after now: a token issued in this very second is older than the change. */
  private nextSecond(): number {
    return Math.floor(this.now() / 1000) + 1;
  }

  /**
   * The live account behind a bearer token: role and state as they are now; a token older than
   * the account's `tokensNotBefore` (issued before it was last disabled) is refused.
   * @throws AccountError TOKEN_INVALID, TOKEN_EXPIRED, ACCOUNT_DISABLED
   */
  userForToken(token: string): StoredUser {
    const { sub, iat } = this.tokens.verifyIssued(token);
    const user = this.store.byId(sub);
    if (!user) throw new AccountError('TOKEN_INVALID', 'the token is not valid');
    if (user.disabled) throw new AccountError('ACCOUNT_DISABLED', 'this account is disabled');
    if (iat < (user.tokensNotBefore ?? 0)) {
      throw new AccountError(
        'TOKEN_INVALID',
        'the token was issued before the account was disabled; sign in again',
      );
    }
    return user;
  }

  /** Whether `idNumber` is the one registered for account `id` (compared by HMAC; claim codes). */
  matchesIdNumber(id: string, idNumber: string): boolean {
    const user = this.store.byId(id);
    if (user?.idHmac === undefined) return false;
    return equalSecret(
      utf8.encode(this.deps.vault.idHmac(normalizeIdNumber(idNumber))),
      utf8.encode(user.idHmac),
    );
  }

  /**
   * The matching HMAC of an ID number (a walk-in client's, kept with a counter deposit's claim
   * code instead of the number), comparable with a registered account's `idHmac`.
   */
  idNumberHmac(idNumber: string): string {
    return this.deps.vault.idHmac(normalizeIdNumber(idNumber));
  }

  /** Whether `password` is the account's password (production's demo-password check). */
  async hasPassword(username: string, password: string): Promise<boolean> {
    const user = this.store.byUsername(username);
    return user !== undefined && verifyPassword(password, user.passwordHash);
  }

  /** The listed court a new judge names (undefined: no court, or no list to resolve against). */
  private courtOf(input: NewAccount): BoundCourt | undefined {
    if (input.role !== 'judge') return undefined;
    const courts = this.deps.courts;
    if (!courts) {
      if (input.courtId !== undefined)
        throw invalidField('courtId', 'cannot be resolved: this service has no court list');
      return undefined;
    }
    if (input.courtId !== undefined) return courts.resolve({ courtId: input.courtId });
    return input.court !== undefined ? courts.resolve({ name: input.court }) : undefined;
  }

  private async draft(
    input: NewAccount,
    court?: BoundCourt,
  ): Promise<Omit<StoredUser, 'createdAt'>> {
    // Fail fast, before the expensive hash; the store checks again atomically.
    if (this.store.byUsername(input.username))
      throw new AccountError('USERNAME_TAKEN', 'this username is taken');
    const id = newUserId();
    const sealed =
      input.idNumber !== undefined ? this.deps.vault.seal(id, input.idNumber) : undefined;
    if (sealed && this.store.idNumberTaken(sealed.idHmac)) throw idNumberRegistered();
    return {
      v: 1,
      id,
      username: input.username,
      role: input.role,
      displayName: input.displayName,
      ...(input.realName !== undefined ? { realName: input.realName } : {}),
      ...(sealed ?? {}),
      ...(court !== undefined
        ? { court: court.name, courtId: court.id }
        : input.court !== undefined
          ? { court: input.court }
          : {}),
      ...(input.office !== undefined ? { office: input.office } : {}),
      disabled: false,
      passwordHash: await hashPassword(input.password),
    };
  }
}
